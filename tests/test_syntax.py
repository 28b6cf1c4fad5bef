"""JSON and YAML text: strict parsing, problems with line and column, positions of values."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import _syntax
from argmap._paths import PathPart, format_path
from argmap._syntax import _NESTED, _LineIndex, dump_text, format_for, locate, parse_text
from argmap.errors import FormatError, ValidationError


def problem_of(text: str, format: str) -> tuple[str, str, int | None, int | None]:
    with pytest.raises(ValidationError) as caught:
        parse_text(text, format, file="m")  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.file == "m"
    return problem.code, problem.message, problem.line, problem.column


@pytest.mark.parametrize(
    ("name", "format", "expected"),
    [
        ("a.json", None, "json"),
        ("a.YAML", None, "yaml"),
        ("a.yml", None, "yaml"),
        ("x", "json", "json"),
    ],
)
def test_the_format_comes_from_the_suffix_unless_given(
    name: str, format: str | None, expected: str
) -> None:
    assert format_for(name, format) == expected


def test_an_unknown_suffix_or_format_names_the_choices() -> None:
    with pytest.raises(FormatError, match=r"\.json, \.yaml, \.yml"):
        format_for("map.txt")
    with pytest.raises(FormatError, match="json, yaml"):
        format_for("map.json", "toml")


@pytest.mark.parametrize("format", ["json", "yaml"])
@pytest.mark.parametrize("text", ["", "   \n\n"])
def test_an_empty_document_is_a_problem_not_a_none(text: str, format: str) -> None:
    code, message, line, _ = problem_of(text, format)
    assert code == "empty-document"
    assert "empty" in message
    assert line == 1


def test_json_syntax_errors_carry_the_parsers_line_and_column() -> None:
    assert problem_of('{\n  "a": 1,\n  "b": ]\n}', "json") == (
        "syntax-error",
        "not valid JSON: Expecting value",
        3,
        8,
    )


def test_yaml_syntax_errors_carry_line_and_column() -> None:
    code, message, line, column = problem_of("a: [1, 2\nb: 3\n", "yaml")
    assert code == "syntax-error"
    assert message.startswith("not valid YAML")
    assert (line, column) == (2, 2)


def test_json_refuses_nan_and_infinity() -> None:
    code, message, line, column = problem_of('{"a":\n NaN}', "json")
    assert code == "syntax-error"
    assert "NaN" in message
    assert (line, column) == (2, 2)


def test_a_json_key_given_twice_is_reported_at_each_repeat() -> None:
    parsed = parse_text('{"a": 1,\n "b": {"c": 1, "c": 2},\n "a": 3}', "json", file="m.json")
    found = {(p.path, p.line, p.column) for p in parsed.problems}
    assert found == {("$.b.c", 2, 16), ("$.a", 3, 2)}
    assert all(p.code == "duplicate-key" for p in parsed.problems)
    assert any("first at line 1, column 2" in str(p) for p in parsed.problems)
    assert parsed.document == {"a": 3, "b": {"c": 2}}


def test_keys_given_twice_deep_inside_are_found_in_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each nested value is walked once, its end handed back to its container:
    # skipped there instead, a value deeper than the skipping pattern sees would
    # be decoded again at every level above it (quadratic in the depth).
    decoded: list[int] = []
    decoder = json.JSONDecoder()

    class Counting:
        def raw_decode(self, text: str, index: int) -> tuple[Any, int]:
            decoded.append(index)
            return decoder.raw_decode(text, index)

    monkeypatch.setattr(_syntax, "_DECODER", Counting())
    depth = 40
    inner = '{"x": "]}[{", "x": [1, {"y": 2}]}'
    text = '{"k": ' * depth + inner + "}" * depth
    text = f'{{"m": {text}, "list": [[[[[["{{"]]]]]], "m": 1}}'
    found = [(p.path, p.line, p.column) for p in parse_text(text, "json").problems]
    assert found == [
        ("$.m" + ".k" * depth + ".x", 1, text.index('"x"', text.index('"x"') + 1) + 1),
        ("$.m", 1, text.rindex('"m"') + 1),
    ]
    assert decoded == []


def test_a_yaml_key_given_twice_is_a_problem() -> None:
    (problem,) = parse_text("nodes:\n  - id: a\n    id: b\n", "yaml").problems
    assert (problem.code, problem.path, problem.line, problem.column) == (
        "duplicate-key",
        "$.nodes[0].id",
        3,
        5,
    )


def test_yaml_aliases_are_refused_so_alias_bombs_cannot_explode() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    problems = parse_text(bomb, "yaml").problems
    assert {p.code for p in problems} == {"yaml-alias"}
    assert len(problems) == 8 * 9


def test_yaml_keeps_dates_and_versions_as_text() -> None:
    assert parse_text("date: 2024-07-10\nargmap: '1.0'\n", "yaml").document == {
        "date": "2024-07-10",
        "argmap": "1.0",
    }


def messages(text: str, format: str = "yaml") -> list[str]:
    return [str(p) for p in parse_text(text, format).problems]  # type: ignore[arg-type]


def test_yaml_keys_must_be_text() -> None:
    assert "keys must be text" in messages("1: a\n")[0]
    assert "keys must be text, found a list or mapping" in messages("[x]: a\n")[0]


def test_yaml_refuses_values_json_cannot_hold() -> None:
    assert "bytes value" in messages("a: !!binary aGVsbG8=\n")[0]
    assert "finite" in messages("a: .inf\n")[0]
    assert "yaml-tag" in messages("a: !!omap []\n")[0]
    assert "yaml-tag" in messages("a: !!python/object:os.system {b: 1}\n")[0]


def test_merge_and_value_keys_are_plain_keys() -> None:
    assert parse_text("<<: {a: 1}\nb: =\n", "yaml").document == {"<<": {"a": 1}, "b": "="}


def test_lone_surrogates_are_reported_and_replaced_so_checking_goes_on() -> None:
    parsed = parse_text('{"title": "\\ud83d", "ok": "\\ud83d\\ude00"}', "json")
    assert [(p.code, p.path) for p in parsed.problems] == [("bad-text", "$.title")]
    assert parsed.document == {"title": "\ufffd", "ok": "😀"}
    code, message, *_ = problem_of('title: "\\ud83d"\n', "yaml")
    assert code == "syntax-error"
    assert "escape" in message


def test_a_comment_only_yaml_file_is_empty() -> None:
    code, *_ = problem_of("# nothing here\n", "yaml")
    assert code == "empty-document"


def test_characters_yaml_forbids_are_named() -> None:
    code, message, line, column = problem_of("a: b\nc: \x07\n", "yaml")
    assert (code, line, column) == ("syntax-error", 2, 4)
    assert "'\\x07'" in message


def test_yaml_with_two_documents_is_a_syntax_error() -> None:
    code, *_ = problem_of("a: 1\n---\nb: 2\n", "yaml")
    assert code == "syntax-error"


def test_a_document_nested_too_deep_is_a_problem_not_a_crash() -> None:
    code, _message, *_ = problem_of("[" * 100_000 + "]" * 100_000, "json")
    assert code == "too-deep"


JSON_TEXT = '{\n  "nodes": [\n    {"id": "a"},\n    {"id": "b", "odd key": [1, 2]}\n  ]\n}\n'
YAML_TEXT = "nodes:\n  - id: a\n  - id: b\n    odd key: [1, 2]\n"


@pytest.mark.parametrize(
    ("format", "text", "expected"),
    [
        (
            "json",
            JSON_TEXT,
            {
                "$": (1, 1),
                "$.nodes[1].id": (4, 12),
                '$.nodes[1]["odd key"][1]': (4, 32),
                "$.nodes[0].missing": (3, 5),
                "$.nodes[7]": (2, 12),
            },
        ),
        (
            "yaml",
            YAML_TEXT,
            {
                "$": (1, 1),
                "$.nodes[1].id": (3, 9),
                '$.nodes[1]["odd key"][1]': (4, 18),
                "$.nodes[0].missing": (2, 5),
                "$.nodes[7]": (2, 3),
            },
        ),
    ],
)
def test_locate_finds_each_value_or_its_nearest_container(
    format: str, text: str, expected: dict[str, tuple[int, int]]
) -> None:
    assert locate(text, format, expected) == expected  # type: ignore[arg-type]


# Strings that look like JSON's structure, to throw off a scanner that skips values.
_TRICKY = st.text(st.sampled_from('ab"\\[]{},: \n\u00e9\U0001f600'), max_size=8)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TRICKY,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TRICKY, inner, max_size=4),
    max_leaves=30,
)
_SPACE = st.sampled_from(["", " ", "\n", "\n    ", "\t", "\r\n"])


def _written(
    value: Any, draw: st.DrawFn, here: tuple[PathPart, ...], at: dict[str, int], out: list[str]
) -> None:
    """Write `value` as JSON into `out`, white space drawn, noting where each value starts."""
    at[format_path(here)] = sum(map(len, out))
    if isinstance(value, dict | list):
        items = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
        out.append("{" if isinstance(value, dict) else "[")
        for number, (key, item) in enumerate(items):
            out.append(("," if number else "") + draw(_SPACE))
            if isinstance(value, dict):
                out.append(json.dumps(key) + draw(_SPACE) + ":" + draw(_SPACE))
            _written(item, draw, (*here, key), at, out)
        out.append(draw(_SPACE) + ("}" if isinstance(value, dict) else "]"))
    else:
        out.append(json.dumps(value, ensure_ascii=draw(st.booleans())))


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    lines = text[:offset].split("\n")
    return len(lines), len(lines[-1]) + 1


@st.composite
def _json_texts(draw: st.DrawFn) -> tuple[str, dict[str, tuple[int, int]]]:
    """JSON text (arbitrary values, arbitrary white space) and where each of its values is."""
    value = draw(_JSON)
    if draw(st.booleans()):
        # Long lists, skipped in runs, with an item nested deeper than the
        # pattern that skips values sees, somewhere in them.
        deep = [[[[[[[[{"deep": [value]}]]]]]]]]
        before, after = draw(st.integers(0, 300)), draw(st.integers(0, 300))
        value = [value] * before + [deep] * draw(st.integers(0, 1)) + [value] * after
    at: dict[str, int] = {}
    out: list[str] = [draw(_SPACE)]
    _written(value, draw, (), at, out)
    text = "".join(out) + draw(_SPACE)
    assert json.loads(text) == value
    return text, {path: _line_and_column(text, offset) for path, offset in at.items()}


@given(_json_texts(), st.data())
def test_locate_finds_every_value_of_any_json_text(
    written: tuple[str, dict[str, tuple[int, int]]], data: st.DataObject
) -> None:
    text, expected = written
    paths = data.draw(st.lists(st.sampled_from(sorted(expected)), min_size=1, unique=True))
    wanted = {path: expected[path] for path in paths}
    assert locate(text, "json", paths) == wanted
    # Without a key given twice (as written here), stopping at the first finds the same.
    assert locate(text, "json", paths, unique_keys=True) == wanted


def test_values_nested_deeper_than_the_skipping_pattern_are_skipped_by_decoding() -> None:
    deep = "[" * (_NESTED + 3) + '"]" , {"}": 1}' + "]" * (_NESTED + 3)
    text = f'{{"a": [{deep}, {deep}, 7], "b": {deep}, "c": 8}}'
    assert locate(text, "json", ["$.a[2]", "$.c"]) == {
        "$.a[2]": (1, text.index("7") + 1),
        "$.c": (1, text.index("8") + 1),
    }


@given(
    st.text(st.sampled_from("ab\n\u00e9"), max_size=40),
    st.lists(st.integers(0, 40), max_size=8),
)
def test_line_and_column_are_found_in_any_order(text: str, offsets: list[int]) -> None:
    # Looked up in order, lines are counted; out of order, the lines are indexed.
    lines = _LineIndex(text)
    for offset in [min(o, len(text)) for o in offsets]:
        assert lines.position(offset) == _line_and_column(text, offset)


@pytest.mark.parametrize("format", ["json", "yaml"])
def test_dump_text_round_trips_awkward_strings(format: str) -> None:
    document = {"a": ["yes", "null", "1.0", "2024-07-10", "x: y", "#", "\u2028", "\x85", "  "]}
    assert parse_text(dump_text(document, format), format).document == document  # type: ignore[arg-type]
