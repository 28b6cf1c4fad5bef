"""The public API is what `argmap/__init__.py` exports: pinned, so a change is a decision."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import pytest

import argmap
from tests.conftest import python_output

PUBLIC = [
    "FORMAT_VERSION",
    "THEMES",
    "ArgmapError",
    "ArgumentMap",
    "DrawOptions",
    "FormatError",
    "Node",
    "NodeKind",
    "Problem",
    "ProblemCode",
    "Quote",
    "Relation",
    "RelationKind",
    "RenderError",
    "RenderWarning",
    "Report",
    "Section",
    "Severity",
    "Source",
    "Theme",
    "ValidationError",
    "check",
    "diff",
    "dump",
    "dumps",
    "evaluate",
    "focus",
    "from_dict",
    "json_schema",
    "lint",
    "load",
    "loads",
    "render",
    "schema_text",
    "select",
    "summary",
    "to_dict",
    "to_dot",
    "to_graphviz",
    "to_html",
    "to_networkx",
    "validate",
]


def test_all_is_pinned() -> None:
    # Adding a public name: add it here and document it (docs/api.md); removing
    # one breaks users, so it needs a deprecation first.
    assert sorted(argmap.__all__) == sorted(PUBLIC)
    assert len(set(argmap.__all__)) == len(argmap.__all__)


def test_every_exported_name_exists_and_has_a_docstring() -> None:
    for name in argmap.__all__:
        value = getattr(argmap, name)
        if callable(value):
            assert (value.__doc__ or "").strip(), f"argmap.{name} has no docstring"


def test_no_private_module_is_exported() -> None:
    for name in argmap.__all__:
        module = getattr(getattr(argmap, name), "__module__", "argmap")
        assert not any(part.startswith("_") for part in module.split(".")), (name, module)


def test_one_version_from_the_package_metadata() -> None:
    assert argmap.__version__ == importlib.metadata.version("argmap")
    shown = subprocess.run(
        [sys.executable, "-m", "argmap", "--version"], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == f"argmap {argmap.__version__}"


def test_importing_argmap_leaves_yaml_drawing_analysis_and_the_validators_for_first_use() -> None:
    # A program that loads and checks maps waits only for what that needs.
    script = (
        "import sys, argmap\n"
        'm = argmap.loads(\'{"argmap": "1.0", "title": "t", "nodes": []}\', format=\'json\')\n'
        "print(' '.join(sorted(sys.modules)))\n"
    )
    shown = python_output(script).split()
    for module in (
        "argmap.drawing",
        "argmap.analysis",
        "argmap.formats",
        "argmap.page",
        "jsonschema",
        "jsonschema_rs",
        "importlib.metadata",
        "graphviz",
        "cattrs",  # writing maps needs it, reading them does not
        "yaml",  # reading or writing YAML needs it, JSON does not
        "argmap._yaml_syntax",
    ):
        assert module not in shown, module
    assert "argmap.loader" in shown


def test_names_imported_on_first_use_are_the_subpackages_own() -> None:
    from argmap import analysis, drawing, formats, page

    homes = {"analysis": analysis, "drawing": drawing, "formats": formats, "page": page}
    assert set(argmap._HOME.values()) == set(homes)
    for name, home in argmap._HOME.items():
        assert name in argmap.__all__
        assert getattr(argmap, name) is getattr(homes[home], name), name
    assert set(argmap.__all__) <= set(dir(argmap))
    assert argmap.drawing is drawing
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        argmap.no_such_name  # type: ignore[attr-defined]  # noqa: B018
