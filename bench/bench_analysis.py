"""Time argmap.analysis: grounded on a million attacks, preferred/stable on map-sized frameworks.

Run: python bench/bench_analysis.py [--runs N] [--write]

Each figure is the median of N runs (default 3). Shapes for grounded: a random
framework (200,000 arguments, 1,000,000 attacks), a chain of 1,000,001
arguments, and 500,000 disjoint two-cycles (1,000,000 attacks, everything
undecided). "build" is making the `Framework` (checking names, indexing);
"solve" is the labelling once built; "one pass" is the floor any Python code
pays, measured beside them: a dict of the names and one loop over the attacks.
Map-sized: the framework of a synthetic valid map of 1,000 nodes, as it comes
(acyclic) and with 10 mutual attacks and 2 odd cycles added among its nodes
(2**10 preferred extensions at most).
`--write` replaces the analysis section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from functools import partial
from itertools import pairwise

from measure import median_seconds, write_section
from synthetic import synthetic_document

import argmap
from argmap.analysis import (
    Framework,
    framework,
    grounded_labelling,
    preferred_extensions,
    stable_extensions,
)


def shapes() -> dict[str, tuple[list[str], list[tuple[str, str]]]]:
    rng = random.Random(1)
    n = 200_000
    names = [f"a{i}" for i in range(n)]
    random_attacks = list({(rng.choice(names), rng.choice(names)) for _ in range(1_050_000)})[
        :1_000_000
    ]
    chain = [f"c{i}" for i in range(1_000_001)]
    pairs = [f"p{i}" for i in range(1_000_000)]
    cycles = [(pairs[i], pairs[i ^ 1]) for i in range(1_000_000)]
    return {
        "random, 200k arguments": (names, random_attacks),
        "chain, 1M+1 arguments": (chain, list(pairwise(chain))),
        "500k two-cycles": (pairs, cycles),
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rows = [
        "| framework | attacks | one pass (s) | build (s) | grounded solve (s) |",
        "|---|---|---|---|---|",
    ]
    for name, (arguments, attacks) in shapes().items():
        floor = median_seconds(partial(one_pass, arguments, attacks), args.runs)
        build = median_seconds(partial(Framework, arguments=arguments, attacks=attacks), args.runs)
        fw = Framework(arguments=arguments, attacks=attacks)
        solve = median_seconds(partial(grounded_labelling, fw), args.runs)
        rows.append(f"| {name} | {len(attacks):,} | {floor:.2f} | {build:.2f} | {solve:.2f} |")
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
