"""Mermaid flowchart text: a map GitHub draws in Markdown, without Graphviz.

Nodes are boxes labelled with their kind and text; supports are solid arrows
labelled `supports`, attacks dashed arrows labelled `attacks`. Mermaid has no
edge to an edge, so each undercut goes to a small circle standing on the
relation it targets (the relation is drawn through that circle).
"""

from __future__ import annotations

import os

from .._atomic import write_atomic
from .._expect import expect_map
from ..model import ArgumentMap, RelationKind

__all__ = ["dump", "dumps"]

_SHAPES = {
    "claim": ("[", "]"),
    "evidence": ("[(", ")]"),
    "objection": ("{{", "}}"),
    "rebuttal": ("[/", "/]"),
    "recommendation": ("([", "])"),
}


def _label(text: str) -> str:
    # Mermaid reads "..." labels with HTML entities; a quote or # would end or escape them.
    escaped = (
        text.replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("#", "&#35;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", " ")
    )
    return f'"{escaped}"'


def dumps(argument_map: ArgumentMap) -> str:
    """The map as a Mermaid `flowchart BT` (conclusions on top)."""
    expect_map(argument_map)
    ids: dict[str, str] = {}
    lines = ["flowchart BT"]
    for index, node in enumerate(argument_map.nodes):
        ids.setdefault(node.id, f"n{index}")
        left, right = _SHAPES[node.kind.value]
        lines.append(f"  {ids[node.id]}{left}{_label(f'{node.kind.value}: {node.text}')}{right}")
    hubs: dict[str, str] = {}
    for index, relation in enumerate(argument_map.relations):
        if relation.id is not None and any(
            r.kind is RelationKind.UNDERCUTS and r.target == relation.id
            for r in argument_map.incoming(relation.id)
        ):
            hubs[relation.id] = f"r{index}"
    for index, relation in enumerate(argument_map.relations):
        source = ids.get(relation.source, f"x{index}")
        word = relation.kind.value + (f" ({relation.scheme})" if relation.scheme else "")
        arrow = "-.->" if relation.kind is not RelationKind.SUPPORTS else "-->"
        if relation.kind is RelationKind.UNDERCUTS:
            target = hubs.get(relation.target, f"x{index}")
        else:
            target = ids.get(relation.target, f"x{index}")
        hub = hubs.get(relation.id) if relation.id is not None else None
        if hub is not None:
            lines.append(f"  {hub}(( ))")
            lines.append(f"  {source} --- {hub}")
            source = hub
        lines.append(f"  {source} {arrow}|{_label(word)}| {target}")
    return "\n".join(lines) + "\n"


def dump(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write the Mermaid text of a map to `path`, atomically."""
    write_atomic(path, dumps(argument_map).encode("utf-8"))
