"""Shortcuts the AIF reader takes for speed give what the long way gives."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from unittest import mock

from hypothesis import example, given
from hypothesis import strategies as st

from argmap.errors import Problem
from argmap.formats import aif

# AIFdb's numbers and their linked parts ("12.1"), which are named in bulk,
# names already taken that they would get, and keys that need the long way.
numbers = st.lists(st.sampled_from(["1", "12", "7", "12.1", "7.2", "3", "1-2"]), max_size=6)
odd = st.lists(
    st.sampled_from(["n12", "ra7", "a b", "x\n", "1\n", "9" * 130, "-1", "é1"])
    | st.from_regex(r"[0-9]{1,4}(\.[0-9])?", fullmatch=True),
    max_size=6,
)
prefixes = st.sampled_from(["n", "ra", "ca"])
taken_names = st.sets(st.sampled_from(["n12", "ra7", "n1", "ca7", "n12-2", "ra12.1"]))


def one_at_a_time(prefix: str, nodeids: list[str], taken: set[str]) -> list[str]:
    return [aif._name_for(prefix, key, taken) for key in nodeids]


@example(["12"], "n", {"n12"})
@example(["12", "12"], "n", set())
@given(numbers | odd, prefixes, taken_names)
def test_names_in_bulk_are_the_names_one_at_a_time(
    nodeids: list[str], prefix: str, taken: set[str]
) -> None:
    long_way = set(taken)
    expected = one_at_a_time(prefix, nodeids, long_way)
    in_bulk = set(taken)
    assert aif._names_for([prefix] * len(nodeids), nodeids, in_bulk) == expected
    assert in_bulk == long_way


def test_the_edges_of_an_ra_node_that_became_no_relation_are_kept_verbatim() -> None:
    # Edges are sorted by the types at their ends; an RA node with no premise
    # is no relation, so its edges are not the map's, whatever their types.
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "1", "type": "I", "text": "a"},
                {"nodeID": "2", "type": "I", "text": "b"},
                {"nodeID": "3", "type": "RA", "text": "Default Inference"},
                {"nodeID": "4", "type": "RA", "text": "Default Inference"},
                {"nodeID": "5", "type": "CA", "text": "Default Conflict"},
            ],
            "edges": [
                {"edgeID": "e1", "fromID": "1", "toID": "3"},
                {"edgeID": "e2", "fromID": "3", "toID": "2"},
                {"edgeID": "e3", "fromID": "4", "toID": "2"},  # 4 has no premise
                {"edgeID": "e4", "fromID": "5", "toID": "4"},  # nor has 5
            ],
        }
    )
    m = aif.loads(text)
    assert [r.id for r in m.relations] == ["ra3"]
    kept = m.metadata["aif"]["edges"]
    assert [e["edgeID"] for e in kept] == ["e3", "e4"]
    back = aif.to_data(m)
    assert sorted(e["edgeID"] for e in back["edges"]) == ["e1", "e2", "e3", "e4"]


# Small graphs with what takes each branch: RA nodes with one to three
# premises (or none), CA nodes on I-nodes and on RA/CA nodes, the dialogue
# layer (L, YA, TA) with and without speakers, MA nodes, schemes blank or not,
# stray edges, and, in some graphs, ends that are numbers, lists or missing.
texts = st.sampled_from(["a claim", "b", "c", "d e"])
said = st.sampled_from(["Ann : she said it", "Bob :  ", "just words", "x : y", " "])
schemes = st.sampled_from([None, None, "Default Inference", " ", 7])
odd_ends = st.sampled_from(["99", 3, True, ["1"]])


@st.composite
def small_graphs(draw: st.DrawFn) -> dict[str, object]:
    nodes: list[dict[str, object]] = []

    def node(kind: str, text: str, **more: object) -> str:
        key = str(len(nodes) + 1)
        nodes.append({"nodeID": key, "text": text, "type": kind, **more})
        if draw(st.booleans()):
            nodes[-1]["timestamp"] = "2021-05-20 20:21:32"
        return key

    inodes = [node("I", draw(texts)) for _ in range(draw(st.integers(1, 5)))]
    pairs: list[tuple[object, object]] = []
    applied: list[str] = []
    for kind in draw(st.lists(st.sampled_from(["RA", "CA", "MA"]), max_size=4)):
        scheme = draw(schemes)
        key = node(kind, "Default", **({} if scheme is None else {"scheme": scheme}))
        count = draw(st.sampled_from([1, 1, 1, 2, 3, 0]))
        pairs += [(p, key) for p in draw(st.permutations(inodes))[:count]]
        targets = inodes + (applied if kind == "CA" else [])
        conclusions = draw(st.sampled_from([1, 1, 1, 0, 2]))  # one, none, two
        pairs += [(key, target) for target in draw(st.permutations(targets))[:conclusions]]
        applied.append(key)
    for i_key in draw(st.lists(st.sampled_from(inodes), max_size=3)):
        words, act = node("L", draw(said)), node("YA", "Asserting")
        pairs += [(words, act), (act, i_key)]
        if draw(st.booleans()):
            pairs.append((node("TA", "Default Transition"), words))
    ends: st.SearchStrategy[object] = st.sampled_from([node["nodeID"] for node in nodes])
    if draw(st.integers(0, 4)) == 0:  # a graph with a fault
        ends = ends | odd_ends
    pairs += draw(st.lists(st.tuples(ends, ends), max_size=2))
    edges = [
        {"edgeID": f"e{i}", "fromID": a, "toID": b, **({"formEdgeID": None} if i % 2 else {})}
        for i, (a, b) in enumerate(pairs)
    ]
    return {"nodes": nodes, "edges": edges, "locutions": []}


def seen(problems: Sequence[Problem]) -> list[tuple[str, str, str]]:
    return sorted((p.path, str(p.code), p.message) for p in problems)


@given(small_graphs())
def test_a_graph_read_from_its_text_is_the_graph_read_from_data(graph: dict[str, object]) -> None:
    # Read from text, the parsed document is the reader's own and what the map
    # keeps of it is cut out of it; read from data, the caller's is left alone.
    before = copy.deepcopy(graph)
    report = aif.check_text(json.dumps(graph))
    m, problems = aif.from_data(graph)
    assert graph == before
    assert report.map == m
    if report.map is not None and m is not None:
        assert json.dumps(report.map.metadata) == json.dumps(m.metadata)
    assert seen(report.problems) == seen(problems)


@given(small_graphs())
def test_a_graph_read_a_column_at_a_time_is_the_graph_read_an_item_at_a_time(
    graph: dict[str, object],
) -> None:
    m, problems = aif.from_data(graph)
    with (
        mock.patch.object(aif, "_sound_nodes", return_value=None),
        mock.patch.object(aif, "_sound_edges", return_value=None),
    ):
        careful, careful_problems = aif.from_data(graph)
    assert m == careful
    if m is not None and careful is not None:
        assert json.dumps(m.metadata) == json.dumps(careful.metadata)
    assert seen(problems) == seen(careful_problems)


def test_an_ra_node_with_two_conclusions_or_none_becomes_no_relation() -> None:
    nodes = [{"nodeID": str(i), "type": "I", "text": f"claim {i}"} for i in (1, 2, 3)]
    nodes += [{"nodeID": key, "type": "RA", "text": "Default Inference"} for key in ("4", "5")]
    pairs = [("1", "4"), ("4", "2"), ("4", "3"), ("1", "5")]
    edges = [{"fromID": a, "toID": b} for a, b in pairs]
    m, problems = aif.from_data({"nodes": nodes, "edges": edges})
    assert m is not None
    assert m.relations == ()
    assert {e["toID"] for e in m.metadata["aif"]["edges"]} == {"2", "3", "4", "5"}
    told = [p.message for p in problems if p.path in ("$.nodes[3]", "$.nodes[4]")]
    assert "has 2 conclusions" in told[0]
    assert "has no conclusion" in told[1]
