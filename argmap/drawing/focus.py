"""Views of a part of a map: a node's neighbourhood, some kinds, one section."""

from __future__ import annotations

from collections.abc import Collection, Iterable

import attrs

from .._expect import expect_map
from .._wording import members, plural, suggest
from ..model import ArgumentMap, NodeKind, Relation, RelationKind
from .choices import check_count

__all__ = ["focus", "restrict", "select"]


def _unknown_node(m: ArgumentMap, node_id: str) -> KeyError:
    return KeyError(
        f"no node with id {node_id!r}{suggest(node_id, [n.id for n in m.nodes], most=3)}"
    )


def _neighbours(m: ArgumentMap) -> dict[str, set[str]]:
    """Node id -> ids one relation step away, either way.

    An undercut is a step between its source and both ends of the relation it
    undercuts (following chains of undercuts down to nodes).
    """
    by_id = {r.id: r for r in m.relations if r.id is not None}

    def ends(relation: Relation) -> set[str]:
        # A loop, not recursion: a chain of a thousand undercuts is a valid map.
        found: set[str] = set()
        seen: set[str] = set()
        current: Relation | None = relation
        while current is not None:
            found.add(current.source)
            if current.kind is not RelationKind.UNDERCUTS:
                found.add(current.target)
                break
            if current.target in seen:
                break
            seen.add(current.target)
            current = by_id.get(current.target)
        return found

    near: dict[str, set[str]] = {node.id: set() for node in m.nodes}
    for relation in m.relations:
        touched = ends(relation) if relation.kind is RelationKind.UNDERCUTS else None
        if touched is None:
            pairs: Iterable[tuple[str, str]] = [(relation.source, relation.target)]
        else:
            pairs = [(relation.source, end) for end in touched if end != relation.source]
        for a, b in pairs:
            if a in near and b in near:
                near[a].add(b)
                near[b].add(a)
    return near


def _undercut_context(m: ArgumentMap, keep: set[str]) -> set[str]:
    """Nodes outside `keep` that a kept undercut needs: the target of the relation it cuts.

    An undercut whose source is kept, aimed at a relation whose source is kept,
    would otherwise vanish with that relation's target and leave its source
    floating; the target comes back as context.
    """
    by_id = {r.id: r for r in m.relations if r.id is not None}
    context: set[str] = set()
    for r in m.relations:
        if r.kind is not RelationKind.UNDERCUTS or r.source not in keep:
            continue
        cut = by_id.get(r.target)
        # Follow undercuts of undercuts down to the relation between nodes.
        seen: set[str] = set()
        while cut is not None and cut.kind is RelationKind.UNDERCUTS and cut.target not in seen:
            seen.add(cut.target)
            cut = by_id.get(cut.target)
        if cut is not None and cut.source in keep and cut.target not in keep:
            context.add(cut.target)
    return context


def _titled(view: ArgumentMap, m: ArgumentMap, what: str) -> ArgumentMap:
    return attrs.evolve(view, title=f"{m.title} \u2014 {what}")


def restrict(m: ArgumentMap, keep: Collection[str]) -> ArgumentMap:
    """The map of the nodes in `keep`, the relations among them, and what they use."""
    keep = set(keep)
    nodes = tuple(node for node in m.nodes if node.id in keep)
    chosen = [
        r.kind is not RelationKind.UNDERCUTS and r.source in keep and r.target in keep
        for r in m.relations
    ]
    kept_ids = {r.id for r, c in zip(m.relations, chosen, strict=True) if c and r.id is not None}
    # Undercuts may target undercuts: from each kept relation, keep the
    # undercuts of it whose source is kept, and on (a worklist, not rounds
    # over every relation, so that long chains stay linear).
    undercuts: dict[str, list[int]] = {}
    for index, r in enumerate(m.relations):
        if r.kind is RelationKind.UNDERCUTS and r.source in keep:
            undercuts.setdefault(r.target, []).append(index)
    pending = list(kept_ids)
    while pending:
        for index in undercuts.get(pending.pop(), ()):
            if not chosen[index]:
                chosen[index] = True
                found = m.relations[index].id
                if found is not None and found not in kept_ids:
                    kept_ids.add(found)
                    pending.append(found)
    relations = tuple(r for r, c in zip(m.relations, chosen, strict=True) if c)
    sections = {node.section for node in nodes}
    sources = {quote.source for node in nodes for quote in node.quotes}
    return attrs.evolve(
        m,
        nodes=nodes,
        relations=relations,
        sections=tuple(s for s in m.sections if s.id in sections),
        sources=tuple(s for s in m.sources if s.id in sources),
    )


