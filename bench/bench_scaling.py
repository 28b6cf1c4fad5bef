"""Growth per doubling: public operations on valid maps stretched in one dimension at a time.

    python bench/bench_scaling.py [--start 1000] [--doublings 3] [--only NAME ...]

Each case builds a valid map of n, 2n, 4n, … (one dimension stretched, the
rest small), times one operation on it (the best of two calls, in this
process: a growth check, not a comparison with anything) and prints the time
and its ratio to the size before. About 2 a doubling is linear; about 4 is
quadratic. Cases marked "known" are quadratic still (docs/development.md says
why); the others were until round nine, and a ratio near 4 there again is a
regression.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import argmap
from argmap import ArgumentMap, Node, Relation
from argmap.analysis import evaluate, lint
from argmap.formats import argdown


def _node(id: str, kind: str = "claim") -> Node:
    return Node(id=id, kind=kind, text=f"The statement {id}.")


def undercut_chain(n: int) -> ArgumentMap:
    """e supports c (r0); o1 undercuts r0, o2 undercuts o1's undercut, and so on."""
    nodes = [_node("c"), _node("e", "evidence")] + [_node(f"o{i}", "objection") for i in range(n)]
    relations = [Relation(source="e", target="c", kind="supports", id="r0")]
    relations += [
        Relation(source=f"o{i}", target=f"r{i}", kind="undercuts", id=f"r{i + 1}") for i in range(n)
    ]
    return ArgumentMap(title="An undercut chain", nodes=tuple(nodes), relations=tuple(relations))


def one_attacks_many(n: int) -> ArgumentMap:
    """One objection attacking n claims."""
    nodes = [_node("o", "objection")] + [_node(f"c{i}") for i in range(n)]
    relations = [Relation(source="o", target=f"c{i}", kind="attacks") for i in range(n)]
    return ArgumentMap(title="One attacks many", nodes=tuple(nodes), relations=tuple(relations))


def hub_attacked(n: int) -> ArgumentMap:
    """A claim (listed first) attacked by n objections, each attacked by a member of a 3-cycle.

    The search for complete labellings labels the claim first and checked it
    again, attacker by attacker, as each objection was labelled.
    """
    nodes = [_node("hub")] + [_node(f"x{i}", "objection") for i in range(3)]
    nodes += [_node(f"o{i}", "objection") for i in range(n)]
    relations = [Relation(source=f"o{i}", target="hub", kind="attacks") for i in range(n)]
    relations += [Relation(source="x0", target=f"o{i}", kind="attacks") for i in range(n)]
    relations += [
        Relation(source=f"x{i}", target=f"x{(i + 1) % 3}", kind="attacks") for i in range(3)
    ]
    return ArgumentMap(title="A hub", nodes=tuple(nodes), relations=tuple(relations))


def support_ring(n: int) -> ArgumentMap:
    """n claims, each supporting the next, the last the first."""
    nodes = [_node(f"c{i}") for i in range(n)]
    relations = [
        Relation(source=f"c{i}", target=f"c{(i + 1) % n}", kind="supports") for i in range(n)
    ]
    return ArgumentMap(title="A ring", nodes=tuple(nodes), relations=tuple(relations))


def _renamed(m: ArgumentMap) -> ArgumentMap:
    names = {node.id: f"new-{node.id}" for node in m.nodes}
    nodes = tuple(Node(id=names[n.id], kind=n.kind, text=n.text) for n in m.nodes)
    relations = tuple(
        Relation(source=names[r.source], target=names[r.target], kind=r.kind) for r in m.relations
    )
    return ArgumentMap(title=m.title, nodes=nodes, relations=relations)


def premise_conclusion_structures(n: int) -> str:
    """Argdown: n reconstructed arguments, each supporting one thesis."""
    parts = ["[T]: The thesis.\n"]
    parts += [
        f"<A{i}>: Argument {i}.\n  +> [T]\n\n"
        f"<A{i}>\n\n(1) Premise {i}.\n----\n(2) Conclusion {i}.\n"
        for i in range(n)
    ]
    return "\n".join(parts)


# name: (make the input of size n, the operation, known to be quadratic still)
CASES: dict[str, tuple[Callable[[int], Any], Callable[[Any], object], bool]] = {
    "loads, undercut chain": (
        lambda n: argmap.dumps(undercut_chain(n), format="json"),
        lambda text: argmap.loads(text, format="json"),
        False,
    ),
    "without_relation, undercut chain": (
        undercut_chain,
        lambda m: m.without_relation("r0"),
        False,
    ),
    "focus, undercut chain": (
        undercut_chain,
        lambda m: argmap.focus(m, "o0", depth=1),
        True,
    ),
    "lint, one attacks many": (one_attacks_many, lint, False),
    "lint, support ring": (support_ring, lint, False),
    "evaluate complete, hub": (hub_attacked, lambda m: evaluate(m, "complete"), False),
    "diff, every id renamed": (
        lambda n: (one_attacks_many(n), _renamed(one_attacks_many(n))),
        lambda pair: argmap.diff(*pair),
        False,
    ),
    "argdown.loads, premise-conclusion structures": (
        premise_conclusion_structures,
        argdown.loads,
        False,
    ),
}


def _best(operation: Callable[[Any], object], given: Any) -> float:
    times = []
    for _ in range(2):
        start = time.perf_counter()
        operation(given)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--start", type=int, default=500, help="the smallest n")
    parser.add_argument("--doublings", type=int, default=3)
    parser.add_argument("--only", nargs="+", choices=sorted(CASES), metavar="NAME")
    args = parser.parse_args()
    print(
        "| case | " + " | ".join(f"n={args.start << k:,}" for k in range(args.doublings + 1)) + " |"
    )
    print("|---|" + "---:|" * (args.doublings + 1))
    for name in args.only or CASES:
        make, operation, known = CASES[name]
        cells, before = [], None
        for k in range(args.doublings + 1):
            took = _best(operation, make(args.start << k))
            growth = "" if before is None else f" (×{took / before:.1f})"
            cells.append(f"{took * 1000:,.1f} ms{growth}")
            before = took
        print(f"| {name}{' (known)' if known else ''} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
