"""Fitting a map to a page: each section laid out alone, the sections arranged, all pinned.

`dot` lays a whole map out in one set of ranks, so sections sit side by side
however many there are, in an order of its own choosing, and the drawing grows
wide. Here each section (and the nodes outside sections, and the legend) is a
block laid out by `dot` on its own, for a few directions and wrapping widths;
the blocks are arranged in the map's order into rows, the arrangement chosen
that draws the text largest on the page (or, without a page, the most compact
one); and the whole is drawn by Graphviz's `nop2` engine with every node pinned
where its block put it. Relations inside a block keep `dot`'s curves; the
others, and the undercuts, are routed by Graphviz around the nodes.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

import attrs

from ..errors import RenderError
from ..model import ArgumentMap, Relation, RelationKind
from .labels import wrap_text
from .layout import run_graphviz
from .theme import Theme

__all__ = [
    "LEGEND",
    "MARGIN",
    "PAGES",
    "ROUTED_LIMIT",
    "Arrangement",
    "Block",
    "arrange",
    "compose",
    "page_size",
    "split_spline",
]

PAGES: Mapping[str, tuple[float, float]] = types.MappingProxyType(
    {"A4": (595.28, 841.89), "A3": (841.89, 1190.55), "letter": (612.0, 792.0)}
)
"""Paper sizes by name, portrait (width, height) in points (1/72 inch)."""

MARGIN = 18.0
"""Points of white left on each side of a page (a quarter inch)."""

GAP = 10.0
"""Points between two blocks of a row, and between rows."""

TITLE_EM = 0.52
"""Ems a character of the title takes, about (bold Helvetica's average)."""

NATURAL_RATIO = 1.5
"""The width:height a drawing without a page is arranged towards (about a landscape page)."""


def page_size(page: str, *, landscape: bool) -> tuple[float, float]:
    """The (width, height) of a named page in points, turned when `landscape`."""
    width, height = PAGES[page]
    return (height, width) if landscape else (width, height)


@attrs.frozen(kw_only=True)
class Block:
    """One block laid out alone: its size, and where `dot` put what is in it.

    Coordinates are Graphviz's (points, y up) relative to the block's lower left.
    """

    width: float
    height: float
    nodes: Mapping[str, tuple[float, float, float, float]]  # centre x, y; half width, height
    edges: Mapping[tuple[str, str], Sequence[tuple[str, str | None]]]  # (pos, lp) by ends
    cluster: tuple[str, str] | None  # (bb, lp) of the block's cluster


@attrs.frozen(kw_only=True)
class Arrangement:
    """Where each block goes: its lower-left offset, and the size of the whole."""

    offsets: Sequence[tuple[float, float]]
    width: float
    height: float


def _numbers(text: str) -> list[float]:
    return [float(part) for part in text.replace(",", " ").split()]


def parse_blocks(data: bytes, count: int) -> list[Block]:
    """The `count` blocks of `dot -Tjson0` output holding one graph per block."""
    decoder = json.JSONDecoder()
    text = data.decode("utf-8")
    blocks: list[Block] = []
    at = 0
    while len(blocks) < count:
        while at < len(text) and text[at].isspace():
            at += 1
        graph, at = decoder.raw_decode(text, at)
        x0, y0, x1, y1 = _numbers(graph["bb"])
        nodes: dict[str, tuple[float, float, float, float]] = {}
        names: dict[int, str] = {}
        cluster = None
        for item in graph.get("objects", ()):
            if "nodes" in item:  # a subgraph: the block's cluster
                if "bb" in item:
                    cluster = (item["bb"], item.get("lp", ""))
                continue
            names[item["_gvid"]] = item["name"]
            if "pos" in item:
                x, y = _numbers(item["pos"])
                half_width = float(item.get("width", 0)) * 36
                half_height = float(item.get("height", 0)) * 36
                nodes[item["name"]] = (x - x0, y - y0, half_width, half_height)
        # Graphviz lists edges in an order of its own: they are found by their ends.
        edges: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
        for edge in graph.get("edges", ()):
            lp = edge.get("lp")
            ends = (names[edge["tail"]], names[edge["head"]])
            edges.setdefault(ends, []).append(
                (_shift(edge.get("pos", ""), -x0, -y0), lp and _shift(lp, -x0, -y0))
            )
        if cluster is not None:
            bb, lp = cluster
            cluster = (_shift_box(bb, -x0, -y0), lp and _shift(lp, -x0, -y0))
        blocks.append(
            Block(width=x1 - x0, height=y1 - y0, nodes=nodes, edges=edges, cluster=cluster)
        )
    return blocks


def _shift(pos: str, dx: float, dy: float) -> str:
    """A Graphviz `pos` (points, splines with `e,`/`s,` ends) moved by (dx, dy)."""
    parts = []
    for item in pos.split():
        prefix = ""
        if item[:2] in ("e,", "s,"):
            prefix, item = item[:2], item[2:]
        x, y = (float(v) for v in item.split(","))
        parts.append(f"{prefix}{x + dx:.2f},{y + dy:.2f}")
    return " ".join(parts)


def _shift_box(bb: str, dx: float, dy: float) -> str:
    x0, y0, x1, y1 = _numbers(bb)
    return f"{x0 + dx:.2f},{y0 + dy:.2f},{x1 + dx:.2f},{y1 + dy:.2f}"


def lay_out_blocks(sources: Sequence[str]) -> list[Block]:
    """Each DOT source laid out by `dot`, in one run of it; `RenderError` if that fails."""
    data = run_graphviz("\n".join(sources), engine="dot", format="json0", stacklevel=5)
    try:
        return parse_blocks(data, len(sources))
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise RenderError(
            f"could not read Graphviz's layout of the map's sections: {error}"
        ) from error


def arrange(
    sizes: Sequence[tuple[float, float]],
    *,
    page: tuple[float, float] | None,
    head: float = 0.0,
    least_width: float = 0.0,
) -> tuple[Arrangement, float]:
    """Blocks of `sizes` in rows, in order, and how well that fits (larger is better).

    The score is the scale at which the whole fits `page` (width, height in
    points, margins taken off), or without one a box of `NATURAL_RATIO`: the
    smallest drawing of about that shape wins. `head` is room kept on top (the
    title), `least_width` the width the title needs.
    """
    best: tuple[float, Arrangement] | None = None
    limits = {
        sum(w for w, _ in sizes[i:j]) + GAP * (j - i - 1)
        for i in range(len(sizes))
        for j in range(i + 1, len(sizes) + 1)
    }
    room = page if page is not None else (NATURAL_RATIO, 1.0)
    for limit in sorted(limits):
        arrangement = _rows(sizes, limit, head)
        if arrangement.width < least_width:
            arrangement = attrs.evolve(arrangement, width=least_width)
        score = min(room[0] / arrangement.width, room[1] / arrangement.height)
        if best is None or score > best[0] + 1e-12:
            best = (score, arrangement)
    if best is None:
        return Arrangement(offsets=(), width=1.0, height=max(head, 1.0)), 1.0
    return best[1], best[0]


def _rows(sizes: Sequence[tuple[float, float]], limit: float, head: float) -> Arrangement:
    """Blocks filled into rows no wider than `limit` (a block wider gets a row alone)."""
    rows: list[list[int]] = []
    width = 0.0
    for index, (w, _) in enumerate(sizes):
        if rows and width + GAP + w <= limit + 1e-6:
            rows[-1].append(index)
            width += GAP + w
        else:
            rows.append([index])
            width = w
    heights = [max(sizes[i][1] for i in row) for row in rows]
    total_width = max(sum(sizes[i][0] for i in row) + GAP * (len(row) - 1) for row in rows)
    total_height = sum(heights) + GAP * (len(rows) - 1) + head
    offsets: list[tuple[float, float]] = [(0.0, 0.0)] * len(sizes)
    top = total_height - head
    for row, row_height in zip(rows, heights, strict=True):
        x = 0.0
        for index in row:
            # Top-aligned: a short block hangs from its row's top.
            offsets[index] = (x, top - sizes[index][1])
            x += sizes[index][0] + GAP
        top -= row_height + GAP
    return Arrangement(offsets=offsets, width=total_width, height=total_height)


def split_spline(pos: str) -> tuple[str, str, tuple[float, float]]:
    """A `pos` spline cut in two at its middle: (first half, second half, the point)."""
    start = end = ""
    points: list[tuple[float, float]] = []
    for item in pos.split():
        if item.startswith("e,"):
            end = item
        elif item.startswith("s,"):
            start = item
        else:
            x, y = (float(v) for v in item.split(","))
            points.append((x, y))
    segments = (len(points) - 1) // 3
    if segments < 1:
        raise ValueError(f"not a spline: {pos!r}")
    middle = segments // 2
    if segments % 2 == 0:
        cut = 3 * middle
        first, second = points[: cut + 1], points[cut:]
    else:
        p0, p1, p2, p3 = points[3 * middle : 3 * middle + 4]
        a, b, c = _mid(p0, p1), _mid(p1, p2), _mid(p2, p3)
        d, e = _mid(a, b), _mid(b, c)
        f = _mid(d, e)
        first = [*points[: 3 * middle], p0, a, d, f]
        second = [f, e, c, p3, *points[3 * middle + 4 :]]
    point = first[-1]
    head = " ".join(part for part in (start, _points(first)) if part)
    tail = " ".join(part for part in (end, _points(second)) if part)
    return head, tail, point


def _mid(p: tuple[float, float], q: tuple[float, float]) -> tuple[float, float]:
    return ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)


