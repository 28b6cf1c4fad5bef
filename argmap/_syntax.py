"""JSON and YAML text to a document tree and back, knowing where every value stands.

YAML's own part is `_yaml_syntax`, imported when YAML is first read or written.

Parsing is strict: a key given twice, a YAML alias, a non-string key or a
value JSON cannot hold is a problem, never silently resolved. Positions are
only computed when there is something to report, so valid documents parse at
the speed of the underlying parsers.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Generator, Iterable, Mapping
from functools import cached_property
from itertools import accumulate
from typing import Any, AnyStr, Literal

import attrs
import msgspec

from ._paths import PathPart, format_path, parse_path
from ._plain import MAX_INTEGER_DIGITS, has_lone_surrogates, plain_json
from ._wording import check_format, unknown_suffix
from .errors import FormatError, Problem, ProblemCode, ValidationError

__all__ = [
    "FORMATS",
    "Format",
    "Parsed",
    "Positions",
    "dump_text",
    "escaped_colons",
    "format_for",
    "locate",
    "parse_text",
]

Format = Literal["json", "yaml"]
FORMATS: tuple[Format, ...] = ("json", "yaml")
_SUFFIXES: Mapping[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}
_FOREIGN_JSON = (".aif.json",)

Positions = dict[str, tuple[int, int]]
"""JSON path -> (line, column), both 1-based, column in characters."""


def format_for(name: str, format: str | None = None) -> Format:
    """The format to read or write: `format` if given, else from the file name's suffix."""
    if format is not None:
        return check_format(format, FORMATS)
    if name.lower().endswith(_FOREIGN_JSON):
        # An AIF file's name ends in .json too: argmap's own JSON is not what it names.
        raise FormatError(
            f"{name!r} names an AIF file, and argmap.load and argmap.dump read and write "
            "argmap's own JSON and YAML; use argmap.formats.load or argmap.formats.aif.dump "
            "for AIF, or name the format json"
        )
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise unknown_suffix(name, _SUFFIXES, FORMATS) from None


# -- parsing ---------------------------------------------------------------------------------


class _DuplicateKeyError(Exception):
    pass


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _DuplicateKeyError
    return mapping


