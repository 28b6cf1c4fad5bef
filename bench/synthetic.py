"""Valid argument maps of any size, for benchmarks, in three shapes.

`synthetic_document`: ten sections, one sentence pattern, about two relations a
node. `varied_document`: about fifty sections, texts of uneven length with mixed
punctuation and non-ASCII words, one to three relations a node (unevenly), some
relation ids, undercuts, attributions and several tags. Both are schema- and
check-valid, without a warning; the second is closer to what people write.
`remarked_document`: the varied map with what maps made elsewhere (or by hand)
often hold, which argmap loads with warnings: claims attacking claims (one
relation in a hundred), a node in no relation and a section no node is in
(one each in ten thousand nodes).
"""

from __future__ import annotations

import random
from typing import Any

__all__ = ["SHAPES", "remarked_document", "synthetic_document", "varied_document"]

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


_VOCABULARY = (
    "the policy Alliance must should deterrence naïve coöperation Zürich façade São Paulo "
    "Ελλάδα Москва 東京 北京 Kraków Øresund über señor café rôle déjà-vu résumé "
    "evidence suggests that, however; although — perhaps — «not» ‘always’ (in 2024) "
    "costs rose 3.5% [see annex] e.g. i.e. i.a. so-called “hard” power soft-power "
    "sanctions trade maritime Indo-Pacific partners allies burden-sharing spending"
)
_WORDS = tuple(_VOCABULARY.split())
_ENDS = (".", ".", ".", "?", "!", "…", ";", ".")
_TAGS = ("policy", "economy", "defence", "trade", "values", "risk", "Ökonomie", "安全")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(3, 30))
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + rng.choice(_ENDS)


def varied_document(nodes: int, *, seed: int = 0) -> dict[str, Any]:
    """A check-valid map with varied text, ~50 sections and 1-3 relations a node (uneven)."""
    rng = random.Random(seed)
    sections = max(1, min(50, nodes // 4))
    by_kind: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    node_list: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    attacks: list[str] = []
    for index in range(nodes):
        id = f"{rng.choice(('c', 'ev', 'obj', 'node', 'p'))}_{index}"
        possible = [k for k in _KINDS if any(by_kind[t] for t in _TARGETS[k][1])]
        kind = rng.choice(possible) if possible else "recommendation"
        node: dict[str, Any] = {"id": id, "kind": kind, "text": _sentence(rng)}
        if rng.random() < 0.9:
            node["section"] = f"sec-{rng.randrange(sections)}"
        if rng.random() < 0.6:
            node["tags"] = rng.sample(_TAGS, rng.randint(1, 3))
        if rng.random() < 0.2:
            node["attribution"] = rng.choice(("Ministry of Défense", "Dr. Ñúñez", "王 教授"))
        node_list.append(node)
        relation, wanted = _TARGETS[kind]
        pool = [t for k in wanted for t in by_kind[k][-80:]]
        degree = rng.choices((1, 2, 3), weights=(5, 3, 2))[0]
        for target in rng.sample(pool, min(degree, len(pool))):
            item: dict[str, Any] = {"from": id, "to": target, "kind": relation}
            if relation == "attacks" and rng.random() < 0.3:
                item = {"id": f"r{len(relations)}", **item}
                attacks.append(item["id"])
            relations.append(item)
        if kind in ("objection", "rebuttal") and attacks and rng.random() < 0.1:
            relations.append({"from": id, "to": rng.choice(attacks[-20:]), "kind": "undercuts"})
        by_kind[kind].append(id)
    return {
        "argmap": "1.0",
        "title": f"Varied map of {nodes} nodes — «débat» über Policy",
        "description": _sentence(rng),
        "sections": [
            {"id": f"sec-{i}", "title": f"§{i + 1}. {_sentence(rng)[:40]}"} for i in range(sections)
        ],
        "nodes": node_list,
        "relations": relations,
        "metadata": {"generator": "bench/synthetic.py", "seed": seed},
    }


def remarked_document(nodes: int, *, seed: int = 0) -> dict[str, Any]:
    """The varied map with warnings: claims attacking claims, isolated nodes, unused sections."""
    document = varied_document(nodes, seed=seed)
    relations = document["relations"]
    claims = [node["id"] for node in document["nodes"] if node["kind"] == "claim"]
    # Claims attack the claim after next: no pair repeats, none is related already.
    step = max(1, len(claims) * 100 // len(relations)) if relations else 1
    for index in range(0, len(claims) - 2, step):
        relations.append({"from": claims[index], "to": claims[index + 2], "kind": "attacks"})
    for number in range(max(1, nodes // 10_000)):
        document["nodes"].append({"id": f"alone_{number}", "kind": "evidence", "text": "Alone."})
        document["sections"].append({"id": f"empty-{number}", "title": "No node is here"})
    return document


SHAPES = {"synthetic": synthetic_document, "varied": varied_document, "remarked": remarked_document}
"""The map shapes the benchmarks measure, by name."""
