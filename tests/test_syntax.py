"""JSON and YAML text: strict parsing, problems with line and column, positions of values."""

from __future__ import annotations

import pytest

from argmap.errors import FormatError, ValidationError
from argmap.syntax import dump_text, format_for, locate, parse_text


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
    with pytest.raises(ValidationError) as caught:
        parse_text('{"a": 1,\n "b": {"c": 1, "c": 2},\n "a": 3}', "json", file="m.json")
    found = {(p.path, p.line, p.column) for p in caught.value.problems}
    assert found == {("$.b.c", 2, 16), ("$.a", 3, 2)}
    assert all(p.code == "duplicate-key" for p in caught.value.problems)
    assert "first at line 1, column 2" in str(caught.value)


def test_a_yaml_key_given_twice_is_a_problem() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_text("nodes:\n  - id: a\n    id: b\n", "yaml")
    (problem,) = caught.value.problems
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
    with pytest.raises(ValidationError) as caught:
        parse_text(bomb, "yaml")
    assert {p.code for p in caught.value.problems} == {"yaml-alias"}
    assert len(caught.value.problems) == 8 * 9


def test_yaml_keeps_dates_and_versions_as_text() -> None:
    assert parse_text("date: 2024-07-10\nargmap: '1.0'\n", "yaml") == {
        "date": "2024-07-10",
        "argmap": "1.0",
    }


def test_yaml_keys_must_be_text() -> None:
    with pytest.raises(ValidationError, match="keys must be text"):
        parse_text("1: a\n", "yaml")


def test_yaml_refuses_values_json_cannot_hold() -> None:
    with pytest.raises(ValidationError, match="bytes value"):
        parse_text("a: !!binary aGVsbG8=\n", "yaml")
    with pytest.raises(ValidationError, match="finite"):
        parse_text("a: .inf\n", "yaml")


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
                "$.nodes[1]['odd key'][1]": (4, 32),
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
                "$.nodes[1]['odd key'][1]": (4, 18),
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


@pytest.mark.parametrize("format", ["json", "yaml"])
def test_dump_text_round_trips_awkward_strings(format: str) -> None:
    document = {"a": ["yes", "null", "1.0", "2024-07-10", "x: y", "#", "\u2028", "\x85", "  "]}
    assert parse_text(dump_text(document, format), format) == document  # type: ignore[arg-type]
