"""Argdown export: a map as Argdown text that Argdown's own tools read back.

Each node is a statement `[id]: text`, with its tags as `#(tag)` and its kind
and section as data (`{kind: "claim"}`); sections become headings. Relations
are written under their target: `+ [source]` for supports, `- [source]` for
attacks. Argdown draws undercuts only between arguments, not statements: the
undercuts of a map are not written, and a comment at the top of the text
counts them. Import of Argdown is not written yet (docs/interchange.md).
"""

from __future__ import annotations

import json
import os

from .._atomic import write_atomic
from .._wording import plural
from ..model import ArgumentMap, Node, RelationKind

__all__ = ["dump", "dumps"]


def _text(value: str) -> str:
    # Argdown reads [ ] < > # { } and a line-leading + - as syntax; flatten lines too.
    flat = " ".join(value.split())
    for char in "[]<>{}#@*_":
        flat = flat.replace(char, "\\" + char)
    return flat


def _statement(node: Node) -> str:
    tags = "".join(f" #({_text(tag).replace(')', '')})" for tag in node.tags)
    data = {"kind": node.kind.value}
    if node.attribution:
        data["attribution"] = node.attribution
    written = ", ".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in data.items()
    )
    return f"[{node.id}]: {_text(node.text)}{tags} {{{written}}}"


def dumps(argument_map: ArgumentMap) -> str:
    """The map as Argdown text."""
    lines = ["===", f"title: {json.dumps(argument_map.title, ensure_ascii=False)}", "===", ""]
    undercuts = sum(1 for r in argument_map.relations if r.kind is RelationKind.UNDERCUTS)
    if undercuts:
        lines += [
            f"// argmap: {plural(undercuts, 'undercut')} not written "
            "(Argdown undercuts join arguments, not statements)",
            "",
        ]
    titles = {s.id: s.title for s in argument_map.sections}
    current: str | None = None
    for node in sorted(argument_map.nodes, key=lambda n: n.section is not None):
        if node.section != current and node.section is not None:
            lines += ["", f"# {_text(titles.get(node.section, node.section))}", ""]
            current = node.section
        lines += [_statement(node), ""]
    lines += ["", "# Relations", ""] if argument_map.relations else []
    for node in argument_map.nodes:
        incoming = [
            r for r in argument_map.incoming(node.id) if r.kind is not RelationKind.UNDERCUTS
        ]
        if not incoming:
            continue
        lines.append(f"[{node.id}]")
        for relation in incoming:
            sign = "+" if relation.kind is RelationKind.SUPPORTS else "-"
            lines.append(f"  {sign} [{relation.source}]")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def dump(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write the Argdown text of a map to `path`, atomically."""
    write_atomic(path, dumps(argument_map).encode("utf-8"))
