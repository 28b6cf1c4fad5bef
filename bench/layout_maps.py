"""Maps shaped like real ones for layout benchmarks: uneven degrees, sections, undercuts.

`bench/synthetic.py` gives every node two relations to recent nodes; real
argument maps (Argdown exports, AIF corpora) are trees with extra links: most
nodes bear on one other, a few conclusions draw many, relations stay mostly
inside a section, and a few undercuts attack inferences. Layout time depends
on that shape, so the engine thresholds are measured on these maps.
"""

from __future__ import annotations

import random
from typing import Any

__all__ = ["layout_document"]

_VOCABULARY = (
    "alliance policy region partners summit security cost risk evidence trade navy "
    "treaty budget members council report defence deterrence commitment interests "
    "the of and a to in that is for on with as by this it not be are was from"
)
_WORDS = _VOCABULARY.split()
# (share, kind, relation it draws, kinds it may bear on), following argmap's checks.
_KINDS = (
    (0.20, "claim", "supports", ("claim", "recommendation", "objection")),
    (0.40, "evidence", "supports", ("claim", "objection", "rebuttal")),
    (0.22, "objection", "attacks", ("claim", "evidence", "recommendation")),
    (0.13, "rebuttal", "attacks", ("objection",)),
    (0.05, "recommendation", "supports", ("recommendation",)),
)
_UNDERCUT_SHARE = 0.04
_SECTION_SIZE = 40
_WINDOW = 120
_HUB = 40


def _text(rng: random.Random, index: int) -> str:
    words = rng.choices(_WORDS, k=rng.randint(6, 32))
    return f"Statement {index}: " + " ".join(words).capitalize() + "."


def layout_document(nodes: int, per_node: float, *, seed: int = 0) -> dict[str, Any]:
    """A valid map document of `nodes` nodes and about `per_node` relations a node.

    Every node but the first bears on an earlier one (a tree); the rest of the
    relations link earlier nodes chosen in proportion to how much already bears
    on them, mostly nearby; about 4% are undercuts. Sections of ~40 nodes.
    """
    rng = random.Random(seed)
    shares = [share for share, *_ in _KINDS]
    names = [kind for _, kind, *_ in _KINDS]
    rules = {kind: (relation, wanted) for _, kind, relation, wanted in _KINDS}
    kinds: list[str] = []
    node_list: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    received = [0] * nodes

    def target_for(index: int) -> int | None:
        wanted = rules[kinds[index]][1]
        # An earlier node nearby, in proportion to what already bears on it.
        pool = [t for t in range(max(0, index - _WINDOW), index) if kinds[t] in wanted]
        if not pool:
            return None
        weights = [min(received[t], _HUB) + 1 for t in pool]
        return rng.choices(pool, weights)[0]

    def relate(source: int, target: int) -> None:
        seen.add((source, target))
        relations.append(
            {
                "id": f"r{len(relations)}",
                "from": f"n{source}",
                "to": f"n{target}",
                "kind": rules[kinds[source]][0],
            }
        )
        received[target] += 1

    sections = max(1, nodes // _SECTION_SIZE)
    for index in range(nodes):
        kind = "claim" if index == 0 else rng.choices(names, shares)[0]
        kinds.append(kind)
        if index and target_for(index) is None:
            kind = kinds[index] = "evidence"
        node: dict[str, Any] = {"id": f"n{index}", "kind": kind, "text": _text(rng, index)}
        if rng.random() < 0.9:
            node["section"] = f"s{min(sections - 1, index * sections // nodes)}"
        node_list.append(node)
        target = target_for(index) if index else None
        if target is not None:
            relate(index, target)
    wanted_total = round(per_node * nodes)
    undercuts = round(_UNDERCUT_SHARE * wanted_total)
    attempts = 0
    while len(relations) < wanted_total - undercuts and attempts < 20 * wanted_total:
        attempts += 1
        source = rng.randrange(1, nodes) if nodes > 1 else 0
        target = target_for(source)
        if target is not None and (source, target) not in seen and target != source:
            relate(source, target)
    plain = len(relations)
    undercut: set[tuple[int, str]] = set()
    for _ in range(undercuts if plain else 0):
        # The undercutter stands near the inference it attacks, as in real maps.
        relation = relations[rng.randrange(plain)]
        near = int(relation["from"][1:])
        window = range(max(0, near - _WINDOW), min(nodes, near + _WINDOW))
        undercutters = [i for i in window if kinds[i] in ("objection", "rebuttal")]
        undercutter = rng.choice(undercutters) if undercutters else None
        if undercutter is not None and (undercutter, relation["id"]) not in undercut:
            undercut.add((undercutter, relation["id"]))
            relations.append(
                {
                    "id": f"r{len(relations)}",
                    "from": f"n{undercutter}",
                    "to": relation["id"],
                    "kind": "undercuts",
                }
            )
    return {
        "argmap": "1.0",
        "title": f"Map of {nodes} nodes, {len(relations)} relations",
        "sections": [{"id": f"s{i}", "title": f"Section {i}"} for i in range(sections)],
        "nodes": node_list,
        "relations": relations,
    }
