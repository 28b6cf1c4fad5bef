"""networkx graphs and GraphML (networkx is an extra: `pip install argmap[networkx]`).

`to_networkx` gives a `MultiDiGraph`: one graph node per argmap node (attributes
`kind`, `text`, `section`, `tags`, `attribution`, `quotes`), one edge per
relation from `source` to `target` (attributes `kind`, `id`, `argument`,
`scheme`). An undercut targets a relation, and a graph has no edge to an edge:
each relation that an undercut targets also becomes a graph node of its own
(`kind="relation"`, keyed by the relation's id), and the undercut is an edge to it.
"""

from __future__ import annotations

import io
import json
import os
from typing import Any

from .._atomic import write_atomic
from .._expect import expect_map
from ..errors import FormatError
from ..model import ArgumentMap, RelationKind

__all__ = ["dump_graphml", "dumps_graphml", "to_networkx"]


def _networkx() -> Any:
    try:
        import networkx  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise FormatError(
            "networkx is not installed; install it with: pip install 'argmap[networkx]'"
        ) from None
    return networkx


def to_networkx(argument_map: ArgumentMap) -> Any:
    """The map as a `networkx.MultiDiGraph` (see the module's documentation).

    Args:
        argument_map: the map.

    Returns:
        A `networkx.MultiDiGraph`: a graph node a map node (attributes `kind`,
        `text`, `quotes`, ...), an edge a relation (`kind`, `id`); an undercut
        is an edge into a node standing for the relation it cuts.

    Raises:
        FormatError: networkx is not installed (`pip install 'argmap[networkx]'`).
    """
    expect_map(argument_map)
    graph = _networkx().MultiDiGraph(title=argument_map.title)
    for node in argument_map.nodes:
        graph.add_node(
            node.id,
            kind=node.kind.value,
            text=node.text,
            section=node.section,
            tags=list(node.tags),
            attribution=node.attribution,
            quotes=[{"source": q.source, "text": q.text} for q in node.quotes],
        )
    undercut = {r.target for r in argument_map.relations if r.kind is RelationKind.UNDERCUTS}
    for relation in argument_map.relations:
        if relation.id is not None and relation.id in undercut:
            graph.add_node(
                relation.id,
                kind="relation",
                relation=relation.kind.value,
                source=relation.source,
                target=relation.target,
            )
    for relation in argument_map.relations:
        graph.add_edge(
            relation.source,
            relation.target,
            kind=relation.kind.value,
            id=relation.id,
            argument=relation.argument,
            scheme=relation.scheme,
        )
    return graph


def dumps_graphml(argument_map: ArgumentMap) -> str:
    """The map as GraphML text (lists and quotes as JSON strings; absent values left out)."""
    expect_map(argument_map)
    networkx = _networkx()
    graph = to_networkx(argument_map)
    for _, data in graph.nodes(data=True):
        _plain(data)
    for _, _, data in graph.edges(data=True):
        _plain(data)
    buffer = io.BytesIO()
    networkx.write_graphml(graph, buffer)
    return buffer.getvalue().decode("utf-8")


def _plain(data: dict[str, Any]) -> None:
    # GraphML holds scalars only.
    for key in list(data):
        value = data[key]
        if value is None or value == []:
            del data[key]
        elif isinstance(value, list):
            data[key] = json.dumps(value, ensure_ascii=False)


def dump_graphml(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write the map as GraphML to `path`, atomically."""
    write_atomic(path, dumps_graphml(argument_map).encode("utf-8"))
