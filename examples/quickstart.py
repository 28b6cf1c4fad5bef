"""argmap as a library: build a small map in code, check it, anchor its quotes, save it.

Run: python examples/quickstart.py [OUTPUT_FOLDER]   (default: out/quickstart)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import argmap
from argmap import ArgumentMap, Node, Quote, Relation, Section, Source

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parent / "seeds" / "nato_indo_pacific.txt"


def build(folder: Path) -> ArgumentMap:
    """The article's closing argument in five nodes, each quoting the article.

    The source's path is written relative to `folder`, where the map is saved,
    as it would be in a file kept beside the map.
    """
    article = Source(
        id="article",
        title="Rhetoric Meets Reality: NATO’s Indo-Pacific Turn",
        path=os.path.relpath(ARTICLE, folder),
    )

    def node(id: str, kind: str, text: str, quote: str, section: str = "seizing") -> Node:
        return Node(
            id=id,
            kind=kind,  # a string is converted to its NodeKind
            text=text,
            section=section,
            quotes=[Quote(source="article", text=quote)],
        )

    return ArgumentMap(
        title="NATO and the Indo-Pacific, in brief",
        sources=[article],
        sections=[
            Section(id="reality", title="Discussion Meets Reality"),
            Section(id="seizing", title="Seizing the Opportunity"),
        ],
        nodes=[
            node(
                "welcome",
                "claim",
                "NATO's Indo-Pacific engagement should be welcomed.",
                "should be welcomed rather than discouraged",
            ),
            node(
                "flagships",
                "evidence",
                "The four flagship projects are realistic and timely.",
                "The four flagship projects that emerged from the 2024 summit are realistic "
                "and timely",
            ),
            node(
                "overstretch",
                "objection",
                "The alliance cannot afford to overextend itself.",
                "can ill afford to overextend itself",
                section="reality",
            ),
            node(
                "cheap",
                "rebuttal",
                "Deeper ties need only limited time and resources.",
                "Both would require only limited investments of time and resources.",
            ),
            node(
                "offices",
                "recommendation",
                "Open more than one liaison office in the region.",
                "possibly by establishing more than one liaison office in the region",
            ),
        ],
        relations=[
            Relation(source="flagships", target="welcome", kind="supports"),
            Relation(source="overstretch", target="welcome", kind="attacks", id="r-stretch"),
            Relation(source="cheap", target="r-stretch", kind="undercuts"),
            Relation(source="welcome", target="offices", kind="supports"),
        ],
    )


def main(output: Path) -> int:
    output.mkdir(parents=True, exist_ok=True)
    # Raises argmap.ValidationError, listing every problem; quotes come back anchored.
    m = argmap.validate(build(output), base=output)
    anchored = [(n.id, q.start, q.end) for n in m.nodes for q in n.quotes]
    print(f"{len(m.nodes)} nodes, {len(m.relations)} relations; every quote found:")
    for id, start, end in anchored:
        print(f"  {id:<12} characters {start}–{end} of the article")
    attacks = [r for r in m.incoming("welcome") if r.kind is argmap.RelationKind.ATTACKS]
    for attack in attacks:
        answers = [r.source for r in m.incoming(attack.id or "")]
        print(f"objection {attack.source!r} is undercut by {answers}")
    argmap.dump(m, output / "quickstart.yaml")
    argmap.dump(m, output / "quickstart.json")
    print(f"saved {output / 'quickstart.yaml'} and {output / 'quickstart.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out/quickstart")))
