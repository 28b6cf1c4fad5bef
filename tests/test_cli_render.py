"""`argmap render`: files in, diagrams out, exit codes, and no traceback for a user's mistake."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.drawing import layout as layout_module
from argmap.drawing import wrap_text
from tests.conftest import NATO_MAP, NATO_TEXT

BAD = """\
argmap: "1.0"
title: Faults
nodes:
  - {id: a, kind: clam, text: x}
  - {id: b, kind: claim, text: y, section: nowhere}
"""


@pytest.fixture
def nato(tmp_path: Path) -> Path:
    """A copy of the NATO map (and its source text) that a test may overwrite."""
    folder = tmp_path / "examples" / "nato"
    folder.mkdir(parents=True)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(NATO_TEXT, seeds / NATO_TEXT.name)
    return Path(shutil.copy(NATO_MAP, folder / "map.yaml"))


def test_render_writes_the_diagram_and_says_so(
    nato: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nato.dot"
    assert main(["render", str(nato), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("digraph argmap {")
    assert capsys.readouterr().out == f"wrote {out}\n"


@pytest.mark.exe
def test_render_draws_svg_through_graphviz(nato: Path, tmp_path: Path) -> None:
    out = tmp_path / "nato.svg"
    assert main(["render", str(nato), "-o", str(out)]) == 0
    assert b"thesis" in out.read_bytes()


def test_options_reach_the_diagram(nato: Path, tmp_path: Path) -> None:
    out = tmp_path / "nato.gv"
    argv = ["render", str(nato), "-o", str(out), "--theme", "monochrome", "--rankdir", "LR"]
    assert main([*argv, "--no-legend", "--width", "20"]) == 0
    dot = out.read_text(encoding="utf-8")
    assert "rankdir=LR" in dot
    assert "@legend" not in dot
    assert 'fillcolor="#DCEBF7"' not in dot  # the default theme's claim colour
    thesis = argmap.load(nato).node("thesis").text
    assert "<BR/>".join(wrap_text(thesis, 20)) in dot


def test_focus_draws_the_neighbourhood_of_a_node(nato: Path, tmp_path: Path) -> None:
    out = tmp_path / "focus.dot"
    assert main(["render", str(nato), "-o", str(out), "--focus", "trump-risk"]) == 0
    dot = out.read_text(encoding="utf-8")
    for near in ("trump-risk", "thesis", "trump-attacks-nato", "ip-not-priority"):
        assert f'"{near}" [' in dot
    assert '"solidify-ties" [' not in dot
    assert main(["render", str(nato), "-o", str(out), "--focus", "trump-risk", "--depth", "0"]) == 0
    assert '"thesis" [' not in out.read_text(encoding="utf-8")


def test_kinds_and_section_filter_the_nodes(nato: Path, tmp_path: Path) -> None:
    out = tmp_path / "part.dot"
    argv = ["render", str(nato), "-o", str(out), "--kinds", "objection,rebuttal"]
    assert main([*argv, "--section", "discussion-meets-reality"]) == 0
    dot = out.read_text(encoding="utf-8")
    assert '"overextension" [' in dot
    assert '"leaders-prepared" [' in dot
    assert '"thesis" [' not in dot
    assert '"limited-investment" [' not in dot  # a rebuttal, but of another section


@pytest.mark.parametrize(
    ("extra", "told"),
    [
        (["--kinds", "claim,premise"], "unknown node kind 'premise'"),
        (["--engine", "circo"], "invalid choice: 'circo'"),
        (["--width", "0"], "expected an integer >= 1"),
        (["--depth", "2"], "--depth needs --focus"),
        (["--focus", "thesiss"], "did you mean 'thesis'"),
        (["--section", "nowhere"], "its sections are"),
    ],
)
def test_a_usage_mistake_exits_2_with_a_message(
    nato: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], told: str
) -> None:
    out = tmp_path / "x.dot"
    assert main(["render", str(nato), "-o", str(out), *extra]) == 2
    err = capsys.readouterr().err
    assert told in err
    assert "Traceback" not in err
    assert not out.exists()


def test_an_unknown_output_suffix_exits_2_naming_the_formats(
    nato: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(nato), "-o", str(tmp_path / "x.jpg")]) == 2
    assert "dot, pdf, png, svg" in capsys.readouterr().err


def test_refuses_to_overwrite_the_input(nato: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = nato.read_bytes()
    assert main(["render", str(nato), "-o", str(nato), "--format", "svg"]) == 2
    assert "refusing to overwrite the input file" in capsys.readouterr().err
    assert nato.read_bytes() == before


def test_an_invalid_map_exits_1_with_one_problem_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    assert main(["render", str(bad), "-o", str(tmp_path / "bad.svg")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert all(line.startswith(f"{bad}:") for line in err)
    assert any(":4:" in line and "$.nodes[0].kind" in line for line in err)
    assert any(":5:" in line and "$.nodes[1].section" in line for line in err)


def test_a_missing_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "none.yaml"), "-o", str(tmp_path / "x.svg")]) == 2
    err = capsys.readouterr().err
    assert "cannot read" in err
    assert "Traceback" not in err


def test_missing_graphviz_exits_1_saying_how_to_install_it(
    nato: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["render", str(nato), "-o", str(tmp_path / "x.svg")]) == 1
    assert "apt-get install graphviz" in capsys.readouterr().err


def test_a_switch_to_sfdp_is_noted_on_stderr(
    nato: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(layout_module, "LARGE_MAP", 10)
    assert main(["render", str(nato), "-o", str(tmp_path / "big.dot")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("argmap render: note: the map has 41 nodes and 51 relations")
    assert "more than 10:" in err
    assert "'sfdp'" in err


def test_render_shows_the_maps_warnings_and_still_draws(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "warn.yaml"
    path.write_text(
        'argmap: "1.0"\ntitle: t\nsections:\n  - {id: s, title: Unused}\n'
        "nodes:\n  - {id: a, kind: claim, text: x}\n",
        encoding="utf-8",
    )
    out = tmp_path / "warn.dot"
    assert main(["render", str(path), "-o", str(out)]) == 0
    assert "unused-section (warning)" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").startswith("digraph")


def test_focus_and_section_together_keep_the_nodes_near_id_in_that_section(
    nato: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "view.dot"
    argv = ["render", str(nato), "-o", str(out), "--focus", "trump-risk", "--depth", "2"]
    assert main([*argv, "--section", "discussion-meets-reality"]) == 0
    dot = out.read_text(encoding="utf-8")
    assert '"trump-risk"' in dot
    assert '"thesis"' not in dot
    nearest = ["render", str(nato), "-o", str(out), "--focus", "trump-risk", "--depth", "1"]
    assert main([*nearest, "--section", "opening"]) == 0
    assert "no node is left to draw" in capsys.readouterr().err
    assert main([*argv, "--section", "nowhere"]) == 2


TWO_SOURCES = """\
argmap: "1.0"
title: Two sources
sources:
  - {id: a, path: a.txt}
  - {id: b, path: b.txt}
