"""The output writer's quieter promises: importing it changes nothing in the process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_argmap_reads_the_umask_without_setting_it(tmp_path: Path) -> None:
    # Setting the umask, even for an instant, races with other threads' new files.
    script = (
        "import os, sys\n"
        "os.umask(0o027)\n"
        "calls = []\n"
        "real = os.umask\n"
        "os.umask = lambda mask: calls.append(mask) or real(mask)\n"
        "import argmap, argmap._atomic\n"
        "argmap._atomic.write_atomic(sys.argv[1], b'x')\n"
        "assert not calls, f'os.umask was called with {calls}'\n"
    )
    target = tmp_path / "new.txt"
    done = subprocess.run([sys.executable, "-c", script, str(target)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert target.stat().st_mode & 0o777 == 0o640
