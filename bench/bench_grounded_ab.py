"""Grounded semantics on a million attacks: two checkouts of argmap side by side.

Run: `python bench/bench_grounded_ab.py --baseline /path/to/older/checkout [--runs N]
[--shape NAME ...]`.

For each of bench_analysis.py's seven shapes (or those named), each side is a
fresh process that imports argmap from its checkout (first on `PYTHONPATH`),
makes the shape, and times build + solve (`grounded_labelling(Framework(...))`,
or `grounded_labelling(framework(m))` for the map) three times, printing the
median (the result is freed after the clock stops, the collector run before).
The sides alternate, `--runs` pairs a shape; the table gives every pair's
times, each side's median and the ratio of the medians (this checkout over the
baseline), with the load average before and after.

`--crossover` instead times this checkout's two ways, pure Python and numpy
(`argmap.analysis.framework._BULK_FROM` set either way), on random attacks and
on a chain at sizes from 10,000 to 800,000 arguments and attacks together, in
one process with numpy imported, the ways alternating, medians of five: where
numpy starts to win is where `_BULK_FROM` belongs.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent


def side(shape: str) -> None:
    """Time this process's argmap on `shape`; print the median of three, in seconds."""
    sys.path.append(str(HERE))  # after PYTHONPATH: the checkout's argmap wins
    from grounded_shapes import MAP_SHAPE, SHAPES, map_shape

    from argmap.analysis import Framework, framework, grounded_labelling

    build: Callable[[], Framework]
    if shape == MAP_SHAPE:
        build = partial(framework, map_shape())
    else:
        arguments, attacks = SHAPES[shape]()
        build = partial(Framework, arguments=arguments, attacks=attacks)
    times = []
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        labels = grounded_labelling(build())
        times.append(time.perf_counter() - start)
        del labels
    print(f"{statistics.median(times):.3f}")


def crossover() -> None:
    """Print pure Python's and numpy's build + solve times at growing sizes."""
    import importlib
    import random
    from itertools import pairwise

    import numpy  # noqa: F401  (imported once, as a process that solves many would)

    from argmap.analysis import Framework, grounded_labelling

    module = importlib.import_module("argmap.analysis.framework")
    ways = {"pure Python": sys.maxsize, "numpy": 0}
    print("| size | shape | pure Python (ms) | numpy (ms) | numpy / pure Python |")
    print("|---:|---|---:|---:|---:|")
    for size in (10_000, 50_000, 100_000, 200_000, 400_000, 800_000):
        rng = random.Random(size)
        names = [f"a{i}" for i in range(size // 2)]
        shapes = {
            "random": [(rng.choice(names), rng.choice(names)) for _ in range(size // 2)],
            "chain": list(pairwise(names)),
        }
        for shape, attacks in shapes.items():
            times: dict[str, list[float]] = {way: [] for way in ways}
            for _ in range(5):
                for way, threshold in ways.items():
                    module._BULK_FROM = threshold  # type: ignore[attr-defined]
                    gc.collect()
                    start = time.perf_counter()
                    grounded_labelling(Framework(arguments=names, attacks=attacks))
                    times[way].append(time.perf_counter() - start)
            pure, packed = (statistics.median(times[way]) * 1000 for way in ways)
            print(f"| {size:,} | {shape} | {pure:.1f} | {packed:.1f} | {packed / pure:.2f} |")


def main() -> int:
    sys.path.insert(0, str(HERE))
    from grounded_shapes import MAP_SHAPE, SHAPES
    from measure import child_output

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="an older checkout of argmap")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", action="append", choices=[*SHAPES, MAP_SHAPE])
    parser.add_argument("--crossover", action="store_true", help="pure Python against numpy")
    parser.add_argument("--side", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.crossover:
        sys.path.insert(0, str(HERE.parent))  # this checkout's argmap
        crossover()
        return 0
    if args.side:
        side(args.side)
        return 0
    checkouts = {"this checkout": HERE.parent}
    if args.baseline is not None:
        checkouts = {"baseline": args.baseline.resolve(), **checkouts}
    print(f"load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    heads = [f"{name} (s)" for name in checkouts] + [f"{name}, median" for name in checkouts]
    ratio = len(checkouts) == 2
    print("| shape | " + " | ".join(heads) + (" | ratio |" if ratio else " |"))
    print("|---|" + "---|" * (len(heads) + ratio))
    for shape in args.shape or [*SHAPES, MAP_SHAPE]:
        times: dict[str, list[float]] = {name: [] for name in checkouts}
        for _ in range(args.runs):
            for name, checkout in checkouts.items():
                env = {**os.environ, "PYTHONPATH": str(checkout)}
                command = [sys.executable, __file__, "--side", shape]
                times[name].append(float(child_output(command, env=env)))
        medians = [statistics.median(each) for each in times.values()]
        cells = [", ".join(f"{t:.2f}" for t in each) for each in times.values()]
        cells += [f"{m:.2f}" for m in medians]
        if ratio:
            cells.append(f"{medians[1] / medians[0]:.2f}")
        print(f"| {shape} | " + " | ".join(cells) + " |", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
