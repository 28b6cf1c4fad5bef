"""The analysis commands: evaluate, lint and diff, their output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
NATO = str(ROOT / "examples" / "nato_indo_pacific" / "map.yaml")


def test_evaluate_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", NATO]) == 0
    out = capsys.readouterr().out
    assert out.startswith("grounded: 1 extension")
    assert "thesis                    claim           rejected" in out
    assert main(["evaluate", NATO, "--semantics", "dfquad", "--output-format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["semantics"] == "dfquad"
    assert {n["id"]: n["strength"] for n in data["nodes"]}["thesis"] == pytest.approx(
        0.498, abs=1e-3
    )


def test_evaluate_reports_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path / "missing.yaml")]) == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text('argmap: "1.0"\ntitle: t\nnodes:\n  - {id: a, kind: claim}\n', encoding="utf-8")
    assert main(["evaluate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:4:" in err
    assert main(["evaluate", NATO, "--semantics", "nonsense"]) == 2


def test_lint_ignores_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", NATO]) == 1
    assert ["unanswered-objection", "shift-unclear"] in [
        line.split()[:2] for line in capsys.readouterr().out.splitlines()
    ]
    every = "unanswered-objection,unsupported-claim"
    assert main(["lint", NATO, "--ignore", every, "--ignore", "attribution-only-support"]) == 0
    assert capsys.readouterr().out.strip() == "no lint findings"
    assert main(["lint", NATO, "--ignore", "nope"]) == 2
    assert "unknown lint code 'nope'" in capsys.readouterr().err
    assert main(["lint", NATO, "--output-format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert findings[0]["node"] == "shift-unclear"
    assert findings[0]["quote"].startswith("However")


def test_diff_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", NATO, NATO]) == 0
    assert capsys.readouterr().out.strip() == "no differences"
    text = Path(NATO).read_text(encoding="utf-8")
    edited = tmp_path / "map.yaml"
    (tmp_path / "seeds").mkdir()
    edited.write_text(
        text.replace("../../seeds/", "seeds/").replace("shift-unclear", "framing-unclear"),
        encoding="utf-8",
    )
    (tmp_path / "seeds" / "nato_indo_pacific.txt").write_bytes(
        (ROOT / "seeds" / "nato_indo_pacific.txt").read_bytes()
    )
    assert main(["diff", NATO, str(edited), "--output-format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["equal"] is False
    assert data["nodes_renamed"] == [["shift-unclear", "framing-unclear"]]
    assert main(["diff", NATO, str(tmp_path / "missing.yaml")]) == 2


@pytest.mark.exe
def test_render_status_on_the_whole_map_and_a_focus_view(tmp_path: Path) -> None:
    whole, view = tmp_path / "whole.svg", tmp_path / "view.svg"
    assert main(["render", NATO, "--status", "grounded", "-o", str(whole)]) == 0
    assert main(["render", NATO, "--status", "dfquad", "--focus", "thesis", "-o", str(view)]) == 0
    drawn = whole.read_text(encoding="utf-8")
    assert "rejected" in drawn
    assert "accepted" in drawn
    assert view.stat().st_size > 1000
    assert main(["render", NATO, "--status", "nonsense", "-o", str(view)]) == 2