def _points(points: Iterable[tuple[float, float]]) -> str:
    return " ".join(f"{x:.2f},{y:.2f}" for x, y in points)


ROUTED_LIMIT = 80
"""Relations between blocks (and undercuts) above which sections are not arranged.

Graphviz routes those around every node, and that grows steeply: seconds
for about 200 of them among 100 nodes, minutes for about 600 among 300
(`bench/synthetic.py`'s maps, whose sections interleave). Such maps are laid
out in one pass, as before.
"""

LEGEND = "@legend"
"""The key of the legend's block."""

SPACING = "nodesep=0.08 ranksep=0.2 margin=4"
"""`dot`'s spacing within a block (and its cluster's margin): tighter than a whole map's."""

NODE_MARGIN = '\tnode [margin="0.05,0.03"]'
"""Nodes on a page are a little tighter round their text too (in blocks and the whole alike)."""


class Drawer(Protocol):
    """What `compose` needs of a drawing: its map, choices, and lines (see `dot._Drawing`)."""

    map: ArgumentMap
    width: int
    rankdir: str
    legend: bool
    title: bool
    theme: Theme
    title_chars: int

    def prepare(self) -> set[str]: ...
    def defaults(self) -> list[str]: ...
    def block_bodies(self) -> dict[str | None, list[str]]: ...
    def relation(self, relation: Relation, split: set[str]) -> Iterable[str]: ...
    def junction(self, relation: Relation, indent: str) -> str: ...
    def title_text(self) -> str | None: ...


