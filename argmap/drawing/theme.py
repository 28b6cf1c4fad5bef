"""Themes: how each kind of node and relation looks. Plain data, so users can define their own."""

from __future__ import annotations

import re
import types
from collections.abc import Mapping
from typing import Any

import attrs

from .._wording import unknown
from ..model import NodeKind, RelationKind

__all__ = ["SHAPES", "THEMES", "EdgeStyle", "NodeStyle", "Theme", "get_theme"]

_COLOR = re.compile(r"^(#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?|[A-Za-z][A-Za-z0-9]*)$")
_WORDS = re.compile(r"^[a-z]+(,[a-z]+)*$")
_WORD = re.compile(r"^[a-z]+$")
_FONT = re.compile(r"^[A-Za-z0-9 ,_\-]+$")

# Shapes that hold a label table well; others (circle, point, ...) would squeeze the text.
SHAPES = frozenset(
    {
        "box",
        "box3d",
        "component",
        "cylinder",
        "diamond",
        "ellipse",
        "folder",
        "hexagon",
        "house",
        "invhouse",
        "note",
        "octagon",
        "oval",
        "parallelogram",
        "plain",
        "plaintext",
        "rect",
        "rectangle",
        "square",
        "tab",
        "trapezium",
    }
)


def _matches(pattern: re.Pattern[str], what: str) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not pattern.match(value):
            raise ValueError(f"{attribute.name!r} must be {what}, got {value!r}")

    return check


def _number_from(low: float, high: float) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            raise ValueError(
                f"{attribute.name!r} must be a number from {low} to {high}, got {value!r}"
            )

    return check


# DOT cannot read 1e-05, and Pango chokes on inf.
_positive = _number_from(0.01, 1000)
# Written as an HTML label's POINT-SIZE, which Graphviz ignores above 255.
_point_size = _number_from(0.01, 255)


def _one_of(allowed: frozenset[str]) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in allowed:
            raise ValueError(unknown(attribute.name, value, sorted(allowed)))

    return check


_color = _matches(_COLOR, "a colour: '#RRGGBB', '#RRGGBBAA' or a Graphviz colour name")
_styles = _matches(_WORDS, "Graphviz styles separated by commas, such as 'rounded,filled'")
_arrow = _matches(_WORD, "a Graphviz arrow shape, such as 'normal', 'tee' or 'odot'")
_font = _matches(_FONT, "a font name (letters, digits, spaces, ',', '_' or '-')")
_label = _matches(re.compile(r"\s*\S"), "non-blank text, such as 'CLAIM'")


@attrs.frozen(kw_only=True)
class NodeStyle:
    """How nodes of one kind look: `label` heads each node (`"CLAIM"`); colours as Graphviz's."""

    label: str = attrs.field(validator=_label)
    shape: str = attrs.field(validator=_one_of(SHAPES))
    fill: str = attrs.field(validator=_color)
    line: str = attrs.field(validator=_color)
    text: str = attrs.field(default="#000000", validator=_color)
    accent: str = attrs.field(default="#000000", validator=_color)
    style: str = attrs.field(default="filled", validator=_styles)
    penwidth: float = attrs.field(default=1.2, validator=_positive)


@attrs.frozen(kw_only=True)
class EdgeStyle:
    """How relations of one kind look: line colour, `style` (solid, dashed, ...) and arrowhead."""

    label: str = attrs.field(validator=_label)
    color: str = attrs.field(validator=_color)
    style: str = attrs.field(default="solid", validator=_styles)
    arrowhead: str = attrs.field(default="normal", validator=_arrow)
    penwidth: float = attrs.field(default=1.4, validator=_positive)


def _style(kind: type[Any]) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise TypeError(
                f"{attribute.name!r} must be a {kind.__name__}, got {type(value).__name__}"
            )

    return check


