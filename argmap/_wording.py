"""How argmap words things for people: suggestions, plurals, articles, values, names of formats.

One room, so that every message says "did you mean" the same way, counts
the same way and describes a found value the same way. It imports only
`argmap.errors` (which imports nothing of argmap), so every other module may
use it.
"""

from __future__ import annotations

import difflib
import enum
import sys
from collections.abc import Iterable
from pathlib import PurePath
from typing import Protocol, TypeVar

from .errors import FormatError

__all__ = [
    "IMAGE_FORMATS",
    "MAP_FORMATS",
    "a",
    "check_format",
    "cut",
    "describe_relation",
    "describe_value",
    "json_type",
    "members",
    "number",
    "one_of",
    "plural",
    "shown",
    "suggest",
    "unknown",
    "unknown_suffix",
]

_Name = TypeVar("_Name", bound=str)
_E = TypeVar("_E", bound=enum.Enum)

_CUTOFF = 0.6
"""How alike (difflib's ratio) a choice must be to a word to be suggested for it."""

_MASS_NOUNS = frozenset({"evidence", "null"})


def suggest(word: object, choices: Iterable[str], *, most: int = 1) -> str:
    """`` (did you mean 'x'?)`` naming up to `most` choices close to `word`; `""` if none is.

    >>> suggest("clam", ["claim", "evidence"])
    " (did you mean 'claim'?)"
    >>> suggest("thesiss", ["thesis", "theses", "x"], most=3)
    " (did you mean 'thesis' or 'theses'?)"
    >>> suggest(5, ["5"])
    ''
    """
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, [str(c) for c in choices], n=most, cutoff=_CUTOFF)
    return f" (did you mean {one_of(map(repr, close))}?)" if close else ""


def unknown(what: str, value: object, allowed: Iterable[str]) -> str:
    """The message for a value that is none of the allowed ones, with the closest suggested.

    >>> unknown("engine", "dto", ["dot", "neato"])
    "unknown engine 'dto' (did you mean 'dot'?); expected one of: dot, neato"
    >>> unknown("engine", 5, ["dot"])
    'unknown engine integer 5; expected one of: dot'
    """
    names = [str(name) for name in allowed]  # an enum's members say their values
    shown_value = repr(value) if isinstance(value, str) else describe_value(value)
    return (
        f"unknown {what} {shown_value}{suggest(value, names)}; expected one of: {', '.join(names)}"
    )


def members(values: Iterable[object], kind: type[_E], *, name: str, what: str) -> set[_E]:
    """The members of `kind` that `values` name: a `TypeError` for a single string (a
    collection was meant), a `ValueError` naming the allowed ones for an unknown value."""
    if isinstance(values, str):
        raise TypeError(f"{name} must be a collection of {what}s, not a string")
    found: set[_E] = set()
    for value in values:
        try:
            found.add(kind(value))
        except ValueError:
            raise ValueError(unknown(what, value, [m.value for m in kind])) from None
    return found


def one_of(words: Iterable[str]) -> str:
    """Words joined as a choice: ``a``, ``a or b``, ``a, b or c``.

    >>> one_of(["'a'", "'b'", "'c'"])
    "'a', 'b' or 'c'"
    """
    listed = list(words)
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} or {listed[-1]}"


def plural(count: int, word: str, words: str | None = None) -> str:
    """The count and the noun, plural unless the count is one: ``1 node``, ``3 nodes``.

    A `{s}` in `word` marks where the plural's s goes in a longer phrase.

    >>> plural(1, "step"), plural(0, "step"), plural(2, "child", "children")
    ('1 step', '0 steps', '2 children')
    >>> plural(2, "heading{s} with no statement")
    '2 headings with no statement'
    """
    if "{s}" in word:
        return f"{count} {word.replace('{s}', '' if count == 1 else 's')}"
    return f"{count} {word if count == 1 else words or word + 's'}"


def a(noun: str) -> str:
    """The noun with its indefinite article: ``a claim``, ``an objection``, ``evidence``.

    >>> a("node"), a("objection"), a("evidence")
    ('a node', 'an objection', 'evidence')
    """
    if noun in _MASS_NOUNS:
        return noun
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


_JSON_TYPES = {
    "object": "an object",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "null": "null",
}


