"""The published JSON Schema of the file format, and validation of documents against it.

Valid documents are checked by jsonschema-rs, which is fast enough for maps of
any size; only the parts of a document that fail are run through jsonschema,
whose errors carry what is needed to word each problem for a person.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

import jsonschema
import jsonschema.protocols
import jsonschema.validators
import jsonschema_rs

from ._paths import format_path
from .errors import Problem, describe_value

__all__ = [
    "FORMAT_VERSION",
    "READ_VERSIONS",
    "SCHEMA_ID",
    "json_schema",
    "schema_text",
    "validate_data",
]

FORMAT_VERSION = "1.1"
"""The version of the file format this argmap writes."""

READ_VERSIONS = ("1.0", "1.1")
"""The versions of the file format this argmap reads (1.1 only adds optional fields)."""

SCHEMA_ID = f"urn:argmap:schema:{FORMAT_VERSION}"
"""The `$id` of the published schema."""


@cache
def schema_text() -> str:
    """The schema exactly as published (`schemas/argmap.schema.json`)."""
    return files("argmap").joinpath("argmap.schema.json").read_text(encoding="utf-8")


@cache
def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text())
    return loaded


def json_schema() -> dict[str, Any]:
    """A fresh copy of the schema as a dict (mutating it does not affect validation)."""
    copied: dict[str, Any] = json.loads(schema_text())
    return copied


@cache
def _fast_validator() -> jsonschema_rs.Draft202012Validator:
    return jsonschema_rs.Draft202012Validator(_schema())


def _ecma_pattern(
    validator: Any, pattern: str, instance: object, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    # Python's `$` also matches before a final newline; ECMA-262's, and so
    # jsonschema-rs's, does not. Both validators must agree on every id.
    if isinstance(instance, str) and not re.search(_ecma(pattern), instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _ecma(pattern: str) -> str:
    return (
        pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    )


_ARRAYS = ("sources", "sections", "nodes", "relations")


@cache
def _wording_validators() -> dict[str, jsonschema.protocols.Validator]:
    """A validator for the top level with the arrays' items unchecked, and one per item kind.

    A document that fails is worded piece by piece: the top level, then only
    the items jsonschema-rs found at fault, so one typo in a map of 100,000
    nodes costs a few milliseconds, not a walk of every node in Python.
    """
    cls = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        jsonschema.Draft202012Validator, {"pattern": _ecma_pattern}
    )
    schema = _schema()
    shallow = json.loads(json.dumps(schema))
    for key in _ARRAYS:
        shallow["properties"][key]["items"] = {}
    validators = {"": cls(shallow)}
    for key in _ARRAYS:
        item = schema["properties"][key]["items"]["$ref"].rsplit("/", 1)[1]
        validators[key] = cls({**schema["$defs"][item], "$defs": schema["$defs"]})
    return validators


def validate_data(document: object) -> list[Problem]:
    """Every way `document` (parsed JSON/YAML) breaks the schema; empty when it conforms."""
    fast = _fast_validator()
    try:
        if fast.is_valid(document):
            return []
        flagged = [tuple(error.instance_path) for error in fast.iter_errors(document)]
    except ValueError as refused:
        # jsonschema-rs refuses what it cannot hold (too deep a nesting).
        message = f"cannot check the document: {refused}"
        return [Problem(path="$", code="too-deep", message=message)]
    validators = _wording_validators()
    problems: list[Problem] = []
    data: Any = document
    for error in validators[""].iter_errors(data):
        problems.extend(_word(error, ()))
    items = sorted({path[:2] for path in flagged if len(path) >= 2 and path[0] in _ARRAYS})
    for key, index in items:
        for error in validators[str(key)].iter_errors(data[key][index]):
            problems.extend(_word(error, (key, index)))
    if not problems:
        # Never report a failing document as sound, should the two validators differ.
        problems = [
            Problem(path=format_path(path), code="schema-invalid", message=message)
            for path, message in _fast_messages(document)
        ]
    return problems


def _fast_messages(document: object) -> list[tuple[tuple[Any, ...], str]]:
    return [
        (tuple(error.instance_path), error.message)
        for error in _fast_validator().iter_errors(document)
    ]


def _word(error: jsonschema.ValidationError, prefix: tuple[Any, ...]) -> Iterator[Problem]:
    parts = [*prefix, *error.absolute_path]
    path = format_path(parts)
    subschema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    what = subschema.get("title", "value")
    instance: Any = error.instance
    validator = error.validator
    expected: Any = error.validator_value
    if validator == "additionalProperties":
        known = sorted(subschema.get("properties", {}))
        for key in sorted(set(instance) - set(known), key=str):
            hint = _did_you_mean(key, known)
            yield Problem(
                path=format_path([*parts, key]),
                code="unknown-field",
                message=f"unknown field {key!r} in {_article(what)}{hint}; "
                f"expected only: {', '.join(known)}",
            )
    elif validator == "required":
        for key in expected:
            if isinstance(instance, dict) and key not in instance:
                needed = ", ".join(expected)
                yield Problem(
                    path=path,
                    code="missing-field",
                    message=f"{_article(what)} needs the field {key!r} (required: {needed})",
                )
    elif validator == "dependentRequired":
        for key, needed in expected.items():
            for other in needed:
                if isinstance(instance, dict) and key in instance and other not in instance:
                    yield Problem(
                        path=path,
                        code="missing-field",
                        message=f"{key!r} and {other!r} go together; found {key!r} "
                        f"without {other!r}",
                    )
    elif validator == "type":
        yield Problem(
            path=path,
            code="wrong-type",
            message=f"expected {_a(expected)}, found {describe_value(instance)}",
        )
    elif validator in ("const", "enum") and parts == ["argmap"]:
        yield Problem(
            path=path,
            code="unsupported-version",
            message=f"format version {describe_value(instance)} is not supported; "
            f"this argmap reads {', '.join(map(repr, READ_VERSIONS))} "
            f'(write: argmap: "{FORMAT_VERSION}")',
        )
    elif validator == "enum":
        allowed = ", ".join(str(v) for v in expected)
        if isinstance(instance, str):
            hint = _did_you_mean(instance, [str(v) for v in expected])
            code, message = "unknown-kind", f"unknown {what} {instance!r}{hint}; "
            message += f"expected one of: {allowed}"
        else:
            code = "wrong-type"
            message = f"expected {_article(what)} (one of: {allowed}), "
            message += f"found {describe_value(instance)}"
        yield Problem(path=path, code=code, message=message)
    elif validator == "pattern":
        expected = subschema.get("description", f"text matching {expected}")
        code = (
            "bad-id"
            if subschema.get("pattern") == _schema()["$defs"]["id"]["pattern"]
            else "blank-text"
        )
        yield Problem(
            path=path, code=code, message=f"found {describe_value(instance)}; expected {expected}"
        )
    elif validator == "uniqueItems":
        yield Problem(
            path=path,
            code="duplicate-item",
            message=f"{describe_value(_first_repeat(instance))} is listed twice; "
            "expected each item once",
        )
    elif validator == "minimum":
        yield Problem(
            path=path,
            code="out-of-range",
            message=f"found {describe_value(instance)}; expected a number >= {expected}",
        )
    else:
        yield Problem(path=path, code="schema-invalid", message=error.message)


def _article(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _a(json_type: object) -> str:
    names = {
        "object": "an object",
        "array": "a list",
        "string": "a string",
        "integer": "an integer",
        "number": "a number",
        "boolean": "a boolean",
        "null": "null",
    }
    if isinstance(json_type, list):
        return " or ".join(names.get(str(t), str(t)) for t in json_type)
    return names.get(str(json_type), str(json_type))


def _did_you_mean(word: object, choices: list[str]) -> str:
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _first_repeat(items: list[Any]) -> object:
    seen: set[str] = set()
    for item in items:
        key = json.dumps(item, sort_keys=True)
        if key in seen:
            return item
        seen.add(key)
    return None