def focus(m: ArgumentMap, node_id: str, *, depth: int = 1) -> ArgumentMap:
    """The part of `m` within `depth` relation steps of `node_id`, in either direction.

    Undercuts count as steps between the undercutting node and both ends of
    the relation it undercuts.

    Args:
        m: the map.
        node_id: the node in the middle of the view.
        depth: how many relation steps to go out (0: the node alone).

    Returns:
        A map holding the nodes reached, every relation among them, and the
        sections and sources they use; its title says it is a view
        ("… — around ID, K steps").

    Raises:
        KeyError: no node has the id `node_id` (the message suggests close ids).
        TypeError: `node_id` is no text (a `Node`, say).
        ValueError: `depth` is negative.
    """
    expect_map(m)
    check_count(depth, "depth", minimum=0)
    if not isinstance(node_id, str):
        m.node(node_id)  # the TypeError that says what was given instead
    if not m.has_node(node_id):
        raise _unknown_node(m, node_id)
    near = _neighbours(m)
    reached = {node_id}
    frontier = {node_id}
    for _ in range(depth):
        frontier = {b for a in frontier for b in near[a]} - reached
        if not frontier:
            break
        reached |= frontier
    return _titled(restrict(m, reached), m, f"around {node_id}, {plural(depth, 'step')}")


def select(
    m: ArgumentMap,
    *,
    kinds: Collection[NodeKind | str] | None = None,
    sections: Collection[str] | None = None,
) -> ArgumentMap:
    """The part of `m` whose nodes are of one of `kinds` and in one of `sections` (None: any).

    Args:
        m: the map.
        kinds: the node kinds to keep (`NodeKind`s or their values).
        sections: the section ids to keep.

    Returns:
        A map holding those nodes, the relations among them, and the undercuts
        of them: where an undercut and the source of the relation it cuts are
        kept, the relation's target is kept too, as context. Its title says
        what was selected.

    Raises:
        ValueError: an unknown kind or section (the message names the allowed ones).
        TypeError: `kinds` or `sections` is a single string.
    """
    expect_map(m)
    wanted_kinds = None
    if kinds is not None:
        wanted_kinds = members(kinds, NodeKind, name="kinds", what="node kind")
    wanted_sections = None
    if sections is not None:
        if isinstance(sections, str):
            raise TypeError("sections must be a collection of section ids, not a string")
        known = {s.id for s in m.sections} | {n.section for n in m.nodes if n.section}
        missing = sorted(set(sections) - known)
        if missing:
            raise ValueError(
                f"no section {', '.join(map(repr, missing))} in the map; its sections are "
                f"{', '.join(sorted(known)) or '(none)'}"
            )
        wanted_sections = set(sections)
    keep = {
        node.id
        for node in m.nodes
        if (wanted_kinds is None or node.kind in wanted_kinds)
        and (wanted_sections is None or node.section in wanted_sections)
    }
    context = _undercut_context(m, keep)
    parts = []
    if wanted_kinds is not None:
        parts.append(", ".join(k.value for k in NodeKind if k in wanted_kinds))
    if wanted_sections is not None:
        titles = {s.id: s.title for s in m.sections}
        parts.append("in " + ", ".join(titles.get(s) or s for s in sorted(wanted_sections)))
    if context:
        parts.append(f"with {plural(len(context), 'node')} of context")
    what = "; ".join(parts) if parts else "everything"
    return _titled(restrict(m, keep | context), m, f"only {what}")
