"""Examples per second of `argmap.strategies.argument_maps()` at 10, 25 and 100 nodes.

Run: `python bench/bench_strategies.py`; `--write` puts the table in the
"Strategies" section of docs/performance.md. Each measurement is a fresh
process running a `@given` test with Hypothesis' default settings except
`max_examples`: no example database, the generate phase only, health checks
off (tests/test_strategies.py runs them with default settings), timed whole,
so Hypothesis' own work per example counts, as it does for users, in CPU time
(`time.process_time`: wall time on a busy machine mostly measures the other
processes). Figures are medians over `--runs` processes. The floor is the
same test drawing one integer: what Hypothesis costs an example whatever is
drawn.

`--against MODULE` times another module's `argument_maps` in the same runs, in
alternating processes (for before/after ratios: put the old strategies.py in
the package under another name).

Goal (issue #12): at most 5 ms an example at 25 nodes; no health-check failure
with default settings up to `max_nodes=100`.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This checkout's argmap, not whichever one is installed.
sys.path[:0] = [str(HERE.parent), str(HERE)]

SIZES = (10, 25, 100)
GOAL_MS, GOAL_NODES = 5.0, 25
MODULE = "argmap.strategies"


def child(module: str, nodes: int, examples: int) -> None:
    """Draw `examples` maps of exactly `nodes` nodes (0: integers) here; print the time each."""
    import importlib
    import time

    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    import argmap

    assert Path(argmap.__file__).parent.parent == HERE.parent, argmap.__file__
    strategy: st.SearchStrategy[object]
    if nodes:
        maps = importlib.import_module(module).argument_maps
        strategy = maps(min_nodes=nodes, max_nodes=nodes)
    else:
        strategy = st.integers()
    sizes: list[int] = []

    @settings(database=None, phases=[Phase.generate], deadline=None)
    @given(st.integers())
    def warm_up(number: int) -> None:
        pass

    # Hypothesis' one-time work in a process (reading the code under test for
    # constants, among others) is not an example's cost: done before timing.
    warm_up()

    # Health checks off: at exactly 100 nodes (min_nodes=100) too_slow may stop
    # the run on a loaded machine; tests/test_strategies.py checks max_nodes=100.
    @settings(
        max_examples=examples,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(strategy)
    def draw(m: object) -> None:
        sizes.append(len(m.nodes) + len(m.relations) if isinstance(m, argmap.ArgumentMap) else 0)

    # CPU time of this process: on a shared machine, wall time mostly measures
    # the other processes.
    start = time.process_time()
    draw()
    seconds = time.process_time() - start
    print(json.dumps({"seconds": seconds / len(sizes), "items": statistics.mean(sizes)}))


def measure(module: str, nodes: int, examples: int) -> dict[str, float]:
    """One fresh process's figures."""
    command = [sys.executable, __file__, "--child", str(nodes), "--examples", str(examples)]
    command += ["--module", module]
    from measure import child_json

    result: dict[str, float] = child_json(command)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="processes per median (default 5)")
    parser.add_argument("--examples", type=int, default=100, help="examples a process (100)")
    parser.add_argument("--against", metavar="MODULE", help="also time this module, side by side")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--module", default=MODULE, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.module, args.child, args.examples)
        return 0
    modules = [MODULE] + ([args.against] if args.against else [])
    header = "| nodes | nodes + relations (mean) | CPU ms an example | examples a CPU second |"
    rule = "|---:|---:|---:|---:|"
    if args.against:
        header += f" `{args.against}`: ms an example | ratio |"
        rule += "---:|---:|"
    lines = [header, rule]
    said = []
    floors = []
    for nodes in SIZES:
        print(f"drawing maps of {nodes} nodes…", file=sys.stderr)
        results: dict[str, list[dict[str, float]]] = {m: [] for m in modules}
        for _ in range(args.runs):
            # Alternating processes: both sides meet the same machine load.
            floors.append(measure(MODULE, 0, args.examples)["seconds"])
            for module in modules:
                results[module].append(measure(module, nodes, args.examples))
        seconds = statistics.median(r["seconds"] for r in results[MODULE])
        items = statistics.median(r["items"] for r in results[MODULE])
        line = f"| {nodes} | {items:.0f} | {seconds * 1000:.2f} | {1 / seconds:,.0f} |"
        if args.against:
            other = statistics.median(r["seconds"] for r in results[args.against])
            line += f" {other * 1000:.2f} | {other / seconds:.1f}× |"
        lines.append(line)
        if nodes == GOAL_NODES:
            met = "met" if seconds * 1000 <= GOAL_MS else "**missed**"
            said.append(
                f"At {nodes} nodes: {seconds * 1000:.2f} ms an example "
                f"(goal ≤ {GOAL_MS} ms: {met})."
            )
    floor = statistics.median(floors)
    said.append(
        f"Hypothesis' floor (the same test drawing one integer): {floor * 1000:.2f} ms an example."
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
