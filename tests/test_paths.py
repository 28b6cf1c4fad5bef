"""JSON paths: written on one line whatever the keys hold, and read back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap._paths import format_path, parse_path


def test_plain_keys_use_dots_and_indices_brackets() -> None:
    assert format_path(["nodes", 3, "quotes", 0, "text"]) == "$.nodes[3].quotes[0].text"
    assert format_path([]) == "$"


def test_odd_keys_are_json_strings_on_one_line() -> None:
    assert format_path(["metadata", "two words", "a\nb"]) == '$.metadata["two words"]["a\\nb"]'
    assert format_path(["metadata", 'say "hi"']) == '$.metadata["say \\"hi\\""]'


@given(st.lists(st.integers(0, 10**6) | st.text()))
def test_every_path_reads_back_as_written(parts: list[int | str]) -> None:
    path = format_path(parts)
    assert "\n" not in path
    assert parse_path(path) == tuple(parts)


@pytest.mark.parametrize("bad", ["nodes[0]", "$.", "$[x]", "$['single']", "$.a b"])
def test_anything_else_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="path"):
        parse_path(bad)
