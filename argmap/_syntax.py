"""JSON and YAML text to a document tree and back, knowing where every value stands.

Parsing is strict: a key given twice, a YAML alias, a non-string key or a
value JSON cannot hold is a problem, never silently resolved. Positions are
only computed when there is something to report, so valid documents parse at
the speed of the underlying parsers.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from itertools import accumulate
from typing import Any, Literal

import attrs
import msgspec
import yaml

from ._paths import PathPart, format_path, parse_path
from ._plain import MAX_INTEGER_DIGITS, has_lone_surrogates, plain_json
from ._wording import check_format, shown, unknown_suffix
from .errors import FormatError, Problem, ProblemCode, ValidationError

__all__ = [
    "FORMATS",
    "Format",
    "Parsed",
    "Positions",
    "dump_text",
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
        return _YamlReader(text, file).read()
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


# Escapes that make the quick read decline: a colon's (it would hide from the
# count of keys) and a UTF-16 surrogate's (only then can a string need mending).
_QUICK_DECLINES = re.compile(r"\\u(?:003[aA]|[dD][89a-fA-F])")
_ENCODE = msgspec.json.Encoder().encode
# msgspec reads a few levels deeper than `json` before it gives up: read from
# this many frames further down, it gives up first, and `json` says TOO_DEEP.
_DEPTH_MARGIN = 12


def _quick_json(text: str, margin: int = _DEPTH_MARGIN) -> Any:
    """The document of `text` if msgspec reads it as `json` would, with no key twice; else None.

    A key given twice decodes silently (the last one wins), so keys are counted
    instead: each key in the text stands before one colon and every other colon
    in a string, so the document, written out again, holds as many colons as
    the text if and only if nothing was dropped. Anything unusual (an escaped
    colon or surrogate, a value msgspec refuses, a nesting too deep) declines,
    and the careful reading decides.
    """
    if margin:
        return _quick_json(text, margin - 1)
    if "\\u" in text and _QUICK_DECLINES.search(text) is not None:
        return None
    try:
        document = msgspec.json.decode(text)
    except (msgspec.DecodeError, RecursionError, UnicodeError):
        return None
    try:
        if _ENCODE(document).count(b":") != text.count(":"):
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

    def items(self, index: int) -> Iterator[tuple[PathPart, int, int]]:
        """(key or index, key or item offset, value offset) of the container at `index`."""
        text = self.text
        opening = text[index]
        index = self.skip_ws(index + 1)
        if text[index] in "]}":
            return
        position = 0
        while True:
            if opening == "{":
                key_start = index
                key, index = _scanstring(text, index + 1)
                index = self.skip_ws(self.skip_ws(index) + 1)
                yield key, key_start, index
            else:
                yield position, index, index
                position += 1
            index = self.skip_ws(self.value_end(index))
            if text[index] in "]}":
                return
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

    def _duplicates(self, index: int, here: tuple[PathPart, ...], out: list[Problem]) -> None:
        if self.text[index] not in "[{":
            return
        first: dict[PathPart, int] = {}
        for part, key_start, value_start in self.items(index):
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
            self._duplicates(value_start, (*here, part), out)


def _scanstring(text: str, index: int) -> tuple[str, int]:
    value, end = json.decoder.scanstring(text, index)  # type: ignore[attr-defined]
    return value, end


class _Resolver(yaml.resolver.Resolver):
    """YAML's resolver less timestamps: a `date: 2024-07-10` stays the text it is."""


# Timestamps stay text; merge keys (`<<`) and value keys (`=`) stay plain keys.
_NOT_RESOLVED = {f"tag:yaml.org,2002:{name}" for name in ("timestamp", "merge", "value")}
_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _NOT_RESOLVED]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_INT_TAG = "tag:yaml.org,2002:int"
_DIGITS = re.compile(r"[-+]?[0-9_]+")
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Composer(_BaseLoader, _Resolver):  # type: ignore[misc]
    pass


