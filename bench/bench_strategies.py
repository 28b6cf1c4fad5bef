"""Examples per second of `argmap.strategies.argument_maps()` at 10, 25 and 100 nodes.

Run: `python bench/bench_strategies.py` (or `./dev bench`); `--write` puts the
table in the "Strategies" section of docs/performance.md. Each size runs in a
fresh process: a `@given` test with Hypothesis' default settings except
`max_examples`, no example database and the generate phase only, timed whole
(so Hypothesis' own work per example counts, as it does for users), health
checks off (they are tested in tests/test_strategies.py). Figures are
medians over `--runs` processes.

Goal (issue #12): at most 5 ms an example at 25 nodes; no health-check failure
with default settings up to `max_nodes=100`.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SIZES = (10, 25, 100)
GOAL_MS, GOAL_NODES = 5.0, 25


def child(nodes: int, examples: int) -> None:
    """Draw `examples` maps of exactly `nodes` nodes in this process; print seconds and sizes."""
    import time

    from hypothesis import HealthCheck, Phase, given, settings

    from argmap import ArgumentMap
    from argmap.strategies import argument_maps

    sizes: list[int] = []

    # Health checks off: at exactly 100 nodes (min_nodes=100) they would stop the
    # run, which is what tests/test_strategies.py checks with max_nodes=100.
    @settings(
        max_examples=examples,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(argument_maps(min_nodes=nodes, max_nodes=nodes))
    def draw(m: ArgumentMap) -> None:
        sizes.append(len(m.nodes) + len(m.relations))

    start = time.perf_counter()
    draw()
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds / len(sizes), "items": statistics.mean(sizes)}))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="processes per median (default 3)")
    parser.add_argument("--examples", type=int, default=100, help="examples a process (100)")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.examples)
        return 0
    lines = [
        "| nodes | nodes + relations (mean) | ms an example | examples a second |",
        "|---:|---:|---:|---:|",
    ]
    said = []
    for nodes in SIZES:
        print(f"drawing maps of {nodes} nodes…", file=sys.stderr)
        results = []
        for _ in range(args.runs):
            command = [sys.executable, __file__, "--child", str(nodes)]
            command += ["--examples", str(args.examples)]
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            results.append(json.loads(done.stdout))
        seconds = statistics.median(r["seconds"] for r in results)
        items = statistics.median(r["items"] for r in results)
        lines.append(f"| {nodes} | {items:.0f} | {seconds * 1000:.2f} | {1 / seconds:,.0f} |")
        if nodes == GOAL_NODES:
            met = "met" if seconds * 1000 <= GOAL_MS else "**missed**"
            said.append(
                f"At {nodes} nodes: {seconds * 1000:.2f} ms an example "
                f"(goal ≤ {GOAL_MS} ms: {met})."
            )
    result = "\n".join(lines)
    print(result)
    print("\n".join(said))
    if args.write:
        from measure import write_section

        import argmap

        write_section(
            "## Strategies",
            "## Strategies\n\n"
            f"`python bench/bench_strategies.py --write`: medians of {args.runs} fresh "
            f"processes, each drawing {args.examples} maps of exactly that many nodes "
            "(`argument_maps(min_nodes=n, max_nodes=n)`) in a `@given` test with "
            "Hypothesis' default settings, generate phase only, no database, health "
            "checks off (tests/test_strategies.py runs them with default settings at "
            "15-25 and up to 100 nodes).\n\n"
            f"{result}\n\n" + "\n".join(said) + "\n\n"
            f"Python {platform.python_version()} on {platform.machine()}, argmap "
            f"{argmap.__version__}, Hypothesis {version('hypothesis')}.\n",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
