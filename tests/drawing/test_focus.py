"""Views of part of a map: a node's neighbourhood, some kinds, some sections."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, NodeKind, Severity
from argmap.drawing import focus, select
from argmap.strategies import argument_maps

from .maps import small


def ids(m: ArgumentMap) -> set[str]:
    return {node.id for node in m.nodes}


def test_depth_zero_is_the_node_alone() -> None:
    view = focus(small(), "e", depth=0)
    assert ids(view) == {"e"}
    assert view.relations == ()


def test_one_step_reaches_both_supporters_and_what_is_supported() -> None:
    assert ids(focus(small(), "e", depth=1)) == {"e", "c"}
    assert ids(focus(small(), "c", depth=1)) >= {"c", "e", "o"}


def test_an_undercut_is_one_step_from_both_ends_of_the_relation_it_undercuts() -> None:
    assert ids(focus(small(), "b", depth=1)) == {"b", "o", "c"}
    around_claim = focus(small(), "c", depth=1)
    assert "b" in ids(around_claim)
    assert [r.kind.value for r in around_claim.relations] == ["supports", "attacks", "undercuts"]


def test_the_view_keeps_only_relations_sections_and_sources_it_uses() -> None:
    view = focus(small(), "e", depth=1)
    assert [(r.source, r.target) for r in view.relations] == [("e", "c")]
    assert [s.id for s in view.sections] == ["s1"]
    assert [s.id for s in view.sources] == ["paper"]
    assert view.title == "Small \u2014 around e, 1 step"  # a view says it is partial


def test_selecting_objections_and_rebuttals_keeps_their_undercuts_with_context() -> None:
    # The docs' own example: without the claim, the rebuttal's undercut of the
    # objection's attack would vanish and leave the rebuttal floating.
    view = select(small(), kinds=["objection", "rebuttal"])
    assert sorted(n.id for n in view.nodes) == ["b", "c", "o"]
    kinds = {(r.source, r.target, r.kind.value) for r in view.relations}
    assert ("b", "r1", "undercuts") in kinds
    assert ("o", "c", "attacks") in kinds
    assert view.title == "Small \u2014 only objection, rebuttal; with 1 node of context"


def test_a_selection_by_section_says_which() -> None:
    assert select(small(), sections=["s1"]).title == "Small \u2014 only in First part"


def test_an_undercut_stays_out_when_the_relation_it_undercuts_does() -> None:
    view = select(small(), kinds=["claim", "rebuttal", "evidence"])
    assert ids(view) == {"c", "e", "b"}
    assert all(r.kind.value != "undercuts" for r in view.relations)


def test_an_unknown_focus_is_refused_with_the_closest_ids() -> None:
    with pytest.raises(KeyError, match="no node with id 'cc' \\(did you mean 'c'"):
        focus(small(), "cc")


@pytest.mark.parametrize("depth", [-1, 1.5, True])
def test_depth_must_be_a_whole_number_of_steps(depth: object) -> None:
    with pytest.raises(ValueError, match="depth must be an integer >= 0"):
        focus(small(), "c", depth=depth)  # type: ignore[arg-type]


def test_select_keeps_the_kinds_asked_for() -> None:
    view = select(small(), kinds=[NodeKind.CLAIM, "objection"])
    assert ids(view) == {"c", "o"}
    assert [(r.source, r.target) for r in view.relations] == [("o", "c")]


def test_select_keeps_the_sections_asked_for() -> None:
    assert ids(select(small(), sections=["s1"])) == {"c", "e"}
    assert ids(select(small(), sections=["s1"], kinds=["claim"])) == {"c"}


def test_select_refuses_unknown_kinds_and_sections_naming_the_choices() -> None:
    with pytest.raises(ValueError, match="claim, evidence, objection, rebuttal, recommendation"):
        select(small(), kinds=["premise"])
    with pytest.raises(ValueError, match="its sections are s1, s2"):
        select(small(), sections=["s3"])
    with pytest.raises(TypeError, match="not a string"):
        select(small(), kinds="claim")


def _errors(m: ArgumentMap) -> list[str]:
    try:
        argmap.validate(m)
    except argmap.ValidationError as error:
        return [str(p) for p in error.problems if p.severity is Severity.ERROR]
    return []


@given(argument_maps(), st.integers(0, 3), st.data())
def test_a_focus_view_is_a_valid_map_that_grows_with_depth(
    m: ArgumentMap, depth: int, data: st.DataObject
) -> None:
    node = data.draw(st.sampled_from([n.id for n in m.nodes]))
    view = focus(m, node, depth=depth)
    assert _errors(view) == []
    assert node in ids(view)
    assert ids(view) <= ids(focus(m, node, depth=depth + 1))
    assert set(view.relations) <= set(m.relations)


@given(argument_maps(), st.sets(st.sampled_from(list(NodeKind))))
def test_a_kinds_view_is_a_valid_map_of_those_kinds(m: ArgumentMap, kinds: set[NodeKind]) -> None:
    view = select(m, kinds=kinds)
    assert _errors(view) == []
    chosen = {n.id for n in m.nodes if n.kind in kinds}
    assert chosen <= ids(view)
    # Anything else is context: an end of a relation that a chosen node undercuts.
    by_id = {r.id: r for r in m.relations}
    ends = set()
    for r in m.relations:
        if r.kind.value == "undercuts" and r.source in chosen:
            target = by_id.get(r.target)
            while target is not None and target.kind.value == "undercuts":
                target = by_id.get(target.target)
            if target is not None:
                ends.add(target.target)
    assert ids(view) - chosen <= ends
