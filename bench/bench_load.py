"""Loading and saving maps beside `json.loads`/`json.dumps`, each side in a fresh process.

Run: `python bench/bench_load.py` (or `./dev bench`); `--write` puts the tables in
the last part of docs/performance.md's "Loading" section, "Figures from
bench_load.py" (what comes before it, round by round, is left as it is).

Fairness: every timing is taken in a fresh Python process that has imported the
same modules (argmap and json) and read the same file, and nothing else, so
neither side pays for cycle collections over the other's leftovers. The two
sides of a ratio alternate run by run (json, argmap, json, argmap, …), so they
see the same machine; figures are medians over `--runs` such process pairs.
Small maps are timed over many calls in each process (the median call is
reported). Peak memory is traced with `tracemalloc` in processes of its own.

Shapes (documents from bench/synthetic.py): `synthetic`, ten sections and one
sentence pattern, two relations a node; `varied`, fifty sections, texts of
uneven length with mixed punctuation and non-ASCII words, one to three
relations a node. Both are written indented (two spaces), as argmap writes
maps; `varied-compact` is the varied document written with no white space at
all, as `JSON.stringify` writes: less for `json.loads` to skip, the same checks
and objects for argmap; `remarked`, the varied map with warnings (claims
attacking claims, a node in no relation, a section no node is in), each of
which argmap words and places in the text.

Goals (issue #12): a full load (parse with duplicate-key detection, schema,
semantic checks, structuring) of a 100k-node map in at most 2x the time of
`json.loads` and 2x its peak memory, on every shape; a 10-node map in at most
4x; `dumps` of a 100k-node map no slower than `json.dumps(to_dict(m), indent=2)`.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# The argmap of this checkout (each child runs this file too), not one installed elsewhere.
sys.path[:0] = [str(HERE), str(HERE.parent)]
from synthetic import SHAPES  # noqa: E402

SIZES = (10, 1_000, 10_000, 100_000)
# Each shape: the document (bench/synthetic.py) and the `json.dumps` options it is written with.
WRITTEN: dict[str, tuple[str, dict[str, Any]]] = {
    "synthetic": ("synthetic", {"indent": 2}),
    "varied": ("varied", {"indent": 2}),
    "varied-compact": ("varied", {"separators": (",", ":")}),
    "remarked": ("remarked", {"indent": 2}),
}
FIGURES = "### Figures from bench_load.py"
LOAD_GOAL, SMALL_LOAD_GOAL, MEMORY_GOAL, DUMPS_GOAL = 2.0, 4.0, 2.0, 1.0
GOAL_NODES, SMALL_NODES = 100_000, 10

# Each side of each comparison: (baseline, argmap).
LOAD = ("json.loads", "argmap.loads")
# From the file: what a program reading maps from disk waits for (both sides read it).
LOAD_FILE = ("json.load", "argmap.load")
DUMPS = ("json.dumps", "argmap.dumps")


def child(action: str, path: str, memory: bool) -> None:
    """Time (or trace) one action in this fresh process; print the result as JSON."""
    import gc
    import time
    import tracemalloc

    import argmap

    text = Path(path).read_text(encoding="utf-8")
    m = argmap.loads(text, format="json") if action in DUMPS else None

    def call() -> object:
        if action == "argmap.dumps":
            return argmap.dumps(m, format="json")  # type: ignore[arg-type]
        if action == "json.dumps":
            # The same text argmap writes (non-ASCII kept), from `to_dict`.
            return json.dumps(argmap.to_dict(m), ensure_ascii=False, indent=2)  # type: ignore[arg-type]
        if action == "argmap.loads":
            return argmap.loads(text, format="json")
        if action == "argmap.load":
            return argmap.load(path)
        if action == "json.load":
            with open(path, encoding="utf-8") as file:
                return json.load(file)
        return json.loads(text)

    gc.collect()
    if memory:
        tracemalloc.start()
        kept = call()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        print(json.dumps({"peak": peak}))
        return
    # Small maps: many calls, so that the clock's grain and one-off costs fade.
    repeats = max(1, 20_000 // max(1, len(text) // 400))
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        kept = call()
        times.append(time.perf_counter() - start)
        del kept
    print(json.dumps({"seconds": statistics.median(times)}))


def run_child(action: str, path: Path, memory: bool = False) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", action, str(path)]
    if memory:
        command.append("--memory")
    from measure import child_json

    result: dict[str, float] = child_json(command)
    return result


def measure(shape: str, nodes: int, runs: int, folder: Path) -> dict[str, float]:
    made_by, options = WRITTEN[shape]
    document = SHAPES[made_by](nodes)
    text = json.dumps(document, ensure_ascii=False, **options)
    path = folder / f"{shape}-{nodes}.json"
    path.write_text(text, encoding="utf-8")
    row: dict[str, float] = {
        "nodes": nodes,
        "relations": len(document.get("relations", ())),
        "mb": len(text.encode()) / 1e6,
    }
    for pair in (LOAD, LOAD_FILE, DUMPS):
        times: dict[str, list[float]] = {action: [] for action in pair}
        for _ in range(runs):
            for action in pair:
                times[action].append(run_child(action, path)["seconds"])
        for action in pair:
            row[action] = statistics.median(times[action])
    for action in LOAD:
        row[action + " peak"] = run_child(action, path, memory=True)["peak"]
    return row


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.3f} ms"


def table(rows: list[dict[str, float]]) -> str:
    lines = [
        "| nodes | relations | JSON text | `json.loads` | `argmap.loads` | ratio "
        "| peak memory, load / `json.loads` | `json.load(file)` | `argmap.load(path)` | ratio "
        "| `json.dumps(to_dict(m))` | `argmap.dumps` | ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['nodes']:,.0f} | {row['relations']:,.0f} | {row['mb']:.2f} MB "
            f"| {_ms(row['json.loads'])} | {_ms(row['argmap.loads'])} "
            f"| **{row['argmap.loads'] / row['json.loads']:.2f}×** "
            f"| {row['argmap.loads peak'] / 1e6:.1f} MB / {row['json.loads peak'] / 1e6:.1f} MB = "
            f"**{row['argmap.loads peak'] / row['json.loads peak']:.2f}×** "
            f"| {_ms(row['json.load'])} | {_ms(row['argmap.load'])} "
            f"| {row['argmap.load'] / row['json.load']:.2f}× "
            f"| {_ms(row['json.dumps'])} | {_ms(row['argmap.dumps'])} "
            f"| **{row['argmap.dumps'] / row['json.dumps']:.2f}×** |"
        )
    return "\n".join(lines)


def verdicts(shape: str, rows: list[dict[str, float]]) -> list[str]:
    """One line per goal that this shape's sizes can judge."""
    said = []
    for row in rows:
        load = row["argmap.loads"] / row["json.loads"]
        if row["nodes"] == GOAL_NODES:
            memory = row["argmap.loads peak"] / row["json.loads peak"]
            dumps = row["argmap.dumps"] / row["json.dumps"]
            said.append(
                f"{shape}, {GOAL_NODES:,} nodes: load {load:.2f}× (goal ≤ {LOAD_GOAL}×: "
                f"{_met(load, LOAD_GOAL)}), peak memory {memory:.2f}× (goal ≤ {MEMORY_GOAL}×: "
                f"{_met(memory, MEMORY_GOAL)}), dumps {dumps:.2f}× (goal ≤ {DUMPS_GOAL}×: "
                f"{_met(dumps, DUMPS_GOAL)})."
            )
        if row["nodes"] == SMALL_NODES:
            said.append(
                f"{shape}, {SMALL_NODES} nodes: load {load:.2f}× (goal ≤ {SMALL_LOAD_GOAL}×: "
                f"{_met(load, SMALL_LOAD_GOAL)})."
            )
    return said


