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

import importlib.metadata

from .analysis import diff, evaluate, lint, summary
from .drawing import (
    THEMES,
    DrawOptions,
    RenderWarning,
    Theme,
    focus,
    render,
    select,
    to_dot,
    to_graphviz,
)
from .errors import (
    ArgmapError,
    FormatError,
    Problem,
    ProblemCode,
    RenderError,
    Severity,
    ValidationError,
)
from .formats import to_networkx
from .loader import Report, check, from_dict, load, loads, validate
from .model import ArgumentMap, Node, NodeKind, Quote, Relation, RelationKind, Section, Source
from .page import to_html
from .schema import FORMAT_VERSION, json_schema, schema_text
from .writer import dump, dumps, to_dict

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

__version__ = importlib.metadata.version("argmap")
"""The installed version, as pyproject.toml gives it (one number, read from the metadata)."""
