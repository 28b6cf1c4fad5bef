"""argmap's own JSON writer gives exactly the bytes of `json.dumps(..., indent=2)`."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap
from argmap.strategies import argument_maps
from argmap.writer import _json_text
from tests.conftest import NATO_MAP


def standard(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=150, deadline=None)
@given(argument_maps(max_nodes=15))
def test_dumps_json_is_json_dumps_of_to_dict(m: ArgumentMap) -> None:
    text = argmap.dumps(m, format="json")
    assert text == standard(argmap.to_dict(m))
    assert argmap.loads(text, format="json") == m


def test_the_nato_map() -> None:
    m = argmap.load(NATO_MAP)
    assert argmap.dumps(m, format="json") == standard(argmap.to_dict(m))


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**64, max_value=2**200)
    | st.floats()  # NaN, infinities and -0.0 included
    | st.text()  # control characters, quotes, backslashes, non-ASCII, surrogates
)
keys = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
plain = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(plain)
def test_any_plain_value_is_written_as_json_writes_it(value: Any) -> None:
    assert _json_text(value) == standard(value)


@pytest.mark.parametrize("value", [object(), {(1, 2): "tuple key"}, [1, {"a": {1, 2}}]])
def test_what_json_refuses_is_refused(value: Any) -> None:
    with pytest.raises(TypeError):
        standard(value)
    with pytest.raises(TypeError):
        _json_text(value)