def json_type(name: object) -> str:
    """A JSON Schema `type` (a name or a list of names) in words: ``an object or null``.

    >>> json_type("array"), json_type(["string", "null"])
    ('a list', 'a string or null')
    """
    if isinstance(name, list):
        return " or ".join(_JSON_TYPES.get(str(n), str(n)) for n in name)
    return _JSON_TYPES.get(str(name), str(name))


def cut(text: str, limit: int = 60) -> str:
    """At most `limit` characters of `text`; a longer one ends in …

    >>> cut("abc"), cut("abcdef", 4)
    ('abc', 'abc…')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(text: str, limit: int = 60) -> str:
    """`text` quoted for a message, cut to `limit` characters.

    >>> shown("abcdef", 4)
    "'abc…'"
    """
    return repr(cut(text, limit))


def number(value: int) -> str:
    """An integer in digits, or, where Python will not write that many, how long it is.

    A sum of two numbers from a map can pass the digit limit the numbers met.

    >>> number(42), number(10**5000)
    ('42', 'a number of more than 4,300 digits')
    """
    try:
        return str(value)
    except ValueError:  # more digits than sys.get_int_max_str_digits() allows
        return f"a number of more than {sys.get_int_max_str_digits():,} digits"


def describe_value(value: object, *, limit: int = 60) -> str:
    """A short, typed rendering of a value for messages: ``string 'x'``, ``integer 5``.

    >>> describe_value(5), describe_value([1, 2]), describe_value({"a": 1})
    ('integer 5', 'a list of 2 items', 'an object with 1 field')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"integer {value}"
    if isinstance(value, float):
        return f"number {value}"
    if isinstance(value, str):
        return f"string {shown(value, limit)}"
    if isinstance(value, dict):
        return f"an object with {plural(len(value), 'field')}"
    if isinstance(value, list | tuple):
        return f"a list of {plural(len(value), 'item')}"
    return type(value).__name__


class _Relation(Protocol):
    @property
    def source(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def id(self) -> str | None: ...


def describe_relation(r: _Relation) -> str:
    """A relation as people read it, with its id if it has one: ``a supports b (r1)``.

    >>> from argmap import Relation
    >>> describe_relation(Relation(source="u", kind="undercuts", target="r1", id="u1"))
    'u undercuts r1 (u1)'
    """
    return f"{r.source} {r.kind} {r.target}" + ("" if r.id is None else f" ({r.id})")


MAP_FORMATS = ("json", "yaml", "aif", "argdown", "mermaid", "graphml")
"""The names of the map formats (docs/interchange.md); `formats.FORMATS` says what each can do."""

IMAGE_FORMATS = ("dot", "pdf", "png", "svg")
"""The names of the formats a diagram is drawn in; `dot` needs no Graphviz executables."""


def check_format(name: object, allowed: Iterable[_Name], *, doing: str = "use") -> _Name:
    """`name` if it is one of `allowed`; else a `FormatError` naming them (and the closest).

    Every place that takes the name of a format checks it here, so that all
    of them word a wrong name the same way.

    >>> check_format("svg", IMAGE_FORMATS)
    'svg'
    >>> check_format("sgv", IMAGE_FORMATS, doing="draw in")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: cannot draw in the format 'sgv' (did you mean 'svg'?); expected ...
    """
    names = list(allowed)
    for known in names:
        if known == name:
            return known
    shown = repr(name) if isinstance(name, str) else describe_value(name)
    raise FormatError(
        f"cannot {doing} the format {shown}{suggest(name, names)}; "
        f"expected one of: {', '.join(names)}"
    )


def unknown_suffix(
    name: str,
    suffixes: Iterable[str],
    formats: Iterable[str],
    *,
    what: str = "format",
    naming: str = "name the format",
) -> FormatError:
    """The error for a file whose suffix names no format: which suffixes and names would do.

    >>> print(unknown_suffix("map.txt", [".json"], ["json"], naming="--to"))
    cannot tell the format of 'map.txt' (suffix '.txt'); use a suffix (.json) or --to (json)
    """
    suffix = PurePath(name).suffix
    told = f"suffix {suffix!r}" if suffix else "no suffix"
    return FormatError(
        f"cannot tell the {what} of {name!r} ({told}); use a suffix "
        f"({', '.join(suffixes)}) or {naming} ({', '.join(formats)})"
    )
