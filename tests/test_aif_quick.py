"""Shortcuts the AIF reader takes for speed give what the long way gives."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

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
