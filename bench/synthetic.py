"""Valid synthetic argument maps of any size, for benchmarks (about two relations a node)."""

from __future__ import annotations

import random
from typing import Any

__all__ = ["synthetic_document"]

_KINDS = ("claim", "evidence", "objection", "rebuttal", "recommendation")
# (relation kind, kinds of node it may point at) per node kind, following argmap._checks.
_TARGETS = {
    "claim": ("supports", ("claim", "recommendation")),
    "evidence": ("supports", ("claim", "objection", "rebuttal")),
    "objection": ("attacks", ("claim", "evidence", "recommendation")),
    "rebuttal": ("attacks", ("objection",)),
    "recommendation": ("supports", ("recommendation",)),
}


def synthetic_document(nodes: int, *, seed: int = 0) -> dict[str, Any]:
    """A schema- and check-valid map document with `nodes` nodes and about 2 relations each."""
    rng = random.Random(seed)
    by_kind: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    node_list: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for index in range(nodes):
        id = f"n{index}"
        # Only kinds that have something of the right kind to point at yet.
        possible = [k for k in _KINDS if any(by_kind[t] for t in _TARGETS[k][1])]
        kind = rng.choice(possible) if possible else "recommendation"
        node_list.append(
            {
                "id": id,
                "kind": kind,
                "text": f"Statement {index}: a sentence of ordinary length about the matter "
                "at hand, as a mapper would write it.",
                "section": f"s{index % 10}",
                "tags": ["synthetic"],
            }
        )
        relation, wanted = _TARGETS[kind]
        pool = [t for k in wanted for t in by_kind[k][-50:]]
        for target in rng.sample(pool, min(2, len(pool))):
            relations.append({"from": id, "to": target, "kind": relation})
        by_kind[kind].append(id)
    return {
        "argmap": "1.0",
        "title": f"Synthetic map of {nodes} nodes",
        "sections": [{"id": f"s{i}", "title": f"Section {i}"} for i in range(min(10, nodes))],
        "nodes": node_list,
        "relations": relations,
    }