def candidates(rankdir: str, width: int) -> list[tuple[str, int]]:
    """The (direction, wrapping width) pairs a page tries, the asked-for pair first.

    The direction asked for and the one a quarter turn from it; the width asked
    for and narrower and wider ones.
    """
    turned = {"BT": "LR", "TB": "LR", "LR": "BT", "RL": "BT"}[rankdir]
    widths = sorted({width, 18, 20, 24, 28, 32, 36, 40})
    return [(rankdir, width)] + [
        (direction, w)
        for direction in (rankdir, turned)
        for w in widths
        if (direction, w) != (rankdir, width)
    ]


def compose(
    make: Callable[[str, int], Drawer],
    options_rankdir: str,
    options_width: int,
    *,
    page: tuple[float, float] | None,
) -> tuple[list[str], float]:
    """The pinned DOT lines of the best arrangement, and its scale on the page (1 without)."""
    # Without a page, the direction and width asked for are kept: only a page
    # has a size to choose them for.
    tried = (
        candidates(options_rankdir, options_width) if page else [(options_rankdir, options_width)]
    )
    drawings = [make(direction, width) for direction, width in tried]
    split = drawings[0].prepare()
    first = drawings[0].block_bodies()
    if not first:
        return [], 1.0  # nothing to lay out: the caller draws the empty map as usual
    m = drawings[0].map
    inner = sum(len(_inner(m, key, first)) for key in first)
    if len(m.relations) - inner > ROUTED_LIMIT:
        return [], 1.0  # too many to route between blocks: one pass is drawn instead
    for drawing in drawings[1:]:
        drawing.prepare()
    keys: list[str | None] = []
    sources: list[str] = []
    bodies: list[dict[str | None, list[str]]] = []
    for drawing in drawings:
        body = drawing.block_bodies()
        bodies.append(body)
        keys = list(body)
        for key in keys:
            inside = _inner(drawing.map, key, body)
            sources.append(_block_source(drawing, key, body[key], inside))
    laid = lay_out_blocks(sources)
    usable = None if page is None else (page[0] - 2 * MARGIN, page[1] - 2 * MARGIN)
    best: tuple[float, int, Arrangement] | None = None
    for index, drawing in enumerate(drawings):
        blocks = laid[index * len(keys) : (index + 1) * len(keys)]
        sizes = [(b.width, b.height) for b in blocks]
        if page is not None:
            # The title wraps to the width of the blocks as arranged without it.
            bare, _ = arrange(sizes, page=usable, head=_title_height(drawing))
            drawing.title_chars = max(24, int(bare.width / (drawing.theme.title_size * TITLE_EM)))
        arrangement, score = arrange(
            sizes, page=usable, head=_title_height(drawing), least_width=_title_width(drawing)
        )
        if best is None or score > best[0] * 1.02:  # earlier (the asked-for) wins near-ties
            best = (score, index, arrangement)
    if best is None:
        raise AssertionError("no candidate layouts")
    score, index, arrangement = best
    drawing = drawings[index]
    blocks = laid[index * len(keys) : (index + 1) * len(keys)]
    lines = _pinned(drawing, keys, bodies[index], blocks, arrangement, split)
    if page is None or usable is None:
        lines.append("\tpad=0.3")
        return lines, 1.0
    # Edges routed between blocks may swing out past them: the size of what
    # Graphviz draws is measured, then the page is set round it.
    left, bottom, width, height = _extent(lines)
    scale = min(1.0, usable[0] / width, usable[1] / height)
    box_width, box_height = page[0] / scale, page[1] / scale
    x0 = left - (box_width - width) / 2
    y0 = bottom - (box_height - height) / 2
    # Graphviz takes its bounding box from what is drawn, not from `bb`:
    # two invisible points mark the page's corners.
    for corner, (x, y) in enumerate(((x0, y0), (x0 + box_width, y0 + box_height))):
        lines.append(
            f'\t"@page:{corner}" [shape=point style=invis width=0.01 label="" '
            f'pos="{x:.2f},{y:.2f}!"]'
        )
    lines.append(f'\tpad=0 margin=0 size="{page[0] / 72:.4f},{page[1] / 72:.4f}"')
    return lines, scale


