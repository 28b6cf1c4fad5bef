"""Saving maps: `argmap.dumps` beside `json.dumps(to_dict(m), indent=2)`, each in a fresh process.

Run: python bench/bench_dumps.py [--runs N] [--sizes N ...] [--write]

Each side is timed in a fresh process of its own (bench/bench_load.py's
child: same imports, the map loaded from the same file, nothing else in the
heap), the two sides alternating, N pairs (default 5), medians. Both sides
produce the same text (tests/test_writer_json.py): `json.dumps(to_dict(m),
ensure_ascii=False, indent=2)` and `argmap.dumps(m, format="json")`, which
also checks the metadata and ends the text with a newline. Maps from
`bench/synthetic.py`, both shapes. Goal (issue #12): at 100,000 nodes, no
slower than `json.dumps(to_dict(m))`. `--write` replaces the "Saving" section
of docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import DUMPS, environment, run_child
from measure import write_section
from synthetic import SHAPES

GOAL, GOAL_NODES = 1.0, 100_000


def measure(shape: str, nodes: int, runs: int, folder: Path) -> dict[str, float]:
    document = SHAPES[shape](nodes)
    path = folder / f"{shape}-{nodes}.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    times: dict[str, list[float]] = {action: [] for action in DUMPS}
    for _ in range(runs):
        for action in DUMPS:
            times[action].append(run_child(action, path)["seconds"])
    return {action: statistics.median(found) for action, found in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, GOAL_NODES])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    baseline, ours = DUMPS
    rows = [
        "| shape | nodes | `json.dumps(to_dict(m))` | `argmap.dumps` | ratio |",
        "|---|---|---|---|---|",
    ]
    said = []
    with tempfile.TemporaryDirectory() as folder:
        for shape in SHAPES:
            for nodes in args.sizes:
                row = measure(shape, nodes, args.runs, Path(folder))
                ratio = row[ours] / row[baseline]
                rows.append(
                    f"| {shape} | {nodes:,} | {row[baseline] * 1000:,.0f} ms "
                    f"| {row[ours] * 1000:,.0f} ms | **{ratio:.2f}×** |"
                )
                print(rows[-1], flush=True)
                if nodes == GOAL_NODES:
                    verdict = "met" if ratio <= GOAL else "**missed**"
                    said.append(f"- {shape}: {ratio:.2f}× (goal ≤ {GOAL}×: {verdict}).")
    print("\n".join(said))
    if args.write:
        command = "python bench/bench_dumps.py --write"
        if args.runs != 5:
            command += f" --runs {args.runs}"
        write_section(
            "## Saving",
            "## Saving\n\n"
            f"`{command}`: medians of {args.runs} runs, each side timed in a fresh "
            "process of its own, the two sides alternating (load average "
            f'{os.getloadavg()[0]:.1f} at the end). `argmap.dumps(m, format="json")` '
            "writes the very text of `json.dumps(argmap.to_dict(m), ensure_ascii=False, "
            "indent=2)` (a property test holds it to that), through its own writer: "
            "the standard library indents in pure Python through generators, argmap "
            "appends to one list with the C string escaper and joins once.\n\n"
            + "\n".join(rows)
            + "\n\n"
            + "\n".join(said)
            + f"\n\n{environment()}.\n",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
