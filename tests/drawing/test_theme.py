"""Themes are checked data: built-ins tell every kind apart, users can make their own."""

from __future__ import annotations

import attrs
import pytest

from argmap import NodeKind, RelationKind
from argmap.drawing import THEMES, EdgeStyle, NodeStyle, Theme, to_dot
from argmap.drawing.theme import get_theme

from .maps import small

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


def test_the_built_in_themes_are_default_and_monochrome_and_read_only() -> None:
    assert sorted(THEMES) == ["default", "monochrome"]
    with pytest.raises(TypeError):
        THEMES["mine"] = THEMES["default"]  # type: ignore[index]


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_node_kind_has_its_own_shape_and_every_relation_its_own_line(name: str) -> None:
    theme = THEMES[name]
    looks = {(s.shape, s.style) for s in map(theme.node_style, NodeKind)}
    assert len(looks) == len(NodeKind)
    lines = {(s.style, s.arrowhead) for s in map(theme.edge_style, RelationKind)}
    assert len({style for style, _ in lines}) == len(RelationKind)
    assert len({arrow for _, arrow in lines}) == len(RelationKind)


def test_the_default_theme_draws_with_the_okabe_ito_palette() -> None:
    theme = THEMES["default"]
    lines = [theme.node_style(k).line for k in NodeKind]
    assert set(lines) <= OKABE_ITO
    assert len(set(lines)) == len(NodeKind)
    assert {theme.edge_style(k).color for k in RelationKind} <= OKABE_ITO


def test_the_monochrome_theme_uses_no_colour() -> None:
    theme = THEMES["monochrome"]
    colours = [getattr(s, f) for s in map(theme.node_style, NodeKind) for f in ("fill", "line")]
    colours += [theme.edge_style(k).color for k in RelationKind]
    for colour in colours:
        assert colour in ("black", "white") or colour[1:3] == colour[3:5] == colour[5:7]


def test_themes_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        THEMES["default"].font = "Comic Sans"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("change", "field", "told"),
    [
        ({"fill": "not a colour!"}, "fill", "a colour"),
        ({"shape": "blob"}, "shape", "box"),
        ({"style": "rounded;filled"}, "style", "Graphviz styles"),
        ({"penwidth": 0}, "penwidth", "from 0.01 to 1000"),
        ({"penwidth": 1e-5}, "penwidth", "from 0.01 to 1000"),
        ({"penwidth": float("inf")}, "penwidth", "from 0.01 to 1000"),
    ],
)
def test_a_bad_style_is_refused_naming_the_field_and_what_is_allowed(
    change: dict[str, object], field: str, told: str
) -> None:
    with pytest.raises(ValueError, match=field) as caught:
        attrs.evolve(THEMES["default"].claim, **change)  # type: ignore[arg-type]
    assert told in str(caught.value)


def test_a_theme_needs_a_style_for_every_kind() -> None:
    with pytest.raises(TypeError, match="missing"):
        Theme(name="half", claim=THEMES["default"].claim)  # type: ignore[call-arg]


def test_a_users_own_theme_draws_the_map() -> None:
    base = THEMES["default"]
    mine = attrs.evolve(
        base,
        name="mine",
        font="Georgia",
        claim=NodeStyle(label="THESIS", shape="ellipse", fill="#123456", line="#654321"),
        attacks=EdgeStyle(label="attacks", color="#ABCDEF", style="bold", arrowhead="box"),
    )
    dot = to_dot(small(), theme=mine)
    assert 'fontname="Georgia"' in dot
    assert 'shape=ellipse style="filled" fillcolor="#123456"' in dot
    assert "<B>THESIS</B>" in dot
    assert 'color="#ABCDEF" style="bold" arrowhead="box"' in dot


def test_an_unknown_theme_name_is_refused_naming_the_built_in_ones() -> None:
    with pytest.raises(ValueError, match="default, monochrome"):
        get_theme("fancy")
    with pytest.raises(ValueError, match="default, monochrome"):
        to_dot(small(), theme="fancy")
