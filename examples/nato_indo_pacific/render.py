"""Load the NATO Indo-Pacific map, summarise it, and draw it.

Run: python examples/nato_indo_pacific/render.py [OUTPUT_FOLDER]   (default: out/nato_indo_pacific)

Writes the whole map (SVG and PNG), a view of the objections with their
answers, the map with each node's status under grounded semantics, and the
neighbourhood of one objection (SVG). `./dev diagram` runs it with `docs` to
refresh the pictures there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import argmap
from argmap import ArgumentMap, NodeKind, RelationKind

MAP = Path(__file__).resolve().parent / "map.yaml"
NAME = "nato_indo_pacific"


def objections_view(m: ArgumentMap) -> ArgumentMap:
    """The objections, what they attack, and what answers them."""
    keep = set()
    for objection in m.nodes_of_kind(NodeKind.OBJECTION):
        keep.add(objection.id)
        for relation in m.outgoing(objection.id):
            if relation.kind is RelationKind.ATTACKS:
                keep.add(relation.target)
                keep.update(r.source for r in m.incoming(relation.id or ""))
        keep.update(r.source for r in m.incoming(objection.id) if r.kind is RelationKind.ATTACKS)
    view = m
    for node in m.nodes:
        if node.id not in keep:
            view = view.without_node(node.id)
    used = {node.section for node in view.nodes}
    return ArgumentMap(
        title=f"{m.title}: objections and answers",
        sources=view.sources,
        sections=[s for s in view.sections if s.id in used],
        nodes=view.nodes,
        relations=view.relations,
    )


def main(output: Path) -> int:
    m = argmap.load(MAP)
    print(argmap.summary(m))
    output.mkdir(parents=True, exist_ok=True)
    written = [
        argmap.render(m, output / f"{NAME}.svg"),
        argmap.render(m, output / f"{NAME}.png"),
        argmap.render(m, output / f"{NAME}_a3.png", page="A3", landscape=True, dpi=100),
        argmap.render(objections_view(m), output / f"{NAME}_objections.svg"),
        argmap.render(
            m, output / f"{NAME}_grounded.svg", status=argmap.evaluate(m, "grounded").status()
        ),
        argmap.render(argmap.focus(m, "trump-risk", depth=2), output / f"{NAME}_trump_risk.svg"),
    ]
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out") / NAME))
