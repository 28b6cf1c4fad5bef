"""Time argmap.analysis: grounded on a million attacks, preferred/stable on map-sized frameworks.

Run: python bench/bench_analysis.py [--runs N] [--write]

Each figure is the median of N runs (default 3). Shapes for grounded, a million
attacks each, each shape in a fresh process: random (200,000 arguments), random
sparse (1,000,000 arguments), a chain of 1,000,001 arguments, 500,000 disjoint
two-cycles (everything undecided), 500,000 self-attacking arguments beside a
chain of 500,000 (names: ints written as strings), random attacks among 500,000
long names (80 characters) given as fresh strings (as a parser makes them, so
every lookup hashes and compares text), and an `ArgumentMap` of 200,000 claims
and 1,000,000 `attacks` relations. "build" is making the `Framework` (checking
names, indexing; `framework(m)` for the map); "solve" is `grounded_labelling`
once built; "build + solve" times both together, from the lists of names (or
the map) to the labels (the figure the goal of under 2 s is about); "one pass"
is the floor pure-Python code pays, measured beside them: a dict of the names
and one loop over the attacks (over the map's relations) looking up both ends
(frameworks this big are indexed and solved by numpy, which can go under it).
Map-sized: the framework of a synthetic valid map of 1,000 nodes, as it comes
(acyclic) and with 10 mutual attacks and 2 odd cycles added among its nodes
(2**10 preferred extensions at most).
`--write` replaces the last part of the analysis section of docs/performance.md,
"### Figures from bench_analysis.py".
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

# This checkout's argmap, not whichever one is installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from collections.abc import Callable
from functools import partial

from grounded_shapes import MAP_SHAPE, SHAPES, map_shape
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

FIGURES = "### Figures from bench_analysis.py"
"""The heading of the part of docs/performance.md that `--write` replaces (the last of
its analysis section: it runs to the next section)."""

FIGURES_TEXT = """"build" is making the `Framework` (checking every name, indexing;
`framework(m)` for the map), "solve" is `grounded_labelling` once built,
**"build + solve"** both timed together, from the lists of names (or the map)
to the labels (what the goal is about); "one pass" is pure Python's floor,
measured beside them (a dict of the names and one look at both ends of each
attack), which numpy now goes under on most shapes. Map-sized: preferred and
stable on a synthetic 1,000-node map, as it comes and with 12 cycles added.
"""


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
    position = dict(zip(arguments, range(len(arguments)), strict=True))
    return sum(position[s] - position[t] for s, t in attacks)


def one_pass_map(m: argmap.ArgumentMap) -> int:
    """The floor on a map: name each node once and look at each relation's ends once."""
    position = {node.id: index for index, node in enumerate(m.nodes)}
    return sum(position[r.source] - position[r.target] for r in m.relations)


def grounded_row(name: str, runs: int) -> dict[str, float]:
    """The grounded figures for one shape (run in a process of its own)."""
    build: Callable[[], Framework]
    if name == MAP_SHAPE:
        m = map_shape()
        build, floor = partial(framework, m), partial(one_pass_map, m)
    else:
        arguments, attacks = SHAPES[name]()
        build = partial(Framework, arguments=arguments, attacks=attacks)
        floor = partial(one_pass, arguments, attacks)
    built = build()
    return {
        "attacks": len(built.attacks),
        "floor": median_seconds(floor, runs),
        "build": median_seconds(build, runs),
        "solve": median_seconds(partial(grounded_labelling, built), runs),
        # From the names (or the map) to the labels: what a user waits for.
        "total": median_seconds(lambda: grounded_labelling(build()), runs),
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
    start_load = os.getloadavg()[0]
    rows = [
        "| framework | attacks | one pass (s) | build (s) | solve (s) | build + solve (s) |",
        "|---|---|---|---|---|---|",
    ]
    for name in [*SHAPES, MAP_SHAPE]:
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
            FIGURES,
            f"{FIGURES}\n\n"
            f"`python bench/bench_analysis.py --runs {args.runs}`: each grounded shape in a "
            "fresh\nPython process of its own that builds only that shape; medians of "
            f"{args.runs}.\n" + FIGURES_TEXT + f"Shared machine, load average {start_load:.1f} "
            f"at the start, {os.getloadavg()[0]:.1f} at the end:\n\n" + "\n".join(rows) + "\n",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
