"""How long argmap takes to report maps full of faults (issue #7, item 15).

Three shapes, each checked in a fresh process (`argmap.check(path)`, median of
`--runs`): thousands of unknown references among 10,000 nodes; 50 misquotes
against a 1.1 MB source; 3 misquotes against an 11.5 MB source. With
`--baseline DIR`, the same runs with another argmap checkout first on the path
(for example an older commit, `git archive <commit> | tar -x -C DIR`), side by
side, so that the ratio is of one machine at one time.

    python bench/bench_faults.py [--runs 3] [--baseline DIR] [--write]
"""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from measure import ROOT, baseline_parser, child_output, write_section

_TIMER = """
import sys, time
start = time.perf_counter()
import argmap
report = argmap.check(sys.argv[1])
print(time.perf_counter() - start, len(report.errors))
"""


def _words(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choices(letters, k=rng.randint(2, 9))) for _ in range(5000)]


def make_inputs(folder: Path) -> list[tuple[str, Path]]:
    """Write the three maps (and their sources) into `folder`; (description, map path)."""
    rng = random.Random(7)
    words = _words(rng)
    nodes = [{"id": f"node{i}", "kind": "claim", "text": "x"} for i in range(10_000)]
    relations = [{"from": f"node{i}", "to": f"nodx{i}q", "kind": "supports"} for i in range(2000)]
    references = folder / "references.json"
    references.write_text(
        json.dumps({"argmap": "1.0", "title": "A", "nodes": nodes, "relations": relations}),
        encoding="utf-8",
    )
    shapes = [("10,000 nodes, 2,000 unknown references", references)]
    for name, size, misquotes in [("mid", 1_100_000, 50), ("big", 11_500_000, 3)]:
        text = " ".join(rng.choice(words) for _ in range(size // 6))
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        quoting = []
        for i in range(misquotes):
            at = rng.randrange(0, len(text) - 300)
            quote = text[at : at + 200]
            quoting.append(
                {
                    "id": f"n{i}",
                    "kind": "claim",
                    "text": "x",
                    "quotes": [{"source": "s", "text": quote[:50] + "ZZZ" + quote[53:]}],
                }
            )
        document = {
            "argmap": "1.0",
            "title": name,
            "sources": [{"id": "s", "path": f"{name}.txt"}],
            "nodes": quoting,
        }
        path = folder / f"{name}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        shapes.append((f"{misquotes} misquotes, {len(text) / 1e6:.1f} MB source", path))
    return shapes


def time_check(path: Path, code: Path, runs: int) -> tuple[float, int]:
    """Median seconds of `argmap.check(path)` in fresh processes importing argmap from `code`."""
    times, errors = [], 0
    environment = {**os.environ, "PYTHONPATH": str(code)}
    for _ in range(runs):
        output = child_output([sys.executable, "-c", _TIMER, str(path)], env=environment)
        seconds, errors_text = output.split()
        times.append(float(seconds))
        errors = int(errors_text)
    return statistics.median(times), errors


def main() -> None:
    """Run the benchmark and print (or, with `--write`, record) its table."""
    parser = baseline_parser(__doc__, runs=3)
    args = parser.parse_args()
    started = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory() as name:
        for shape, path in make_inputs(Path(name)):
            seconds, errors = time_check(path, ROOT, args.runs)
            row = f"| {shape} | {errors:,} | **{seconds:.1f} s** |"
            if args.baseline is not None:
                before, _ = time_check(path, args.baseline, args.runs)
                row += f" {before:.1f} s | {before / seconds:.0f}× |"
            rows.append(row)
            print(row, flush=True)
    head = "| map | errors | argmap check |"
    rule = "|---|---:|---:|"
    if args.baseline is not None:
        head += " baseline | speed-up |"
        rule += "---:|---:|"
    body = "\n".join(
        [
            "## Reporting faults",
            "",
            f"`python bench/bench_faults.py --runs {args.runs}"
            + (" --baseline DIR" if args.baseline else "")
            + " --write` (medians of fresh processes, import included). Near-id hints and "
            "closest passages are worded for the first 25 faults; closest passages are "
            "found by looking a few pieces of the quote up in the source (`str.find`, at C "
            "speed) rather than by matching the whole source.",
            "",
            head,
            rule,
            *rows,
            "",
            f"Python {platform.python_version()} on {platform.machine()}; "
            f"{time.perf_counter() - started:.0f} s in all.",
        ]
    )
    if args.write:
        write_section("## Reporting faults", body)


if __name__ == "__main__":
    main()
