"""The fast path for JSON maps that are right: typed decoding, checks in bulk, no wording.

Most maps a program reads are valid. For them, `load_typed` decodes the text
with msgspec straight into strict typed structs that mirror the schema (unknown
fields, nulls, wrong types and unknown kinds are refused by the decoder), then
checks what the structs cannot say on whole columns at once: the id and text
patterns, repeated keys (by counting them), every semantic rule and the quote
anchors. It returns the map only when the wordy path would find no error
(and, unless the caller takes warnings, no warning either: the warnings it gives
are made by the functions of `_checks` the wordy path calls); otherwise it
returns None and the loader takes the wordy path, which finds, words and
locates every problem. So the fast path decides nothing the wordy path would
decide differently (tests/test_typed.py holds the two to the same maps and to
the schema).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import chain, compress, repeat
from typing import Any, Literal

import msgspec
from msgspec import UNSET, Struct, UnsetType, field
from msgspec.structs import astuple

from ._checks import (
    _ALLOWED,
    _UNDERCUTTERS,
    ambiguous_quote,
    isolated_node,
    kind_remarks,
    undercut_rings,
    unused_section,
    unused_source,
    unusual_but_possible,
    unverified_source,
)
from ._codec import structure_typed
from ._paths import PathPart
from ._plain import MAX_DEPTH, MAX_INTEGER_DIGITS
from ._syntax import escaped_colons
from .errors import Problem
from .model import _ID_LENGTH, ArgumentMap, NodeKind, RelationKind

__all__ = ["DROPPED", "load_typed"]

# -- the typed mirror of the schema ----------------------------------------------------------
# Field names are the model's (so `_codec` builds the model from them); names in
# the document that differ are given with `name=`. An absent key leaves the
# model's default where that is None (annotated as the bare type, so that
# msgspec refuses an explicit null, as the schema does; mypy is told to look
# away), and UNSET otherwise, so that counting keys can tell [] from absent.


class _Strict(Struct, forbid_unknown_fields=True, gc=False):
    pass


class _Source(_Strict):
    id: str
    title: str = None  # type: ignore[assignment]
    author: str = None  # type: ignore[assignment]
    url: str = None  # type: ignore[assignment]
    date: str = None  # type: ignore[assignment]
    path: str = None  # type: ignore[assignment]


class _Section(_Strict):
    id: str
    title: str


class _Quote(_Strict):
    source: str
    text: str
    # JSON Schema's integers include 6.0: read as a float, made an int (`_offsets`).
    start: int | float = None  # type: ignore[assignment]
    end: int | float = None  # type: ignore[assignment]


class _Node(_Strict):
    id: str
    kind: NodeKind
    text: str
    section: str = None  # type: ignore[assignment]
    quotes: tuple[_Quote, ...] | UnsetType = UNSET
    tags: tuple[str, ...] | UnsetType = UNSET
    attribution: str = None  # type: ignore[assignment]
    base_score: float = None  # type: ignore[assignment]


class _Relation(_Strict):
    source: str = field(name="from")
    target: str = field(name="to")
    kind: RelationKind
    id: str = None  # type: ignore[assignment]
    argument: str = None  # type: ignore[assignment]
    scheme: str = None  # type: ignore[assignment]


_LintCode = Literal[
    "unanswered-objection",
    "unsupported-claim",
    "unquoted-evidence",
    "circular-support",
    "undefended-conclusion",
    "attribution-only-support",
    "self-attack",
]


class _Lint(_Strict):
    ignore: tuple[_LintCode, ...] | UnsetType = UNSET


class _Map(_Strict):
    argmap: Literal["1.0", "1.1"]
    title: str
    nodes: tuple[_Node, ...]
    description: str = None  # type: ignore[assignment]
    sources: tuple[_Source, ...] | UnsetType = UNSET
    sections: tuple[_Section, ...] | UnsetType = UNSET
    relations: tuple[_Relation, ...] | UnsetType = UNSET
    lint: _Lint = None  # type: ignore[assignment]
    metadata: dict[str, Any] | UnsetType = UNSET


STRUCTS: dict[str, type[Struct]] = {
    "source": _Source,
    "section": _Section,
    "quote": _Quote,
    "node": _Node,
    "relation": _Relation,
    "lint": _Lint,
    "": _Map,
}
"""The typed mirror of each object of the schema (`""` is the document itself)."""

_DECODER = msgspec.json.Decoder(_Map)

# -- bulk checks -----------------------------------------------------------------------------

_ID_CHARACTERS = re.compile(r"[A-Za-z0-9_.\-\n]*").fullmatch
_BAD_ID_START = re.compile(r"\n[0-9.\-]").search


def _ids_ok(ids: Sequence[str]) -> bool:
    """Whether every one of `ids` matches the schema's id pattern (all at once)."""
    if not ids:
        return True
    joined = "\n" + "\n".join(ids)
    return (
        joined.count("\n") == len(ids)  # no id holds a line break of its own
        and _ID_CHARACTERS(joined) is not None
        and _BAD_ID_START(joined) is None
        and "\n\n" not in joined
        and not joined.endswith("\n")  # nor is empty
        and max(map(len, ids)) <= _ID_LENGTH
    )


