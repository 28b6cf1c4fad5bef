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
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def side(shape: str) -> None:
    """Time this process's argmap on `shape`; print the median of three, in seconds."""
    sys.path.append(str(HERE))  # after PYTHONPATH: the checkout's argmap wins
    from grounded_shapes import MAP_SHAPE, SHAPES, map_shape

    from argmap.analysis import Framework, framework, grounded_labelling

    times = []
    if shape == MAP_SHAPE:
        m = map_shape()
        for _ in range(3):
            gc.collect()
            start = time.perf_counter()
            labels = grounded_labelling(framework(m))
            times.append(time.perf_counter() - start)
            del labels
    else:
        arguments, attacks = SHAPES[shape]()
        for _ in range(3):
            gc.collect()
            start = time.perf_counter()
            labels = grounded_labelling(Framework(arguments=arguments, attacks=attacks))
            times.append(time.perf_counter() - start)
            del labels
    print(f"{statistics.median(times):.3f}")


def main() -> int:
    sys.path.insert(0, str(HERE))
    from grounded_shapes import MAP_SHAPE, SHAPES
    from measure import child_output

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="an older checkout of argmap")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", action="append", choices=[*SHAPES, MAP_SHAPE])
    parser.add_argument("--side", help=argparse.SUPPRESS)
    args = parser.parse_args()
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
