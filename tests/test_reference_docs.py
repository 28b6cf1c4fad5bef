"""The API reference (docs/reference/) shows every public name of the modules it documents."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs" / "reference").glob("*.md"))


def _documented(page: Path) -> list[str]:
    return re.findall(r"^::: ([\w.]+)$", page.read_text(encoding="utf-8"), re.MULTILINE)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_names_that_their_own_module_shadows_are_listed_on_the_page(page: Path) -> None:
    # mkdocstrings lists a package's members from its source, where
    # `argmap.analysis.diff` is the module `diff.py` and not the function it
    # exports: such a function is left out unless the page names it itself.
    entries = _documented(page)
    package = entries[0]
    module = importlib.import_module(package)
    for name in getattr(module, "__all__", ()):
        defined_in = getattr(getattr(module, name), "__module__", "")
        if defined_in.rsplit(".", 1)[-1] == name:  # diff() of diff.py, say
            expected = f"{defined_in}.{name}"
            assert expected in entries, f"{page.name}: add `::: {expected}` for {package}.{name}"
