"""Gradual semantics for bipolar maps: each node gets a strength in [0, 1].

Two models, both starting from a base score per node (0.5 unless given):

- `dfquad`: DF-QuAD (Rago, Toni, Aurisicchio and Baroni, KR 2016). Attackers'
  and supporters' strengths are each aggregated as 1 - ∏(1 - s); the node
  moves from its base score towards 0 or 1 by the difference of the two.
- `quadratic_energy`: the quadratic energy model (Potyka, KR 2018). The energy
  E is the supporters' strengths summed less the attackers'; with
  h(x) = max(x, 0)² / (1 + max(x, 0)²) the strength is
  base - base·h(-E) + (1 - base)·h(E).

An undercut weakens the relation it targets: a relation's weight is
∏(1 - s(u)·w(u)) over its undercuts u, and a relation passes its source's
strength times its weight. Without undercuts this is exactly the published
models. On maps without cycles the strengths are computed once, in order
(sources before what they bear on); with cycles both models are iterated from
the base scores until no strength moves by more than 1e-9 (at most 1,000
rounds); `converged` tells whether it settled.
"""

from __future__ import annotations

import numbers
from collections import deque
from collections.abc import Callable, Mapping
from typing import Literal

import attrs

from .._expect import expect_map
from .._wording import unknown
from ..model import ArgumentMap, Relation, RelationKind

__all__ = ["DEFAULT_BASE_SCORE", "GRADUAL_SEMANTICS", "GradualSemantics", "Strengths", "strengths"]

GradualSemantics = Literal["dfquad", "quadratic-energy"]
GRADUAL_SEMANTICS: tuple[GradualSemantics, ...] = ("dfquad", "quadratic-energy")
"""The gradual semantics `strengths` and `evaluate` know, by name."""
DEFAULT_BASE_SCORE = 0.5
"""A node's base score when neither the map nor the caller gives one."""

_TOLERANCE = 1e-9
_ROUNDS = 1000


@attrs.frozen(kw_only=True)
class Strengths:
    """Each node's strength under a gradual semantics, in map order."""

    semantics: GradualSemantics
    values: Mapping[str, float]
    converged: bool


def _aggregate(values: list[float]) -> float:
    product = 1.0
    for value in values:
        product *= 1.0 - value
    return 1.0 - product


def _dfquad(base: float, attacks: list[float], supports: list[float]) -> float:
    attack, support = _aggregate(attacks), _aggregate(supports)
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def _energy(base: float, attacks: list[float], supports: list[float]) -> float:
    energy = sum(supports) - sum(attacks)
    if energy >= 0:
        return base + (1.0 - base) * energy * energy / (1.0 + energy * energy)
    return base - base * energy * energy / (1.0 + energy * energy)


_COMBINE: dict[str, Callable[[float, list[float], list[float]], float]] = {
    "dfquad": _dfquad,
    "quadratic-energy": _energy,
}


