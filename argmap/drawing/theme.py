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


def _positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        not isinstance(value, int | float)
        or isinstance(value, bool)
        or not 0.01 <= value <= 1000  # DOT cannot read 1e-05, and Pango chokes on inf
    ):
        raise ValueError(f"{attribute.name!r} must be a number from 0.01 to 1000, got {value!r}")


def _one_of(allowed: frozenset[str]) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in allowed:
            raise ValueError(unknown(attribute.name, value, sorted(allowed)))

    return check


_color = _matches(_COLOR, "a colour: '#RRGGBB', '#RRGGBBAA' or a Graphviz colour name")
_styles = _matches(_WORDS, "Graphviz styles separated by commas, such as 'rounded,filled'")
_arrow = _matches(_WORD, "a Graphviz arrow shape, such as 'normal', 'tee' or 'odot'")
_font = _matches(_FONT, "a font name (letters, digits, spaces, ',', '_' or '-')")


@attrs.frozen(kw_only=True)
class NodeStyle:
    """How nodes of one kind look: `label` heads each node (`"CLAIM"`); colours as Graphviz's."""

    label: str = attrs.field(validator=attrs.validators.instance_of(str))
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

    label: str = attrs.field(validator=attrs.validators.instance_of(str))
    color: str = attrs.field(validator=_color)
    style: str = attrs.field(default="solid", validator=_styles)
    arrowhead: str = attrs.field(default="normal", validator=_arrow)
    penwidth: float = attrs.field(default=1.4, validator=_positive)


def _style(kind: type[Any]) -> Any:
    return attrs.validators.instance_of(kind)


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
    header_size: float = attrs.field(default=8.0, validator=_positive)
    title_size: float = attrs.field(default=20.0, validator=_positive)
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


# Undercuts are drawn heavier than attacks, bold, with a diamond head (a faint
# dotted line was hard to follow in print).
# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
# colour-vision deficiency. Strong colours draw lines; light tints of them fill.
_BLUE, _GREEN, _VERMILLION = "#0072B2", "#009E73", "#D55E00"
_PURPLE, _ORANGE = "#CC79A7", "#E69F00"

DEFAULT = Theme(
    name="default",
    claim=NodeStyle(
        label="CLAIM",
        shape="box",
        style="rounded,filled",
        fill="#DCEBF7",
        line=_BLUE,
        accent="#005A8C",
    ),
    evidence=NodeStyle(
        label="EVIDENCE", shape="note", fill="#D5F0E6", line=_GREEN, accent="#00704F"
    ),
    objection=NodeStyle(
        label="OBJECTION",
        shape="box",
        style="filled,diagonals",
        fill="#F9DFCC",
        line=_VERMILLION,
        accent="#A34800",
    ),
    rebuttal=NodeStyle(
        label="REBUTTAL", shape="component", fill="#F5E0EC", line=_PURPLE, accent="#8E3D6C"
    ),
    recommendation=NodeStyle(
        label="RECOMMENDATION",
        shape="box3d",
        fill="#FCEBC4",
        line=_ORANGE,
        accent="#8A5D00",
    ),
    supports=EdgeStyle(label="supports", color=_BLUE, style="solid", arrowhead="normal"),
    attacks=EdgeStyle(label="attacks", color=_VERMILLION, style="dashed", arrowhead="tee"),
    undercuts=EdgeStyle(
        label="undercuts", color=_PURPLE, style="bold", arrowhead="diamond", penwidth=2.2
    ),
)

MONOCHROME = Theme(
    name="monochrome",
    claim=NodeStyle(label="CLAIM", shape="box", style="rounded,filled", fill="white", line="black"),
    evidence=NodeStyle(label="EVIDENCE", shape="note", fill="#EFEFEF", line="black"),
    objection=NodeStyle(
        label="OBJECTION", shape="box", style="filled,diagonals", fill="#D9D9D9", line="black"
    ),
    rebuttal=NodeStyle(label="REBUTTAL", shape="component", fill="white", line="black"),
    recommendation=NodeStyle(
        label="RECOMMENDATION",
        shape="box3d",
        fill="white",
        line="black",
        penwidth=2.0,
    ),
    supports=EdgeStyle(label="supports", color="black", style="solid", arrowhead="normal"),
    attacks=EdgeStyle(label="attacks", color="black", style="dashed", arrowhead="tee"),
    undercuts=EdgeStyle(
        label="undercuts", color="black", style="bold", arrowhead="diamond", penwidth=2.2
    ),
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
