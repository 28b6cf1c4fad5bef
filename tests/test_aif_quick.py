"""Shortcuts the AIF reader takes for speed give what the long way gives."""

from __future__ import annotations

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
