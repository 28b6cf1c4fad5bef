"""AIF JSON → DOT, argmap against arguebuf on the same file, each side in a fresh process.

    python bench/bench_aif.py [--inodes 10000] [--runs 5] [--peer-python PY] [--write]
    python bench/bench_aif.py --baseline DIR   # also argmap as checked out in DIR, alternating
    python bench/bench_aif.py --linear [--inodes 25000]   # load time at 1x, 2x, 4x the size
    python bench/bench_aif.py --svg --corpus DIR   # the real files drawn to SVG by Graphviz

Files are synthetic AIF of the shapes real corpora have: "arguments" (I-nodes
joined by RA nodes of one to three premises, CA nodes on I-nodes and on RA
nodes), and "dialogue" (the same with an L-node and a YA node per I-node and a
TA between locutions, as QT30 and US2016 have). argmap's side is
`argmap.formats.aif.load` and `argmap.to_dot`; arguebuf's (`pip install
'argmap[bench]'`; arguebuf 3.x needs Python 3.13, so 2.x where argmap runs on
3.11) is `arguebuf.load.file` and `arguebuf.dump.graphviz(...).source`, with
`max_nodes` raised so that it draws the whole graph. Each side runs in its own
process `--runs` times, the two sides alternating; the median of the times
measured inside the process (reading the file to DOT text) is reported, with
the ratio. argmap is imported from this checkout; arguebuf from `--peer-python`
(an interpreter that has it, default this one), so that it need not be
installed beside argmap.

`--svg` times the real files of `--corpus` from the file to an SVG drawing
instead: argmap's `render_bytes(m, format="svg")` with the engine it chooses,
arguebuf's `arguebuf.render.graphviz` with its defaults (`dot`), each drawing
written to a file of its own (drawing the synthetic shapes, 10,000 I-nodes and
more, is `bench/bench_big.py`'s job).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from measure import ROOT, baseline_parser, child_json, write_section


def synthetic_aif(inodes: int, *, dialogue: bool, seed: int = 1) -> dict[str, Any]:
    """AIF JSON with `inodes` I-nodes, about one RA or CA node per I-node."""
    rng = random.Random(seed)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    stamp = "2021-05-20 20:21:32"

    def node(kind: str, text: str, **more: Any) -> str:
        key = str(100000 + len(nodes))
        nodes.append({"nodeID": key, "text": text, "type": kind, "timestamp": stamp, **more})
        return key

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b, "formEdgeID": None})

    ids = [
        node("I", f"Proposition {i}: " + " ".join(rng.choices(WORDS, k=12))) for i in range(inodes)
    ]
    schemes: list[str] = []
    attackers: set[str] = set()
    for i in range(1, inodes):
        conclusion = ids[rng.randrange(max(0, i - 50), i)]
        if rng.random() < 0.8:
            ra = node("RA", "Default Inference", scheme="Default Inference", schemeID="72")
            extra = rng.sample(ids[:i], min(i, rng.choice((0, 0, 1, 2))))
            # An attacker that also supported what it attacks would contradict itself.
            for premise in {ids[i], *extra} - {conclusion} - attackers:
                edge(premise, ra)
            edge(ra, conclusion)
            schemes.append(ra)
        else:
            ca = node("CA", "Default Conflict", scheme="Default Conflict", schemeID="71")
            edge(ids[i], ca)
            attackers.add(ids[i])
            target = rng.choice(schemes) if schemes and rng.random() < 0.2 else conclusion
            edge(ca, target)
    locutions = []
    if dialogue:
        previous = None
        for key in ids:
            said = node("L", f"Speaker {rng.randrange(9)} : words of {key}")
            ya = node("YA", "Asserting", scheme="Asserting", schemeID="74")
            edge(said, ya)
            edge(ya, key)
            locutions.append({"nodeID": said, "personID": "1", "timestamp": stamp})
            if previous is not None:
                ta = node("TA", "Default Transition", scheme="Default Transition")
                edge(previous, ta)
                edge(ta, said)
            previous = said
    return {"nodes": nodes, "edges": edges, "locutions": locutions}


WORDS = ("the", "alliance", "region", "policy", "shift", "risk", "threat", "partners", "trade")


def argmap_side(paths: list[str], svg: str | None = None) -> dict[str, Any]:
    # What argmap imports on first use (the schema's validators, which a map
    # with warnings needs) is imported here, as all of arguebuf is by its
    # import: neither side's imports are timed.
    import jsonschema.validators  # noqa: F401
    import jsonschema_rs  # noqa: F401

    from argmap.drawing import render_bytes, to_dot
    from argmap.formats import aif

    start, cpu = time.perf_counter(), time.process_time()
    nodes = size = 0
    for index, path in enumerate(paths):
        m = aif.load(path)
        if svg is None:
            size += len(to_dot(m))
        else:
            drawn = render_bytes(m, format="svg")
            size += Path(svg, f"argmap-{index}.svg").write_bytes(drawn)
        nodes += len(m.nodes)
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "nodes": nodes,
        "bytes": size,
    }


def arguebuf_side(paths: list[str], svg: str | None = None) -> dict[str, Any]:
    import arguebuf

    start, cpu = time.perf_counter(), time.process_time()
    nodes = size = 0
    for index, path in enumerate(paths):
        graph = arguebuf.load.file(path)
        total = len(graph.atom_nodes) + len(graph.scheme_nodes)
        drawn: Any = arguebuf.dump.graphviz(graph, max_nodes=total + 1)  # None above max_nodes
        if svg is None:
            size += len(drawn.source)
        else:
            out = Path(svg, f"arguebuf-{index}.svg")
            arguebuf.render.graphviz(drawn, out)
            size += out.stat().st_size
        nodes += len(graph.atom_nodes)
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "nodes": nodes,
        "bytes": size,
    }


def run_side(
    side: str,
    paths: list[Path],
    python: str = sys.executable,
    checkout: Path = ROOT,
    svg: Path | None = None,
) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(checkout)} if side == "argmap" else None
    drawing = [] if svg is None else ["--svg-folder", str(svg)]
    result: dict[str, Any] = child_json(
        [python, __file__, *drawing, "--side", side, *map(str, paths)], env=env
    )
    return result


def _median(runs: list[dict[str, Any]], what: str) -> float:
    return float(statistics.median(run[what] for run in runs))


def main() -> None:
    parser = baseline_parser(__doc__, runs=5)
    parser.add_argument("--inodes", type=int, default=10000)
    parser.add_argument("--linear", action="store_true")
    parser.add_argument(
        "--peer-python", default=sys.executable, help="the Python that has arguebuf"
    )
    parser.add_argument("--side", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument(
        "--corpus", type=Path, help="also time every */*.json under this folder (real AIF files)"
    )
    parser.add_argument(
        "--svg", action="store_true", help="draw the --corpus files to SVG (only them)"
    )
    parser.add_argument("--svg-folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        side, *paths = args.side
        draw = argmap_side if side == "argmap" else arguebuf_side
        print(json.dumps(draw(paths, args.svg_folder)))
        return
    if args.svg and not args.corpus:
        parser.error("--svg draws the files of --corpus: give it")
    with tempfile.TemporaryDirectory() as folder:
        if args.linear:
            for scale in (1, 2, 4):
                path = Path(folder) / f"x{scale}.json"
                path.write_text(json.dumps(synthetic_aif(args.inodes * scale, dialogue=True)))
                size = path.stat().st_size / 2**20
                row = statistics.median(
                    run_side("argmap", [path])["seconds"] for _ in range(args.runs)
                )
                print(f"{args.inodes * scale} I-nodes, {size:.0f} MB: {row:.2f} s")
            return
        lines = [
            "| shape | file | argmap (s) | arguebuf (s) | arguebuf / argmap "
            "| argmap CPU (s) | arguebuf CPU (s) | CPU ratio |",
            "|---|---|---|---|---|---|---|---|",
        ]
        baseline = [
            f"| shape | {args.baseline} (s) | this checkout (s) | speed-up "
            "| CPU before (s) | CPU after (s) | CPU speed-up |",
            "|---|---|---|---|---|---|---|",
        ]
        shapes: list[tuple[str, list[Path], str]] = []
        for shape in () if args.svg else ("arguments", "dialogue"):
            path = Path(folder) / f"{shape}.json"
            path.write_text(json.dumps(synthetic_aif(args.inodes, dialogue=shape == "dialogue")))
            size = path.stat().st_size / 2**20
            shapes.append((shape, [path], f"{args.inodes} I-nodes, {size:.1f} MB"))
        if args.corpus:
            files = sorted(args.corpus.glob("*/*.json"))
            size = sum(f.stat().st_size for f in files) / 2**10
            shapes.append(("real corpus", files, f"{len(files)} files, {size:.0f} kB"))
        for shape, paths, told in shapes:
            runs: dict[str, list[dict[str, Any]]] = {"argmap": [], "arguebuf": [], "baseline": []}
            svg = Path(folder) if args.svg else None
            for _ in range(args.runs):  # side by side, alternating
                runs["argmap"].append(run_side("argmap", paths, svg=svg))
                runs["arguebuf"].append(run_side("arguebuf", paths, args.peer_python, svg=svg))
                if args.baseline:
                    runs["baseline"].append(
                        run_side("argmap", paths, checkout=args.baseline, svg=svg)
                    )
            ours, theirs = _median(runs["argmap"], "seconds"), _median(runs["arguebuf"], "seconds")
            our_cpu, their_cpu = _median(runs["argmap"], "cpu"), _median(runs["arguebuf"], "cpu")
            lines.append(
                f"| {shape} | {told} | {ours:.3f} | {theirs:.3f} "
                f"| {theirs / ours:.1f}× | {our_cpu:.3f} | {their_cpu:.3f} "
                f"| {their_cpu / our_cpu:.1f}× |"
            )
            if args.baseline:
                before, before_cpu = (
                    _median(runs["baseline"], "seconds"),
                    _median(runs["baseline"], "cpu"),
                )
                baseline.append(
                    f"| {shape} | {before:.3f} | {ours:.3f} | {before / ours:.1f}× "
                    f"| {before_cpu:.3f} | {our_cpu:.3f} | {before_cpu / our_cpu:.1f}× |"
                )
    table = "\n".join(lines)
    print(table)
    if args.baseline:
        print("\n" + "\n".join(baseline))
    if args.write:
        write_section(
            "## AIF to DOT",
            "## AIF to DOT\n\nAIF JSON read and turned into DOT text, argmap against arguebuf "
            f"on the same file, each side in a fresh process, alternating, median of {args.runs} "
            "runs, wall and CPU time (`python bench/bench_aif.py --write --peer-python PY "
            "[--corpus DIR]`; see the script for the shapes):\n\n" + table,
        )


if __name__ == "__main__":
    main()