def _texts_ok(texts: list[str]) -> bool:
    """Whether every one of `texts` holds a character that is not white space (TEXT_PATTERN)."""
    return all(texts) and not any(map(str.isspace, texts))


def _column(items: Sequence[Any], name: str) -> list[Any]:
    return list(map(_GETTERS[name], items))


_BY_ROWS = 200
"""Below this many structs, columns come from transposing rows (one call for all)."""


def _columns(items: Sequence[Struct], fields: tuple[str, ...]) -> dict[str, Sequence[Any]]:
    """Each field's values over `items`, by field name."""
    if not items:
        return dict.fromkeys(fields, ())
    if len(items) < _BY_ROWS:
        # A few calls whatever the number of fields; for many structs, one
        # pass a field touches less memory at a time.
        return dict(zip(fields, zip(*map(astuple, items), strict=True), strict=True))
    return {name: list(map(_GETTERS[name], items)) for name in fields}


_GETTERS = {
    name: operator.attrgetter(name)
    for cls in (_Source, _Section, _Node, _Relation)
    for name in cls.__struct_fields__
}


class _Dropped:
    """The `warnings` of a caller that takes maps with warnings but keeps none of them."""

    def __repr__(self) -> str:
        return "DROPPED"


DROPPED = _Dropped()
"""Given as `load_typed`'s `warnings`: maps with warnings are taken, the warnings not made
(`load` and `loads` return only the map)."""


class _DeclinedError(Exception):
    """The document is not one the fast path can vouch for: the wordy path decides."""


def _require(condition: bool) -> None:
    if not condition:
        raise _DeclinedError


_OWN_COPY = 1 << 16
"""Characters from which a text's UTF-8 copy is made here, not kept on the caller's string
(below, the copy is small, and loading one text again reuses it)."""


def load_typed(
    text: str | bytes,
    read_sources: Callable[[list[tuple[int, str, str]]], dict[str, str] | None],
    warnings: list[Problem] | _Dropped | None = None,
) -> ArgumentMap | None:
    """The map of the JSON `text` (or UTF-8 bytes) if the wordy path would take it without a word.

    Otherwise None: the document is not one the fast path vouches for.

    `read_sources` reads the sources' texts from `(index, id, path)` rows, or
    says None if any of them has a problem. Given a `warnings` list, a map
    the wordy path would only warn about is taken too, and its warnings (as
    the wordy path words them, not yet located) are added to the list; given
    `DROPPED`, such a map is taken and its warnings are not made.
    """
    try:
        return _load(text, read_sources, warnings)
    except (_DeclinedError, msgspec.DecodeError, RecursionError, UnicodeError):
        # UnicodeError: bytes that are not UTF-8, or text holding half of a
        # UTF-16 pair (which UTF-8 cannot encode): the wordy path words both.
        return None


