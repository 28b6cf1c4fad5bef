"""The published schema: valid, shipped in the package, and in agreement with the model."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

import argmap
from argmap.model import ID_PATTERN, TEXT_PATTERN
from argmap.schema import _PATTERN_CODES, _WORDING, SCHEMA_ID, _word, schema_text, validate_data
from tests.conftest import ROOT


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = argmap.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_id_carries_the_format_version() -> None:
    assert argmap.json_schema()["$id"] == SCHEMA_ID
    assert SCHEMA_ID.endswith(argmap.FORMAT_VERSION)


def test_the_packaged_schema_is_the_published_file() -> None:
    assert schema_text() == (ROOT / "schemas" / "argmap.schema.json").read_text(encoding="utf-8")


def test_json_schema_returns_a_copy() -> None:
    argmap.json_schema()["properties"].clear()
    assert argmap.json_schema()["properties"]


def test_the_schema_spells_ids_and_text_as_the_model_does() -> None:
    defs = argmap.json_schema()["$defs"]
    assert defs["id"]["pattern"] == ID_PATTERN
    assert defs["text"]["pattern"] == TEXT_PATTERN


def test_the_schema_lists_the_model_kinds() -> None:
    defs = argmap.json_schema()["$defs"]
    assert defs["node"]["properties"]["kind"]["enum"] == [k.value for k in argmap.NodeKind]
    assert defs["relation"]["properties"]["kind"]["enum"] == [k.value for k in argmap.RelationKind]


def test_every_character_python_calls_space_is_blank_to_the_schema() -> None:
    spaces = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
    assert not re.search(TEXT_PATTERN, spaces)
    assert validate_data({"argmap": "1.0", "title": spaces, "nodes": []})[0].code == "blank-text"


def minimal(**extra: object) -> dict[str, object]:
    return {"argmap": "1.0", "title": "t", "nodes": [], **extra}


@pytest.mark.parametrize(
    ("document", "path", "code", "words"),
    [
        (minimal(colour="red"), "$.colour", "unknown-field", ["'colour'", "expected only"]),
        ({"argmap": "1.0", "nodes": []}, "$", "missing-field", ["'title'"]),
        (minimal(argmap="2.0"), "$.argmap", "unsupported-version", ["'2.0'", "'1.0'"]),
        (minimal(nodes={}), "$.nodes", "wrong-type", ["a list", "an object"]),
        (
            minimal(nodes=[{"id": "a", "kind": "clam", "text": "x"}]),
            "$.nodes[0].kind",
            "unknown-kind",
            ["'clam'", "did you mean 'claim'"],
        ),
        (
            minimal(nodes=[{"id": "1a", "kind": "claim", "text": "x"}]),
            "$.nodes[0].id",
            "bad-id",
            ["'1a'", "a letter or '_'"],
        ),
        (
            minimal(nodes=[{"id": "a", "kind": "claim", "text": "x", "tags": ["t", "t"]}]),
            "$.nodes[0].tags",
            "duplicate-item",
            ["'t'", "twice"],
        ),
        (
            minimal(nodes=[{"id": "a", "kind": "claim", "text": "x", "tekst": "y"}]),
            "$.nodes[0].tekst",
            "unknown-field",
            ["did you mean 'text'"],
        ),
        (
            minimal(
                nodes=[
                    {
                        "id": "a",
                        "kind": "claim",
                        "text": "x",
                        "quotes": [{"source": "s", "text": "q", "start": 1}],
                    }
                ]
            ),
            "$.nodes[0].quotes[0]",
            "missing-field",
            ["'end'"],
        ),
        (
            minimal(relations=[{"from": "a", "to": "b", "kind": "supports", "weight": 1}]),
            "$.relations[0].weight",
            "unknown-field",
            ["relation"],
        ),
    ],
)
def test_schema_problems_say_where_what_was_found_and_what_was_expected(
    document: dict[str, object], path: str, code: str, words: list[str]
) -> None:
    problems = validate_data(document)
    matching = [p for p in problems if p.path == path and p.code == code]
    assert matching, [str(p) for p in problems]
    for word in words:
        assert word in matching[0].message


def test_a_valid_document_has_no_schema_problems() -> None:
    assert validate_data(minimal(nodes=[{"id": "a", "kind": "claim", "text": "x"}])) == []


def test_the_nato_map_conforms_to_the_schema_as_written() -> None:
    import yaml

    document = yaml.safe_load((ROOT / "examples/nato_indo_pacific/map.yaml").read_text("utf-8"))
    assert validate_data(json.loads(json.dumps(document))) == []


def test_ids_are_matched_as_ecma_262_does_so_both_validators_agree() -> None:
    problems = validate_data(minimal(nodes=[{"id": "a\n", "kind": "claim", "text": "x"}]))
    assert [(p.code, p.path) for p in problems] == [("bad-id", "$.nodes[0].id")]


def test_a_kind_of_the_wrong_type_is_a_wrong_type() -> None:
    problems = validate_data(minimal(nodes=[{"id": "a", "kind": 42, "text": "x"}]))
    assert [(p.code, p.path) for p in problems] == [("wrong-type", "$.nodes[0].kind")]
    assert "found integer 42" in problems[0].message


def test_nesting_too_deep_for_the_validator_is_a_problem_not_a_crash() -> None:
    deep: list[object] = []
    current = deep
    for _ in range(400):
        current.append([])
        current = current[0]  # type: ignore[assignment]
    node = {"id": "a", "kind": "claim", "text": "x", "tags": [deep, deep]}
    (problem,) = validate_data(minimal(nodes=[node]))
    assert problem.code == "too-deep"


def test_only_the_faulty_items_are_worded() -> None:
    nodes: list[dict[str, object]] = [
        {"id": f"n{i}", "kind": "claim", "text": "x"} for i in range(2000)
    ]
    nodes[1500]["kind"] = "clam"
    nodes[3]["extra"] = 1
    problems = validate_data(minimal(nodes=nodes, colour=1))
    assert sorted(p.path for p in problems) == [
        "$.colour",
        "$.nodes[1500].kind",
        "$.nodes[3].extra",
    ]


def _node(**fields: object) -> dict[str, object]:
    return {"id": "a", "kind": "claim", "text": "x", **fields}


_KINDS = "claim, evidence, objection, rebuttal, recommendation"

# One document per keyword's wording function, and the exact problem it gives.
WORDED = {
    "additionalProperties": (
        minimal(colour="red"),
        "$.colour",
        "unknown-field",
        "unknown field 'colour' in an argument map; expected only: argmap, description, "
        "lint, metadata, nodes, relations, sections, sources, title",
    ),
    "required": (
        {"argmap": "1.0", "nodes": []},
        "$",
        "missing-field",
        "an argument map needs the field 'title' (required: argmap, title, nodes)",
    ),
    "dependentRequired": (
        minimal(nodes=[_node(quotes=[{"source": "s", "text": "q", "start": 1}])]),
        "$.nodes[0].quotes[0]",
        "missing-field",
        "'start' and 'end' go together; found 'start' without 'end'",
    ),
    "type": (
        minimal(nodes={}),
        "$.nodes",
        "wrong-type",
        "found an object with 0 fields; expected a list",
    ),
    "enum": (
        minimal(nodes=[_node(kind="clam")]),
        "$.nodes[0].kind",
        "unknown-kind",
        f"unknown node kind 'clam' (did you mean 'claim'?); expected one of: {_KINDS}",
    ),
    "pattern": (
        minimal(nodes=[_node(id="1a")]),
        "$.nodes[0].id",
        "bad-id",
        "found string '1a'; expected an id: a letter or '_', then letters, digits, '_', "
        "'.' or '-' (128 characters at most)",
    ),
    "uniqueItems": (
        minimal(nodes=[_node(tags=["t", "t"])]),
        "$.nodes[0].tags",
        "duplicate-item",
        "string 't' is listed twice; expected each item once",
    ),
    "minimum": (
        minimal(nodes=[_node(quotes=[{"source": "s", "text": "q", "start": -1, "end": 0}])]),
        "$.nodes[0].quotes[0].start",
        "out-of-range",
        "found integer -1; expected a number >= 0",
    ),
    "maximum": (
        minimal(nodes=[_node(base_score=1.5)]),
        "$.nodes[0].base_score",
        "out-of-range",
        "found number 1.5; expected a number <= 1",
    ),
}

MORE = [
    (
        minimal(nodes=[_node(kind=5)]),
        "$.nodes[0].kind",
        "wrong-type",
        f"found integer 5; expected a node kind (one of: {_KINDS})",
    ),
    (
        minimal(argmap="2.0"),
        "$.argmap",
        "unsupported-version",
        "format version string '2.0' is not supported; this argmap reads '1.0', '1.1' "
        '(write: argmap: "1.1")',
    ),
    (
        minimal(title=" "),
        "$.title",
        "blank-text",
        "found string ' '; expected text with at least one character that is not white space",
    ),
]


@pytest.mark.parametrize(("document", "path", "code", "message"), [*WORDED.values(), *MORE])
def test_each_keyword_is_worded_by_its_own_function(
    document: dict[str, object], path: str, code: str, message: str
) -> None:
    assert [(p.path, p.code, p.message) for p in validate_data(document)] == [(path, code, message)]


def _keywords(schema: object) -> set[str]:
    """The keywords of every subschema (not the names of properties or definitions)."""
    if not isinstance(schema, dict):
        return set()
    found = set(schema)
    for key, value in schema.items():
        if key in ("properties", "$defs"):
            found |= {k for sub in value.values() for k in _keywords(sub)}
        elif key == "items":
            found |= _keywords(value)
    return found


def test_every_keyword_the_schema_can_fail_on_is_worded_and_tested() -> None:
    applicators = {"$defs", "$id", "$ref", "$schema", "items", "properties"}
    annotations = {"title", "description"}
    failing = _keywords(argmap.json_schema()) - applicators - annotations
    assert failing == set(_WORDING) == set(WORDED)


def test_every_pattern_stands_in_a_definition_that_names_its_code() -> None:
    schema = argmap.json_schema()
    text = json.dumps(schema)
    held = [name for name, sub in schema["$defs"].items() if "pattern" in sub]
    assert text.count('"pattern"') == len(held)
    assert set(held) == set(_PATTERN_CODES)


def test_a_pattern_of_no_known_definition_is_not_given_another_patterns_code() -> None:
    validator = jsonschema.Draft202012Validator({"type": "string", "pattern": "^x"})
    (error,) = validator.iter_errors("y")
    (problem,) = _word(error, ())
    assert problem.code == "schema-invalid"


def test_a_keyword_argmap_does_not_word_keeps_jsonschemas_words() -> None:
    (error,) = jsonschema.Draft202012Validator({"maxLength": 1}).iter_errors("ab")
    (problem,) = _word(error, ("title",))
    assert (problem.path, problem.code, problem.message) == (
        "$.title",
        "schema-invalid",
        error.message,
    )


def test_a_repeat_json_schema_sees_in_one_and_one_point_zero_is_named() -> None:
    # JSON Schema counts 1 and 1.0 as one number; the message names the repeat, not null.
    document = minimal(lint={"ignore": [1, 1.0]})
    [problem] = [p for p in validate_data(document) if p.code == "duplicate-item"]
    assert problem.message == "number 1.0 is listed twice; expected each item once"


def test_a_rule_stated_in_several_places_is_one_problem_each() -> None:
    # Each format version requires `argmap` and `title`, and a node's fields were
    # checked both with the document and with the node: 14 problems where 6 are.
    with pytest.raises(argmap.ValidationError) as raised:
        argmap.loads('{"nodes": [{"x": 1}]}', format="json")
    assert [(p.path, p.code) for p in raised.value.problems] == [
        ("$", "missing-field"),
        ("$", "missing-field"),
        ("$.nodes[0]", "missing-field"),
        ("$.nodes[0]", "missing-field"),
        ("$.nodes[0]", "missing-field"),
        ("$.nodes[0].x", "unknown-field"),
    ]
