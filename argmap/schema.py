"""The published JSON Schema of the file format, and validation of documents against it.

Valid documents are checked by jsonschema-rs, which is fast enough for maps of
any size; only the parts of a document that fail are run through jsonschema,
whose errors carry what is needed to word each problem for a person.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import jsonschema
    import jsonschema.protocols
    import jsonschema_rs

from ._paths import format_path
from ._wording import a, describe_value, json_type, suggest, unknown
from .errors import Problem, ProblemCode

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
    # The validators are imported when first needed: a map read by the typed
    # fast path never needs them, and importing them costs more than the load
    # of a small map.
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(_schema())


def _ecma_pattern(
    validator: Any, pattern: str, instance: object, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    # Python's `$` also matches before a final newline; ECMA-262's, and so
    # jsonschema-rs's, does not. Both validators must agree on every id.
    if isinstance(instance, str) and not re.search(_ecma(pattern), instance):
        import jsonschema

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
    import jsonschema.validators

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
        return [Problem(path="$", code=ProblemCode.TOO_DEEP, message=message)]
    validators = _wording_validators()
    problems: list[Problem] = []
    data: Any = document
    for error in validators[""].iter_errors(data):
        problems.extend(_word(error, ()))
    items = sorted({path[:2] for path in flagged if len(path) >= 2 and path[0] in _ARRAYS})
    for key, index in items:
        for error in validators[str(key)].iter_errors(data[key][index]):
            problems.extend(_word(error, (key, index)))
    # A rule the schema states in more than one place (each format version
    # requires `argmap`, say) fails once in each: each problem is told once.
    problems = list(dict.fromkeys(problems))
    if not problems:
        # Never report a failing document as sound, should the two validators differ.
        problems = [
            Problem(path=format_path(path), code=ProblemCode.SCHEMA_INVALID, message=message)
            for path, message in _fast_messages(document)
        ]
    return problems


def _fast_messages(document: object) -> list[tuple[tuple[Any, ...], str]]:
    return [
        (tuple(error.instance_path), error.message)
        for error in _fast_validator().iter_errors(document)
    ]


@attrs.frozen(kw_only=True)
class _Fault:
    """One jsonschema error, with what every keyword's wording needs."""

    parts: list[Any]
    """The JSON path of the value at fault, as parts."""
    instance: Any
    expected: Any
    """The keyword's value in the schema (`error.validator_value`)."""
    subschema: dict[str, Any]
    message: str
    """jsonschema's own wording, for keywords argmap does not word."""

    @property
    def path(self) -> str:
        return format_path(self.parts)

    @property
    def what(self) -> str:
        """What the subschema calls its value (its `title`), for messages."""
        title = self.subschema.get("title", "value")
        return str(title)

    def problem(self, code: ProblemCode, message: str, *, at: str | None = None) -> Problem:
        return Problem(path=self.path if at is None else at, code=code, message=message)

    def found(self, code: ProblemCode, expected: str) -> Iterator[Problem]:
        """The one problem of a value that is not what was expected, worded the usual way."""
        yield self.problem(code, f"found {describe_value(self.instance)}; expected {expected}")


def _word(error: jsonschema.ValidationError, prefix: tuple[Any, ...]) -> Iterator[Problem]:
    """Every problem one jsonschema error stands for, worded by its keyword's function."""
    fault = _Fault(
        parts=[*prefix, *error.absolute_path],
        instance=error.instance,
        expected=error.validator_value,
        subschema=error.schema if isinstance(error.schema, dict) else {},
        message=error.message,
    )
    return _WORDING.get(str(error.validator), _unworded)(fault)


def _unworded(fault: _Fault) -> Iterator[Problem]:
    yield fault.problem(ProblemCode.SCHEMA_INVALID, fault.message)


def _additional_properties(fault: _Fault) -> Iterator[Problem]:
    known = sorted(fault.subschema.get("properties", {}))
    for key in sorted(set(fault.instance) - set(known), key=str):
        yield fault.problem(
            ProblemCode.UNKNOWN_FIELD,
            f"unknown field {key!r} in {a(fault.what)}{suggest(key, known)}; "
            f"expected only: {', '.join(known)}",
            at=format_path([*fault.parts, key]),
        )