def _extent(lines: Sequence[str]) -> tuple[float, float, float, float]:
    """Left, bottom, width and height of what pinned `lines` draw, from a run of Graphviz."""
    # A point pinned at the origin shows how far Graphviz moves the drawing.
    probe = '\t"@page:probe" [shape=point style=invis width=0.01 label="" pos="0,0!"]'
    source = "\n".join(["digraph argmap {", *lines, probe, "}"])
    data = run_graphviz(source, engine="dot", format="json0", stacklevel=6)
    try:
        graph = json.loads(data)
        x0, y0, x1, y1 = _numbers(graph["bb"])
        found = [o["pos"] for o in graph["objects"] if o.get("name") == "@page:probe"]
        px, py = _numbers(found[0])
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise RenderError(f"could not read Graphviz's layout of the page: {error}") from error
    return x0 - px, y0 - py, max(x1 - x0, 1.0), max(y1 - y0, 1.0)


def _inner(m: ArgumentMap, key: str | None, body: Mapping[str | None, list[str]]) -> list[int]:
    """Indices of the relations laid out inside block `key`: both ends there, not undercuts."""
    if key == LEGEND:
        return []
    block = {node.id: node.section for node in m.nodes}
    return [
        index
        for index, relation in enumerate(m.relations)
        if relation.kind is not RelationKind.UNDERCUTS
        and relation.source in block
        and relation.target in block
        and block[relation.source] == key
        and block[relation.target] == key
    ]


def _block_source(drawing: Drawer, key: str | None, body: list[str], inner: list[int]) -> str:
    rankdir = drawing.rankdir
    if key == LEGEND and rankdir in ("LR", "RL"):
        # The legend is one row of samples whatever the direction: turned, it
        # would be a tall column with gaps. (Its title's place comes with it.)
        rankdir = "BT"
        body = [line.replace(" labelloc=t ", " labelloc=b ", 1) for line in body]
    lines = ["digraph block {", f"\trankdir={rankdir} newrank=true {SPACING}"]
    lines += drawing.defaults()
    lines.append(NODE_MARGIN)
    lines += body
    relations = drawing.map.relations
    for index in inner:
        lines.extend(drawing.relation(relations[index], set()))
    lines.append("}")
    return "\n".join(lines)


def _title_height(drawing: Drawer) -> float:
    text = drawing.title_text()
    if text is None:
        return 0.0
    return text.count("<BR/>") * drawing.theme.title_size * 1.25 + drawing.theme.title_size * 1.6


