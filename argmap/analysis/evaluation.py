"""Which nodes of a map stand: one call for every semantics, a table as the answer."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any, Literal

import attrs

from .._collector import collector_paused
from .._expect import expect_map
from .._wording import plural, unknown
from ..model import ArgumentMap, NodeKind
from ._table import table
from .extensions import EXTENSION_SEMANTICS, ExtensionSemantics, _grounded_answer, extensions
from .framework import SUPPORT_RULES, Framework, SupportRule, framework
from .gradual import GRADUAL_SEMANTICS, GradualSemantics, strengths

__all__ = ["SEMANTICS", "Evaluation", "NodeStatus", "Semantics", "Status", "evaluate"]

Semantics = ExtensionSemantics | GradualSemantics
SEMANTICS: tuple[str, ...] = (*EXTENSION_SEMANTICS, *GRADUAL_SEMANTICS)
"""Every semantics `evaluate` knows, by name."""

Status = Literal["accepted", "rejected", "undecided"]


@attrs.frozen(kw_only=True)
class NodeStatus:
    """One node's standing.

    For extension semantics, `credulous` is whether some extension holds the
    node and `sceptical` whether all do; `status` is "accepted" when sceptical,
    "rejected" when in no extension, else "undecided". For gradual semantics
    `strength` is set and `status` is None.
    """

    id: str
    kind: NodeKind
    status: Status | None = None
    credulous: bool | None = None
    sceptical: bool | None = None
    strength: float | None = None


@attrs.frozen(kw_only=True)
class Evaluation:
    """A map's nodes under one semantics; `str()` is a table, `as_dict()` JSON-ready."""

    semantics: str
    supports: SupportRule
    nodes: tuple[NodeStatus, ...]
    extensions: tuple[frozenset[str], ...] = ()
    converged: bool = True

    def status(self) -> dict[str, str | float]:
        """Node id → "accepted", "rejected", "undecided" or a strength: drawing's `status`."""
        return {
            n.id: (n.strength if n.strength is not None else n.status or "undecided")
            for n in self.nodes
        }

    @cached_property
    def _rows(self) -> dict[str, NodeStatus]:
        # Made on the first lookup: a row for each node, looked up, not searched.
        rows: dict[str, NodeStatus] = {}
        for row in self.nodes:
            rows.setdefault(row.id, row)
        return rows

    def node(self, id: str) -> NodeStatus:
        """The row of one node; `KeyError` if there is none."""
        try:
            return self._rows[id]
        except KeyError:
            raise KeyError(f"no node with id {id!r}") from None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        result: dict[str, Any] = {"semantics": self.semantics, "supports": self.supports}
        if self.semantics in GRADUAL_SEMANTICS:
            result["converged"] = self.converged
            result["nodes"] = [
                {"id": n.id, "kind": n.kind.value, "strength": n.strength} for n in self.nodes
            ]
        else:
            result["extensions"] = [sorted(e) for e in self.extensions]
            result["nodes"] = [
                {
                    "id": n.id,
                    "kind": n.kind.value,
                    "status": n.status,
                    "credulous": n.credulous,
                    "sceptical": n.sceptical,
                }
                for n in self.nodes
            ]
        return result

    def __str__(self) -> str:
        if self.semantics in GRADUAL_SEMANTICS:
            body = table(
                ("node", "kind", "strength"),
                [(n.id, n.kind.value, n.strength) for n in self.nodes],
            )
            note = "" if self.converged else "\n(did not converge: strengths are the last round's)"
            return f"{self.semantics} strengths\n{body}{note}"
        if self.semantics == "grounded":
            body = table(
                ("node", "kind", "status"), [(n.id, n.kind.value, n.status) for n in self.nodes]
            )
        else:
            body = table(
                ("node", "kind", "status", "credulous", "sceptical"),
                [(n.id, n.kind.value, n.status, n.credulous, n.sceptical) for n in self.nodes],
            )
        return f"{self.semantics}: {plural(len(self.extensions), 'extension')}\n{body}"


def evaluate(
    m: ArgumentMap,
    semantics: str = "grounded",
    *,
    supports: SupportRule = "evidential",
    base: Mapping[str, float] | None = None,
) -> Evaluation:
    """Each node's acceptance (extension semantics) or strength (gradual semantics).

    Args:
        m: the map.
        semantics: one of `SEMANTICS`: "grounded", "complete", "preferred",
            "stable" (extensions) or "dfquad", "quadratic-energy" (strengths).
        supports: how supports enter extension semantics, one of
            `SUPPORT_RULES` (see docs/analysis.md).
        base: base scores by node id for gradual semantics, overriding the
            map's `base_score` fields (default 0.5).

    Returns:
        An `Evaluation`: one `NodeStatus` a node, in map order, and the
        extensions found; `.status()` gives what `render(status=...)` draws.

    Raises:
        ValueError: an unknown semantics or support rule, a base score
            outside [0, 1], or base scores given to an extension semantics.
        KeyError: a base score for an id that is no node.
        TypeError: `base` is no mapping, or a score in it no number.
    """
    expect_map(m)
    if supports not in SUPPORT_RULES:
        raise ValueError(unknown("support rule", supports, SUPPORT_RULES))
    if semantics in GRADUAL_SEMANTICS:
        result = strengths(m, semantics, base=base)
        return Evaluation(
            semantics=semantics,
            supports=supports,
            converged=result.converged,
            nodes=tuple(
                NodeStatus(id=n.id, kind=n.kind, strength=result.values[n.id]) for n in m.nodes
            ),
        )
    if semantics not in EXTENSION_SEMANTICS:
        raise ValueError(unknown("semantics", semantics, SEMANTICS))
    if base is not None:
        raise ValueError(
            f"base scores are for the gradual semantics ({', '.join(GRADUAL_SEMANTICS)}); "
            f"{semantics!r} does not read them"
        )
    fw = framework(m, supports=supports)
    # A row a node: on a big map, many small objects that form no cycle.
    with collector_paused():
        return _standing(m, fw, semantics, supports)


def _standing(
    m: ArgumentMap, fw: Framework, semantics: ExtensionSemantics, supports: SupportRule
) -> Evaluation:
    ids = {n.id for n in m.nodes}
    rows = []
    if semantics == "grounded":
        extension, labelling = _grounded_answer(fw)
        # One pass over the labels in argument order, rather than a lookup a node
        # (which on a big framework would first build a dict of every position).
        labels = dict(labelling.items())
        found: tuple[frozenset[str], ...] = (extension,)
        words: dict[str, Status] = {"in": "accepted", "out": "rejected", "undec": "undecided"}
        for n in m.nodes:
            label = labels[n.id]
            accepted = label == "in"
            rows.append(
                NodeStatus(
                    id=n.id,
                    kind=n.kind,
                    status=words[label],
                    credulous=accepted,
                    sceptical=accepted,
                )
            )
    else:
        found = extensions(fw, semantics)
        for n in m.nodes:
            credulous = any(n.id in e for e in found)
            sceptical = bool(found) and all(n.id in e for e in found)
            status: Status = "accepted" if sceptical else "undecided" if credulous else "rejected"
            rows.append(
                NodeStatus(
                    id=n.id,
                    kind=n.kind,
                    status=status,
                    credulous=credulous,
                    sceptical=sceptical,
                )
            )
    return Evaluation(
        semantics=semantics,
        supports=supports,
        nodes=tuple(rows),
        extensions=tuple(frozenset(e & ids) for e in found),
    )
