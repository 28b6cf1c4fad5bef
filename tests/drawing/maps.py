"""Small maps the render tests share, each built for what it shows."""

from __future__ import annotations

from argmap import ArgumentMap, Node, Quote, Relation, Section, Source

__all__ = ["fan", "small"]


def small() -> ArgumentMap:
    """A claim with evidence, an objection whose attack a rebuttal undercuts, two sections.

    ```
    e --supports--> c <--attacks(r1)-- o        b --undercuts--> r1
    ```
    """
    return ArgumentMap(
        title="Small",
        sources=[
            Source(
                id="paper",
                title="The Paper",
                author="A. Author",
                url="https://example.org/p?a=1&b=2",
            ),
            Source(id="memo", title="A Memo", url="javascript:alert(1)"),
        ],
        sections=[Section(id="s1", title="First part"), Section(id="s2", title="Second part")],
        nodes=[
            Node(id="c", kind="claim", text="Cats are good company.", section="s1"),
            Node(
                id="e",
                kind="evidence",
                text="They purr.",
                section="s1",
                quotes=[Quote(source="paper", text="cats purr")],
            ),
            Node(
                id="o",
                kind="objection",
                text="They scratch.",
                section="s2",
                quotes=[Quote(source="memo", text="scratches")],
            ),
            Node(id="b", kind="rebuttal", text="Only when teased.", attribution="A vet"),
        ],
        relations=[
            Relation(source="e", target="c", kind="supports"),
            Relation(source="o", target="c", kind="attacks", id="r1"),
            Relation(source="b", target="r1", kind="undercuts"),
        ],
    )


def fan(leaves: int) -> ArgumentMap:
    """A claim that `leaves` pieces of evidence support, nothing else."""
    return ArgumentMap(
        title="Fan",
        nodes=[
            Node(id="c", kind="claim", text="A claim."),
            *(Node(id=f"e{i}", kind="evidence", text=f"Evidence {i}.") for i in range(leaves)),
        ],
        relations=[Relation(source=f"e{i}", target="c", kind="supports") for i in range(leaves)],
    )
