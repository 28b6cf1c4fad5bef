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

from ._checks import ATTACKS, SUPPORTS
from ._paths import PathPart, format_path
from .errors import ProblemCode
from .model import (
    ArgumentMap,
    Node,
    NodeKind,
    Quote,
    Relation,
    RelationKind,
    Section,
    Source,
)
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
    if max_size < 1:
        raise ValueError(f"max_size must be at least 1 (a text is never empty), got {max_size}")
    return _text(draw, max_size, hostile)


def _text(draw: st.DrawFn, max_size: int = 60, hostile: bool = True) -> str:
    if hostile:
        text = (draw(_PIECE) + draw(_ANY_TEXT))[: max_size - 1]
    else:
        text = draw(_PLAIN_TEXT)[: max_size - 1]
    # At least one letter keeps the text non-blank whatever else was drawn.
    return text + draw(_ENDING)


def _maybe_text(draw: st.DrawFn, max_size: int = 60) -> str | None:
    return _text(draw, max_size) if draw(_MAYBE) else None


def _quick_text(draw: st.DrawFn, flavour: st.SearchStrategy[str], max_size: int = 60) -> str:
    # One choice a text (a map's texts share a flavour): non-blank by a last letter if need be.
    text = draw(flavour)[:max_size]
    return text if text.strip() else text[: max_size - 1] + "x"


def _quick_maybe_text(
    draw: st.DrawFn, flavour: st.SearchStrategy[str], max_size: int = 60
) -> str | None:
    text = draw(flavour)[:max_size]  # empty: none
    return (text if text.strip() else text[: max_size - 1] + "x") if text else None


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


def _unique_ids(draw: st.DrawFn, count: int) -> list[str]:
    # Drawn ids that clash are told apart by a suffix: no draw is thrown away.
    made: list[str] = []
    seen: set[str] = set()
    for _ in range(count):
        id = draw(_IDS)
        while id in seen:
            id += f"-{len(made)}"
        seen.add(id)
        made.append(id)
    return made


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
_KIND_LETTERS = {
    "c": NodeKind.CLAIM,
    "e": NodeKind.EVIDENCE,
    "o": NodeKind.OBJECTION,
    "b": NodeKind.REBUTTAL,
    "r": NodeKind.RECOMMENDATION,
}
_FLAVOURS = st.sampled_from((_HOSTILE_TEXT, _WIDE_TEXT))


@st.composite
def argument_maps(
    draw: st.DrawFn,
    *,
    min_nodes: int = 1,
    max_nodes: int = 12,
    max_relations: int | None = None,
) -> ArgumentMap:
    """Valid argument maps: unique ids, resolving references, relations of allowed kinds.

    Sources have no `path`, so quotes are not anchored (and `validate` warns
    that they are unverified); everything else passes `argmap.validate`.
    Cheap up to about 100 nodes (docs/api.md).
    """
    count = draw(st.integers(min_nodes, max_nodes))
    node_ids = _unique_ids(draw, count)
    # All the kinds in one choice: a letter a node.
    letters = draw(st.text(alphabet="ceobr", min_size=count, max_size=count))
    kinds = [_KIND_LETTERS[letter] for letter in letters]
    section_list = tuple(
        Section(id=f"section-{i}", title=_text(draw, 30)) for i in range(draw(st.integers(0, 3)))
    )
    source_list = tuple(
        Source(
            id=f"source-{i}",
            title=_maybe_text(draw, 30),
            url=draw(st.none() | st.just(f"https://example.org/{i}?a=1&b=<2>")),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    section_ids = tuple(s.id for s in section_list)
    source_ids = tuple(s.id for s in source_list)
    # The texts of one map share a flavour (hostile characters, or any character);
    # the first node's text starts with a markup entity or escape, if one is drawn.
    flavour = draw(_FLAVOURS)
    lead = draw(_PIECE)
    node_list = [
        _node(
            draw,
            id=id,
            kind=kind,
            sections=section_ids,
            sources=source_ids,
            flavour=flavour,
            lead=lead if index == 0 else "",
        )
        for index, (id, kind) in enumerate(zip(node_ids, kinds, strict=True))
    ]
    relations: list[Relation] = []
    seen: set[tuple[str, str, RelationKind]] = set()
    limit = max_relations if max_relations is not None else 2 * count
    by_kind: dict[NodeKind, list[Node]] = {}
    for node in node_list:
        by_kind.setdefault(node.kind, []).append(node)
    for _ in range(draw(st.integers(0, limit))):
        source = node_list[_index(draw, count)]
        kind = RelationKind.SUPPORTS if draw(_MAYBE) else RelationKind.ATTACKS
        candidates = [n for k in sorted(_targets(kind, source.kind)) for n in by_kind.get(k, ())]
        candidates = [n for n in candidates if n.id != source.id]
        if not candidates:
            continue
        target = candidates[_index(draw, len(candidates))]
        if (source.id, target.id, kind) in seen:
            continue
        seen.add((source.id, target.id, kind))
        relations.append(Relation(source=source.id, target=target.id, kind=kind))
    spare_ids = [f"relation-{i}" for i in range(1)]
    relations = _add_undercuts(draw, node_list, relations, spare_ids)
    return ArgumentMap(
        title=_text(draw, 40),
        description=_maybe_text(draw),
        sources=source_list,
        sections=section_list,
        nodes=tuple(node_list),
        relations=tuple(relations),
        metadata=draw(_METADATA),
    )


def _add_undercuts(
    draw: st.DrawFn, node_list: list[Node], relations: list[Relation], spare_ids: list[str]
) -> list[Relation]:
    undercutters = [n for n in node_list if n.kind in (NodeKind.OBJECTION, NodeKind.REBUTTAL)]
    if not relations or not undercutters or not draw(st.booleans()):
        return relations
    index = draw(st.integers(0, len(relations) - 1))
    named = attrs.evolve(relations[index], id=spare_ids[0])
    relations = [*relations[:index], named, *relations[index + 1 :]]
    undercutter = draw(st.sampled_from(undercutters))
    if undercutter.id in (named.source, named.target):
        return relations
    return [
        *relations,
        Relation(source=undercutter.id, target=named.id or "", kind=RelationKind.UNDERCUTS),
    ]


_METADATA = st.dictionaries(
    st.text(max_size=8),
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    max_size=3,
)


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
