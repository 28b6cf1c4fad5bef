"""The wheel: the schema travels inside it, and the installed command works from anywhere."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(folder),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (built,) = folder.glob("argmap-*.whl")
    return built


def test_the_wheel_carries_the_published_schema_and_type_marker(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "argmap/py.typed" in names
        packaged = archive.read("argmap/argmap.schema.json").decode("utf-8")
    published = (ROOT / "schemas" / "argmap.schema.json").read_text(encoding="utf-8")
    assert packaged == published
    assert json.loads(packaged)["$id"] == "urn:argmap:schema:1.1"


def test_the_wheel_declares_the_console_script(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        entry_points = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
        assert "argmap = argmap.cli:main" in archive.read(entry_points).decode("utf-8")