def _required(fault: _Fault) -> Iterator[Problem]:
    needed = ", ".join(fault.expected)
    for key in fault.expected:
        if isinstance(fault.instance, dict) and key not in fault.instance:
            yield fault.problem(
                ProblemCode.MISSING_FIELD,
                f"{a(fault.what)} needs the field {key!r} (required: {needed})",
            )


def _dependent_required(fault: _Fault) -> Iterator[Problem]:
    instance = fault.instance
    for key, needed in fault.expected.items():
        for other in needed:
            if isinstance(instance, dict) and key in instance and other not in instance:
                yield fault.problem(
                    ProblemCode.MISSING_FIELD,
                    f"{key!r} and {other!r} go together; found {key!r} without {other!r}",
                )


def _type(fault: _Fault) -> Iterator[Problem]:
    return fault.found(ProblemCode.WRONG_TYPE, json_type(fault.expected))


def _version(fault: _Fault) -> Problem:
    return fault.problem(
        ProblemCode.UNSUPPORTED_VERSION,
        f"format version {describe_value(fault.instance)} is not supported; "
        f"this argmap reads {', '.join(map(repr, READ_VERSIONS))} "
        f'(write: argmap: "{FORMAT_VERSION}")',
    )


def _enum(fault: _Fault) -> Iterator[Problem]:
    if fault.parts == ["argmap"]:
        yield _version(fault)
        return
    choices = [str(v) for v in fault.expected]
    if isinstance(fault.instance, str):
        yield fault.problem(ProblemCode.UNKNOWN_KIND, unknown(fault.what, fault.instance, choices))
    else:
        allowed = ", ".join(choices)
        yield from fault.found(ProblemCode.WRONG_TYPE, f"{a(fault.what)} (one of: {allowed})")


_PATTERN_CODES: Mapping[str, ProblemCode] = {
    "id": ProblemCode.BAD_ID,
    "text": ProblemCode.BLANK_TEXT,
}
"""The problem a string has that misses a `pattern`, by the name of the `$defs` entry holding it.

Every `pattern` in the schema stands in a `$defs` entry named here (a test
says so); one elsewhere would be reported as `schema-invalid`, never under
another pattern's code.
"""


def _pattern_code(subschema: dict[str, Any]) -> ProblemCode:
    for name, code in _PATTERN_CODES.items():
        if _schema()["$defs"].get(name) == subschema:
            return code
    return ProblemCode.SCHEMA_INVALID


def _pattern(fault: _Fault) -> Iterator[Problem]:
    expected = fault.subschema.get("description", f"text matching {fault.expected}")
    return fault.found(_pattern_code(fault.subschema), str(expected))


def _unique_items(fault: _Fault) -> Iterator[Problem]:
    yield fault.problem(
        ProblemCode.DUPLICATE_ITEM,
        f"{describe_value(_first_repeat(fault.instance))} is listed twice; expected each item once",
    )


def _minimum(fault: _Fault) -> Iterator[Problem]:
    return fault.found(ProblemCode.OUT_OF_RANGE, f"a number >= {fault.expected}")


def _maximum(fault: _Fault) -> Iterator[Problem]:
    return fault.found(ProblemCode.OUT_OF_RANGE, f"a number <= {fault.expected}")


_WORDING: Mapping[str, Callable[[_Fault], Iterator[Problem]]] = {
    "additionalProperties": _additional_properties,
    "required": _required,
    "dependentRequired": _dependent_required,
    "type": _type,
    "enum": _enum,
    "pattern": _pattern,
    "uniqueItems": _unique_items,
    "minimum": _minimum,
    "maximum": _maximum,
}
"""How each JSON Schema keyword's failure is worded; other keywords get jsonschema's words."""


def _first_repeat(items: list[Any]) -> object:
    seen: set[str] = set()
    for item in items:
        key = json.dumps(_as_json_schema_compares(item), sort_keys=True)
        if key in seen:
            return item
        seen.add(key)
    return None


def _as_json_schema_compares(value: Any) -> Any:
    """`value` with every whole float an int: to JSON Schema, 1 and 1.0 are one number."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_as_json_schema_compares(item) for item in value]
    if isinstance(value, dict):
        return {key: _as_json_schema_compares(item) for key, item in value.items()}
    return value
