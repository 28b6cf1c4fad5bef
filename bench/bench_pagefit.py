"""What arranging sections and fitting a page cost, beside the one-pass layout.

Run: `python bench/bench_pagefit.py [--runs 5] [--write]`. Each figure is the
median of fresh Python processes that each build the drawing and run Graphviz
to SVG (import and loading not counted): the one-pass layout (`to_dot`'s), the
arranged one (what `render` draws), and an A3 landscape page. `--write` puts
the table in the "Arranging sections" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
from pathlib import Path

from measure import child_output, write_section

ROOT = Path(__file__).resolve().parent.parent

MAPS = {
    "NATO example (41 nodes, 5 sections)": "nato",
    "100 nodes, ~2/node (layout_maps)": "100",
}

MODES = {"one pass": "one", "arranged": "arrange", "A3 landscape page": "page"}

CHILD = """
import sys, time, warnings
sys.path.insert(0, {bench!r})
import argmap
from argmap.drawing.dot import make_digraph
from argmap.drawing.options import DrawOptions
from argmap.drawing.layout import run_graphviz
warnings.simplefilter("ignore")
which, mode = sys.argv[1], sys.argv[2]
if which == "nato":
    m = argmap.load({nato!r})
else:
    from layout_maps import layout_document
    m = argmap.from_dict(layout_document(int(which), 2.0))
page = {{"page": "A3", "landscape": True}} if mode == "page" else {{}}
start = time.perf_counter()
digraph = make_digraph(m, DrawOptions(engine="dot", **page), stacklevel=1, arrange=mode != "one")
run_graphviz(digraph.source, engine="dot", format="svg")
print(time.perf_counter() - start, "layout=nop2" in digraph.source)
"""


def seconds(which: str, mode: str, runs: int) -> tuple[float, bool]:
    """Median seconds over `runs` fresh processes, and whether sections were arranged."""
    code = CHILD.format(
        bench=str(Path(__file__).parent),
        nato=str(ROOT / "examples" / "nato_indo_pacific" / "map.yaml"),
    )
    times = []
    arranged = False
    for _ in range(runs):
        took, flag = child_output([sys.executable, "-c", code, which, mode], cwd=ROOT).split()
        times.append(float(took))
        arranged = flag == "True"
    return statistics.median(times), arranged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rows = []
    for name, which in MAPS.items():
        cells = []
        for mode in MODES.values():
            took, arranged = seconds(which, mode, args.runs)
            cells.append(f"{took:.2f} s" + ("" if arranged or mode == "one" else " (one pass)"))
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    version = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    body = "\n".join(
        [
            "## Arranging sections",
            "",
            f"`python bench/bench_pagefit.py --runs {args.runs} --write`: the drawing built and "
            "drawn to SVG by Graphviz, in fresh processes, medians. Arranging lays each "
            "section out alone and has Graphviz route the relations between them; a page "
            "tries sixteen directions and widths and measures the result once more. A map with "
            "more than `ROUTED_LIMIT` relations between sections is drawn in one pass.",
            "",
            "| map | " + " | ".join(MODES) + " |",
            "|---|" + "---:|" * len(MODES),
            *rows,
            "",
            f"Python {platform.python_version()} on {platform.machine()}; {version}.",
        ]
    )
    print(body)
    if args.write:
        write_section("## Arranging sections", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
