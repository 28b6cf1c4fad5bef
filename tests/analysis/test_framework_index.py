"""The framework index: the map flattening's own index against the public constructor's,
and against a plain reference flattening, on valid and broken maps; the labelling mapping."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.strategies
from argmap import ArgumentMap, Node, Relation
from argmap.analysis import (
    Framework,
    evaluate,
    framework,
    grounded_extension,
    grounded_labelling,
    preferred_extensions,
)
from argmap.analysis.framework import _Index
from argmap.model import RelationKind


def reference(m: ArgumentMap, *, evidential: bool = True) -> Framework:
    """The flattening of argmap.analysis.framework, written plainly (names, sets, no index)."""
    nodes = {node.id for node in m.nodes}
    arguments: dict[str, None] = dict.fromkeys(node.id for node in m.nodes)
    relations = {r.id: r for r in m.relations if r.id is not None}
    undercut = {r.target for r in m.relations if r.kind is RelationKind.UNDERCUTS}
    attacks: list[tuple[str, str]] = []

    def link(source: str, target: str, relation_id: str | None) -> None:
        if relation_id is not None and relation_id in undercut:
            inactive, holds = f"inactive:{relation_id}", f"holds:{relation_id}"
            arguments.setdefault(inactive)
            arguments.setdefault(holds)
            attacks.extend(((source, inactive), (inactive, holds), (holds, target)))
        else:
            attacks.append((source, target))

    for relation in m.relations:
        if relation.source not in nodes:
            continue
        if relation.kind is RelationKind.UNDERCUTS:
            if relation.target in relations and relations[relation.target].source in nodes:
                link(relation.source, f"holds:{relation.target}", relation.id)
            continue
        if relation.target not in nodes:
            continue
        if relation.kind is RelationKind.ATTACKS:
            link(relation.source, relation.target, relation.id)
        elif evidential:
            lack = f"support:{relation.target}"
            if lack not in arguments:
                arguments[lack] = None
                attacks.append((lack, relation.target))
            if relation.argument is None:
                link(relation.source, lack, relation.id)
                continue
            linked = f"linked:{relation.argument}"
            if linked not in arguments:
                arguments[linked] = None
                attacks.append((linked, lack))
            missing = f"premise:{relation.argument}:{relation.source}"
            arguments.setdefault(missing)
            attacks.append((missing, linked))
            link(relation.source, missing, relation.id)
    return Framework(
        arguments=tuple(arguments),
        attacks=tuple((s, t) for s, t in attacks if s in arguments and t in arguments),
    )


def index_lists(fw: Framework) -> tuple[object, ...]:
    index = fw._index
    assert isinstance(index, _Index)  # small: pure Python (tests/analysis/test_bulk.py: numpy)
    return (
        list(index.position.items()),
        index.last,
        index.previous,
        index.ends,
        index.indegree,
        index.targets,
        index.attackers,
    )


_IDS = ("a", "b", "c", "d", "e")
_RELATION_IDS = ("r1", "r2", "r3", "r4")


@st.composite
def broken_maps(draw: st.DrawFn) -> ArgumentMap:
    """Maps with repeated ids, relations naming nothing, undercuts of undercuts and of
    relations that come later or are left out, linked arguments: whatever the model takes."""
    ids = draw(st.lists(st.sampled_from(_IDS), min_size=1, max_size=6))
    ends = st.sampled_from((*_IDS, "zz"))
    relations = draw(
        st.lists(
            st.builds(
                Relation,
                source=ends,
                target=st.one_of(ends, st.sampled_from((*_RELATION_IDS, "r9"))),
                kind=st.sampled_from(list(RelationKind)),
                id=st.one_of(st.none(), st.sampled_from(_RELATION_IDS)),
                argument=st.one_of(st.none(), st.sampled_from(("g1", "g2"))),
            ),
            max_size=12,
        )
    )
    return ArgumentMap(
        title="t",
        nodes=[Node(id=i, kind="claim", text=f"{i}.") for i in ids],
        relations=relations,
    )


@settings(max_examples=300, deadline=None)
@given(broken_maps(), st.booleans())
def test_flattening_matches_the_reference_on_broken_maps(m: ArgumentMap, evidential: bool) -> None:
    fw = framework(m, supports="evidential" if evidential else "ignore")
    expected = reference(m, evidential=evidential)
    assert fw == expected
    assert (fw.arguments, fw.attacks) == (expected.arguments, expected.attacks)
    # The index made while flattening is the one the public constructor makes.
    assert index_lists(fw) == index_lists(expected)
    assert grounded_labelling(fw) == grounded_labelling(expected)


@settings(max_examples=100, deadline=None)
@given(argmap.strategies.argument_maps(max_nodes=20))
def test_flattening_matches_the_reference_on_valid_maps(m: ArgumentMap) -> None:
    fw = framework(m)
    expected = reference(m)
    assert (fw.arguments, fw.attacks) == (expected.arguments, expected.attacks)
    assert index_lists(fw) == index_lists(expected)
    assert preferred_extensions(fw) == preferred_extensions(expected)


@pytest.mark.parametrize("supports", ["evidential", "ignore"])
def test_undercuts_before_what_they_undercut(supports: str) -> None:
    m = ArgumentMap(
        title="t",
        nodes=[Node(id=i, kind="claim", text=f"{i}.") for i in "abcd"],
        relations=[
            Relation(source="c", target="r1", kind="undercuts"),
            Relation(source="d", target="r2", kind="undercuts"),  # r2: a support
            Relation(source="a", target="b", kind="attacks", id="r1"),
            Relation(source="a", target="c", kind="supports", id="r2"),
        ],
    )
    fw = framework(m, supports=supports)  # type: ignore[arg-type]
    expected = reference(m, evidential=supports == "evidential")
    assert (fw.arguments, fw.attacks) == (expected.arguments, expected.attacks)
    assert index_lists(fw) == index_lists(expected)
    assert ("c", "holds:r1") in fw.attacks
    assert (("d", "holds:r2") in fw.attacks) is (supports == "evidential")
    # Without supports c stands and its undercut saves b from a; with them, d's
    # undercut takes c's only support away, and a's attack holds.
    assert grounded_labelling(fw)["b"] == ("out" if supports == "evidential" else "in")


def test_the_labelling_reads_like_the_dict_of_its_labels() -> None:
    fw = Framework.of([("a", "b"), ("b", "c"), ("d", "d"), ("1", "a")], arguments=["e"])
    labels = grounded_labelling(fw)
    expected = {"e": "in", "a": "out", "b": "in", "c": "out", "d": "undec", "1": "in"}
    assert labels == expected
    assert expected == labels
    assert list(labels) == list(fw.arguments) == list(expected)
    assert len(labels) == 6
    assert "d" in labels
    assert "z" not in labels
    assert 1 not in labels  # type: ignore[comparison-overlap]
    assert labels["c"] == "out"
    assert labels.get("z") is None
    assert repr(labels) == repr(expected)
    assert list(labels.items()) == list(expected.items())
    assert list(labels.values()) == list(expected.values())
    assert list(labels.keys()) == list(expected.keys())
    assert ("a", "out") in labels.items()
    assert ("a", "in") not in labels.items()
    assert "undec" in labels.values()
    assert len(labels.values()) == 6
    assert json.loads(json.dumps(dict(labels))) == expected
    with pytest.raises(KeyError):
        labels["z"]
    assert grounded_extension(fw) == frozenset({"e", "b", "1"})


def test_repeated_attacks_count_once_each_way() -> None:
    # A repeated attack is two attacks: its target is in only once both are out.
    fw = Framework(arguments=["a", "b", "c"], attacks=[("a", "b"), ("b", "c"), ("b", "c")])
    assert grounded_labelling(fw) == {"a": "in", "b": "out", "c": "in"}
    assert fw._index.targets == [[1], [2, 2], []]
    assert fw._index.attackers == [[], [0], [1, 1]]


def test_unknown_names_are_reported_with_their_attack() -> None:
    with pytest.raises(ValueError, match=r"attack \('a', 'z'\) names 'z', no argument"):
        Framework(arguments=["a"], attacks=[("a", "a"), ("a", "z")])
    with pytest.raises(ValueError, match=r"attack \('y', 'a'\) names 'y', no argument"):
        Framework(arguments=["a"], attacks=[("y", "a")])
    with pytest.raises(ValueError, match=r"attacks\[0\] must be an \(attacker, attacked\) pair"):
        Framework(arguments=["a"], attacks=[("a", "a", "a")])  # type: ignore[list-item]


def test_grounded_evaluation_solves_once() -> None:
    m = ArgumentMap(
        title="t",
        nodes=[Node(id=i, kind="claim", text=f"{i}.") for i in "abc"],
        relations=[Relation(source="a", target="b", kind="attacks")],
    )
    result = evaluate(m)
    assert result.extensions == (frozenset({"a", "c"}),)
    assert [n.status for n in result.nodes] == ["accepted", "rejected", "accepted"]


def test_of_names_the_given_arguments_first_then_the_others_as_they_come() -> None:
    fw = Framework.of([("b", "a"), ("c", "b"), ("a", "d")], arguments=["z", "a"])
    assert fw.arguments == ("z", "a", "b", "c", "d")
    assert fw.attacks == (("b", "a"), ("c", "b"), ("a", "d"))
    with pytest.raises(ValueError, match=r"attacks\[0\] must be an \(attacker, attacked\) pair"):
        Framework.of([("a", "b", "c")])  # type: ignore[list-item]
    not_a_pair = r"attacks\[0\] must be an \(attacker, attacked\) pair"
    for odd in ([("a",)], [(["x"], "b")], [5]):
        with pytest.raises(ValueError, match=not_a_pair):
            Framework.of(odd)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"arguments\[1\] must be a name"):
        Framework(arguments=["a", ["x"]], attacks=[])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not a string"):
        Framework(arguments="ab", attacks=[])
    with pytest.raises(TypeError, match="not a string"):
        Framework.of([("a", "b")], arguments="ab")
    with pytest.raises(TypeError, match=r"arguments\[1\] must be a name"):
        Framework.of([("a", "b")], arguments=["a", ["x"]])  # type: ignore[list-item]
