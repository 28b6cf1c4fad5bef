"""Making sure data is plain JSON before anything else looks at it.

Maps come as text (and the parsers make JSON data) or as Python data from a
caller (`from_dict`, `validate`), which may hold tuples, sets, dates, NaN, keys
that are not strings or text with lone surrogates. Validators and writers
choke on those, so they are found here, each reported at its path, and
replaced in a copy so that checking can go on and report everything else too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from ._paths import LONE_SURROGATE, PathPart, format_path
from .errors import Problem, ProblemCode

__all__ = ["MAX_DEPTH", "MAX_INTEGER_DIGITS", "has_lone_surrogates", "plain_json"]

MAX_DEPTH = 64
"""How deeply values may nest (a map itself needs 5 levels; the rest is for `metadata`)."""

MAX_INTEGER_DIGITS = 4300
"""The most digits an integer may have: Python's own limit for turning one into text."""

_INTEGER_BOUND = 10**MAX_INTEGER_DIGITS
_REPLACEMENT = "\ufffd"


def has_lone_surrogates(text: str) -> bool:
    """Whether `text` holds half of a UTF-16 pair, which UTF-8 cannot encode."""
    return LONE_SURROGATE.search(text) is not None


def plain_json(
    value: object, *, at: tuple[PathPart, ...] = (), depth: int = 0
) -> tuple[Any, list[Problem]]:
    """A copy of `value` as plain JSON data, and a problem for everything that was not.

    Mappings become dicts, sequences lists; what cannot be JSON is reported
    and replaced by None (text with lone surrogates by the replacement character).
    """
    problems: list[Problem] = []
    return _plain(value, list(at), depth, problems), problems


def _report(problems: list[Problem], path: list[PathPart], code: ProblemCode, message: str) -> None:
    problems.append(Problem(path=format_path(path), code=code, message=message))


def _plain(value: object, path: list[PathPart], depth: int, problems: list[Problem]) -> Any:
    if value is None or type(value) is bool:
        return value
    if isinstance(value, int):
        if not -_INTEGER_BOUND < value < _INTEGER_BOUND:
            _report(
                problems,
                path,
                ProblemCode.OUT_OF_RANGE,
                f"an integer of {value.bit_length()} bits is too large; expected at most "
                f"{MAX_INTEGER_DIGITS} digits",
            )
            return None
        # The number itself, as JSON writes it: a subclass's __int__ (or, for
        # text, __str__: a `(str, Enum)` says 'Kind.CLAIM') is not its value.
        return int.__int__(value)
    if isinstance(value, str):
        value = str.__str__(value)
        if has_lone_surrogates(value):
            _report(
                problems,
                path,
                ProblemCode.BAD_TEXT,
                "the text holds a lone surrogate (half of a UTF-16 pair), which is not "
                "Unicode text and cannot be saved; expected well-formed text",
            )
            return LONE_SURROGATE.sub(_REPLACEMENT, value)
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            _report(problems, path, ProblemCode.WRONG_TYPE, f"{value} is not a JSON number")
            return None
        return float.__float__(value)
    if depth >= MAX_DEPTH:
        _report(
            problems,
            path,
            ProblemCode.TOO_DEEP,
            f"values nest more than {MAX_DEPTH} levels deep here",
        )
        return None
    if isinstance(value, Mapping):
        result: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                _report(
                    problems,
                    path,
                    ProblemCode.WRONG_TYPE,
                    f"keys must be text, found {type(key).__name__} {key!r}",
                )
                continue
            clean_key = _plain(key, [*path, key], depth, problems)
            result[clean_key] = _plain(item, [*path, key], depth + 1, problems)
        return result
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return [_plain(item, [*path, i], depth + 1, problems) for i, item in enumerate(value)]
    _report(
        problems,
        path,
        ProblemCode.WRONG_TYPE,
        f"a value of type {type(value).__name__} is not JSON data; expected an object, "
        "a list, text, a number, true/false or null",
    )
    return None
