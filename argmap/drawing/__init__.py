"""Drawing argument maps with Graphviz: DOT without executables, files with them.

Examples:
    >>> import argmap
    >>> from argmap.drawing import to_dot
    >>> m = argmap.ArgumentMap(
    ...     title="Tiny",
    ...     nodes=[argmap.Node(id="c", kind="claim", text="Cats are good company.")],
    ... )
    >>> print(to_dot(m, legend=False).splitlines()[0])
    digraph argmap {
"""

from ..errors import RenderWarning
from .dot import DEFAULT_STAGGER, DEFAULT_WIDTH, MAX_STRING, RANKDIRS, to_dot, to_graphviz
from .focus import focus, select
from .labels import wrap_text
from .layout import BIG_MAP, ENGINES, LARGE_MAP, RELATION_WEIGHT, choose_engine, layout_cost
from .options import STATUSES, DrawOptions
from .output import FORMATS, SUFFIXES, format_for, render, render_bytes
from .pagefit import PAGES
from .theme import THEMES, EdgeStyle, NodeStyle, Theme

__all__ = [
    "BIG_MAP",
    "DEFAULT_STAGGER",
    "DEFAULT_WIDTH",
    "ENGINES",
    "FORMATS",
    "LARGE_MAP",
    "MAX_STRING",
    "PAGES",
    "RANKDIRS",
    "RELATION_WEIGHT",
    "STATUSES",
    "SUFFIXES",
    "THEMES",
    "DrawOptions",
    "EdgeStyle",
    "NodeStyle",
    "RenderWarning",
    "Theme",
    "choose_engine",
    "focus",
    "format_for",
    "layout_cost",
    "render",
    "render_bytes",
    "select",
    "to_dot",
    "to_graphviz",
    "wrap_text",
]