class _ConstantError(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _ConstantError(name)


@attrs.frozen
class Parsed:
    """A parsed document, and the problems found in reading it that did not stop the reading.

    A key given twice, a YAML alias or a lone surrogate is reported, and the
    document is read on regardless so that every other problem is found too.
    """

    document: Any
    problems: tuple[Problem, ...] = ()


def parse_text(text: str, format: Format, *, file: str | None = None) -> Parsed:
    """The document tree of `text`; `ValidationError` (with line and column) if there is none."""
    if not text.strip():
        raise _empty(file)
    try:
        if format == "json":
            return _parse_json(text, file)
        from ._yaml_syntax import read_yaml

        return read_yaml(text, file)
    except RecursionError:
        raise ValidationError(
            [
                Problem(
                    path="$",
                    code=ProblemCode.TOO_DEEP,
                    message="the document nests too deeply to read",
                    file=file,
                )
            ]
        ) from None


def _empty(file: str | None) -> ValidationError:
    return ValidationError(
        [
            Problem(
                path="$",
                code=ProblemCode.EMPTY_DOCUMENT,
                message="the document is empty; expected an argument map "
                "(an object with 'argmap', 'title' and 'nodes')",
                file=file,
                line=1,
                column=1,
            )
        ]
    )


# A JSON escape of a UTF-16 surrogate: only then can parsed text hold a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def escaped_colons(text: str | bytes) -> int:
    """How many colons JSON `text` writes as an escape (`\\u003a` or `\\u003A`).

    Counting keys by the colons after them must count these too: each is a
    colon in the string read, none in the text.
    """
    if isinstance(text, str):
        return _escapes(text, "\\", "\\u003", "aA")
    return _escapes(text, b"\\", b"\\u003", b"aA")


def _escapes(text: AnyStr, backslash: AnyStr, escape: AnyStr, letters: AnyStr) -> int:
    count = 0
    # The first backslash is found at memchr's speed; most texts have none.
    at = text.find(backslash)
    if at >= 0:
        at = text.find(escape, at)
    while at >= 0:
        letter = text[at + len(escape) : at + len(escape) + 1]
        if letter and letter in letters:
            # An escape if its backslash is not itself escaped: an even run before it.
            run = at
            while run and text[run - 1 : run] == backslash:
                run -= 1
            count += (at - run) % 2 == 0
        at = text.find(escape, at + 1)
    return count


_ENCODE = msgspec.json.Encoder().encode
# msgspec reads a few levels deeper than `json` before it gives up: read from
# this many frames further down, it gives up first, and `json` says TOO_DEEP.
_DEPTH_MARGIN = 12


def _quick_json(text: str, margin: int = _DEPTH_MARGIN) -> Any:
    """The document of `text` if msgspec reads it as `json` would, with no key twice; else None.

    A key given twice decodes silently (the last one wins), so keys are counted
    instead: each key in the text stands before one colon and every other colon
    in a string (or written as an escape), so the document, written out again,
    holds as many colons as the text if and only if nothing was dropped.
    Anything unusual (an escaped surrogate, a value msgspec refuses, a nesting
    too deep) declines, and the careful reading decides.
    """
    if margin:
        return _quick_json(text, margin - 1)
    if "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None:
        return None
    try:
        document = msgspec.json.decode(text)
    except (msgspec.DecodeError, RecursionError, UnicodeError):
        return None
    try:
        if _ENCODE(document).count(b":") != text.count(":") + escaped_colons(text):
            return None
    except RecursionError:
        return None
    return document


def _parse_json(text: str, file: str | None) -> Parsed:
    document = _quick_json(text)
    if document is not None:
        return Parsed(document)
    problems: list[Problem] = []
    try:
        document = _load_json(text, file, unique=True)
    except _DuplicateKeyError:
        # Read again without the check, so that a syntax error after the
        # repeated key is reported as one; only valid JSON can be scanned.
        document = _load_json(text, file, unique=False)
        problems = _JsonScanner(text, file).duplicate_keys()
    # Half of a UTF-16 pair, escaped or (in text given as a Python str) as it is.
    if _SURROGATE_ESCAPE.search(text) or has_lone_surrogates(text):
        document, found = plain_json(document)
        problems += found
    return Parsed(document, tuple(problems))


def _load_json(text: str, file: str | None, *, unique: bool) -> Any:
    try:
        return json.loads(
            text,
            object_pairs_hook=_unique_pairs if unique else None,
            parse_constant=_reject_constant,
        )
    except json.JSONDecodeError as error:
        raise _syntax_error(
            f"not valid JSON: {error.msg}", file, error.lineno, error.colno
        ) from None
    except _ConstantError as error:
        match = re.search(rf"(?<![\w\"]){re.escape(str(error))}", text)
        line, column = _LineIndex(text).position(match.start() if match else 0)
        raise _syntax_error(
            f"not valid JSON: {error} is not a JSON number", file, line, column
        ) from None
    except ValueError as error:
        long = re.search(rf"[0-9]{{{MAX_INTEGER_DIGITS + 1}}}", text)
        if long is None:
            raise _syntax_error(f"not valid JSON: {error}", file, None, None) from None
        line, column = _LineIndex(text).position(long.start())
        raise _syntax_error(
            f"a number has more than {MAX_INTEGER_DIGITS} digits; expected a shorter one",
            file,
            line,
            column,
        ) from None


def _syntax_error(message: str, file: str | None, line: int | None, column: int | None) -> Any:
    return ValidationError(
        [
            Problem(
                path="$",
                code=ProblemCode.SYNTAX_ERROR,
                message=message,
                file=file,
                line=line,
                column=column,
            )
        ]
    )


_RESTARTS = 2
"""Positions asked for out of order, after which a text's lines are indexed."""


class _LineIndex:
    """Offsets in a text to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.first_break = text.find("\n")
        # Positions asked for in order are found by counting line breaks from
        # the last one: a few problems in a big text cost one pass in C, not
        # the index of every line. Asked for out of order more than
        # _RESTARTS times, the index is made.
        self.last: tuple[int, int] = (0, 1)  # an offset and its line
        self.restarts = 0

    @cached_property
    def starts(self) -> list[int]:
        """Where each line starts: the lengths of the lines before it (and their
        line breaks) added up, in C rather than a line at a time."""
        lines = self.text.split("\n")
        lines.pop()
        return list(accumulate(map((1).__add__, map(len, lines)), initial=0))

    def position(self, offset: int) -> tuple[int, int]:
        if self.first_break < 0 or offset <= self.first_break:
            # On the first line (the root of most documents; all of a minified
            # one): found without splitting the whole text into lines.
            return 1, offset + 1
        if "starts" not in self.__dict__:
            last, line = self.last
            if offset < last:
                self.restarts += 1
                last, line = 0, 1
            if self.restarts <= _RESTARTS:
                line += self.text.count("\n", last, offset)
                self.last = (offset, line)
                return line, offset - self.text.rfind("\n", 0, offset)
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()

# Skipping values of JSON text known to be valid takes no parsing: a value
# ends at the first comma or closing bracket outside its strings and
# brackets. One regular expression finds it at C speed, for values nested up
# to _NESTED deep (a node: an object holding lists of objects); deeper ones are
# decoded to find their end. Every repetition is possessive and each text has
# one way to match, so that a pattern that fails does so in linear time.
_STRING = r'"[^"\\]*+(?:\\.[^"\\]*+)*+"'
_NESTED = 3


def _run(between: str, *within: str) -> str:
    """A pattern for characters of class `between` around any of the `within` patterns."""
    return rf"{between}*+(?:(?:{'|'.join(within)}){between}*+)*+"


def _inside(depth: int) -> str:
    """A pattern for the inside of brackets nested at most `depth` deep."""
    inside = _run(r'[^"\[\]{}]', _STRING)
    for _ in range(depth):
        inside = _run(r'[^"\[\]{}]', _STRING, rf"\[{inside}\]", rf"\{{{inside}\}}")
    return inside


_INSIDE = _inside(_NESTED - 1)
_VALUE = _run(r'[^"\[\]{},]', _STRING, rf"\[{_INSIDE}\]", rf"\{{{_INSIDE}\}}")
_VALUE_END = re.compile(_VALUE)


_RUN = 16
"""Items are skipped in runs of a power of this many: few patterns to compile, few calls."""


@functools.cache
def _items_pattern(count: int) -> re.Pattern[str]:
    """A pattern for `count` items of a list, each with its comma (a power of `_RUN`)."""
    return re.compile(rf"(?>(?:{_VALUE},){{{count}}})")


class _JsonScanner:
    """Walks JSON text that `json` accepts, to find where values stand."""

    def __init__(self, text: str, file: str | None, *, unique_keys: bool = False) -> None:
        self.text = text
        self.file = file
        self.lines = _LineIndex(text)
        self.unique_keys = unique_keys

    def skip_ws(self, index: int) -> int:
        match = _WS.match(self.text, index)
        assert match is not None
        return match.end()

    def items(self, index: int) -> Generator[tuple[PathPart, int, int], int | None, int]:
        """(key or index, key or item offset, value offset) of the container at `index`.

        Returns where the container ends. A caller that walks a value itself
        sends back where the value ends, so that it is not walked twice;
        otherwise (a `for` loop sends None) the value is skipped here.
        """
        text = self.text
        opening = text[index]
        index = self.skip_ws(index + 1)
        if text[index] in "]}":
            return index + 1
        position = 0
        while True:
            if opening == "{":
                key_start = index
                key, index = _scanstring(text, index + 1)
                index = self.skip_ws(self.skip_ws(index) + 1)
                end = yield key, key_start, index
            else:
                end = yield position, index, index
                position += 1
            index = self.skip_ws(self.value_end(index) if end is None else end)
            if text[index] in "]}":
                return index + 1
            index = self.skip_ws(index + 1)

    def value_end(self, index: int) -> int:
        """Where the value at `index` ends (or white space after it, up to what follows)."""
        end = _VALUE_END.match(self.text, index).end()  # type: ignore[union-attr]
        if end == len(self.text) or self.text[end] not in "[{":
            return end
        # Nested deeper than the pattern sees.
        _, end = _DECODER.raw_decode(self.text, index)
        return end

    def skip_items(self, index: int, count: int) -> int | None:
        """Where the item `count` items after the one at `index` starts (None: past the list)."""
        text = self.text
        step = 1
        while step * _RUN <= count:
            step *= _RUN
        while step and count:
            # Runs of `step` items at once, as many as fit in `count`, then shorter runs.
            match = _items_pattern(step).match(text, index) if step <= count else None
            if match is not None:
                index, count = match.end(), count - step
            elif step <= count:
                break  # the list ends first, or an item nests deeper than the pattern sees
            else:
                step //= _RUN
        index = self.skip_ws(index)
        for _ in range(count):
            index = self.skip_ws(self.value_end(index))
            if text[index] == "]":
                return None
            index = self.skip_ws(index + 1)
        return None if text[index] == "]" else index

    def positions(self, wanted: Iterable[tuple[PathPart, ...]]) -> dict[tuple[PathPart, ...], int]:
        """The offset of each wanted path's value (or, for a missing key, of its parent)."""
        found: dict[tuple[PathPart, ...], int] = {}
        trie: dict[Any, Any] = {}
        for path in wanted:
            node = trie
            for part in path:
                node = node.setdefault(part, {})
            node[None] = path
        self._walk(self.skip_ws(0), (), trie, found)
        return found

    def _walk(
        self,
        index: int,
        here: tuple[PathPart, ...],
        trie: dict[Any, Any],
        found: dict[tuple[PathPart, ...], int],
    ) -> None:
        found[here] = index
        opening = self.text[index]
        if opening not in "[{" or len(trie) == (None in trie):
            return
        if opening == "{":
            keys = len(trie) - (None in trie)
            for part, _, value_start in self.items(index):
                if part in trie:
                    self._walk(value_start, (*here, part), trie[part], found)
                    keys -= 1
                    if not keys and self.unique_keys:
                        return  # no later value of the key can take its place
            return
        # A list: from one wanted item to the next, the ones between skipped.
        at: int | None = self.skip_ws(index + 1)
        position = 0
        for part in sorted(part for part in trie if type(part) is int):
            assert at is not None
            at = self.skip_items(at, part - position)
            if at is None:
                return
            position = part
            self._walk(at, (*here, part), trie[part], found)

    def duplicate_keys(self) -> list[Problem]:
        problems: list[Problem] = []
        self._duplicates(self.skip_ws(0), (), problems)
        return problems

    def _duplicates(self, index: int, here: tuple[PathPart, ...], out: list[Problem]) -> int:
        """Report each key given twice in the value at `index`; where the value ends.

        One pass: each nested value is walked once, its end handed back to the
        walk of its container (skipping it there would decode it once a level).
        """
        if self.text[index] not in "[{":
            return self.value_end(index)
        first: dict[PathPart, int] = {}
        items = self.items(index)
        end = None
        while True:
            try:
                part, key_start, value_start = items.send(end)
            except StopIteration as stop:
                container_end: int = stop.value
                return container_end
            if part in first:
                line, column = self.lines.position(key_start)
                seen_line, seen_column = self.lines.position(first[part])
                out.append(
                    Problem(
                        path=format_path((*here, part)),
                        code=ProblemCode.DUPLICATE_KEY,
                        message=f"the key {part!r} appears twice in one object (first at line "
                        f"{seen_line}, column {seen_column}); expected each key once",
                        file=self.file,
                        line=line,
                        column=column,
                    )
                )
            else:
                first[part] = key_start
            end = self._duplicates(value_start, (*here, part), out)


def _scanstring(text: str, index: int) -> tuple[str, int]:
    value, end = json.decoder.scanstring(text, index)  # type: ignore[attr-defined]
    return value, end


# -- where values stand ----------------------------------------------------------------------


def locate(
    text: str, format: Format, paths: Iterable[str], *, unique_keys: bool = False
) -> Positions:
    """The line and column of the value at each path (or of the nearest enclosing value).

    `unique_keys` says no object of the JSON `text` holds a key twice, so that
    the search may stop at the first.
    """
    wanted = {path: parse_path(path) for path in set(paths)}
    if format == "json":
        scanner = _JsonScanner(text, None, unique_keys=unique_keys)
        offsets = scanner.positions(wanted.values())
        # In the text's order: lines are then counted in one pass.
        nearest = sorted((_nearest(offsets, parts), path) for path, parts in wanted.items())
        return {path: scanner.lines.position(offset) for offset, path in nearest}
    from ._yaml_syntax import compose_yaml, yaml_marks

    marks = yaml_marks(compose_yaml(text, None), wanted.values())
    return {path: _nearest(marks, parts) for path, parts in wanted.items()}


def _nearest(found: Mapping[tuple[PathPart, ...], Any], parts: tuple[PathPart, ...]) -> Any:
    for end in range(len(parts), -1, -1):
        if parts[:end] in found:
            return found[parts[:end]]
    raise AssertionError("the root is always found")  # pragma: no cover


# -- writing ---------------------------------------------------------------------------------


def _dump_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def dump_text(document: Any, format: Format) -> str:
    """`document` as JSON or YAML text, the same bytes for the same document every time."""
    if format == "json":
        return _dump_json(document)
    from ._yaml_syntax import dump_yaml

    return dump_yaml(document)
