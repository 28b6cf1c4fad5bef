"""Hypothesis strategies for property-based tests of code that uses argmap.

Install with the `testing` extra (`pip install argmap[testing]`)::

    from hypothesis import given
    from argmap.strategies import argument_maps

    @given(argument_maps())
    def test_my_exporter_keeps_every_node(m):
        assert len(my_export(m).nodes) == len(m.nodes)

`argument_maps()` draws maps that pass `argmap.validate` (warnings aside) and
whose texts are hostile: quotes, backslashes, markup characters, newlines,
emoji, right-to-left scripts. `broken_documents()` draws documents with one
known fault, and says where it is.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ._checks import ATTACKS, SUPPORTS
from ._paths import PathPart, format_path
from .errors import ProblemCode
from .model import ArgumentMap, Node, NodeKind, Quote, Relation, RelationKind, Section, Source
from .writer import to_dict

__all__ = [
    "HOSTILE_CHARACTERS",
    "BrokenDocument",
    "argument_maps",
    "broken_documents",
    "ids",
    "nodes",
    "texts",
]

HOSTILE_CHARACTERS = (
    "\"'`\\<>&{}|[]#:;%*!?@$^~=+-_/ \n\t"
    "é\u00a0\u200b\u200d\u2028"
    "😀👩\u200d🔬🇺🇦"
    "שלוםمرحبا\u202e\u202c"
    "中文ひらがな"
)
"""Characters that break naive escaping in DOT, HTML, YAML, JSON and shells."""

_ENTITIES = ("&amp;", "&lt;", "&#60;", "<b>", "</td>", "\\n", "\\l", "${x}", "%s", "{0}", "--")

# Drawing is priced per choice Hypothesis makes, so each text, id or list of
# kinds is one string choice, never a list of little pieces: that keeps a map of
# 25 nodes to a few hundred choices, well inside Hypothesis' time and size limits.
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_HOSTILE_TEXT = st.text(alphabet=HOSTILE_CHARACTERS + _LETTERS + "ABCXYZ0189 ")
_WIDE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")))
_PLAIN_TEXT = st.text(alphabet=_LETTERS + " .,")
_PIECE = st.sampled_from(("",) * len(_ENTITIES) + _ENTITIES)
_ENDING = st.sampled_from("abcxyzΩж字")
_ID_START = "ABCXYZabcxyz_"
_ID_REST = "ABCXYZabcxyz0189_.-"


_ANY_TEXT = st.one_of(_HOSTILE_TEXT, _WIDE_TEXT)
_IDS = st.text(alphabet=_ID_REST, max_size=15).map(
    lambda rest: rest if rest and rest[0] in _ID_START else "n" + rest
)
_MAYBE = st.booleans()
_QUOTE_COUNT = st.integers(0, 2)
# Strategies are made once: Hypothesis checks each new one before its first draw,
# which cost more than the drawing itself when made afresh for every node.


@st.composite
def texts(draw: st.DrawFn, *, max_size: int = 60, hostile: bool = True) -> str:
    """Non-blank text of 1 to `max_size` characters; `hostile`: rich in ones that break escaping."""
    _check_size("texts", "max_size", max_size, 1, "a text is never empty")
    return _text(draw, max_size, hostile)


def _text(draw: st.DrawFn, max_size: int = 60, hostile: bool = True) -> str:
    if hostile:
        text = (draw(_PIECE) + draw(_ANY_TEXT))[: max_size - 1]
    else:
        text = draw(_PLAIN_TEXT)[: max_size - 1]
    # At least one letter keeps the text non-blank whatever else was drawn.
    return text + draw(_ENDING)


def _non_blank(text: str, max_size: int) -> str:
    # A blank text (empty, or white space only, as TEXT_PATTERN says) gets a last letter.
    return text if text.strip() else text[: max_size - 1] + "x"


def _quick_text(draw: st.DrawFn, flavour: st.SearchStrategy[str], max_size: int = 60) -> str:
    # One choice a text (a map's texts share a flavour).
    return _non_blank(draw(flavour)[:max_size], max_size)


def _quick_maybe_text(
    draw: st.DrawFn, flavour: st.SearchStrategy[str], max_size: int = 60
) -> str | None:
    text = draw(flavour)[:max_size]  # empty: none
    return _non_blank(text, max_size) if text else None


def _index(draw: st.DrawFn, size: int) -> int:
    return draw(_indices(size))


@functools.cache
def _indices(size: int) -> st.SearchStrategy[int]:
    # One strategy per size, made once (the packed relation choices of a map of
    # 100 nodes reach 20,000).
    return st.integers(0, size - 1)


def ids() -> st.SearchStrategy[str]:
    """Valid ids: a letter or `_`, then letters, digits, `_`, `.` or `-` (up to 16 characters)."""
    return _IDS


_TAG_TEXT = st.text(alphabet=_LETTERS + ", ", max_size=24)


def _tags(draw: st.DrawFn) -> tuple[str, ...]:
    words = draw(_TAG_TEXT).split(",")
    return tuple(dict.fromkeys(w for w in words if w.strip()))[:3]


def _node(
    draw: st.DrawFn,
    *,
    id: str,
    kind: NodeKind,
    sections: tuple[str, ...],
    sources: tuple[str, ...],
    flavour: st.SearchStrategy[str] = _ANY_TEXT,
    lead: str = "",
) -> Node:
    # One choice for the section (the last index is none), one a quote's source.
    chosen = _index(draw, len(sections) + 1) if sections else 0
    section = sections[chosen] if chosen < len(sections) else None
    quotes: tuple[Quote, ...] = ()
    if sources:
        quotes = tuple(
            Quote(source=sources[_index(draw, len(sources))], text=_quick_text(draw, flavour, 40))
            for _ in range(draw(_QUOTE_COUNT))
        )
    return Node(
        id=id,
        kind=kind,
        text=(lead + _quick_text(draw, flavour))[:60],
        section=section,
        quotes=quotes,
        tags=_tags(draw),
        attribution=_quick_maybe_text(draw, flavour, 30),
    )


@st.composite
def nodes(
    draw: st.DrawFn,
    *,
    id: str | None = None,
    sections: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
) -> Node:
    """One node with hostile text, in one of `sections`, quoting `sources` (if any)."""
    for name, given in (("sections", sections), ("sources", sources)):
        if isinstance(given, str):
            raise InvalidArgument(f"nodes: {name} is a collection of ids, not a string")
    return _node(
        draw,
        id=id if id is not None else draw(_IDS),
        kind=draw(_NODE_KIND),
        sections=sections,
        sources=sources,
        lead=draw(_PIECE),
    )


def _targets(kind: RelationKind, source: NodeKind) -> frozenset[NodeKind]:
    return (SUPPORTS if kind is RelationKind.SUPPORTS else ATTACKS)[source]


_NODE_KIND = st.sampled_from(NodeKind)


# --- Maps, drawn in a few bulk choices ---------------------------------------
#
# Hypothesis prices every choice (tens of microseconds each, for its bookkeeping
# and its tree of tried choices) and every character of a drawn string, so a map
# is drawn as a handful of byte strings read like columns: a fixed header for
# the map as a whole, a row of `_ROW` bytes a node, a row a relation, and a pool
# of bytes that the texts and ids are cut from (each byte a character or a
# short piece of hostile text, through a table). Bytes shrink towards 0, and 0
# means the simplest choice everywhere (a claim, no section, no quote, text
# "a"), so a failing map shrinks to few nodes with short texts. Each column's
# minimum length grows with the node count but its maximum does not, so when
# the shrinker lowers the count, the columns drawn for the larger map still fit.

_HEADER = 32
_ROW = 8
_POOL_PER_NODE = 8
_POOL_MAX = 2048
_NODE_KINDS = tuple(NodeKind)
_SCHEMES = ("expert opinion", "analogy", "cause to effect", '<consequences> & "risk"')
_SCORES = (None, 0.0, 0.25, 0.5, 0.75, 1.0, 0.1, 0.9)
_WIDE_CHARS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=16
)


def _table(*parts: tuple[str, ...]) -> tuple[str, ...]:
    # Every byte value means a piece; the plain pieces come first, so that the
    # small values the shrinker moves towards read as plain words.
    pieces = [piece for part in parts for piece in part]
    return tuple(pieces[i % len(pieces)] for i in range(256))


_PLAIN_PIECES = (
    *_LETTERS,
    *"ABCXYZ0189",
    " ",
    " ",
    " ",
    ".",
    ",",
    "the ",
    "not ",
    "claim ",
    "because ",
    "NATO ",
    "risk ",
    "Ω",
    "ж",
    "字",
)
_HOSTILE_PIECES = (
    *HOSTILE_CHARACTERS,
    *_ENTITIES,
    "👩\u200d🔬",
    "🇺🇦",
    "שלום ",
    "مرحبا ",
    "Donaudampfschifffahrtsgesellschaftskapitän",
    "\r\n",
)
_PIECES = _table(_PLAIN_PIECES[:128], _HOSTILE_PIECES)
_PLAIN = _table(_PLAIN_PIECES)
_ID_FIRST = "nABCXYZabcxyz_"
_ID_REST_TABLE = _ID_REST


class _Pool:
    """Texts and ids cut in turn from one drawn byte string (round again when it runs out)."""

    __slots__ = ("at", "data", "pieces")

    def __init__(self, data: bytes, pieces: tuple[str, ...]) -> None:
        self.data, self.pieces, self.at = data, pieces, 0

    def take(self, size: int) -> bytes:
        data = self.data
        if not data or size <= 0:
            return b""
        start = self.at % len(data)
        chunk = data[start : start + size]
        while len(chunk) < size:
            chunk += data[: size - len(chunk)]
        self.at = start + size
        return chunk

    def text(self, size: int, max_size: int = 60) -> str:
        """Non-blank text of at most `max_size` characters from `size` bytes."""
        pieces = self.pieces
        return _non_blank("".join([pieces[b] for b in self.take(size)])[:max_size], max_size)

    def maybe_text(self, byte: int, max_size: int = 60) -> str | None:
        """None for an even `byte`, else a text of up to 8 bytes."""
        return None if byte % 2 == 0 else self.text(1 + (byte // 2) % 8, max_size)

    def id(self, size: int) -> str:
        chunk = self.take(size)
        if not chunk:
            return "n"
        return _ID_FIRST[chunk[0] % len(_ID_FIRST)] + "".join(
            [_ID_REST_TABLE[b % len(_ID_REST_TABLE)] for b in chunk[1:]]
        )


@functools.cache
def _bytes(min_size: int, max_size: int) -> st.SearchStrategy[bytes]:
    # Made once per size: Hypothesis checks a new strategy before its first draw.
    return st.binary(min_size=min_size, max_size=max(min_size, max_size))


@functools.cache
def _counts(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


def argument_maps(
    *, min_nodes: int = 1, max_nodes: int = 12, max_relations: int | None = None
) -> st.SearchStrategy[ArgumentMap]:
    """Valid argument maps: unique ids, resolving references, relations of allowed kinds.

    Every node kind and relation kind occurs, undercuts, linked arguments,
    schemes, sections, base scores, tags, metadata, and sources whose quotes
    are anchored (offsets into a text made of the quotes) or not. Sources have
    no `path` (`validate` warns that their quotes are unverified); everything
    else passes `argmap.validate`. Cheap up to about 100 nodes (docs/api.md).
    Bounds that cannot be met raise Hypothesis' `InvalidArgument` at once.
    """
    _check_size("argument_maps", "min_nodes", min_nodes, 0)
    _check_size("argument_maps", "max_nodes", max_nodes, min_nodes)
    if max_relations is not None:
        _check_size("argument_maps", "max_relations", max_relations, 0)
    return _argument_maps(min_nodes=min_nodes, max_nodes=max_nodes, max_relations=max_relations)


def _check_size(
    strategy: str, name: str, value: object, minimum: int, why: str | None = None
) -> None:
    if type(value) is not int or value < minimum:
        reason = f" ({why})" if why else ""
        raise InvalidArgument(
            f"{strategy}: {name} must be an int of at least {minimum}{reason}, got {value!r}"
        )


@st.composite
def _argument_maps(
    draw: st.DrawFn, *, min_nodes: int, max_nodes: int, max_relations: int | None
) -> ArgumentMap:
    count = draw(_counts(min_nodes, max_nodes))
    header = draw(_bytes(_HEADER, _HEADER))
    # Exact sizes: when the shrinker lowers the count, it cuts the columns to
    # fit (keeping their start or their end), so a failure found at the tenth
    # node can move to the first.
    rows = draw(_bytes(count * _ROW, count * _ROW))
    width = 1 if max_nodes <= 256 else 2
    size = 1 + 2 * width
    # Up to 2 a node, drawn apart from the count so that either can shrink alone.
    wanted = min(draw(_counts(0, 2 * max_nodes)), 2 * count)
    if max_relations is not None:
        wanted = min(wanted, max_relations)
    relation_rows = draw(_bytes(wanted * size, wanted * size))
    pool_size = min(count * _POOL_PER_NODE, _POOL_MAX)
    pool_bytes = draw(_bytes(pool_size, pool_size))
    pieces = _PIECES
    if header[2] % 2:
        # Any character at all: a few drawn ones take the hostile half of the table.
        wide = draw(_WIDE_CHARS)
        pieces = _PIECES[:128] + tuple(wide[i % len(wide)] for i in range(128))
    pool = _Pool(pool_bytes, pieces)

    section_list = tuple(
        Section(id=f"section-{i}", title=pool.text(1 + header[20 + i] % 8, 30))
        for i in range(header[0] % 4)
    )
    sources = [f"source-{i}" for i in range(header[1] % 3)]
    source_lengths = [0] * len(sources)

    node_list: list[Node] = []
    seen_ids: set[str] = set()
    for index in range(count):
        row = rows[index * _ROW : index * _ROW + _ROW]
        id = pool.id(row[1] % 6)
        while id in seen_ids:
            id += f"-{index}"
        seen_ids.add(id)
        quotes: list[Quote] = []
        if sources:
            for number in range(row[4] % 3):
                which = (row[4] // 6 + number) % len(sources)
                text = pool.text(1 + (row[5] >> (4 * number)) % 8, 40)
                if (row[4] // 3) % 2:
                    # Anchored: the source's text is its quotes, one a line.
                    start = source_lengths[which]
                    source_lengths[which] += len(text) + 1
                    quotes.append(
                        Quote(source=sources[which], text=text, start=start, end=start + len(text))
                    )
                else:
                    quotes.append(Quote(source=sources[which], text=text))
        section = row[3] % (len(section_list) + 1)
        node_list.append(
            Node(
                id=id,
                kind=_NODE_KINDS[row[0] % 5],
                text=pool.text(1 + row[2] % 12),
                section=section_list[section - 1].id if section else None,
                quotes=tuple(quotes),
                tags=tuple(dict.fromkeys(pool.text(1 + n % 3, 20) for n in range(row[6] % 4))),
                attribution=pool.maybe_text(row[7], 30),
                base_score=_SCORES[(row[6] // 4) % len(_SCORES)],
            )
        )
    relations = _relations(node_list, relation_rows, wanted, width)
    relations = _undercut(node_list, relations, header)
    source_list = tuple(
        Source(
            id=id,
            title=pool.maybe_text(header[24 + i], 30),
            url=f"https://example.org/{i}?a=1&b=<2>" if header[26 + i] % 2 else None,
        )
        for i, id in enumerate(sources)
    )
    return ArgumentMap(
        title=pool.text(1 + header[4] % 10, 40),
        description=pool.maybe_text(header[5]),
        sources=source_list,
        sections=section_list,
        nodes=tuple(node_list),
        relations=tuple(relations),
        metadata=_metadata(header, pool),
    )


def _relations(node_list: list[Node], rows: bytes, wanted: int, width: int) -> list[Relation]:
    count = len(node_list)
    targets: dict[tuple[RelationKind, NodeKind], list[int]] = {}
    relations: list[Relation] = []
    seen: set[tuple[int, int, RelationKind, str | None, str | None]] = set()
    size = 1 + 2 * width
    # Indices are taken modulo the count, and candidates in map order, so
    # that a relation among the first nodes stays put when the shrinker drops
    # the last ones.
    for at in range(0, min(wanted * size, len(rows) - size + 1), size):
        row = rows[at : at + size]
        if width == 1:
            source, target = row[1] % count, row[2]
        else:
            source, target = (row[1] << 8 | row[2]) % count, row[3] << 8 | row[4]
        source_kind = node_list[source].kind
        kind = RelationKind.ATTACKS if row[0] % 2 else RelationKind.SUPPORTS
        if not _targets(kind, source_kind):
            # Claims, evidence and recommendations attack nothing: they support.
            kind = RelationKind.SUPPORTS
        key = (kind, source_kind)
        candidates = targets.get(key)
        if candidates is None:
            allowed = _targets(kind, source_kind)
            candidates = targets[key] = [
                i for i, node in enumerate(node_list) if node.kind in allowed
            ]
        if not candidates:
            continue
        chosen = target % len(candidates)
        if candidates[chosen] == source:
            if len(candidates) == 1:
                continue
            chosen = (chosen + 1) % len(candidates)
        target = candidates[chosen]
        extra = (row[0] // 2) % 4
        scheme = _SCHEMES[row[0] // 8 % len(_SCHEMES)] if extra == 2 else None
        # A linked argument is named after its conclusion, so all its supports share it.
        argument = f"argument-{target}" if extra == 3 and kind is RelationKind.SUPPORTS else None
        if (source, target, kind, scheme, argument) in seen:
            continue
        seen.add((source, target, kind, scheme, argument))
        relations.append(
            Relation(
                source=node_list[source].id,
                target=node_list[target].id,
                kind=kind,
                scheme=scheme,
                argument=argument,
            )
        )
    return relations


def _undercut(node_list: list[Node], relations: list[Relation], header: bytes) -> list[Relation]:
    # One relation gets an id, and an objection or rebuttal may undercut it.
    undercutters = [n for n in node_list if n.kind in (NodeKind.OBJECTION, NodeKind.REBUTTAL)]
    if not relations or not undercutters or not header[7] % 2:
        return relations
    index = header[8] % len(relations)
    named = attrs.evolve(relations[index], id="relation-0")
    relations = [*relations[:index], named, *relations[index + 1 :]]
    undercutter = undercutters[header[9] % len(undercutters)]
    if undercutter.id in (named.source, named.target):
        return relations
    return [
        *relations,
        Relation(source=undercutter.id, target="relation-0", kind=RelationKind.UNDERCUTS),
    ]


def _metadata(header: bytes, pool: _Pool) -> dict[str, Any]:
    metadata: dict[str, Any] = {}
    for i in range(header[10] % 4):
        key_size, kind, value = header[11 + 3 * i : 14 + 3 * i]
        key = "".join([pool.pieces[b] for b in pool.take(key_size % 4)])
        if kind % 4 == 0:
            metadata[key] = None
        elif kind % 4 == 1:
            metadata[key] = bool(value % 2)
        elif kind % 4 == 2:
            metadata[key] = (value - 128) * 1_000_003 ** (kind // 4 % 4)
        else:
            metadata[key] = "".join([pool.pieces[b] for b in pool.take(value % 5)])
    return metadata


@attrs.frozen(kw_only=True)
class BrokenDocument:
    """A map document with one fault put in on purpose, and the JSON path of the fault."""

    document: dict[str, Any]
    path: str
    fault: str


_FAULTS = (
    ProblemCode.MISSING_FIELD,
    ProblemCode.WRONG_TYPE,
    ProblemCode.UNKNOWN_FIELD,
    ProblemCode.UNKNOWN_KIND,
    ProblemCode.DANGLING_REFERENCE,
    ProblemCode.DUPLICATE_ID,
    ProblemCode.BAD_ID,
)


def _added_node(nodes_: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    # Relations and quotes name the drawn nodes, so a fault in one of their ids
    # would leave references dangling too: id faults go into a node added for them.
    node = {"id": "node-added-for-the-fault", "kind": "claim", "text": "Added."}
    nodes_.append(node)
    return len(nodes_) - 1, node


@st.composite
def broken_documents(draw: st.DrawFn) -> BrokenDocument:
    """Documents of valid maps with exactly one fault; `path` points at the faulty value.

    Loading one must raise `argmap.ValidationError` with a problem at `path`.
    """
    argument_map = draw(argument_maps(min_nodes=2))
    document = copy.deepcopy(to_dict(argument_map))
    fault = draw(st.sampled_from(_FAULTS))
    nodes_ = document["nodes"]
    index = draw(st.integers(0, len(nodes_) - 1))
    node = nodes_[index]
    parts: list[PathPart] = ["nodes", index]
    if fault == ProblemCode.MISSING_FIELD:
        field = draw(st.sampled_from(["id", "kind", "text"]))
        if field == "id":
            index, node = _added_node(nodes_)
            parts = ["nodes", index]
        del node[field]
    elif fault == ProblemCode.WRONG_TYPE:
        field = draw(st.sampled_from(["id", "kind", "text", "tags", "section"]))
        if field == "id":
            index, node = _added_node(nodes_)
            parts = ["nodes", index]
        wrong: list[object] = [42, 1.5, True, None, {"a": 1}]
        node[field] = draw(st.sampled_from(wrong if field == "tags" else [*wrong, ["x"]]))
        parts.append(field)
    elif fault == ProblemCode.UNKNOWN_FIELD:
        field = draw(st.sampled_from(["colour", "weight", "Text", "from"]))
        node[field] = "surprise"
        parts.append(field)
    elif fault == ProblemCode.UNKNOWN_KIND:
        node["kind"] = draw(st.sampled_from(["clam", "CLAIM", "premise", "thesis", ""]))
        parts.append("kind")
    elif fault == ProblemCode.DANGLING_REFERENCE:
        field = draw(st.sampled_from(["section", "relation"]))
        if field == "relation":
            document.setdefault("relations", []).append(
                # Longer than any id `ids()` makes, so it can never resolve.
                {"from": node["id"], "to": "no-such-node-anywhere", "kind": "supports"}
            )
            parts = ["relations", len(document["relations"]) - 1, "to"]
        else:
            node["section"] = "no-such-section"
            parts.append("section")
    elif fault == ProblemCode.DUPLICATE_ID:
        later, added = _added_node(nodes_)
        added["id"] = node["id"]
        parts = ["nodes", later, "id"]
    else:
        index, node = _added_node(nodes_)
        parts = ["nodes", index]
        node["id"] = draw(st.sampled_from(["1starts-with-digit", "has space", "", "ü", "a/b"]))
        parts.append("id")
    return BrokenDocument(document=document, path=format_path(parts), fault=fault)
