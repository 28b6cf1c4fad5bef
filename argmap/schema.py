"""The published JSON Schema of the file format, and validation of documents against it.

Valid documents are checked by jsonschema-rs, which is fast enough for maps of
any size; only a document that fails is run through jsonschema, whose errors
carry what is needed to word each problem for a person.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

import jsonschema
import jsonschema_rs

from .errors import Problem, describe_value
from .paths import format_path

__all__ = ["FORMAT_VERSION", "SCHEMA_ID", "json_schema", "schema_text", "validate_data"]

FORMAT_VERSION = "1.0"
"""The version of the file format this argmap reads and writes."""

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


@cache
def _wording_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_schema())


def validate_data(document: object) -> list[Problem]:
    """Every way `document` (parsed JSON/YAML) breaks the schema; empty when it conforms."""
    if _fast_validator().is_valid(document):
        return []
    problems: list[Problem] = []
    for error in _wording_validator().iter_errors(document):
        problems.extend(_word(error))
    return problems


def _word(error: jsonschema.ValidationError) -> Iterator[Problem]:
    parts = list(error.absolute_path)
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
                message=f"unknown field {key!r} in a {what}{hint}; "
                f"expected only: {', '.join(known)}",
            )
    elif validator == "required":
        for key in expected:
            if isinstance(instance, dict) and key not in instance:
                needed = ", ".join(expected)
                yield Problem(
                    path=path,
                    code="missing-field",
                    message=f"a {what} needs the field {key!r} (required: {needed})",
                )
    elif validator == "dependentRequired":
        yield Problem(path=path, code="missing-field", message=f"{error.message}")
    elif validator == "type":
        yield Problem(
            path=path,
            code="wrong-type",
            message=f"expected {_a(expected)}, found {describe_value(instance)}",
        )
    elif validator == "enum":
        allowed = [str(v) for v in expected]
        hint = _did_you_mean(instance, allowed) if isinstance(instance, str) else ""
        yield Problem(
            path=path,
            code="unknown-kind",
            message=f"unknown {what} {describe_value(instance)}{hint}; "
            f"expected one of: {', '.join(allowed)}",
        )
    elif validator == "const" and parts == ["argmap"]:
        yield Problem(
            path=path,
            code="unsupported-version",
            message=f"format version {describe_value(instance)} is not supported; "
            f'this argmap reads {FORMAT_VERSION!r} (write: argmap: "{FORMAT_VERSION}")',
        )
    elif validator == "pattern":
        expected = subschema.get("description", f"text matching {expected}")
        code = (
            "bad-id"
            if subschema.get("pattern") == _schema()["$defs"]["id"]["pattern"]
            else ("blank-text")
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
        yield Problem(path=path, code=f"schema-{validator}", message=error.message)


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
