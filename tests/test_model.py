"""The value types: validation of fields, lookups, and edits that return new maps."""

from __future__ import annotations

import attrs
import pytest

from argmap import ArgumentMap, Node, NodeKind, Quote, Relation, RelationKind, Section, Source


def small_map() -> ArgumentMap:
    return ArgumentMap(
        title="Small",
        nodes=[
            Node(id="thesis", kind="claim", text="Cats are good company."),
            Node(id="purr", kind="evidence", text="They purr."),
            Node(id="allergy", kind="objection", text="Many people are allergic."),
            Node(id="breeds", kind="rebuttal", text="Some breeds shed little."),
        ],
        relations=[
            Relation(source="purr", target="thesis", kind="supports"),
            Relation(source="allergy", target="thesis", kind="attacks", id="r-allergy"),
            Relation(source="breeds", target="r-allergy", kind="undercuts"),
        ],
    )


def test_kinds_are_converted_from_their_names_and_compare_as_strings() -> None:
    node = Node(id="a", kind="claim", text="x")
    assert node.kind is NodeKind.CLAIM
    assert isinstance(node.kind, str)
    assert f"{node.kind}s" == "claims"
    assert Relation(source="a", target="b", kind="undercuts").kind is RelationKind.UNDERCUTS


def test_sequences_become_tuples_so_maps_are_hashable() -> None:
    node = Node(id="a", kind="claim", text="x", tags=["one", "two"])
    assert node.tags == ("one", "two")
    m = ArgumentMap(title="t", nodes=[node])
    assert isinstance(m.nodes, tuple)
    assert hash(m) == hash(ArgumentMap(title="t", nodes=(node,)))


def test_value_types_are_frozen() -> None:
    node = Node(id="a", kind="claim", text="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        node.text = "y"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda: Node(id="1a", kind="claim", text="x"), ValueError, ["'id'", "'1a'"]),
        (lambda: Node(id=5, kind="claim", text="x"), TypeError, ["'id'", "integer 5"]),  # type: ignore[arg-type]
        (lambda: Node(id="a", kind="clam", text="x"), ValueError, ["NodeKind", "'clam'", "claim"]),
        (lambda: Node(id="a", kind="claim", text="  \n"), ValueError, ["'text'", "non-blank"]),
        (
            lambda: Node(id="a", kind="claim", text="x", tags=[1]),
            TypeError,
            ["tags[0]", "integer 1"],
        ),
        (
            lambda: Node(id="a", kind="claim", text="x", tags=[" "]),
            ValueError,
            ["tags[0]", "blank"],
        ),
        (
            lambda: Node(id="a", kind="claim", text="x", tags="ab"),
            TypeError,
            ["'tags'", "sequence"],
        ),
        (lambda: Relation(source="a", target="b", kind="rebuts"), ValueError, ["'rebuts'"]),
        (lambda: Section(id="s", title=""), ValueError, ["'title'"]),
        (lambda: Source(id="s", path=3), TypeError, ["'path'"]),  # type: ignore[arg-type]
        (lambda: Quote(source="s", text="abc", start=1, end=5), ValueError, ["'end'", "4"]),
        (lambda: Quote(source="s", text="abc", start=1), ValueError, ["go together"]),
        (lambda: Quote(source="s", text="abc", start=-1, end=2), ValueError, ["'start'"]),
        (lambda: ArgumentMap(title="t", nodes=["a"]), TypeError, ["nodes[0]", "Node"]),
        (lambda: ArgumentMap(title="t", metadata={1: 2}), TypeError, ["metadata"]),  # type: ignore[dict-item]
    ],
)
def test_field_validators_name_the_field_the_expectation_and_the_value(
    make: object, error: type[Exception], words: list[str]
) -> None:
    with pytest.raises(error) as caught:
        make()  # type: ignore[operator]
    for word in words:
        assert word in str(caught.value)


def test_ids_with_a_trailing_newline_are_refused() -> None:
    with pytest.raises(ValueError, match="'id'"):
        Node(id="a\n", kind="claim", text="x")


def test_lookups_find_nodes_relations_and_both_directions() -> None:
    m = small_map()
    assert m.node("purr").text == "They purr."
    assert m.relation("r-allergy").source == "allergy"
    assert [r.source for r in m.incoming("thesis")] == ["purr", "allergy"]
    assert [r.target for r in m.outgoing("breeds")] == ["r-allergy"]
    assert m.incoming("r-allergy")[0].kind is RelationKind.UNDERCUTS
    assert m.incoming("purr") == ()
    assert m.has_node("thesis")
    assert not m.has_node("r-allergy")
    assert [n.id for n in m.nodes_of_kind("objection")] == ["allergy"]


def test_a_missing_id_raises_key_error_naming_it() -> None:
    with pytest.raises(KeyError, match="nope"):
        small_map().node("nope")
    with pytest.raises(KeyError, match="nope"):
        small_map().relation("nope")


def test_with_node_adds_or_replaces_and_leaves_the_original_alone() -> None:
    m = small_map()
    replaced = m.with_node(Node(id="purr", kind="evidence", text="They purr loudly."))
    assert replaced.node("purr").text == "They purr loudly."
    assert [n.id for n in replaced.nodes] == [n.id for n in m.nodes]
    assert m.node("purr").text == "They purr."
    added = m.with_node(Node(id="new", kind="claim", text="New."))
    assert added.nodes[-1].id == "new"
    assert len(added.nodes) == len(m.nodes) + 1


def test_without_node_drops_its_relations_and_the_undercuts_of_those() -> None:
    m = small_map().without_node("allergy")
    assert not m.has_node("allergy")
    assert [(r.source, r.target) for r in m.relations] == [("purr", "thesis")]


def test_without_relation_drops_the_undercuts_that_target_it() -> None:
    m = small_map()
    smaller = m.without_relation(m.relation("r-allergy"))
    assert len(smaller.relations) == 1
    with pytest.raises(KeyError):
        smaller.without_relation(m.relation("r-allergy"))


def test_with_relation_replaces_a_relation_with_the_same_id() -> None:
    m = small_map()
    swapped = m.with_relation(
        Relation(source="breeds", target="thesis", kind="supports", id="r-allergy")
    )
    assert swapped.relation("r-allergy").source == "breeds"
    assert len(swapped.relations) == len(m.relations)


def test_lookups_of_an_edited_map_see_the_edit() -> None:
    m = small_map()
    assert m.node("thesis")  # builds the index of the original
    edited = m.with_node(Node(id="late", kind="claim", text="Late."))
    assert edited.node("late").text == "Late."
    with pytest.raises(KeyError):
        m.node("late")