nodes:
  - id: c
    kind: claim
    text: Cats purr.
    quotes: [{source: a, text: purr}]
  - id: e
    kind: evidence
    text: Dogs bark.
    quotes: [{source: b, text: bark}]
relations:
  - {from: e, to: c, kind: supports}
"""


@pytest.mark.exe
@pytest.mark.parametrize("view", [["--kinds", "claim"], ["--focus", "c", "--depth", "0"]])
def test_a_page_of_a_view_gets_the_texts_of_the_sources_it_keeps(
    view: list[str], tmp_path: Path
) -> None:
    # The texts of the whole map's sources reached the view's page, which refused
    # the one it had dropped: a traceback.
    (tmp_path / "a.txt").write_text("Cats purr.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Dogs bark.", encoding="utf-8")
    source = tmp_path / "map.yaml"
    source.write_text(TWO_SOURCES, encoding="utf-8")
    out = tmp_path / "view.html"
    assert main(["render", str(source), *view, "-o", str(out)]) == 0
    assert "Cats purr." in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["render", "-o"], ["report", "-o"]])
def test_a_sources_root_that_is_no_folder_exits_2_whatever_the_format(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # AIF's reader does not read sources, so the page met the root first: a traceback.
    source = tmp_path / "m.aif.json"
    source.write_text(
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], "edges": []}', encoding="utf-8"
    )
    out = tmp_path / "out.html"
    argv = [command[0], str(source), "--sources-root", str(tmp_path / "nope"), "-o", str(out)]
    assert main(argv) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert not out.exists()


def test_a_folder_as_the_map_is_named_as_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A folder without a suffix was told its name had none.
    folder = tmp_path / "maps"
    folder.mkdir()
    assert main(["validate", str(folder)]) == 2
    assert "it is a directory, not a map file" in capsys.readouterr().err