def _free_point(
    a: tuple[float, float],
    b: tuple[float, float],
    boxes: Sequence[tuple[float, float, float, float]],
) -> tuple[float, float]:
    """The point on the segment from `a` to `b`, nearest its middle, clear of every box."""
    clear = 9.0
    for step in range(41):
        t = 0.5 + (step + 1) // 2 * 0.0125 * (1 if step % 2 else -1)
        x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
        if all(abs(x - bx) > w + clear or abs(y - by) > h + clear for bx, by, w, h in boxes):
            return (x, y)
    return _mid(a, b)


def _title_width(drawing: Drawer) -> float:
    """About how wide the title is drawn."""
    text = drawing.title_text()
    if text is None:
        return 0.0
    longest = max(len(line) for line in wrap_text(drawing.map.title, drawing.title_chars))
    return longest * drawing.theme.title_size * TITLE_EM


def _with_pos(line: str, pos: str, *, pin: bool = False) -> str:
    """A node or edge statement with a `pos` attribute added."""
    if not pos or not line.endswith("]"):
        return line
    return f'{line[:-1]} pos="{pos}{"!" if pin else ""}"]'


def _pinned(
    drawing: Drawer,
    keys: Sequence[str | None],
    body: Mapping[str | None, list[str]],
    blocks: Sequence[Block],
    arrangement: Arrangement,
    split: set[str],
) -> list[str]:
    m = drawing.map
    theme = drawing.theme
    lines = [
        f'\tlayout=nop2 splines=true esep="+1" bgcolor="{theme.background}" outputorder=edgesfirst',
    ]
    lines += drawing.defaults()
    lines.append(NODE_MARGIN)
    at: dict[str, tuple[float, float]] = {}
    boxes: list[tuple[float, float, float, float]] = []
    edge_pos: dict[int, str] = {}
    for key, block, (dx, dy) in zip(keys, blocks, arrangement.offsets, strict=True):
        for name, (x, y, half_width, half_height) in block.nodes.items():
            at[name] = (x + dx, y + dy)
            boxes.append((x + dx, y + dy, half_width, half_height))
        edges = {ends: list(found) for ends, found in block.edges.items()}
        for index in _inner(m, key, body):
            relation = m.relations[index]
            pos, _ = edges[(relation.source, relation.target)].pop(0)
            edge_pos[index] = _shift(pos, dx, dy)
        for line in body[key]:
            stripped = line.strip()
            if block.cluster is not None and stripped.startswith("label="):
                bb, label_at = block.cluster
                line += f' bb="{_shift_box(bb, dx, dy)}"'
                if label_at:
                    line += f' lp="{_shift(label_at, dx, dy)}"'
            elif stripped.startswith('"') and " -> " in stripped.split(" [", 1)[0]:
                tail, _, head = stripped.split(" [", 1)[0].partition(" -> ")
                spline, edge_label = edges[(tail.strip('"'), head.strip('"'))].pop(0)
                line = _with_pos(line, _shift(spline, dx, dy))
                if edge_label:
                    line = line[:-1] + f' lp="{_shift(edge_label, dx, dy)}"]'
            elif stripped.startswith('"'):
                name = stripped[1 : stripped.index('"', 1)]
                if name in at:
                    x, y = at[name]
                    line = _with_pos(line, f"{x:.2f},{y:.2f}", pin=True)
            lines.append(line)
    for index, relation in enumerate(m.relations):
        written = list(drawing.relation(relation, split))
        known = edge_pos.get(index)
        if relation.id is not None and relation.id in split:
            if known is not None:
                first, second, point = split_spline(known)
            else:
                point = _free_point(at[relation.source], at[relation.target], boxes)
                boxes.append((*point, 3.0, 3.0))
                first = second = ""
            junction = drawing.junction(relation, "\t")
            lines.append(_with_pos(junction, f"{point[0]:.2f},{point[1]:.2f}", pin=True))
            if first:
                written = [_with_pos(written[0], first), _with_pos(written[1], second)]
        elif known is not None:
            written = [_with_pos(written[0], known)]
        lines.extend(written)
    text = drawing.title_text()
    if text is not None:
        top = arrangement.height - _title_height(drawing) / 2
        lines.append(
            f'\tlabel={text} labelloc=t labeljust=c lp="{arrangement.width / 2:.2f},{top:.2f}"'
        )
    return lines
