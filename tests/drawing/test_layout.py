"""Which engine lays a map out when none is chosen: the cost estimate and what it says."""

from __future__ import annotations

import itertools
import shlex
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
    to_dot,
    to_graphviz,
)
from argmap.drawing.layout import BIG_MAP, overlap_attributes, resolve_engine, run_graphviz

counts = st.integers(min_value=0, max_value=10 * LARGE_MAP)


def test_a_tree_is_costed_by_its_nodes_alone() -> None:
    assert layout_cost(1000, 999) == 1000
    assert layout_cost(1000, 0) == 1000
    assert choose_engine(LARGE_MAP, LARGE_MAP) == "dot"
    assert choose_engine(LARGE_MAP + 1, LARGE_MAP) == "sfdp"


def test_relations_beyond_one_a_node_weigh_by_the_square_of_their_share() -> None:
    assert layout_cost(100, 150) == 100 * (1 + RELATION_WEIGHT * 0.5**2)
    assert layout_cost(100, 300) == 100 * (1 + RELATION_WEIGHT * 2**2)
    assert layout_cost(0, 0) == layout_cost(0, 5) == 0


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


@given(counts, counts, st.integers(0, 100), st.integers(1, 10))
def test_more_relations_or_a_bigger_map_of_the_same_shape_never_goes_back_to_dot(
    nodes: int, relations: int, more_relations: int, times: int
) -> None:
    if choose_engine(nodes, relations) == "sfdp":
        assert choose_engine(nodes, relations + more_relations) == "sfdp"
        assert choose_engine(nodes * times, relations * times) == "sfdp"


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


def boxes(plain: str) -> dict[str, tuple[float, float, float, float]]:
    """(left, bottom, right, top) of every node in Graphviz's `-Tplain` output, in inches."""
    found = {}
    for line in plain.splitlines():
        if line.startswith("node "):
            name, x, y, width, height = shlex.split(line)[1:6]
            cx, cy, w, h = float(x), float(y), float(width), float(height)
            found[name] = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    return found


@pytest.mark.exe
def test_sfdp_leaves_no_two_node_boxes_overlapping_on_a_moderate_map() -> None:
    m = ArgumentMap(
        title="Moderate",
        nodes=[
            Node(id=f"n{i}", kind="claim", text=f"Statement {i} of a moderate map, " * (1 + i % 4))
            for i in range(300)
        ],
        relations=[
            Relation(source=f"n{i}", target=f"n{j}", kind="supports")
            for i in range(1, 300)
            for j in {(i - 1) // 2, i // 3}
        ],
    )
    dot = to_dot(m, engine="sfdp")
    found = boxes(run_graphviz(dot, engine="sfdp", format="plain").decode("utf-8"))
    assert {f"n{i}" for i in range(300)} <= set(found)
    slack = 0.01  # inches: Graphviz rounds positions in plain output
    overlapping = [
        (a, b)
        for (a, (l1, b1, r1, t1)), (b, (l2, b2, r2, t2)) in itertools.combinations(found.items(), 2)
        if min(r1, r2) - max(l1, l2) > slack and min(t1, t2) - max(b1, b2) > slack
    ]
    assert overlapping == []


def test_big_maps_remove_overlaps_by_scaling_and_smaller_ones_with_prism() -> None:
    assert "overlap=prism" in overlap_attributes(BIG_MAP)
    assert "overlap=scale" in overlap_attributes(BIG_MAP + 1)
    many = ArgumentMap(
        title="Many", nodes=[Node(id=f"n{i}", kind="claim", text="x") for i in range(BIG_MAP + 1)]
    )
    assert "overlap=scale" in to_dot(many, engine="sfdp")
    assert "overlap" not in to_dot(many, engine="dot")


@pytest.mark.parametrize("engine", ["rm", "dot -Tsvg", "../dot", "", "DOT"])
def test_run_graphviz_runs_only_a_layout_engine_whoever_made_the_options(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The engine names the program run: options made with attrs' validators
    # off must not make it run another one.
    looked_up: list[str] = []
    monkeypatch.setattr("shutil.which", lambda name: looked_up.append(name))
    expected = r"unknown engine .*expected one of: dot, fdp, neato, sfdp$"
    with pytest.raises(ValueError, match=expected):
        run_graphviz("digraph {}", engine=engine, format="svg")
    assert looked_up == []
