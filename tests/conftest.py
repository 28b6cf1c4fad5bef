"""Shared test set-up: Hypothesis profiles, the `exe` and `browser` markers, example paths."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
NATO_MAP = ROOT / "examples" / "nato_indo_pacific" / "map.yaml"
NATO_TEXT = ROOT / "seeds" / "nato_indo_pacific.txt"

# `ci` is derandomized so that a red build is the same red build when rerun;
# `dev` explores more. CI sets CI=true, which picks `ci`.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def _has_chromium() -> bool:
    from argmap.page import find_chromium

    return find_chromium() is not None and shutil.which("chromedriver") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip `exe` tests where Graphviz's `dot` is missing, `browser` tests where Chromium is.

    Not in CI: there, a missing Graphviz or Chromium is a broken set-up, and the tests say so.
    """
    if os.environ.get("CI"):
        return
    missing = []
    if not shutil.which("dot"):
        missing.append(("exe", "needs Graphviz's `dot` (apt-get install graphviz)"))
    if not _has_chromium():
        missing.append(
            ("browser", "needs Chromium and its driver (apt-get install chromium chromium-driver)")
        )
    for marker, reason in missing:
        skip = pytest.mark.skip(reason=reason)
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)


def python_output(script: str) -> str:
    """What a fresh Python process running `script` prints (nothing of argmap imported yet)."""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return done.stdout
