"""Grounded semantics on a million attacks: two checkouts of argmap side by side.

Run: `python bench/bench_grounded_ab.py --baseline /path/to/older/checkout`.
Each side is a fresh process that imports argmap from its checkout (first on
`PYTHONPATH`), makes the shape, and times
`grounded_labelling(Framework(arguments=..., attacks=...))` three times,
printing the fastest (the result is freed after the clock stops). The sides
alternate, `--runs` pairs a shape; every time is printed, so the spread shows.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHAPES = ("random", "chain")


def side(shape: str) -> None:
    """Time this process's argmap on `shape`; print the fastest of three, in seconds."""
    from argmap.analysis import Framework, grounded_labelling

    rng = random.Random(1)
    if shape == "random":
        count = 200_000
        arguments = [f"a{i}" for i in range(count)]
        attacks = [(f"a{rng.randrange(count)}", f"a{rng.randrange(count)}") for _ in range(10**6)]
    else:
        arguments = [f"a{i}" for i in range(10**6 + 1)]
        attacks = [(f"a{i}", f"a{i + 1}") for i in range(10**6)]
    best = float("inf")
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        labels = grounded_labelling(Framework(arguments=arguments, attacks=attacks))
        best = min(best, time.perf_counter() - start)
        del labels
    print(f"{best:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="an older checkout of argmap")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--side", choices=SHAPES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        side(args.side)
        return 0
    sys.path.insert(0, str(HERE))
    from measure import child_output

    checkouts = {"this checkout": HERE.parent}
    if args.baseline is not None:
        checkouts = {"baseline": args.baseline.resolve(), **checkouts}
    print("| shape | " + " | ".join(f"{name} (s)" for name in checkouts) + " |")
    print("|---|" + "---|" * len(checkouts))
    for shape in SHAPES:
        times: dict[str, list[str]] = {name: [] for name in checkouts}
        for _ in range(args.runs):
            for name, checkout in checkouts.items():
                env = {**os.environ, "PYTHONPATH": str(checkout)}
                command = [sys.executable, __file__, "--side", shape]
                times[name].append(child_output(command, env=env).strip())
        print(f"| {shape} | " + " | ".join(", ".join(times[name]) for name in checkouts) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