class _YamlReader:
    """Builds the document from YAML's node graph, reporting what JSON cannot hold."""

    def __init__(self, text: str, file: str | None) -> None:
        self.text = text
        self.file = file
        self.problems: list[Problem] = []
        self.seen: dict[int, yaml.Node] = {}
        self.scalars = yaml.SafeLoader("")
        self.aliases: dict[tuple[PathPart, ...], Any] | None = None

    def read(self) -> Parsed:
        root = _compose_yaml(self.text, self.file)
        document = self.build(root, ())
        return Parsed(document, tuple(self.problems))

    def problem(
        self,
        node: yaml.Node,
        here: tuple[PathPart, ...],
        code: ProblemCode,
        message: str,
        mark: Any = None,
    ) -> None:
        mark = mark or node.start_mark
        self.problems.append(
            Problem(
                path=format_path(here),
                code=code,
                message=message,
                file=self.file,
                line=mark.line + 1,
                column=mark.column + 1,
            )
        )

    def build(self, node: yaml.Node, here: tuple[PathPart, ...]) -> Any:
        if id(node) in self.seen:
            mark = node.start_mark
            if self.aliases is None:
                self.aliases = _alias_marks(self.text)
            self.problem(
                node,
                here,
                ProblemCode.YAML_ALIAS,
                "YAML aliases are not supported in argmap files (this repeats the value "
                f"anchored at line {mark.line + 1}); write the value out",
                mark=self.aliases.get(here),
            )
            return None
        self.seen[id(node)] = node
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            if node.tag not in _COLLECTION_TAGS:
                self.problem(
                    node,
                    here,
                    ProblemCode.YAML_TAG,
                    f"the YAML tag {node.tag!r} is not supported; expected a plain mapping or list",
                )
                # Read on as if untagged, so that what it holds is checked too.
            if isinstance(node, yaml.MappingNode):
                return self.build_mapping(node, here)
            return [self.build(item, (*here, i)) for i, item in enumerate(node.value)]
        try:
            value = self.scalars.construct_object(node)
        except yaml.YAMLError as error:
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            self.problem(node, here, ProblemCode.YAML_TAG, f"cannot read this value: {problem}")
            return None
        except Exception:
            # PyYAML's constructors raise what they meet (`!!int hello` a
            # ValueError, `!!bool maybe` a KeyError): the value does not fit its tag.
            if node.tag == _INT_TAG and _DIGITS.fullmatch(node.value):
                self.problem(
                    node,
                    here,
                    ProblemCode.OUT_OF_RANGE,
                    f"an integer of {len(node.value)} digits is too large; expected at most "
                    f"{MAX_INTEGER_DIGITS} digits",
                )
                return None
            self.problem(
                node,
                here,
                ProblemCode.YAML_TAG,
                f"cannot read {shown(node.value, 40)} as the YAML tag {node.tag!r} says; "
                "remove the tag or fix the value",
            )
            return None
        if isinstance(value, str) and has_lone_surrogates(value):
            self.problem(
                node,
                here,
                ProblemCode.BAD_TEXT,
                "the text holds a lone surrogate (half of a UTF-16 pair), which is not "
                "Unicode text; expected well-formed text",
            )
            return plain_json(value)[0]
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(
                node,
                here,
                ProblemCode.WRONG_TYPE,
                f"{shown(node.value, 40)} is not a finite number",
            )
        elif isinstance(value, int) and not isinstance(value, bool):
            # Hexadecimal and octal escape Python's limit on digits: checked here.
            _, found = plain_json(value, at=here)
            if found:
                self.problems += [
                    attrs.evolve(
                        p,
                        file=self.file,
                        line=node.start_mark.line + 1,
                        column=node.start_mark.column + 1,
                    )
                    for p in found
                ]
                return None
        elif not isinstance(value, str | float | bool | type(None)):
            self.problem(
                node,
                here,
                ProblemCode.WRONG_TYPE,
                f"a {type(value).__name__} value cannot be used here; "
                "expected text, a number, true/false or null",
            )
            # Left in, it would stop the schema's validator and hide every other problem.
            return None
        return value

    def build_mapping(self, node: yaml.MappingNode, here: tuple[PathPart, ...]) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, here)
            if not isinstance(key, str):
                shown = (
                    "a list or mapping"
                    if not isinstance(key_node, yaml.ScalarNode)
                    else ("null" if key is None else f"{type(key).__name__} {key_node.value!r}")
                )
                self.problem(
                    key_node,
                    here,
                    ProblemCode.WRONG_TYPE,
                    f"keys must be text, found {shown}; quote it if it is meant as text",
                )
                continue
            if key in first:
                mark = first[key].start_mark
                self.problem(
                    key_node,
                    (*here, key),
                    ProblemCode.DUPLICATE_KEY,
                    f"the key {key!r} appears twice in one mapping (first at line "
                    f"{mark.line + 1}, column {mark.column + 1}); expected each key once",
                )
                continue
            first[key] = key_node
            mapping[key] = self.build(value_node, (*here, key))
        return mapping


