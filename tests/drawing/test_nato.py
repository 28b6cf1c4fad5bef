"""The flagship diagram, checked by its structure: nodes, edges, clusters, labels."""

from __future__ import annotations

import functools

import pytest

import argmap
from argmap import ArgumentMap, RelationKind
from argmap.drawing import DEFAULT_WIDTH, THEMES, render_bytes, to_dot, wrap_text
from tests.conftest import NATO_MAP

from .svg import Drawing, parse_svg


@functools.cache
def nato() -> ArgumentMap:
    return argmap.load(NATO_MAP)


@functools.cache
def drawing() -> Drawing:
    return parse_svg(render_bytes(nato(), format="svg"))


def undercut() -> set[str]:
    return {r.target for r in nato().relations if r.kind is RelationKind.UNDERCUTS}


def test_the_dot_states_every_node_relation_and_section() -> None:
    dot = to_dot(nato())
    for node in nato().nodes:
        assert dot.count(f'\n\t\t"{node.id}" [') == 1  # inside its section's cluster
    for section in nato().sections:
        assert f'subgraph "cluster_{section.id}" {{' in dot
    assert undercut() == {"r-leaders", "r-overextend", "r-presence"}


@pytest.mark.exe
def test_the_diagram_draws_every_node_and_a_junction_per_undercut_relation() -> None:
    names = {name for name in drawing().nodes if not name.startswith("@legend:")}
    assert names == {n.id for n in nato().nodes} | {f"@r:{r}" for r in undercut()}


@pytest.mark.exe
def test_the_diagram_draws_every_relation_split_where_undercut() -> None:
    titles = [e.name for e in drawing().edges if not e.name.startswith("@legend:")]
    assert len(titles) == len(nato().relations) + len(undercut())
    assert "overextension->@r:r-overextend" in titles
    assert "@r:r-overextend->thesis" in titles
    assert "limited-investment->@r:r-overextend" in titles
    assert "overextension->thesis" not in titles


@pytest.mark.exe
def test_the_diagram_has_a_titled_cluster_per_section_and_a_legend() -> None:
    clusters = drawing().clusters
    for section in nato().sections:
        assert clusters[f"cluster_{section.id}"].texts == (section.title,)
    assert clusters["cluster@legend"].texts == ("Legend",)
    assert drawing().title == (nato().title,)


@pytest.mark.exe
def test_every_label_shows_kind_id_and_wrapped_text_and_quotes_as_tooltips() -> None:
    theme = THEMES["default"]
    for node in nato().nodes:
        shape = drawing().nodes[node.id]
        label = theme.node_style(node.kind).label
        assert shape.texts == (label, node.id, *wrap_text(node.text, DEFAULT_WIDTH))
        assert shape.tooltip is not None
        for quote in node.quotes:
            assert f"\u201c{quote.text}\u201d" in shape.tooltip
