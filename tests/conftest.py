"""Shared test set-up: Hypothesis profiles, the `exe` marker, paths to the examples."""

from __future__ import annotations

import os
import shutil
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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip `exe` tests, with the reason, where Graphviz's `dot` is not installed.

    Not in CI: there, a missing Graphviz is a broken set-up, and the tests say so.
    """
    if shutil.which("dot") or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="needs Graphviz's `dot` (apt-get install graphviz)")
    for item in items:
        if "exe" in item.keywords:
            item.add_marker(skip)