def strengths(
    m: ArgumentMap,
    semantics: GradualSemantics = "dfquad",
    *,
    base: Mapping[str, float] | None = None,
) -> Strengths:
    """Each node's strength under a gradual semantics.

    Args:
        m: the map.
        semantics: "dfquad" (Rago et al. 2016) or "quadratic-energy" (Potyka 2018).
        base: base scores by node id, overriding the map's `base_score` fields
            (default 0.5).

    Returns:
        `Strengths`: a value in [0, 1] a node, and whether the iteration converged.

    Raises:
        ValueError: an unknown semantics or a base score outside [0, 1].
        KeyError: a base score for an id that is no node.
        TypeError: `base` is no mapping, or a score in it no number.

    Examples:
        >>> from argmap import ArgumentMap, Node, Relation
        >>> m = ArgumentMap(title="t", nodes=[
        ...     Node(id="c", kind="claim", text="C."),
        ...     Node(id="o", kind="objection", text="O.")],
        ...     relations=[Relation(source="o", target="c", kind="attacks")])
        >>> strengths(m).values
        {'c': 0.25, 'o': 0.5}
    """
    expect_map(m)
    if semantics not in _COMBINE:
        raise ValueError(unknown("semantics", semantics, GRADUAL_SEMANTICS))
    combine = _COMBINE[semantics]
    ids = [node.id for node in m.nodes]
    position = {node_id: i for i, node_id in enumerate(ids)}
    scores = [DEFAULT_BASE_SCORE] * len(ids)
    for node in m.nodes:
        if node.base_score is not None:
            scores[position[node.id]] = node.base_score
    if base is not None and not isinstance(base, Mapping):
        raise TypeError(f"base must be a mapping of node ids to scores, got {type(base).__name__}")
    for node_id, value in (base or {}).items():
        if node_id not in position:
            raise KeyError(f"base score for {node_id!r}, which is no node")
        if not isinstance(value, numbers.Real) or isinstance(value, bool):
            raise TypeError(f"base score of {node_id!r} must be a number, got {value!r}")
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"base score of {node_id!r} must be in [0, 1], got {value!r}")
        scores[position[node_id]] = value

    # Each relation is a "link": (source node, target node or None, undercut
    # links on it). Node strengths depend on links into them; a link's weight on
    # the links undercutting it.
    relations = list(m.relations)
    by_id = {r.id: k for k, r in enumerate(relations) if r.id is not None}
    undercuts: list[list[int]] = [[] for _ in relations]
    into: list[list[int]] = [[] for _ in ids]
    usable = [r.source in position for r in relations]
    for k, r in enumerate(relations):
        if not usable[k]:
            continue
        if r.kind is RelationKind.UNDERCUTS:
            if r.target in by_id:
                undercuts[by_id[r.target]].append(k)
        elif r.target in position:
            into[position[r.target]].append(k)

    strength = list(scores)
    weight = [1.0] * len(relations)

    def link_weight(k: int) -> float:
        product = 1.0
        for u in undercuts[k]:
            product *= 1.0 - strength[position[relations[u].source]] * weight[u]
        return product

    def node_value(i: int) -> float:
        attacks: list[float] = []
        supports: list[float] = []
        for k in into[i]:
            value = strength[position[relations[k].source]] * weight[k]
            (supports if relations[k].kind is RelationKind.SUPPORTS else attacks).append(value)
        return combine(scores[i], attacks, supports)

    order = _topological(ids, relations, position, usable, into, undercuts)
    if order is not None:
        for kind, item in order:
            if kind == "link":
                weight[item] = link_weight(item)
            else:
                strength[item] = node_value(item)
        converged = True
    else:
        converged = False
        for _ in range(_ROUNDS):
            new_weight = [link_weight(k) for k in range(len(relations))]
            new_strength = [node_value(i) for i in range(len(ids))]
            change = max(
                (
                    abs(a - b)
                    for a, b in zip(new_strength + new_weight, strength + weight, strict=True)
                ),
                default=0.0,
            )
            strength, weight = new_strength, new_weight
            if change <= _TOLERANCE:
                converged = True
                break
    return Strengths(
        semantics=semantics,
        values={node_id: strength[i] for i, node_id in enumerate(ids)},
        converged=converged,
    )


def _topological(
    ids: list[str],
    relations: list[Relation],
    position: dict[str, int],
    usable: list[bool],
    into: list[list[int]],
    undercuts: list[list[int]],
) -> list[tuple[str, int]] | None:
    """An order in which every node and link comes after what it depends on; None on a cycle."""
    # Items: ("node", i) and ("link", k). A node depends on its incoming links;
    # a link on its source node and its undercut links.
    waiting: dict[tuple[str, int], int] = {}
    dependants: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for i in range(len(ids)):
        waiting[("node", i)] = len(into[i])
        for k in into[i]:
            dependants.setdefault(("link", k), []).append(("node", i))
    for k, r in enumerate(relations):
        if not usable[k]:
            continue
        waiting[("link", k)] = 1 + len(undercuts[k])
        dependants.setdefault(("node", position[r.source]), []).append(("link", k))
        for u in undercuts[k]:
            dependants.setdefault(("link", u), []).append(("link", k))
    queue = deque(item for item, count in waiting.items() if count == 0)
    order: list[tuple[str, int]] = []
    while queue:
        item = queue.popleft()
        order.append(item)
        for after in dependants.get(item, ()):
            waiting[after] -= 1
            if waiting[after] == 0:
                queue.append(after)
    # Links that lead nowhere usable never become ready if their undercut
    # chain is broken; only the nodes and usable links must all be placed.
    return order if len(order) == len(waiting) else None