def _for_decoder(text: str | bytes) -> str | bytes:
    """`text` as the decoder is to read it: a big text that is not ASCII as UTF-8 bytes."""
    if isinstance(text, str) and len(text) >= _OWN_COPY and not text.isascii():
        # msgspec reads UTF-8: given other text, it encodes it and keeps the
        # copy on the caller's string for as long as the string lives. Encoded
        # here, the copy of a big text goes when the load ends. (Lone
        # surrogates fail to encode: the wordy path reports them.)
        return text.encode()
    return text


class _Remarks:
    """The warnings the wordy path would give, as the caller of `load_typed` takes them."""

    def __init__(self, warnings: list[Problem] | _Dropped | None) -> None:
        self.warnings = warnings
        self.made: list[Problem] = []

    @property
    def worded(self) -> bool:
        """Whether the caller takes the warnings themselves."""
        return isinstance(self.warnings, list)

    def add(self, make: Callable[[], Iterable[Problem]]) -> None:
        """The map has warnings, which `make` makes if the caller takes them.

        A caller that takes no warnings (None) takes no map that has some.
        """
        _require(self.warnings is not None)
        if isinstance(self.warnings, list):
            self.made += make()

    def give(self) -> None:
        """Hand the warnings over: only now, with the map (a declined map says nothing)."""
        if isinstance(self.warnings, list):
            self.warnings += self.made


def _load(
    text: str | bytes,
    read_sources: Callable[[list[tuple[int, str, str]]], dict[str, str] | None],
    warnings: list[Problem] | _Dropped | None = None,
) -> ArgumentMap:
    text = _for_decoder(text)
    document = _DECODER.decode(text)
    keys = _Keys(document)
    metadata: dict[str, Any] = {}
    if document.metadata is not UNSET:
        metadata = document.metadata
        keys.metadata(metadata, 1)  # one level into the document, as plain_json counts
    nodes = document.nodes
    sources = () if document.sources is UNSET else document.sources
    sections = () if document.sections is UNSET else document.sections
    relations = () if document.relations is UNSET else document.relations

    remarks = _Remarks(warnings)
    # Sources and sections: ids unique.
    texts = keys.texts
    texts.append(document.title)
    if document.description is not None:
        texts.append(document.description)
    source_ids: list[str] = []
    if sources:
        source_ids = _column(sources, "id")
        _require(len(set(source_ids)) == len(source_ids))
        keys.required(sources)
        for name in ("title", "author", "url", "date", "path"):
            texts += keys.optional(sources, name)
    section_ids: list[str] = []
    if sections:
        section_ids = _column(sections, "id")
        _require(len(set(section_ids)) == len(section_ids))
        keys.required(sections)
        texts += _column(sections, "title")

    # Nodes, column by column; the columns are the model's fields.
    node_columns = _columns(nodes, _Node.__struct_fields__)
    node_ids = node_columns["id"]
    node_kinds = dict(zip(node_ids, node_columns["kind"], strict=True))
    _require(len(node_kinds) == len(node_ids))
    keys.required(nodes)
    texts += node_columns["text"]
    texts += keys.present(node_columns["attribution"])
    used_sections = set(keys.present(node_columns["section"]))
    _require(used_sections.issubset(section_ids))
    if len(used_sections) < len(section_ids):
        remarks.add(
            lambda: [
                unused_section(index, id)
                for index, id in enumerate(section_ids)
                if id not in used_sections
            ]
        )
    tag_lists = keys.present(node_columns["tags"], UNSET)
    if tag_lists:
        all_tags = list(chain.from_iterable(tag_lists))
        # None twice in a node (one tag, the common case, cannot repeat).
        several = [tags for tags in tag_lists if len(tags) > 1]
        _require(sum(map(len, map(set, several))) == sum(map(len, several)))
        texts += all_tags
    scores = keys.present(node_columns["base_score"])
    _require(not scores or (min(scores) >= 0.0 and max(scores) <= 1.0))
    quoted = keys.present(node_columns["quotes"], UNSET)
    _anchor_quotes(node_columns["quotes"], quoted, sources, read_sources, keys, remarks)

    relation_columns: dict[str, Sequence[Any]] = {}
    if relations:
        relation_columns = _columns(relations, _Relation.__struct_fields__)
        linked = _check_relations(relation_columns, node_kinds, keys, remarks)
    else:
        linked = []
    if len(node_ids) >= 2:
        isolated = set(node_kinds)
        if relation_columns:
            isolated.difference_update(relation_columns["source"])
            isolated.difference_update(relation_columns["target"])
        if isolated:
            remarks.add(
                lambda: [isolated_node(i, id) for i, id in enumerate(node_ids) if id in isolated]
            )
    _require(_ids_ok([*source_ids, *section_ids, *node_ids, *linked]))
    _require(_texts_ok(texts))

    # Lint settings.
    if document.lint is not None:
        ignore = document.lint.ignore
        keys.count += ignore is not UNSET
        _require(ignore is UNSET or len(set(ignore)) == len(ignore))

    keys.check(text)
    remarks.give()
    return structure_typed(document, metadata, node_columns, relation_columns)


