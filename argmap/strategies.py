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
from typing import Any

import attrs
from hypothesis import strategies as st

from ._checks import ATTACKS, SUPPORTS
from ._paths import PathPart, format_path
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


@st.composite
def texts(draw: st.DrawFn, *, max_size: int = 60, hostile: bool = True) -> str:
    """Non-blank text of 1 to `max_size` characters; `hostile`: rich in ones that break escaping."""
    if max_size < 1:
        raise ValueError(f"max_size must be at least 1 (a text is never empty), got {max_size}")
    if hostile:
        pieces = st.one_of(
            st.text(alphabet=HOSTILE_CHARACTERS, min_size=1, max_size=8),
            st.sampled_from(_ENTITIES),
            st.text(
                alphabet=st.characters(
                    blacklist_categories=("Cs", "Cc", "Co", "Cn"),
                ),
                min_size=1,
                max_size=12,
            ),
            st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=30, max_size=60),
        )
        text = "".join(draw(st.lists(pieces, min_size=1, max_size=6)))[: max_size - 1]
    else:
        text = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,", max_size=max_size - 1))
    # At least one letter keeps the text non-blank whatever else was drawn.
    return text + draw(st.sampled_from("abcxyzΩж字"))


def ids() -> st.SearchStrategy[str]:
    """Valid ids: a letter or `_`, then letters, digits, `_`, `.` or `-`."""
    return st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_.\-]{0,15}\Z")


@st.composite
def _quotes(draw: st.DrawFn, sources: list[str]) -> tuple[Quote, ...]:
    if not sources:
        return ()
    count = draw(st.integers(0, 2))
    return tuple(
        Quote(source=draw(st.sampled_from(sources)), text=draw(texts(max_size=40)))
        for _ in range(count)
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
    section = draw(st.none() | st.sampled_from(sections)) if sections else None
    return Node(
        id=id if id is not None else draw(ids()),
        kind=draw(st.sampled_from(NodeKind)),
        text=draw(texts()),
        section=section,
        quotes=draw(_quotes(list(sources))),
        tags=tuple(draw(st.lists(texts(max_size=12, hostile=False), max_size=3, unique=True))),
        attribution=draw(st.none() | texts(max_size=30)),
    )


def _targets(kind: RelationKind, source: NodeKind) -> frozenset[NodeKind]:
    return (SUPPORTS if kind is RelationKind.SUPPORTS else ATTACKS)[source]


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
    """
    count = draw(st.integers(min_nodes, max_nodes))
    all_ids = draw(st.lists(ids(), min_size=count + 4, max_size=count + 4, unique=True))
    node_ids, relation_ids = all_ids[:count], all_ids[count:]
    section_list = tuple(
        Section(id=f"section-{i}", title=draw(texts(max_size=30)))
        for i in range(draw(st.integers(0, 3)))
    )
    source_list = tuple(
        Source(
            id=f"source-{i}",
            title=draw(st.none() | texts(max_size=30)),
            url=draw(st.none() | st.just(f"https://example.org/{i}?a=1&b=<2>")),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    node_list = [
        draw(
            nodes(
                id=id,
                sections=tuple(s.id for s in section_list),
                sources=tuple(s.id for s in source_list),
            )
        )
        for id in node_ids
    ]
    relations: list[Relation] = []
    seen: set[tuple[str, str, RelationKind]] = set()
    limit = max_relations if max_relations is not None else 2 * count
    for _ in range(draw(st.integers(0, limit))):
        source = draw(st.sampled_from(node_list))
        kind = draw(st.sampled_from([RelationKind.SUPPORTS, RelationKind.ATTACKS]))
        allowed = _targets(kind, source.kind)
        candidates = [n for n in node_list if n.kind in allowed and n.id != source.id]
        if not candidates:
            continue
        target = draw(st.sampled_from(candidates))
        if (source.id, target.id, kind) in seen:
            continue
        seen.add((source.id, target.id, kind))
        relations.append(Relation(source=source.id, target=target.id, kind=kind))
    relations = _add_undercuts(draw, node_list, relations, relation_ids)
    return ArgumentMap(
        title=draw(texts(max_size=40)),
        description=draw(st.none() | texts()),
        sources=source_list,
        sections=section_list,
        nodes=tuple(node_list),
        relations=tuple(relations),
        metadata=draw(
            st.dictionaries(
                st.text(max_size=8),
                st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                max_size=3,
            )
        ),
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


@attrs.frozen(kw_only=True)
class BrokenDocument:
    """A map document with one fault put in on purpose, and the JSON path of the fault."""

    document: dict[str, Any]
    path: str
    fault: str


_FAULTS = (
    "missing-field",
    "wrong-type",
    "unknown-field",
    "unknown-kind",
    "dangling-reference",
    "duplicate-id",
    "bad-id",
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
    if fault == "missing-field":
        field = draw(st.sampled_from(["id", "kind", "text"]))
        if field == "id":
            index, node = _added_node(nodes_)
            parts = ["nodes", index]
        del node[field]
    elif fault == "wrong-type":
        field = draw(st.sampled_from(["id", "kind", "text", "tags", "section"]))
        if field == "id":
            index, node = _added_node(nodes_)
            parts = ["nodes", index]
        wrong: list[object] = [42, 1.5, True, None, {"a": 1}]
        node[field] = draw(st.sampled_from(wrong if field == "tags" else [*wrong, ["x"]]))
        parts.append(field)
    elif fault == "unknown-field":
        field = draw(st.sampled_from(["colour", "weight", "Text", "from"]))
        node[field] = "surprise"
        parts.append(field)
    elif fault == "unknown-kind":
        node["kind"] = draw(st.sampled_from(["clam", "CLAIM", "premise", "thesis", ""]))
        parts.append("kind")
    elif fault == "dangling-reference":
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
    elif fault == "duplicate-id":
        later, added = _added_node(nodes_)
        added["id"] = node["id"]
        parts = ["nodes", later, "id"]
    else:
        index, node = _added_node(nodes_)
        parts = ["nodes", index]
        node["id"] = draw(st.sampled_from(["1starts-with-digit", "has space", "", "ü", "a/b"]))
        parts.append("id")
    return BrokenDocument(document=document, path=format_path(parts), fault=fault)