def _alias_marks(text: str) -> dict[tuple[PathPart, ...], Any]:
    """Where each alias stands, by the path `_YamlReader.build` meets it at.

    The composer hands back the anchored node itself, marked where the anchor
    is; only the event stream knows where the alias was written. Read only
    when a document has aliases, which it should not.
    """
    marks: dict[tuple[PathPart, ...], Any] = {}
    # One frame per open collection: its path, next index, and (for a
    # mapping) whether a key comes next and the last key read.
    frames: list[list[Any]] = []
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionEndEvent):
                frames.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            here: tuple[PathPart, ...] = ()
            if frames:
                frame = frames[-1]
                if frame[1] is None:  # a mapping
                    if frame[2]:
                        here = frame[0]  # a key: reported at its mapping
                        frame[3] = event.value if isinstance(event, yaml.ScalarEvent) else None
                    else:
                        here = (*frame[0], frame[3])
                    frame[2] = not frame[2]
                else:
                    here = (*frame[0], frame[1])
                    frame[1] += 1
            if isinstance(event, yaml.AliasEvent):
                marks.setdefault(here, event.start_mark)
            elif isinstance(event, yaml.MappingStartEvent):
                frames.append([here, None, True, None])
            elif isinstance(event, yaml.SequenceStartEvent):
                frames.append([here, 0, True, None])
    except yaml.YAMLError:
        pass
    return marks


def _compose_yaml(text: str, file: str | None) -> yaml.Node:
    """YAML's node graph of a single-document text; `ValidationError` for bad syntax."""
    try:
        root = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        reason = " ".join(part for part in (error.context, error.problem) if part)
        raise _syntax_error(f"not valid YAML: {reason}", file, line, column) from None
    except yaml.reader.ReaderError as error:
        line, column = _LineIndex(text).position(error.position)
        character = chr(error.character) if isinstance(error.character, int) else error.character
        raise _syntax_error(
            f"not valid YAML: the character {character!r} is not allowed in YAML text",
            file,
            line,
            column,
        ) from None
    except yaml.YAMLError as error:
        raise _syntax_error(f"not valid YAML: {error}", file, None, None) from None
    if root is None:
        raise _empty(file)
    return root


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
    marks = _yaml_marks(_compose_yaml(text, None), wanted.values())
    return {path: _nearest(marks, parts) for path, parts in wanted.items()}


def _nearest(found: Mapping[tuple[PathPart, ...], Any], parts: tuple[PathPart, ...]) -> Any:
    for end in range(len(parts), -1, -1):
        if parts[:end] in found:
            return found[parts[:end]]
    raise AssertionError("the root is always found")  # pragma: no cover


def _yaml_marks(
    root: yaml.Node, wanted: Iterable[tuple[PathPart, ...]]
) -> dict[tuple[PathPart, ...], tuple[int, int]]:
    marks: dict[tuple[PathPart, ...], tuple[int, int]] = {}
    for parts in wanted:
        node: yaml.Node | None = root
        for end in range(len(parts) + 1):
            assert node is not None
            marks[parts[:end]] = (node.start_mark.line + 1, node.start_mark.column + 1)
            if end == len(parts):
                break
            node = _child(node, parts[end])
            if node is None:
                break
    return marks


def _child(node: yaml.Node, part: PathPart) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return value  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]  # type: ignore[no-any-return]
    return None


# -- writing ---------------------------------------------------------------------------------


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def _dump_yaml(document: Any) -> str:
    text: str = yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return text


def _dump_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


_WRITERS: Mapping[Format, Callable[[Any], str]] = {"json": _dump_json, "yaml": _dump_yaml}


def dump_text(document: Any, format: Format) -> str:
    """`document` as JSON or YAML text, the same bytes for the same document every time."""
    return _WRITERS[format](document)