def _check_relations(
    columns: dict[str, Sequence[Any]],
    node_kinds: dict[str, Any],
    keys: _Keys,
    remarks: _Remarks,
) -> list[str]:
    """Check the relations on their columns; their ids and linked arguments' ids, to check.

    Relations whose kinds of node are unusual are added to `remarks`.
    """
    froms, tos, kinds = columns["source"], columns["target"], columns["kind"]
    count = len(froms)
    keys.count += count * _REQUIRED[_Relation]
    relation_ids = columns["id"]
    named = set(relation_ids)
    named.discard(None)
    given = len(relation_ids) - relation_ids.count(None)
    keys.count += given
    _require(len(named) == given and named.isdisjoint(node_kinds))
    schemes = columns["scheme"]
    keys.texts += keys.present(schemes)
    arguments = columns["argument"]
    linked = keys.present(arguments)
    _require(not any(map(operator.eq, froms, tos)))
    # Hashes of the pairs, not the pairs, are kept: fewer objects held; two
    # equal hashes (a repeat, or a collision) are then looked at exactly.
    if len(set(map(hash, zip(froms, tos, strict=True)))) != count:
        _require(len(set(zip(froms, tos, kinds, schemes, arguments, strict=True))) == count)
    # (kind, kind of source, kind of target): relations between nodes that
    # draw no remark are in _ALLOWED; an undercut's target is a relation,
    # so undercuts are looked at one by one.
    triples = set(zip(kinds, map(node_kinds.get, froms), map(node_kinds.get, tos), strict=True))
    if not triples <= _ALLOWED:
        others = triples - _ALLOWED
        undercuts = {t for t in others if t[0] is RelationKind.UNDERCUTS}
        if undercuts:
            _require(bool(named))
            _check_undercuts(froms, tos, kinds, relation_ids, named, node_kinds)
        if len(undercuts) < len(others):
            _misfits(others - undercuts, froms, tos, kinds, node_kinds, remarks)
    if linked:
        _check_arguments(tos, kinds, arguments)
    return [*named, *linked]


def _misfits(
    misfits: set[tuple[Any, Any, Any]],
    froms: Sequence[str],
    tos: Sequence[str],
    kinds: Sequence[RelationKind],
    node_kinds: dict[str, Any],
    remarks: _Remarks,
) -> None:
    """The warnings on relations between nodes of kinds in `misfits`; declined if one is an error.

    (A misfit is an error unless the kinds are unusual but possible, or the
    node plays its kind in another relation: the checks decide, and word it.)
    """
    # A relation that supports or attacks something other than a node is an error.
    _require(all(source is not None and target is not None for _, source, target in misfits))
    if not remarks.worded and all(unusual_but_possible(*misfit) for misfit in misfits):
        # Warnings whatever else the nodes do: nothing to decide relation by relation.
        remarks.add(list)
        return
    rows = zip(kinds, map(node_kinds.get, froms), map(node_kinds.get, tos), strict=True)
    flagged = compress(range(len(froms)), map(misfits.__contains__, rows))
    found = kind_remarks(flagged, froms, kinds, tos, node_kinds, worded=remarks.worded)
    _require(found is not None)
    assert found is not None
    remarks.add(lambda: found)


