"""Which engine lays a map out when none is chosen: the cost estimate and what it says."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Node, Relation
from argmap.drawing import (
    LARGE_MAP,
    RELATION_WEIGHT,
    RenderWarning,
    choose_engine,
    layout_cost,
    to_graphviz,
)
from argmap.drawing.layout import resolve_engine

counts = st.integers(min_value=0, max_value=10 * LARGE_MAP)


def test_a_tree_is_costed_by_its_nodes_alone() -> None:
    assert layout_cost(1000, 999) == 1000
    assert layout_cost(1000, 0) == 1000
    assert choose_engine(LARGE_MAP, LARGE_MAP) == "dot"
    assert choose_engine(LARGE_MAP + 1, LARGE_MAP) == "sfdp"


def test_relations_beyond_one_a_node_count_for_more_than_a_node() -> None:
    assert RELATION_WEIGHT > 1
    assert layout_cost(100, 150) == 100 + RELATION_WEIGHT * 50


@pytest.mark.parametrize(
    ("nodes", "relations"),
    [(1000, 2994), (1450, 4350)],  # the maps `dot` took 96 s and 5 min 37 s on
)
def test_the_maps_dot_took_minutes_on_go_to_sfdp(nodes: int, relations: int) -> None:
    assert choose_engine(nodes, relations) == "sfdp"


@pytest.mark.parametrize(
    ("nodes", "relations"),
    [(41, 51), (300, 600), (1000, 1000)],  # the NATO example; small and tree-like maps
)
def test_maps_dot_draws_in_seconds_stay_with_dot(nodes: int, relations: int) -> None:
    assert choose_engine(nodes, relations) == "dot"


@given(counts, counts, st.integers(0, 100), st.integers(0, 100))
def test_a_bigger_map_never_goes_back_to_dot(
    nodes: int, relations: int, more_nodes: int, more_relations: int
) -> None:
    if choose_engine(nodes, relations) == "sfdp":
        assert choose_engine(nodes, relations + more_relations) == "sfdp"
        # One more node with one more relation is a tree's growth: never cheaper.
        grown = nodes + more_nodes, relations + more_nodes
        assert layout_cost(*grown) >= layout_cost(nodes, relations)
        assert choose_engine(*grown) == "sfdp"


def test_the_switch_names_the_counts_and_the_cost() -> None:
    with pytest.warns(RenderWarning) as said:
        assert resolve_engine(None, 1000, 2994, stacklevel=1) == "sfdp"
    message = str(said[0].message)
    assert "1,000 nodes and 2,994 relations" in message
    assert f"more than {LARGE_MAP:,}" in message
    assert "engine='dot'" in message


def test_a_chosen_engine_is_kept_without_a_word() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert resolve_engine("dot", 1000, 2994, stacklevel=1) == "dot"
        assert resolve_engine(None, 41, 51, stacklevel=1) == "dot"


def dense(nodes: int, per_node: int) -> ArgumentMap:
    """Claims each supporting the `per_node` claims before it (fewer at the start)."""
    return ArgumentMap(
        title="Dense",
        nodes=[Node(id=f"n{i}", kind="claim", text="x") for i in range(nodes)],
        relations=[
            Relation(source=f"n{i}", target=f"n{j}", kind="supports")
            for i in range(nodes)
            for j in range(max(0, i - per_node), i)
        ],
    )


def test_a_map_with_few_nodes_but_many_relations_is_drawn_with_sfdp() -> None:
    nodes = int(LARGE_MAP * 0.6)
    tree = dense(nodes, 1)
    assert len(tree.nodes) < LARGE_MAP
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert to_graphviz(tree).engine == "dot"
    with pytest.warns(RenderWarning, match="relations"):
        assert to_graphviz(dense(nodes, 3)).engine == "sfdp"
