"""argmap: argument maps as typed, validated, quote-anchored Python objects, drawn with Graphviz.

Examples:
    >>> import argmap
    >>> m = argmap.ArgumentMap(
    ...     title="Tiny",
    ...     nodes=[
    ...         argmap.Node(id="c", kind="claim", text="Cats are good company."),
    ...         argmap.Node(id="e", kind="evidence", text="They purr."),
    ...     ],
    ...     relations=[argmap.Relation(source="e", target="c", kind="supports")],
    ... )
    >>> argmap.validate(m).node("c").kind
    <NodeKind.CLAIM: 'claim'>
"""

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    ArgmapError,
    FormatError,
    Problem,
    ProblemCode,
    RenderError,
    RenderWarning,
    Severity,
    ValidationError,
)
from .loader import Report, check, from_dict, load, loads, validate
from .model import ArgumentMap, Node, NodeKind, Quote, Relation, RelationKind, Section, Source
from .schema import FORMAT_VERSION, json_schema, schema_text
from .writer import dump, dumps, to_dict

if TYPE_CHECKING:
    from .analysis import diff, evaluate, lint, summary
    from .drawing import (
        THEMES,
        DrawOptions,
        Theme,
        focus,
        render,
        select,
        to_dot,
        to_graphviz,
    )
    from .formats import to_networkx
    from .page import to_html

    __version__: str

__all__ = [
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

# Drawing, analysis, the other formats and the page are imported on first use:
# a program that only loads and checks maps does not wait for them (they
# take more than half of the time `import argmap` would take).
_LAZY = {
    "analysis": ("diff", "evaluate", "lint", "summary"),
    "drawing": (
        "THEMES",
        "DrawOptions",
        "Theme",
        "focus",
        "render",
        "select",
        "to_dot",
        "to_graphviz",
    ),
    "formats": ("to_networkx",),
    "page": ("to_html",),
}
_HOME = {name: module for module, names in _LAZY.items() for name in names}
_SUBPACKAGES = frozenset({"analysis", "cli", "drawing", "formats", "page", "strategies"})


if not TYPE_CHECKING:  # so that type checkers still catch a misspelt name

    def __getattr__(name: str) -> Any:
        """The names imported on first use, the subpackages, and `__version__`."""
        if name in _HOME:
            value = getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
        elif name in _SUBPACKAGES:
            value = importlib.import_module(f".{name}", __name__)
        elif name == "__version__":
            # The installed version, as pyproject.toml gives it (read from the metadata).
            from importlib.metadata import version

            value = version("argmap")
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME, *_SUBPACKAGES, "__version__"})