class _Keys:
    """Counts the keys the structs were decoded from, and the colons in their strings.

    A key given twice decodes silently (the last one wins), so the keys are
    counted instead: every key in the text is followed by one colon, every
    other colon stands in a string. Counting the colons of the strings read
    (`texts`, free text checked not to be blank; `free`, metadata's keys and
    strings; ids and kinds that passed hold none), the text must hold exactly
    as many colons as the keys read and those. A repeated key's earlier value is lost in decoding,
    so its key and its colons would be missing from the count; a string
    left out of `texts` could only make the text seem to hold more.

    A colon written as an escape (`\\u003a`) is one in the string read but not
    in the text's count of colons: such escapes are counted too (those after
    an odd run of backslashes; `\\\\u003a` is a backslash and "u003a"), so
    that every colon read has exactly one in the text and a lost key always
    shows. They can only be in a string that holds a colon once read (or in
    a lost value, which shows anyway), so they are looked for only then.
    """

    def __init__(self, document: _Map) -> None:
        given = astuple(document)
        self.count = len(given) - given.count(None) - given.count(UNSET)
        self.free: list[str] = []  # strings that may be blank (metadata's)
        self.texts: list[str] = []

    def metadata(self, value: object, depth: int = 0) -> None:
        """Count the keys and the colons of free-form data.

        Declines what `plain_json` would report: values nested too deeply,
        integers too long (msgspec has refused lone surrogates and numbers
        too large for a float already).
        """
        if type(value) is dict:
            _require(depth < MAX_DEPTH)
            self.count += len(value)
            self.free += value
            for item in value.values():
                self.metadata(item, depth + 1)
        elif type(value) is list:
            _require(depth < MAX_DEPTH)
            for item in value:
                self.metadata(item, depth + 1)
        elif type(value) is str:
            self.free.append(value)
        elif type(value) is int:
            _require(-_INTEGER_BOUND < value < _INTEGER_BOUND)

    def required(self, items: Sequence[Struct]) -> None:
        if items:
            self.count += len(items) * _REQUIRED[type(items[0])]

    def optional(self, items: Sequence[Struct], name: str, absent: object = None) -> Sequence[Any]:
        """The values of field `name` of `items` that were given (counting their keys)."""
        return self.present(_column(items, name), absent)

    def present(self, values: Sequence[Any], absent: object = None) -> Sequence[Any]:
        """The values given (counting their keys)."""
        missing = values.count(absent)
        self.count += len(values) - missing
        if not missing:
            return values
        if missing == len(values):
            return []
        return list(compress(values, map(operator.is_not, values, repeat(absent))))

    def check(self, text: str | bytes) -> None:
        colons = sum(map(str.count, chain(self.texts, self.free), repeat(":")))
        written = text.count(":") if isinstance(text, str) else text.count(b":")
        _require(written + (escaped_colons(text) if colons else 0) == self.count + colons)


_INTEGER_BOUND = 10**MAX_INTEGER_DIGITS
_REQUIRED: dict[type[Struct], int] = {
    cls: sum(f.default is msgspec.NODEFAULT for f in msgspec.structs.fields(cls))
    for cls in STRUCTS.values()
}


