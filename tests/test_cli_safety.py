"""The command line's outputs and inputs under hostile conditions (issue #7)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from tests.test_output_safety import ROOT_ONLY, null_device, write_map

COMMANDS = [
    ["convert", "--to", "json"],
    ["render", "--format", "dot"],
]


def run(command: list[str], map_file: Path, output: str | Path) -> int:
    name, *options = command
    return main([name, str(map_file), "-o", str(output), *options])


@pytest.mark.parametrize("command", COMMANDS)
def test_dash_means_standard_output(
    tmp_path: Path,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    m = write_map(tmp_path / "maps")
    monkeypatch.chdir(tmp_path)
    assert run(command, m, "-") == 0
    out = capsys.readouterr().out
    assert out.startswith("{") if command[0] == "convert" else out.startswith("digraph")
    assert not (tmp_path / "-").exists()
    if command[0] == "convert":  # sources are relative to where we stand
        assert '"path": "maps/article.txt"' in out


@ROOT_ONLY
@pytest.mark.parametrize("command", COMMANDS)
def test_a_device_as_output_stays_a_device(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    device = null_device(tmp_path)
    assert run(command, write_map(tmp_path / "maps"), device) == 0
    assert stat.S_ISCHR(device.stat().st_mode)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_nobody_reads_is_refused_with_exit_2(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    assert run(command, write_map(tmp_path / "maps"), fifo) == 2
    assert "no process is reading" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_source_of_the_map_is_never_an_output(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    m = write_map(tmp_path)
    article = tmp_path / "article.txt"
    before = article.read_bytes()
    assert run(command, m, article) == 2
    assert "a source text of the map" in capsys.readouterr().err
    os.link(article, tmp_path / "alias.txt")
    assert run(command, m, tmp_path / "alias.txt") == 2
    assert article.read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS)
def test_the_map_itself_by_another_name_is_never_an_output(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    m = write_map(tmp_path)
    (tmp_path / "link.yaml").symlink_to(m)
    before = m.read_bytes()
    assert run(command, m, tmp_path / "link.yaml") == 2
    assert "refusing to overwrite the input file" in capsys.readouterr().err
    assert m.read_bytes() == before


def test_convert_through_a_symlinked_folder_counts_from_where_the_file_lands(
    tmp_path: Path,
) -> None:
    m = write_map(tmp_path / "maps")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "lnk").symlink_to(tmp_path / "sub" / "deeper")
    output = tmp_path / "lnk" / ".." / "x.yaml"
    assert main(["convert", str(m), "-o", str(output)]) == 0
    assert "path: ../maps/article.txt" in (tmp_path / "sub" / "x.yaml").read_text("utf-8")
    assert main(["validate", str(tmp_path / "sub" / "x.yaml")]) == 0


def test_render_with_a_symlink_loop_as_input_or_output_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert main(["render", str(loop), "-o", str(tmp_path / "x.dot")]) == 2
    assert "symbolic links" in capsys.readouterr().err
    out_loop = tmp_path / "loop.dot"
    out_loop.symlink_to(out_loop)
    assert main(["render", str(write_map(tmp_path / "m")), "-o", str(out_loop)]) == 2
    err = capsys.readouterr().err
    assert "symbolic links" in err
    assert "Traceback" not in err


def test_validate_keeps_its_verdict_when_the_reader_goes_away(tmp_path: Path) -> None:
    bad = tmp_path / "big-invalid.json"
    nodes = ",".join(f'{{"id": "n{i}", "kind": "clam", "text": "x"}}' for i in range(3000))
    bad.write_text(f'{{"argmap": "1.0", "title": "t", "nodes": [{nodes}]}}', encoding="utf-8")
    command = f"{sys.executable} -m argmap validate --output-format json {bad}"
    script = f"set -o pipefail; {command} | head -c1"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr


def test_validate_strict_quiet_shows_the_failing_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = write_map(tmp_path)
    m.write_text(m.read_text("utf-8").replace("cats purr", "purr"), encoding="utf-8")
    (tmp_path / "article.txt").write_text("purr and purr", encoding="utf-8")
    assert main(["validate", "--strict", "-q", str(m)]) == 1
    err = capsys.readouterr().err
    assert "ambiguous-quote" in err
    assert "invalid (1 problem)" in err
    assert main(["validate", "-q", str(m)]) == 0
    assert "ambiguous-quote" not in capsys.readouterr().err


@pytest.mark.parametrize("command", ["validate", "render"])
def test_from_names_the_input_format(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    m = write_map(tmp_path)
    odd = tmp_path / "map.txt"
    odd.write_text(m.read_text("utf-8"), encoding="utf-8")
    argv = [command, str(odd)] + (["-o", str(tmp_path / "x.dot")] if command == "render" else [])
    assert main(argv) == 2
    assert main([*argv, "--from", "yaml"]) == 0


def test_validate_sources_root_confines_the_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = write_map(tmp_path / "maps", source_path="../outside.txt")
    (tmp_path / "outside.txt").write_text("Most cats purr when content.", encoding="utf-8")
    assert main(["validate", str(m)]) == 0
    assert main(["validate", "--sources-root", str(tmp_path / "maps"), str(m)]) == 1
    assert "source-outside-root" in capsys.readouterr().err


def test_a_file_name_that_is_not_utf8_prints_on_a_strict_stream(tmp_path: Path) -> None:
    m = write_map(tmp_path)
    odd = os.fsencode(tmp_path) + b"/\xff.yaml"
    os.rename(m, odd)
    for options in (["--format", "json"], []):
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "validate", *options, odd],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert b"\\udcff.yaml" in done.stdout


def test_validate_with_a_missing_sources_root_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = write_map(tmp_path)
    assert main(["validate", "--sources-root", str(tmp_path / "nowhere"), str(m)]) == 2
    assert "is not a folder" in capsys.readouterr().err
