"""What changed between two versions of a map, in the map's own terms."""

from __future__ import annotations

from typing import Any

import attrs

from .._expect import expect_map
from .._wording import describe_relation
from ..model import ArgumentMap, Node, Relation
from .evaluation import evaluate

__all__ = ["AcceptanceChange", "Change", "MapDiff", "diff"]


@attrs.frozen(kw_only=True)
class Change:
    """One field of one node or section that differs: `where` is its id (the new id if renamed)."""

    where: str
    field: str
    old: str
    new: str


@attrs.frozen(kw_only=True)
class AcceptanceChange:
    """A node whose grounded status differs between the two versions."""

    node: str
    old: str
    new: str


@attrs.frozen(kw_only=True)
class MapDiff:
    """What `diff` finds; false when nothing differs. `str()` for people, `as_dict()` for JSON."""

    nodes_added: tuple[str, ...] = ()
    nodes_removed: tuple[str, ...] = ()
    nodes_renamed: tuple[tuple[str, str], ...] = ()
    changes: tuple[Change, ...] = ()
    relations_added: tuple[str, ...] = ()
    relations_removed: tuple[str, ...] = ()
    sections_added: tuple[str, ...] = ()
    sections_removed: tuple[str, ...] = ()
    acceptance: tuple[AcceptanceChange, ...] = ()
    title: tuple[str, str] | None = None

    def __bool__(self) -> bool:
        return any(
            (
                self.nodes_added,
                self.nodes_removed,
                self.nodes_renamed,
                self.changes,
                self.relations_added,
                self.relations_removed,
                self.sections_added,
                self.sections_removed,
                self.title,
            )
        )

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        data = attrs.asdict(self)
        data["equal"] = not self
        return data

    def __str__(self) -> str:
        if not self:
            return "no differences"
        lines: list[str] = []
        for change in self.acceptance:
            lines.append(f"! {change.node}: {change.old} → {change.new} (grounded)")
        if self.title:
            lines.append(f"~ title: {self.title[0]!r} → {self.title[1]!r}")
        lines += [f"+ node {n}" for n in self.nodes_added]
        lines += [f"- node {n}" for n in self.nodes_removed]
        lines += [f"~ node {old} renamed {new}" for old, new in self.nodes_renamed]
        lines += [f"~ {c.where}.{c.field}: {c.old!r} → {c.new!r}" for c in self.changes]
        lines += [f"+ relation {r}" for r in self.relations_added]
        lines += [f"- relation {r}" for r in self.relations_removed]
        lines += [f"+ section {s}" for s in self.sections_added]
        lines += [f"- section {s}" for s in self.sections_removed]
        return "\n".join(lines)


def _quotes(node: Node) -> tuple[str, ...]:
    return tuple(f"{q.source}: {q.text}" for q in node.quotes)


_FIELDS = ("kind", "text", "section", "attribution")


def diff(a: ArgumentMap, b: ArgumentMap) -> MapDiff:
    """How `b` differs from `a`: nodes, relations, quotes and sections; renamed ids found
    by a shared quote or the same text; and whose grounded acceptance changed.

    Args:
        a: the earlier map.
        b: the later map.

    Returns:
        A `MapDiff`; it is falsy when the maps are equal, and prints as a
        report for people (`as_dict()` for machines).
    """
    expect_map(a)
    expect_map(b)
    old = {n.id: n for n in a.nodes}
    new = {n.id: n for n in b.nodes}
    gone = [i for i in old if i not in new]
    came = [i for i in new if i not in old]
    # Renames: a removed and an added node sharing a quote, else the same text.
    renamed: dict[str, str] = {}
    by_quote: dict[str, str] = {}
    by_text: dict[str, str] = {}
    for i in came:
        for q in _quotes(new[i]):
            by_quote.setdefault(q, i)
        by_text.setdefault(new[i].text, i)
    taken: set[str | None] = {None}  # None: no added node has it
    for i in gone:
        match = next((by_quote[q] for q in _quotes(old[i]) if by_quote.get(q) not in taken), None)
        if match is None and by_text.get(old[i].text) not in taken:
            match = by_text[old[i].text]
        if match is not None:
            renamed[i] = match
            taken.add(match)
    changes: list[Change] = []
    pairs = [(i, i) for i in old if i in new] + list(renamed.items())
    for i, j in pairs:
        before, after = old[i], new[j]
        for field in _FIELDS:
            x, y = getattr(before, field), getattr(after, field)
            if x != y:
                changes.append(Change(where=j, field=field, old=str(x), new=str(y)))
        if before.tags != after.tags:
            changes.append(
                Change(where=j, field="tags", old=", ".join(before.tags), new=", ".join(after.tags))
            )
        qa, qb = _quotes(before), _quotes(after)
        if qa != qb:
            kept_a, kept_b = set(qa), set(qb)  # looked up once a quote, not searched
            for q in qa:
                if q not in kept_b:
                    changes.append(Change(where=j, field="quote removed", old=q, new=""))
            for q in qb:
                if q not in kept_a:
                    changes.append(Change(where=j, field="quote added", old="", new=q))

    def key(r: Relation) -> tuple[str, str, str]:
        return (renamed.get(r.source, r.source), renamed.get(r.target, r.target), r.kind.value)

    old_relations = {key(r): r for r in a.relations}
    new_relations = {key(r): r for r in b.relations}
    old_sections = {s.id: s for s in a.sections}
    new_sections = {s.id: s for s in b.sections}
    for s in old_sections:
        if s in new_sections and old_sections[s].title != new_sections[s].title:
            changes.append(
                Change(
                    where=s,
                    field="section title",
                    old=old_sections[s].title,
                    new=new_sections[s].title,
                )
            )
    before_status = evaluate(a).status()
    after_status = evaluate(b).status()
    acceptance = tuple(
        AcceptanceChange(node=j, old=str(before_status[i]), new=str(after_status[j]))
        for i, j in pairs
        if before_status[i] != after_status[j]
    )
    return MapDiff(
        title=(a.title, b.title) if a.title != b.title else None,
        nodes_added=tuple(i for i in came if i not in taken),
        nodes_removed=tuple(i for i in gone if i not in renamed),
        nodes_renamed=tuple(renamed.items()),
        changes=tuple(changes),
        relations_added=tuple(
            describe_relation(r) for k, r in new_relations.items() if k not in old_relations
        ),
        relations_removed=tuple(
            describe_relation(r) for k, r in old_relations.items() if k not in new_relations
        ),
        sections_added=tuple(s for s in new_sections if s not in old_sections),
        sections_removed=tuple(s for s in old_sections if s not in new_sections),
        acceptance=acceptance,
    )
