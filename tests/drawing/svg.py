"""Reading what Graphviz drew: nodes, edges and clusters of an SVG, with their texts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import attrs

__all__ = ["Drawing", "Shape", "parse_svg"]

_SVG = "{http://www.w3.org/2000/svg}"
_XLINK = "{http://www.w3.org/1999/xlink}"


@attrs.frozen(kw_only=True)
class Shape:
    """One drawn thing: its Graphviz name, the lines of text in it, its tooltip and link."""

    name: str
    texts: tuple[str, ...]
    tooltip: str | None
    href: str | None


@attrs.frozen(kw_only=True)
class Drawing:
    """Everything of interest in one SVG, by Graphviz name."""

    title: tuple[str, ...]
    nodes: dict[str, Shape]
    edges: list[Shape]
    clusters: dict[str, Shape]


def _shape(group: ET.Element) -> Shape:
    title = group.find(f"{_SVG}title")
    assert title is not None
    assert title.text is not None
    link = group.find(f".//{_SVG}a")
    return Shape(
        name=title.text,
        texts=tuple(t.text or "" for t in group.iter(f"{_SVG}text")),
        tooltip=None if link is None else link.get(f"{_XLINK}title"),
        href=None if link is None else link.get(f"{_XLINK}href"),
    )


def parse_svg(data: bytes) -> Drawing:
    """The nodes, edges, clusters and graph title of Graphviz's SVG `data`."""
    root = ET.fromstring(data)
    graph = root.find(f"{_SVG}g")
    assert graph is not None
    assert graph.get("class") == "graph"
    nodes: dict[str, Shape] = {}
    edges: list[Shape] = []
    clusters: dict[str, Shape] = {}
    for group in graph.iter(f"{_SVG}g"):
        kind = group.get("class")
        if kind == "node":
            shape = _shape(group)
            assert shape.name not in nodes, f"node {shape.name!r} drawn twice"
            nodes[shape.name] = shape
        elif kind == "edge":
            edges.append(_shape(group))
        elif kind == "cluster":
            shape = _shape(group)
            clusters[shape.name] = shape
    title = tuple(t.text or "" for t in graph.findall(f"{_SVG}text"))
    return Drawing(title=title, nodes=nodes, edges=edges, clusters=clusters)
