"""Start-up: `import argmap` and short commands, whole processes, beside another checkout.

    python bench/bench_startup.py [--runs 15] [--baseline DIR] [--write]

Each figure is the wall time of a whole fresh Python process, from its start
to its exit (interpreter start-up included), median of `--runs`; with
`--baseline`, the same process runs with DIR's argmap first on the path, the
two sides alternating run by run, and the ratio is the median of the
per-pair ratios. DIR is a checkout (or `git archive` of one) of argmap; a
`git archive` holds `argmap/argmap.schema.json` as a link to the schema, so
copy `schemas/argmap.schema.json` over it (the script checks).

Timed: `import argmap`; `import argmap` and `argmap.loads` of a two-node map;
`argmap validate` and `argmap evaluate` of the NATO example (its YAML, its
source text checked); `argmap --version`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from measure import ROOT, baseline_parser, write_section

NATO = ROOT / "examples" / "nato_indo_pacific" / "map.yaml"
SMALL = (
    '{"argmap": "1.0", "title": "t", "nodes": [{"id": "a", "kind": "claim", "text": "A."}, '
    '{"id": "b", "kind": "evidence", "text": "B."}], '
    '"relations": [{"from": "b", "to": "a", "kind": "supports"}]}'
)
CASES: dict[str, str] = {
    "import argmap": "import argmap",
    "import, then loads a 2-node map": f"import argmap; argmap.loads({SMALL!r}, format='json')",
    "argmap validate NATO": f"from argmap.cli import main; main(['validate', {str(NATO)!r}])",
    "argmap evaluate NATO": f"from argmap.cli import main; main(['evaluate', {str(NATO)!r}])",
    "argmap --version": "from argmap.cli import main; main(['--version'])",
}


def run(checkout: Path, code: str) -> float:
    """Seconds a fresh process takes to run `code` with `checkout`'s argmap first on the path."""
    prelude = f"import sys; sys.path.insert(0, {str(checkout)!r}); "
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", prelude + code],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = baseline_parser(__doc__, runs=15)
    args = parser.parse_args()
    if args.baseline is not None:
        schema = args.baseline / "argmap" / "argmap.schema.json"
        if not schema.is_file():
            parser.error(f"{schema} is missing (copy schemas/argmap.schema.json there)")
    header = "| process | this checkout (ms) |"
    rule = "|---|---:|"
    if args.baseline is not None:
        header += " baseline (ms) | this / baseline |"
        rule += "---:|---:|"
    rows = [header, rule]
    for name, code in CASES.items():
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(args.runs):
            ours.append(run(ROOT, code))
            if args.baseline is not None:
                theirs.append(run(args.baseline.resolve(), code))
        row = f"| `{name}` | {statistics.median(ours) * 1000:.0f} |"
        if theirs:
            ratio = statistics.median(a / b for a, b in zip(ours, theirs, strict=True))
            row += f" {statistics.median(theirs) * 1000:.0f} | {ratio:.2f} |"
        rows.append(row)
        print(row, flush=True)
    if args.write:
        write_section(
            "## Start-up",
            "## Start-up\n\n`python bench/bench_startup.py` (whole fresh processes, "
            f"medians of {args.runs}):\n\n" + "\n".join(rows),
        )


if __name__ == "__main__":
    main()
