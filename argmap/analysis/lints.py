"""Argument-quality findings: what a careful reader of a map would query.

A lint is not a validity problem (the map is well formed either way); it
points at a place where the argument, as mapped, is weak or unfinished. Each
finding names its code, the node and the node's first quote.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from functools import cache, partial
from typing import Any

import attrs

from .._expect import expect_map
from .._wording import cut, members
from ..model import ArgumentMap, Node, NodeKind, RelationKind
from ._graph import strongly_connected
from ._table import table
from .summary import answered

__all__ = ["Lint", "LintCode", "Lints", "lint", "support_cycles"]


class LintCode(enum.StrEnum):
    """The stable codes of lint findings (documented in docs/lints.md)."""

    UNANSWERED_OBJECTION = "unanswered-objection"
    """An objection nothing attacks, and none of whose attacks is undercut."""
    UNSUPPORTED_CLAIM = "unsupported-claim"
    """A claim or recommendation nothing supports."""
    UNQUOTED_EVIDENCE = "unquoted-evidence"
    """Evidence with no quote from a source."""
    CIRCULAR_SUPPORT = "circular-support"
    """A node that supports itself through a cycle of supports."""
    UNDEFENDED_CONCLUSION = "undefended-conclusion"
    """A conclusion (it supports and attacks nothing) under attack, no attacker answered."""
    ATTRIBUTION_ONLY_SUPPORT = "attribution-only-support"
    """A node whose every supporter is attributed to someone (a speaker, a declaration)."""
    SELF_ATTACK = "self-attack"
    """A node that attacks itself."""


@attrs.frozen(kw_only=True)
class Lint:
    """One finding: its code, the node, the node's first quote (if any) and what is wrong."""

    code: LintCode
    node: str
    quote: str | None
    message: str


@attrs.frozen(kw_only=True)
class Lints:
    """The findings of `lint`, in map order; `str()` is a table, `as_dict()` JSON-ready."""

    findings: tuple[Lint, ...]
    ignored: tuple[LintCode, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Lint]:
        return iter(self.findings)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "ignored": [code.value for code in self.ignored],
            "findings": [
                {"code": f.code.value, "node": f.node, "quote": f.quote, "message": f.message}
                for f in self.findings
            ],
        }

    def __str__(self) -> str:
        if not self.findings:
            return "no lint findings"
        return table(
            ("code", "node", "finding", "quote"),
            [
                (f.code.value, f.node, f.message, None if f.quote is None else cut(f.quote))
                for f in self.findings
            ],
        )


def support_cycles(m: ArgumentMap) -> list[list[str]]:
    """The groups of nodes that support each other in a cycle (strongly connected, iteratively)."""
    known = {n.id for n in m.nodes}
    after: dict[str, list[str]] = {}
    for r in m.relations:
        if r.kind is RelationKind.SUPPORTS and r.source in known and r.target in known:
            after.setdefault(r.source, []).append(r.target)
    return [
        group
        for group in strongly_connected((n.id for n in m.nodes), after)
        if len(group) > 1 or group[0] in after.get(group[0], [])
    ]


def lint(m: ArgumentMap, *, ignore: Iterable[LintCode | str] = ()) -> Lints:
    """The map's lint findings, less the codes in `ignore` and in the map's `lint.ignore`.

    Args:
        m: the map.
        ignore: `LintCode`s (or their values) to leave out.

    Returns:
        The findings (`Lints`), in map order, each with its code, node id,
        first quote and message (see docs/lints.md).

    Raises:
        ValueError: a code in `ignore` that is no `LintCode` (the message names them).
        TypeError: `ignore` is a single string.

    Examples:
        An objection nobody answers, against a claim nothing supports:

        >>> from argmap import ArgumentMap, Node, Relation
        >>> cats = ArgumentMap(
        ...     title="Cats",
        ...     nodes=[
        ...         Node(id="cats", kind="claim", text="Cats are good company."),
        ...         Node(id="sneezes", kind="objection", text="Many people sneeze."),
        ...     ],
        ...     relations=[Relation(source="sneezes", target="cats", kind="attacks")],
        ... )
        >>> for finding in lint(cats):
        ...     print(finding.code.value, finding.node)
        unsupported-claim cats
        undefended-conclusion cats
        unanswered-objection sneezes
    """
    expect_map(m)
    skipped = members(ignore, LintCode, name="ignore", what="lint code")
    if m.lint is not None:
        skipped.update(LintCode(code) for code in m.lint.ignore)
    # One message a group, shared by its members: a ring of n nodes names n nodes
    # n times, but is written once.
    cyclic: dict[str, str] = {}
    for group in support_cycles(m):
        message = f"supports itself through {' → '.join(group)}"
        for member in group:
            cyclic[member] = message
    # Each attacker asked once whether it is answered, however many nodes it attacks.
    is_answered = cache(partial(answered, m))
    findings: list[Lint] = []

    def add(code: LintCode, node: Node, message: str) -> None:
        if code not in skipped:
            quote = node.quotes[0].text if node.quotes else None
            findings.append(Lint(code=code, node=node.id, quote=quote, message=message))

    for node in m.nodes:
        incoming = m.incoming(node.id)
        supporters = [r.source for r in incoming if r.kind is RelationKind.SUPPORTS]
        attackers = [r.source for r in incoming if r.kind is RelationKind.ATTACKS]
        if node.kind in (NodeKind.CLAIM, NodeKind.RECOMMENDATION) and not supporters:
            add(LintCode.UNSUPPORTED_CLAIM, node, f"nothing supports this {node.kind.value}")
        if node.kind is NodeKind.EVIDENCE and not node.quotes:
            add(LintCode.UNQUOTED_EVIDENCE, node, "evidence with no quote from a source")
        if node.id in cyclic:
            add(LintCode.CIRCULAR_SUPPORT, node, cyclic[node.id])
        if node.id in attackers:
            add(LintCode.SELF_ATTACK, node, "attacks itself")
        if (
            attackers
            and not m.outgoing(node.id)
            and not any(is_answered(a) for a in attackers if a != node.id)
        ):
            add(
                LintCode.UNDEFENDED_CONCLUSION,
                node,
                f"a conclusion attacked by {', '.join(attackers)}, none of them answered",
            )
        if supporters and all(
            m.has_node(s) and m.node(s).attribution is not None for s in supporters
        ):
            add(
                LintCode.ATTRIBUTION_ONLY_SUPPORT,
                node,
                "supported only by what someone said (attributed nodes)",
            )
        if node.kind is NodeKind.OBJECTION and not is_answered(node.id):
            add(LintCode.UNANSWERED_OBJECTION, node, "no attack or undercut answers it")
    return Lints(findings=tuple(findings), ignored=tuple(sorted(skipped)))
