"""The quick JSON read (msgspec, keys counted) against the careful one (`json`, keys checked)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import _syntax
from argmap._syntax import Parsed, parse_text
from argmap.errors import ProblemCode, ValidationError

from .test_aif import CORPUS_FILES


def careful(text: str) -> Parsed | list[Any]:
    """What parse_text gives without the quick read: the document and problems, or the error."""
    original = _syntax._quick_json
    _syntax._quick_json = lambda text, margin=0: None
    try:
        return parse_text(text, "json", file="f")
    except ValidationError as error:
        return list(error.problems)
    finally:
        _syntax._quick_json = original


def either(text: str) -> Parsed | list[Any]:
    try:
        return parse_text(text, "json", file="f")
    except ValidationError as error:
        return list(error.problems)


def same(a: object, b: object) -> bool:
    # repr tells 1 from 1.0 and True, and -0.0 from 0.0, where == does not.
    return repr(a) == repr(b)


HOSTILE = [
    '{"a": 1, "a": 2}',
    '{"a": {"b": 1, "b": 1}}',
    '[{"x": "1:2"}, {"y": [{"z": 1, "z": "::"}]}]',
    # A repeated key whose lost value held colons, and one whose key holds them.
    '{"a": "x:y:z", "b": 1, "a": "w"}',
    '{"a:b": 1, "a:b": 1}',
    '{"a": 1, "b": {"a": 1}, "c": [{"a": 1, "a": {"q:": ":"}}]}',
    # An escaped colon is counted (an escaped backslash before u003a is none);
    # an escaped surrogate declines.
    '{"a\\u003a": 1, "a:": 2}',
    '{"a": "\\u003A", "a": 2}',
    '{"a": "\\\\u003A:", "a": 2}',
    '{"a": "\\\\\\u003a", "b": ":", "a": 2}',
    '{"x": "\\ud83d\\ude00"}',
    '{"x": "\\ud800"}',
    '{"x": "\\u0000:"}',
    # Values `json` reads and msgspec does not, or reads differently.
    '{"x": NaN}',
    '{"x": Infinity}',
    '{"x": 1e400}',
    '{"x": -1e400}',
    '{"x": 1' + "0" * 30 + "}",
    '{"x": 1' + "0" * 5000 + "}",
    '{"x": -0.0, "y": -0, "z": 1.0, "w": 1E5, "v": 5e-324}',
    '{"x": 123456789012345678901234567890.5}',
    # Not JSON at all.
    '{"a": 1,}',
    "[1 2]",
    '{"a": 1}}',
    "\x0c[1]",
    '"\x01"',
    "[1]\x00",
    '{"a": tru}',
    "null",
    "true",
    '":"',
    "[]",
    "{}",
    '{"": 1, "": 2}',
    '{"a": "\\":\\"", "a": 1}',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_the_quick_read_agrees_with_the_careful_one_on_hostile_text(text: str) -> None:
    assert same(either(text), careful(text))


@pytest.mark.parametrize("text", [t for t in HOSTILE if "twice" in repr(careful(t))])
def test_a_repeated_key_is_never_read_quickly(text: str) -> None:
    assert _syntax._quick_json(text) is None
    found = either(text)
    assert isinstance(found, Parsed)
    assert [p.code for p in found.problems] == [ProblemCode.DUPLICATE_KEY]
    assert found.problems[0].line is not None


@pytest.mark.parametrize("depth", range(980, 1000))
def test_nesting_near_the_limit_is_decided_by_the_careful_read(depth: int) -> None:
    text = "[" * depth + "]" * depth
    found, expected = either(text), careful(text)
    if isinstance(expected, list):  # too deep for `json`: too deep for the quick read too
        assert same(found, expected)
    else:
        assert isinstance(found, Parsed)
        assert found.document == expected.document


@pytest.mark.skipif(not CORPUS_FILES, reason="no shared/corpora/aif beside this checkout")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_files_are_read_quickly_and_alike(path: Any) -> None:
    text = path.read_text(encoding="utf-8-sig")
    quick = _syntax._quick_json(text)
    assert quick is not None
    assert same(quick, json.loads(text))
    assert same(either(text), careful(text))


keys = st.text(alphabet=st.sampled_from('ab:"\\ é'), max_size=3)
leaves = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.sampled_from('x:"\\\n\u2028é😀'), max_size=4)
)
values = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=4) | st.lists(st.tuples(keys, inner), max_size=4)
    ),  # pairs: an object, keys maybe repeated
    max_leaves=20,
)


def write(value: object, ascii: bool, escape: bool = False) -> str:
    """JSON text of `value`, where a list of pairs is an object (so keys can repeat).

    With `escape`, every colon in a string is written as the escape `\\u003a`.
    """
    if isinstance(value, list):
        if value and all(isinstance(v, tuple) for v in value):
            members = ", ".join(
                f"{write(k, ascii, escape)}: {write(v, ascii, escape)}" for k, v in value
            )
            return "{" + members + "}"
        return "[" + ", ".join(write(v, ascii, escape) for v in value) + "]"
    written = json.dumps(value, ensure_ascii=ascii)
    return written.replace(":", "\\u003a") if escape and isinstance(value, str) else written


@given(values, st.booleans(), st.booleans())
def test_the_quick_read_agrees_with_the_careful_one_on_any_json(
    value: object, ascii: bool, escape: bool
) -> None:
    text = write(value, ascii, escape)
    assert same(either(text), careful(text))


def test_colons_written_as_escapes_are_read_quickly() -> None:
    text = '{"a\\u003ab": ["\\u003A", "\\\\u003a:", "\\\\\\u003a"]}'
    assert _syntax._quick_json(text) == {"a:b": [":", "\\u003a:", "\\:"]}


@given(st.text(st.sampled_from("a\n\r\u2028é😀"), max_size=30))
def test_line_starts_are_the_offsets_after_each_line_break(text: str) -> None:
    expected = [0, *(i + 1 for i, char in enumerate(text) if char == "\n")]
    assert _syntax._LineIndex(text).starts == expected


@given(st.text(st.sampled_from("a\n\r\u2028é"), max_size=12), st.data())
def test_a_position_is_found_by_the_line_starts(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    lines = _syntax._LineIndex(text)
    line = text[:offset].count("\n") + 1
    assert lines.position(offset) == (line, offset - lines.starts[line - 1] + 1)
