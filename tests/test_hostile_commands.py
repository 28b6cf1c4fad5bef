"""Hostile input to the commands and readers that landed together: no traceback, no hang.

Bad input is a located problem and exit 1; a file that cannot be read (a FIFO,
a directory) is exit 2, said in a sentence, without waiting for a writer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.cli import main

COMMANDS = (["evaluate"], ["lint"], ["convert", "-o", "-", "--to", "mermaid"])


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize(
    "data", [b"\x00\xff\xfegarbage", "{}".encode("utf-16")], ids=["garbage", "utf16"]
)
def test_aif_bytes_that_are_not_utf8_are_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], data: bytes
) -> None:
    path = tmp_path / "bad.aif.json"
    path.write_bytes(data)
    assert main([command[0], str(path), *command[1:]]) == 1
    err = capsys.readouterr().err
    assert f"{path}:1:" in err
    assert "not-utf8" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("name", ["map.json", "map.aif.json", "map.yaml"])
def test_a_fifo_is_refused_without_waiting_for_a_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], name: str
) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    assert main([command[0], str(fifo), *command[1:]]) == 2
    assert "not a regular file" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_read_as_aif_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["evaluate", "--from", "aif", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err