def _anchor_quotes(
    column: Sequence[Any],
    quoted: Sequence[tuple[_Quote, ...]],
    sources: Sequence[_Source],
    read_sources: Callable[[list[tuple[int, str, str]]], dict[str, str] | None],
    keys: _Keys,
    remarks: _Remarks,
) -> None:
    """Anchor the `quoted` nodes' quotes (`column` holds every node's); remark on them.

    Those are for sources that no quote cites, for sources without a path
    (their quotes unverified) and for quotes that occur more than once.
    """
    with_path = [(index, s.id, s.path) for index, s in enumerate(sources) if s.path is not None]
    read = read_sources(with_path) if with_path else {}
    _require(read is not None)
    assert read is not None
    unverified = {s.id for s in sources if s.path is None}
    cited: set[str] = set()
    node_of: dict[int, int] = {}  # id of a node's quotes -> the node's index, made if needed
    for quotes in quoted:
        keys.required(quotes)
        for number, quote in enumerate(quotes):
            cited.add(quote.source)
            text = quote.text
            keys.texts.append(text)
            source_text = read.get(quote.source)
            # No text to check against: a source without a path (its quotes
            # unverified, warned below); else one not declared.
            _require(source_text is not None or quote.source in unverified)
            if quote.start is None:
                _require(quote.end is None)
                if source_text is not None:
                    start = source_text.find(text)
                    _require(start >= 0)
                    quote.start, quote.end = start, start + len(text)
                    if source_text.find(text, start + 1) >= 0:
                        remarks.add(
                            partial(_ambiguous, column, node_of, quotes, number, text, source_text)
                        )
            else:
                keys.count += 2
                start, end = _offsets(quote)
                _require(start >= 0 and end == start + len(text))
                if source_text is not None:
                    _require(source_text[start : start + len(text)] == text)
    uncited = [(index, s.id) for index, s in enumerate(sources) if s.id not in cited]
    if uncited:
        remarks.add(lambda: [unused_source(index, id) for index, id in uncited])
    unchecked = [(i, s.id) for i, s in enumerate(sources) if s.id in cited and s.path is None]
    if unchecked:
        remarks.add(lambda: [unverified_source(index, id) for index, id in unchecked])


def _ambiguous(
    column: Sequence[Any],
    node_of: dict[int, int],
    quotes: tuple[_Quote, ...],
    number: int,
    text: str,
    source_text: str,
) -> list[Problem]:
    """The warning on quote `number` of `quotes`, found more than once in `source_text`.

    `column` holds every node's quotes; `node_of` indexes the nodes by the
    identity of their quotes, filled here on first use.
    """
    if not node_of:
        node_of.update({id(q): i for i, q in enumerate(column)})
    parts: list[PathPart] = ["nodes", node_of[id(quotes)], "quotes", number]
    return [ambiguous_quote(parts, text, source_text, int(quotes[number].start))]


def _offsets(quote: _Quote) -> tuple[int, int]:
    """The start and end given for `quote`, as ints (so set on it); declined if not whole."""
    start, end = quote.start, quote.end
    _require(end is not None)
    if type(start) is float or type(end) is float:
        # JSON Schema's integers include 6.0, which msgspec reads as a float.
        # (Each asked alone: an int too long for a float is whole, not an overflow.)
        _require(all(isinstance(x, int) or x.is_integer() for x in (start, end)))
        quote.start, quote.end = start, end = int(start), int(end)
    return int(start), int(end)


def _check_undercuts(
    froms: Sequence[str],
    tos: Sequence[str],
    kinds: Sequence[RelationKind],
    relation_ids: Sequence[Any],
    named: set[str],
    node_kinds: dict[str, NodeKind],
) -> None:
    targets: dict[str, str] = {}
    undercuts = map(operator.is_, kinds, repeat(RelationKind.UNDERCUTS))
    for index in compress(range(len(kinds)), undercuts):
        to = tos[index]
        _require(to in named and to != relation_ids[index])
        _require(node_kinds.get(froms[index]) in _UNDERCUTTERS)
        if relation_ids[index] is not None:
            targets[relation_ids[index]] = to
    # No ring of undercuts: each chain ends at a relation between nodes.
    _require(next(undercut_rings(targets), None) is None)


def _check_arguments(
    tos: Sequence[str], kinds: Sequence[RelationKind], arguments: Sequence[Any]
) -> None:
    conclusion: dict[str, str] = {}
    for to, kind, argument in zip(tos, kinds, arguments, strict=True):
        if argument is None:
            continue
        _require(kind is RelationKind.SUPPORTS)
        _require(conclusion.setdefault(argument, to) == to)
