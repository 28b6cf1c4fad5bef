"""Big maps to SVG, argmap against arguebuf on the same graph, each side in a fresh process.

    python bench/bench_big.py [--sizes 1000 5000 10000 20000] [--per-node 1] [--runs 1] [--write]

Maps come from `bench/layout_maps.py`. argmap's side is `argmap.load` of the
JSON file and `argmap.render_bytes(m, format="svg")` with the engine argmap
chooses (`sfdp` at these sizes); arguebuf's side (`pip install arguebuf`, a
benchmark-only dependency) builds its graph from the same JSON (a node per
node, an edge per relation; an undercut becomes an edge to the undercut
relation's target, as arguebuf has no edge-to-edge relations) and draws it with
`arguebuf.dump.graphviz` and `arguebuf.render.graphviz(prog="sfdp")`, its
defaults otherwise. Both outputs are checked for overlapping node boxes, read
from the SVG.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from layout_maps import layout_document
from measure import write_section

_GROUP = re.compile(r'<g id="[^"]*" class="node">(.*?)</g>', re.S)
_SHAPE = re.compile(r'<(?:polygon|path|ellipse)[^>]*?(?:points|d)="([^"]*)"|<ellipse([^>]*)>')
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def node_boxes(svg: str) -> list[tuple[float, float, float, float]]:
    """(left, top, right, bottom) of each node's outline in an SVG Graphviz drew."""
    boxes = []
    for group in _GROUP.finditer(svg):
        found = _SHAPE.search(group.group(1))
        if found is None:
            continue
        if found.group(1) is not None:
            values = [float(v) for v in _NUMBER.findall(found.group(1))]
            xs, ys = values[0::2], values[1::2]
        else:
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', found.group(2)))
            cx, cy, rx, ry = (float(attrs[k]) for k in ("cx", "cy", "rx", "ry"))
            xs, ys = [cx - rx, cx + rx], [cy - ry, cy + ry]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def overlaps(boxes: list[tuple[float, float, float, float]], slack: float = 0.5) -> int:
    """Pairs of boxes that overlap by more than `slack` points each way (sweep over x)."""
    ordered = sorted(boxes)
    count = 0
    active: list[tuple[float, float, float, float]] = []
    for box in ordered:
        left = box[0]
        active = [a for a in active if a[2] - slack > left]
        for other in active:
            if min(box[3], other[3]) - max(box[1], other[1]) > slack:
                count += 1
        active.append(box)
    return count


def argmap_side(path: str, out: str) -> dict[str, object]:
    import argmap
    from argmap.drawing import RenderWarning, render_bytes

    start = time.perf_counter()
    m = argmap.load(path)
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always", RenderWarning)
        svg = render_bytes(m, format="svg")
    seconds = time.perf_counter() - start
    Path(out).write_bytes(svg)
    return {"seconds": seconds, "notes": [str(w.message)[:120] for w in said]}


def arguebuf_side(path: str, out: str) -> dict[str, object]:
    import arguebuf

    start = time.perf_counter()
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    graph: Any = arguebuf.Graph(name="map")
    atoms = {n["id"]: arguebuf.AtomNode(n["text"], id=n["id"]) for n in document["nodes"]}
    for atom in atoms.values():
        graph.add_node(atom)
    targets = {r["id"]: r["to"] for r in document["relations"] if r.get("id")}
    for index, relation in enumerate(document["relations"]):
        to = relation["to"]
        if relation["kind"] == "undercuts":
            to = targets[to]
        graph.add_edge(arguebuf.Edge(atoms[relation["from"]], atoms[to], id=f"e{index}"))
    gv = arguebuf.dump.graphviz(graph, max_nodes=len(atoms) + 1)
    arguebuf.render.graphviz(gv, out, prog="sfdp")
    return {"seconds": time.perf_counter() - start, "notes": []}


def run_side(side: str, path: Path, folder: Path, timeout: float) -> dict[str, object]:
    out = folder / f"{side}_{path.stem}.svg"
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--side", side, str(path), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # so that a timeout ends Graphviz too
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return {"seconds": None, "error": f"over {timeout:.0f} s"}
    wall = time.perf_counter() - start
    if process.returncode != 0:
        return {"seconds": None, "wall": wall, "error": stderr.strip().splitlines()[-1:]}
    row: dict[str, object] = json.loads(stdout)
    row["wall"] = wall
    boxes = node_boxes(out.read_text(encoding="utf-8"))
    row["boxes"] = len(boxes)
    row["overlaps"] = overlaps(boxes)
    out.unlink()
    return row