@attrs.frozen(kw_only=True)
class Theme:
    """A complete look: one `NodeStyle` per node kind, one `EdgeStyle` per relation kind.

    Make your own with `attrs.evolve(THEMES["default"], font="Georgia", ...)` or
    from scratch, and pass it as `theme=` to any render function.
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    claim: NodeStyle = attrs.field(validator=_style(NodeStyle))
    evidence: NodeStyle = attrs.field(validator=_style(NodeStyle))
    objection: NodeStyle = attrs.field(validator=_style(NodeStyle))
    rebuttal: NodeStyle = attrs.field(validator=_style(NodeStyle))
    recommendation: NodeStyle = attrs.field(validator=_style(NodeStyle))
    supports: EdgeStyle = attrs.field(validator=_style(EdgeStyle))
    attacks: EdgeStyle = attrs.field(validator=_style(EdgeStyle))
    undercuts: EdgeStyle = attrs.field(validator=_style(EdgeStyle))
    font: str = attrs.field(default="Helvetica", validator=_font)
    font_size: float = attrs.field(default=11.0, validator=_positive)
    header_size: float = attrs.field(default=8.0, validator=_point_size)
    title_size: float = attrs.field(default=20.0, validator=_point_size)
    background: str = attrs.field(default="white", validator=_color)
    muted: str = attrs.field(default="#555555", validator=_color)
    cluster_fill: str = attrs.field(default="#F6F6F6", validator=_color)
    cluster_line: str = attrs.field(default="#C8C8C8", validator=_color)
    cluster_text: str = attrs.field(default="#333333", validator=_color)

    def node_style(self, kind: NodeKind) -> NodeStyle:
        """The style of nodes of `kind`."""
        style: NodeStyle = getattr(self, NodeKind(kind).value)
        return style

    def edge_style(self, kind: RelationKind) -> EdgeStyle:
        """The style of relations of `kind`."""
        style: EdgeStyle = getattr(self, RelationKind(kind).value)
        return style


# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
# colour-vision deficiency. Strong colours draw lines; light tints of them fill.
_BLUE, _GREEN, _VERMILLION = "#0072B2", "#009E73", "#D55E00"
_PURPLE, _ORANGE = "#CC79A7", "#E69F00"

# What the built-in themes share: each node kind's Graphviz shape and style...
_NODE_SHAPES: Mapping[NodeKind, tuple[str, str]] = {
    NodeKind.CLAIM: ("box", "rounded,filled"),
    NodeKind.EVIDENCE: ("note", "filled"),
    NodeKind.OBJECTION: ("box", "filled,diagonals"),
    NodeKind.REBUTTAL: ("component", "filled"),
    NodeKind.RECOMMENDATION: ("box3d", "filled"),
}
# ... and each relation kind's line style, arrowhead and weight. Undercuts are drawn
# heavier than attacks, bold, with a diamond head (a faint dotted line was hard to
# follow in print).
_EDGE_LINES: Mapping[RelationKind, tuple[str, str, float]] = {
    RelationKind.SUPPORTS: ("solid", "normal", 1.4),
    RelationKind.ATTACKS: ("dashed", "tee", 1.4),
    RelationKind.UNDERCUTS: ("bold", "diamond", 2.2),
}


def _built_in(
    name: str,
    nodes: Mapping[NodeKind, tuple[str, str, str, float]],
    edges: Mapping[RelationKind, str],
    **rest: Any,
) -> Theme:
    """A built-in theme: node kinds' (fill, line, accent, pen width) and relation colours."""
    styles: dict[str, Any] = {}
    for kind, (fill, line, accent, penwidth) in nodes.items():
        shape, style = _NODE_SHAPES[kind]
        styles[kind.value] = NodeStyle(
            label=kind.value.upper(),
            shape=shape,
            style=style,
            fill=fill,
            line=line,
            accent=accent,
            penwidth=penwidth,
        )
    for relation, color in edges.items():
        style, arrowhead, penwidth = _EDGE_LINES[relation]
        styles[relation.value] = EdgeStyle(
            label=relation.value, color=color, style=style, arrowhead=arrowhead, penwidth=penwidth
        )
    return Theme(name=name, **styles, **rest)


DEFAULT = _built_in(
    "default",
    {  # fill, line, accent (a darker shade of the line, for text), pen width
        NodeKind.CLAIM: ("#DCEBF7", _BLUE, "#005A8C", 1.2),
        NodeKind.EVIDENCE: ("#D5F0E6", _GREEN, "#00704F", 1.2),
        NodeKind.OBJECTION: ("#F9DFCC", _VERMILLION, "#A34800", 1.2),
        NodeKind.REBUTTAL: ("#F5E0EC", _PURPLE, "#8E3D6C", 1.2),
        NodeKind.RECOMMENDATION: ("#FCEBC4", _ORANGE, "#8A5D00", 1.2),
    },
    {
        RelationKind.SUPPORTS: _BLUE,
        RelationKind.ATTACKS: _VERMILLION,
        RelationKind.UNDERCUTS: _PURPLE,
    },
)

# Black on white and greys: kinds told apart by shape and fill, recommendations by weight.
MONOCHROME = _built_in(
    "monochrome",
    {
        NodeKind.CLAIM: ("white", "black", "#000000", 1.2),
        NodeKind.EVIDENCE: ("#EFEFEF", "black", "#000000", 1.2),
        NodeKind.OBJECTION: ("#D9D9D9", "black", "#000000", 1.2),
        NodeKind.REBUTTAL: ("white", "black", "#000000", 1.2),
        NodeKind.RECOMMENDATION: ("white", "black", "#000000", 2.0),
    },
    dict.fromkeys(RelationKind, "black"),
    muted="#444444",
    cluster_fill="white",
    cluster_line="#888888",
    cluster_text="black",
)

THEMES: Mapping[str, Theme] = types.MappingProxyType({"default": DEFAULT, "monochrome": MONOCHROME})
"""The built-in themes by name: `"default"` (colour-blind safe) and `"monochrome"` (print)."""


def get_theme(theme: str | Theme) -> Theme:
    """`theme` itself, or the built-in theme of that name; `ValueError` naming the choices."""
    if isinstance(theme, Theme):
        return theme
    found = THEMES.get(theme) if isinstance(theme, str) else None
    if found is None:
        raise ValueError(f"{unknown('theme', theme, sorted(THEMES))} (or a Theme)")
    return found
