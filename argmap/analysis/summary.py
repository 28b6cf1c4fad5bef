"""A map at a glance: sizes, conclusions, and what is left open."""

from __future__ import annotations

from collections import deque
from typing import Any

import attrs

from .._expect import expect_map
from ..model import ArgumentMap, NodeKind, RelationKind
from ._table import table

__all__ = ["Summary", "answered", "summary"]


@attrs.frozen(kw_only=True)
class Summary:
    """What `summary` finds; `str()` is a few lines and a table, `as_dict()` JSON-ready."""

    title: str
    nodes: int
    relations: int
    kinds: tuple[tuple[NodeKind, int], ...]
    relation_kinds: tuple[tuple[RelationKind, int], ...]
    conclusions: tuple[str, ...]
    unanswered_objections: tuple[str, ...]
    unsupported_claims: tuple[str, ...]
    unquoted_evidence: tuple[str, ...]
    longest_support_chain: int

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        data = attrs.asdict(self, recurse=False)
        data["kinds"] = {k.value: n for k, n in self.kinds}
        data["relation_kinds"] = {k.value: n for k, n in self.relation_kinds}
        for key in (
            "conclusions",
            "unanswered_objections",
            "unsupported_claims",
            "unquoted_evidence",
        ):
            data[key] = list(data[key])
        return data

    def __str__(self) -> str:
        objections = dict(self.kinds)[NodeKind.OBJECTION]
        rows = [
            ("nodes", self.nodes, ", ".join(f"{n} {k.value}" for k, n in self.kinds)),
            (
                "relations",
                self.relations,
                ", ".join(f"{n} {k.value}" for k, n in self.relation_kinds),
            ),
            ("conclusions", len(self.conclusions), ", ".join(self.conclusions)),
            (
                "unanswered objections",
                f"{len(self.unanswered_objections)} of {objections}",
                ", ".join(self.unanswered_objections),
            ),
            (
                "unsupported claims",
                len(self.unsupported_claims),
                ", ".join(self.unsupported_claims),
            ),
            (
                "evidence without quotes",
                len(self.unquoted_evidence),
                ", ".join(self.unquoted_evidence),
            ),
            ("longest support chain", self.longest_support_chain, "relations"),
        ]
        return f"{self.title}\n{table(('', 'count', 'which'), rows)}"


def answered(m: ArgumentMap, node: str) -> bool:
    """Whether something attacks the node, or undercuts one of its attacks."""
    if any(r.kind is RelationKind.ATTACKS for r in m.incoming(node)):
        return True
    return any(
        r.kind is RelationKind.UNDERCUTS
        for attack in m.outgoing(node)
        if attack.id is not None and attack.kind is RelationKind.ATTACKS
        for r in m.incoming(attack.id)
    )


def _supported(m: ArgumentMap, node: str) -> bool:
    return any(r.kind is RelationKind.SUPPORTS for r in m.incoming(node))


def _longest_support_chain(m: ArgumentMap) -> int:
    """Relations in the longest chain of supports; links closing a cycle are not followed."""
    ids = [n.id for n in m.nodes]
    known = set(ids)
    edges = [
        (r.source, r.target)
        for r in m.relations
        if r.kind is RelationKind.SUPPORTS and r.source in known and r.target in known
    ]
    waiting = dict.fromkeys(ids, 0)
    after: dict[str, list[str]] = {}
    for source, target in edges:
        waiting[target] += 1
        after.setdefault(source, []).append(target)
    depth = dict.fromkeys(ids, 0)
    queue = deque(node for node, count in waiting.items() if count == 0)
    while queue:
        node = queue.popleft()
        for target in after.get(node, ()):
            depth[target] = max(depth[target], depth[node] + 1)
            waiting[target] -= 1
            if waiting[target] == 0:
                queue.append(target)
    return max(depth.values(), default=0)


def summary(m: ArgumentMap) -> Summary:
    """Counts by kind and relation, conclusions (nodes that support nothing and attack
    nothing), objections nothing answers, claims and recommendations nothing supports,
    evidence without quotes, and the longest chain of supports.

    Args:
        m: the map.

    Returns:
        A `Summary`, which prints as a table (`as_dict()` for machines).
    """
    expect_map(m)
    kinds = dict.fromkeys(NodeKind, 0)
    for node in m.nodes:
        kinds[node.kind] += 1
    relation_kinds = dict.fromkeys(RelationKind, 0)
    for relation in m.relations:
        relation_kinds[relation.kind] += 1
    return Summary(
        title=m.title,
        nodes=len(m.nodes),
        relations=len(m.relations),
        kinds=tuple(kinds.items()),
        relation_kinds=tuple(relation_kinds.items()),
        conclusions=tuple(n.id for n in m.nodes if not m.outgoing(n.id)),
        unanswered_objections=tuple(
            n.id for n in m.nodes_of_kind(NodeKind.OBJECTION) if not answered(m, n.id)
        ),
        unsupported_claims=tuple(
            n.id
            for n in m.nodes
            if n.kind in (NodeKind.CLAIM, NodeKind.RECOMMENDATION) and not _supported(m, n.id)
        ),
        unquoted_evidence=tuple(n.id for n in m.nodes_of_kind(NodeKind.EVIDENCE) if not n.quotes),
        longest_support_chain=_longest_support_chain(m),
    )