VARIANTS: dict[str, tuple[str, ...]] = {
    "as written": (),
    "overlap_scaling=-8": ("-Goverlap_scaling=-8",),
    "overlap_scaling=-16": ("-Goverlap_scaling=-16",),
    "overlap_shrink=false": ("-Goverlap_shrink=false",),
    "prism100": ("-Goverlap=prism100",),
    "prism0, overlap_scaling=-16": ("-Goverlap=prism0", "-Goverlap_scaling=-16"),
    "overlap=scale": ("-Goverlap=scale",),
    "quadtree=fast": ("-Gquadtree=fast",),
}


def variants(sizes: list[int], per_node: float, timeout: float) -> None:
    """sfdp on argmap's DOT with each of `VARIANTS`' options: seconds and overlapping pairs."""
    import argmap
    from argmap.drawing import to_dot

    for nodes in sizes:
        m = argmap.loads(json.dumps(layout_document(nodes, per_node)), format="json")
        source = to_dot(m, engine="sfdp").encode("utf-8")
        for name, options in VARIANTS.items():
            start = time.perf_counter()
            try:
                done = subprocess.run(
                    ["sfdp", "-Tsvg", *options], input=source, capture_output=True, timeout=timeout
                )
            except subprocess.TimeoutExpired:
                print(f"| {nodes:,} | {name} | > {timeout:.0f} s | — |", flush=True)
                continue
            seconds = time.perf_counter() - start
            svg = done.stdout.decode("utf-8")
            found = overlaps(node_boxes(svg))
            print(f"| {nodes:,} | {name} | {seconds:.1f} s | {found} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000, 20000])
    parser.add_argument("--per-node", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds a side may take")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--variants", action="store_true", help="try sfdp options on argmap's DOT")
    args = parser.parse_args()
    if args.variants:
        variants(args.sizes, args.per_node, args.timeout)
        return
    if args.side:
        side, path, out = args.side
        print(json.dumps((argmap_side if side == "argmap" else arguebuf_side)(path, out)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for nodes in args.sizes:
            path = folder / f"map_{nodes}.json"
            document = layout_document(nodes, args.per_node)
            path.write_text(json.dumps(document), encoding="utf-8")
            results: dict[str, list[dict[str, object]]] = {"argmap": [], "arguebuf": []}
            for _ in range(args.runs):
                for side in results:  # interleaved, one fresh process each
                    row = run_side(side, path, folder, args.timeout)
                    print(nodes, side, row, file=sys.stderr, flush=True)
                    results[side].append(row)
            rows.append((nodes, len(document["relations"]), results))
    lines = [
        "| nodes | relations | argmap (engine it picks) | overlaps | arguebuf (`sfdp`) | overlaps "
        "| arguebuf / argmap |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for nodes, relations, results in rows:
        cells = []
        medians = {}
        for side in ("argmap", "arguebuf"):
            good = [float(r["seconds"]) for r in results[side] if r["seconds"] is not None]  # type: ignore[arg-type]
            medians[side] = statistics.median(good) if good else None
            if good:
                cells.append(f"{medians[side]:,.1f} s")
            else:
                error = str(results[side][0].get("error", "failed"))
                cells.append("out of memory" if "out of memory" in error else "failed")
            cells.append(str(results[side][0].get("overlaps", "—")))
        a, b = medians["argmap"], medians["arguebuf"]
        ratio = f"**{b / a:.2f}×**" if a and b else "—"
        lines.append(f"| {nodes:,} | {relations:,} | " + " | ".join(cells) + f" | {ratio} |")
    from importlib.metadata import version

    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    body = "\n".join(
        [
            "## Big maps",
            "",
            f"`python bench/bench_big.py --sizes {' '.join(map(str, args.sizes))} "
            f"--per-node {args.per_node:g} --runs {args.runs} --write`: load and draw to SVG, "
            "each side in a fresh process, interleaved; medians. Overlaps: pairs of node "
            "boxes (read from the SVG) that overlap by more than half a point.",
            "",
            *lines,
            "",
            f"Python {platform.python_version()}, {os.cpu_count()} cores; {dot}; "
            f"arguebuf {version('arguebuf')} (the newest release the package index "
            "reachable from the development machine offers; 3.x was not there).",
        ]
    )
    print(body)
    if args.write:
        write_section("## Big maps", body)


if __name__ == "__main__":
    main()
