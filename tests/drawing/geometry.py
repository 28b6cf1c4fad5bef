"""Where Graphviz drew things in an SVG: page size, scale, boxes, points and paths."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

__all__ = ["Geometry", "distance_to_segment", "read_geometry"]

_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")

Box = tuple[float, float, float, float]  # left, top, right, bottom (SVG: y grows down)


class Geometry:
    """An SVG's size in points, the scale its drawing is shown at, and its shapes' points."""

    def __init__(self, data: bytes) -> None:
        root = ET.fromstring(data)
        self.width = float(root.get("width", "0").removesuffix("pt"))
        self.height = float(root.get("height", "0").removesuffix("pt"))
        view = [float(v) for v in root.get("viewBox", "").split()]
        graph = root.find(f"{_SVG}g")
        assert graph is not None
        found = re.search(r"scale\(([\d.]+)", graph.get("transform", ""))
        inner = float(found.group(1)) if found else 1.0
        # Graphviz scales by the transform, and by the viewBox where it differs from the size.
        self.scale = inner * self.width / view[2]
        self.points: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for group in graph.iter(f"{_SVG}g"):
            kind = group.get("class")
            title = group.find(f"{_SVG}title")
            if kind not in ("node", "edge", "cluster") or title is None or title.text is None:
                continue
            self.points[(kind, title.text)] = _points(group)

    def box(self, kind: str, name: str) -> Box:
        """The bounding box of a node, edge or cluster."""
        points = self.points[(kind, name)]
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        return min(xs), min(ys), max(xs), max(ys)

    def centre(self, name: str) -> tuple[float, float]:
        """The middle of a node."""
        left, top, right, bottom = self.box("node", name)
        return (left + right) / 2, (top + bottom) / 2

    def path(self, edge: str) -> list[tuple[float, float]]:
        """The points of an edge's line (its first path: the curve, not the arrowhead)."""
        return self.points[("edge", edge)]


def _points(group: ET.Element) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for shape in group.iter():
        tag = shape.tag.removeprefix(_SVG)
        if tag == "path":
            numbers = [float(v) for v in _NUMBER.findall(shape.get("d", ""))]
        elif tag in ("polygon", "polyline"):
            numbers = [float(v) for v in _NUMBER.findall(shape.get("points", ""))]
        elif tag == "ellipse":
            cx, cy, rx, ry = (float(shape.get(k, "0")) for k in ("cx", "cy", "rx", "ry"))
            numbers = [cx - rx, cy - ry, cx + rx, cy + ry]
        else:
            continue
        points += list(zip(numbers[0::2], numbers[1::2], strict=False))
        if tag == "path" and group.get("class") == "edge":
            break  # the line itself; the arrowhead's polygon follows
    return points


def distance_to_segment(
    point: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> float:
    """How far `point` is from the straight segment from `a` to `b`."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0
    if length:
        t = max(0.0, min(1.0, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length))
    return math.hypot(point[0] - a[0] - t * dx, point[1] - a[1] - t * dy)


def read_geometry(data: bytes) -> Geometry:
    """The geometry of Graphviz's SVG `data`."""
    return Geometry(data)
