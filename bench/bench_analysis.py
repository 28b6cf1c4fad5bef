"""Time argmap.analysis: grounded on a million attacks, preferred/stable on map-sized frameworks.

Run: python bench/bench_analysis.py [--runs N] [--write]

Each figure is the median of N runs (default 3). Shapes for grounded: a random
framework (200,000 arguments, 1,000,000 attacks), a chain of 1,000,001
arguments, and 500,000 disjoint two-cycles (1,000,000 attacks, everything
undecided), each shape in a fresh process. "build" is making the `Framework`
(checking names, indexing); "solve" is `grounded_labelling` once built;
"build + solve" times both together, from the lists of names to the labels (the
figure the goal of under 2 s is about); "one pass" is the floor any Python code
pays, measured beside them: a dict of the names and one loop over the attacks.
Map-sized: the framework of a synthetic valid map of 1,000 nodes, as it comes
(acyclic) and with 10 mutual attacks and 2 odd cycles added among its nodes
(2**10 preferred extensions at most).
`--write` replaces the analysis section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from functools import partial
from itertools import pairwise

from measure import child_json, median_seconds, write_section
from synthetic import synthetic_document

import argmap
from argmap.analysis import (
    Framework,
    framework,
    grounded_labelling,
    preferred_extensions,
    stable_extensions,
)


def random_shape() -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(1)
    names = [f"a{i}" for i in range(200_000)]
    pairs = {(rng.choice(names), rng.choice(names)) for _ in range(1_050_000)}
    return names, list(pairs)[:1_000_000]


def chain_shape() -> tuple[list[str], list[tuple[str, str]]]:
    chain = [f"c{i}" for i in range(1_000_001)]
    return chain, list(pairwise(chain))


def two_cycles_shape() -> tuple[list[str], list[tuple[str, str]]]:
    names = [f"p{i}" for i in range(1_000_000)]
    return names, [(names[i], names[i ^ 1]) for i in range(1_000_000)]


SHAPES = {
    "random, 200k arguments": random_shape,
    "chain, 1M+1 arguments": chain_shape,
    "500k two-cycles": two_cycles_shape,
}


def map_frameworks() -> dict[str, Framework]:
    m = argmap.from_dict(synthetic_document(1000, seed=3))
    plain = framework(m)
    rng = random.Random(7)
    ids = [n.id for n in m.nodes]
    extra: list[tuple[str, str]] = []
    for _ in range(10):
        a, b = rng.sample(ids, 2)
        extra += [(a, b), (b, a)]
    for _ in range(2):
        a, b, c = rng.sample(ids, 3)
        extra += [(a, b), (b, c), (c, a)]
    cyclic = Framework(arguments=plain.arguments, attacks=(*plain.attacks, *extra))
    return {"1,000-node map": plain, "1,000-node map + 12 cycles": cyclic}


def one_pass(arguments: list[str], attacks: list[tuple[str, str]]) -> int:
    """The floor: name each argument once and look at each attack once."""
    position = {name: index for index, name in enumerate(arguments)}
    return sum(position[s] - position[t] for s, t in attacks)


def build_and_solve(arguments: list[str], attacks: list[tuple[str, str]]) -> dict[str, str]:
    """From the names to the labels: what a user who has the attacks waits for."""
    return grounded_labelling(Framework(arguments=arguments, attacks=attacks))


def grounded_row(name: str, runs: int) -> dict[str, float]:
    """The grounded figures for one shape (run in a process of its own)."""
    arguments, attacks = SHAPES[name]()
    fw = Framework(arguments=arguments, attacks=attacks)
    return {
        "attacks": len(attacks),
        "floor": median_seconds(partial(one_pass, arguments, attacks), runs),
        "build": median_seconds(partial(Framework, arguments=arguments, attacks=attacks), runs),
        "solve": median_seconds(partial(grounded_labelling, fw), runs),
        "total": median_seconds(partial(build_and_solve, arguments, attacks), runs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--grounded-shape", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.grounded_shape:
        print(json.dumps(grounded_row(args.grounded_shape, args.runs)))
        return 0
    rows = [
        "| framework | attacks | one pass (s) | build (s) | solve (s) | build + solve (s) |",
        "|---|---|---|---|---|---|",
    ]
    for name in SHAPES:
        command = [sys.executable, __file__, "--runs", str(args.runs), "--grounded-shape", name]
        row = child_json(command)
        rows.append(
            f"| {name} | {row['attacks']:,} | {row['floor']:.2f} | {row['build']:.2f} "
            f"| {row['solve']:.2f} | **{row['total']:.2f}** |"
        )
        print(rows[-1], flush=True)
    rows += ["", "| framework | arguments | attacks | preferred (s) | extensions | stable (s) |"]
    rows.append("|---|---|---|---|---|---|")
    for name, fw in map_frameworks().items():
        preferred = median_seconds(partial(preferred_extensions, fw), args.runs)
        stable = median_seconds(partial(stable_extensions, fw), args.runs)
        count = len(preferred_extensions(fw))
        rows.append(
            f"| {name} | {len(fw.arguments):,} | {len(fw.attacks):,} | {preferred:.3f} "
            f"| {count} | {stable:.3f} |"
        )
        print(rows[-1], flush=True)
    if args.write:
        write_section(
            "## Analysis",
            "## Analysis\n\n"
            f"`python bench/bench_analysis.py --runs {args.runs}`, medians on this machine "
            f"(2 shared cores, load average {os.getloadavg()[0]:.1f} at the end, so "
            "absolute times are inflated; compare columns within a row):\n\n"
            + "\n".join(rows)
            + "\n",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
