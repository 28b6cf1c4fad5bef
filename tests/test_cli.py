"""The command line: compiler-style problems, exit codes, never a traceback for bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import COMMANDS, main
from tests.conftest import NATO_MAP, python_output

BAD = """\
argmap: "1.0"
title: Faults
nodes:
  - {id: a, kind: clam, text: x}
  - {id: b, kind: claim, text: y}
relations:
  - {from: b, to: a, kind: supports}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_a_valid_map_exits_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(NATO_MAP)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{NATO_MAP}: valid (")
    assert "nodes" in out


def test_validate_prints_one_problem_a_line_compiler_style(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.yaml", BAD)
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{bad}:4:19: unknown-kind $.nodes[0].kind: unknown node kind")
    assert err[-1] == f"{bad}: invalid (1 problem)"


def test_validate_checks_every_file_and_exits_with_the_worst(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.yaml", BAD)
    assert main(["validate", str(NATO_MAP), str(bad), str(tmp_path / "missing.yaml")]) == 2
    captured = capsys.readouterr()
    assert "valid (" in captured.out
    assert f"{tmp_path / 'missing.yaml'}: cannot read: no such file" in captured.err
    assert "invalid (1 problem)" in captured.err


def test_validate_json_output_is_for_machines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.yaml", BAD)
    assert main(["validate", "--output-format", "json", str(bad), str(NATO_MAP)]) == 1
    results = json.loads(capsys.readouterr().out)
    assert [r["valid"] for r in results] == [False, True]
    problem = results[0]["problems"][0]
    assert problem == {
        "file": str(bad),
        "line": 4,
        "column": 19,
        "path": "$.nodes[0].kind",
        "code": "unknown-kind",
        "severity": "error",
        "message": problem["message"],
    }


def test_the_old_format_option_still_works_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.yaml", BAD)
    assert main(["validate", "--format", "json", str(bad)]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["valid"] is False
    assert "--format is deprecated" in captured.err
    assert "use --output-format" in captured.err


def test_warnings_pass_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = BAD.replace("clam", "claim") + "sections:\n  - {id: s, title: Unused}\n"
    path = write(tmp_path, "warn.yaml", text)
    assert main(["validate", str(path)]) == 0
    assert "unused-section (warning)" in capsys.readouterr().err
    assert main(["validate", "--strict", str(path)]) == 1
    assert main(["validate", "--quiet", str(path)]) == 0
    assert capsys.readouterr().err.count("unused-section") == 1


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", 1), (b"\xff\xfe\x00garbage", 1), (b"{not json", 1)],
)
def test_bad_files_exit_1_with_a_located_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, code: int
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    assert main(["validate", str(path)]) == code
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:1:")
    assert "Traceback" not in err


def test_a_directory_or_unknown_suffix_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err
    odd = write(tmp_path, "map.txt", BAD)
    assert main(["validate", str(odd)]) == 2
    assert ".json, .yaml, .yml" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["validate"]) == 2
    assert main(["frobnicate"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_every_command_has_its_help_line_and_description(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Both come from the command module's docstring: "`argmap NAME`: help.", then the rest.
    assert main(["--help"]) == 0
    listing = capsys.readouterr().out
    assert "`" not in listing
    for name in COMMANDS:
        assert re.search(rf"^ +{name} +[a-z]\S", listing, re.MULTILINE), name
        assert main([name, "--help"]) == 0
        usage, description = capsys.readouterr().out.split("\n\n")[:2]
        assert usage.startswith(f"usage: argmap {name}")
        assert description[0].isupper(), name
        assert not description.endswith(":"), name  # a heading: no description


def test_schema_prints_the_published_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == argmap.json_schema()


def test_convert_writes_the_other_format_with_offsets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = NATO_MAP.parent / ".convert-test.json"
    try:
        assert main(["convert", str(NATO_MAP), "-o", str(out)]) == 0
        data = json.loads(out.read_text("utf-8"))
        assert all("start" in q for n in data["nodes"] for q in n.get("quotes", []))
        assert argmap.load(out) == argmap.load(NATO_MAP)
    finally:
        out.unlink(missing_ok=True)


def test_convert_refuses_to_overwrite_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "m.yaml", BAD.replace("clam", "claim"))
    assert main(["convert", str(path), "-o", str(path)]) == 2
    assert "refusing to overwrite the input" in capsys.readouterr().err
    assert path.read_text("utf-8") == BAD.replace("clam", "claim")


def test_convert_of_an_invalid_map_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "m.yaml", BAD)
    assert main(["convert", str(path), "-o", str(tmp_path / "out.json")]) == 1
    assert not (tmp_path / "out.json").exists()


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(NATO_MAP)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "valid (" in result.stdout


def test_convert_into_another_folder_keeps_sources_reachable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "elsewhere" / "nato.json"
    out.parent.mkdir()
    assert main(["convert", str(NATO_MAP), "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    assert argmap.load(out).nodes == argmap.load(NATO_MAP).nodes


def test_a_command_loads_only_what_it_needs() -> None:
    # `argmap validate` starts without the drawing, analysis, page and foreign
    # formats' code: each command's module is imported only when it runs.
    script = (
        "import sys\n"
        "from argmap.cli import main\n"
        f"code = main(['validate', {str(NATO_MAP)!r}])\n"
        "print('\\n', code, ' '.join(sorted(sys.modules)))\n"
    )
    shown = python_output(script).splitlines()[-1].split()
    assert shown[0] == "0"
    loaded = {name for name in shown[1:] if name.startswith("argmap")}
    for module in ("drawing", "analysis", "page", "formats.aif", "formats.argdown", "cli.render"):
        assert f"argmap.{module}" not in loaded, module
    assert {"argmap.cli.validate", "argmap.loader"} <= loaded


def test_foreign_format_modules_come_on_first_use() -> None:
    script = "import argmap.formats as f; print(f.aif.__name__, f.mermaid.dumps.__module__)"
    shown = python_output(script).split()
    assert shown == ["argmap.formats.aif", "argmap.formats.mermaid"]


def test_a_file_argmap_itself_cannot_read_is_named_not_blamed_on_the_map(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A broken installation (its schema file gone) is not "no such file" about a map that exists.
    missing = "/opt/site-packages/argmap/argmap.schema.json"

    def lost(*_: object, **__: object) -> None:
        raise FileNotFoundError(2, "No such file or directory", missing)

    monkeypatch.setattr("argmap.cli._common.check_file", lost)
    assert main(["validate", str(NATO_MAP)]) == 2
    assert f"{NATO_MAP}: cannot read {missing}: no such file" in capsys.readouterr().err


def test_version_loads_no_command() -> None:
    script = (
        "import sys\n"
        "from argmap.cli import COMMANDS, main\n"
        "code = main(['--version'])\n"
        "print('\\n', code, *[n for n in COMMANDS if f'argmap.cli.{n}' in sys.modules])\n"
    )
    shown = python_output(script).splitlines()
    assert shown[0].startswith("argmap ")
    assert shown[-1].split() == ["0"]