def _met(ratio: float, goal: float) -> str:
    return "met" if ratio <= goal else "**missed**"


def environment() -> str:
    import argmap

    names = ("jsonschema-rs", "jsonschema", "cattrs", "attrs", "msgspec")
    installed = []
    for name in names:
        try:
            installed.append(f"{name} {version(name)}")
        except Exception:  # a package not installed is left out
            continue
    return (
        f"Python {platform.python_version()} on {platform.machine()} "
        f"({platform.platform(terse=True)}), argmap {argmap.__version__}, " + ", ".join(installed)
    )


def write_section(heading: str, body: str) -> None:
    from measure import write_section as write

    write(heading, body)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="process pairs per median (default 5)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--shapes", nargs="+", choices=list(WRITTEN), default=list(WRITTEN))
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--child", nargs=2, metavar=("ACTION", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.memory)
        return 0
    tables, said = [], []
    with tempfile.TemporaryDirectory() as folder:
        for shape in args.shapes:
            rows = []
            for nodes in args.sizes:
                print(f"measuring {shape}, {nodes:,} nodes…", file=sys.stderr)
                rows.append(measure(shape, nodes, args.runs, Path(folder)))
            tables.append(f"Shape `{shape}`:\n\n{table(rows)}")
            said += verdicts(shape, rows)
    result = "\n\n".join(tables)
    print(result)
    print("\n".join(said))
    if args.write:
        command = "python bench/bench_load.py --write"
        if args.runs != 5:
            command += f" --runs {args.runs}"
        write_section(
            FIGURES,
            f"{FIGURES}\n\n"
            f"`{command}`: medians of {args.runs} runs, each side of each ratio "
            "timed in a fresh process of its own (same imports, same file read, nothing "
            "else in the heap), the two sides alternating. `argmap.loads` is "
            '`argmap.loads(text, format="json")`: parse with duplicate-key detection, '
            "schema validation, semantic checks, structuring into attrs objects. "
            "`json.dumps(to_dict(m))` is `json.dumps(argmap.to_dict(m), "
            "ensure_ascii=False, indent=2)`, the same text `argmap.dumps(m, "
            'format="json")` writes. Maps from `bench/synthetic.py`, written indented '
            "(`synthetic`, `varied`, `remarked`) or with no white space "
            "(`varied-compact`); `remarked` is the varied map with warnings, which "
            "`argmap.loads` checks and drops (`argmap.check` returns them, placed).\n\n"
            f"{result}\n\n" + "\n".join(f"- {line}" for line in said) + "\n\n"
            f"{environment()}.\n",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
