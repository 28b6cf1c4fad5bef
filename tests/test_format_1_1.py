"""Format 1.1: linked arguments, schemes, kinds as roles; 1.0 files still read."""

from __future__ import annotations

from typing import Any

import pytest

import argmap
from argmap._checks import check_document
from argmap.errors import Severity


def doc(relations: list[dict[str, Any]], version: str = "1.1", **kinds: str) -> dict[str, Any]:
    nodes = [{"id": i, "kind": k, "text": f"text of {i}"} for i, k in kinds.items()]
    return {"argmap": version, "title": "t", "nodes": nodes, "relations": relations}


def codes(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = check_document(document, texts={}).problems
    return [(p.code, p.path, p.severity.value) for p in found]


def test_both_versions_read_and_the_new_one_written() -> None:
    for version in ("1.0", "1.1"):
        m = argmap.from_dict(doc([], version, a="claim"))
        assert argmap.to_dict(m)["argmap"] == "1.1"
    with pytest.raises(argmap.ValidationError, match=r"reads '1\.0', '1\.1'"):
        argmap.from_dict(doc([], "1.2", a="claim"))


def test_linked_argument_and_scheme_round_trip() -> None:
    relations = [
        {"from": "p1", "to": "c", "kind": "supports", "argument": "ra1", "scheme": "Expert"},
        {"from": "p2", "to": "c", "kind": "supports", "argument": "ra1", "scheme": "Expert"},
    ]
    m = argmap.from_dict(doc(relations, p1="evidence", p2="evidence", c="claim"))
    assert {r.argument for r in m.relations} == {"ra1"}
    assert argmap.to_dict(m)["relations"] == relations


def test_same_ends_with_different_schemes_are_not_duplicates() -> None:
    relations = [
        {"from": "e", "to": "c", "kind": "supports", "scheme": "Example"},
        {"from": "e", "to": "c", "kind": "supports", "scheme": "Analogy"},
    ]
    assert codes(doc(relations, e="evidence", c="claim")) == []
    relations[1]["scheme"] = "Example"
    assert [c for c, _, _ in codes(doc(relations, e="evidence", c="claim"))] == [
        "duplicate-relation"
    ]


def test_a_linked_argument_has_one_conclusion_and_only_supports() -> None:
    relations = [
        {"from": "p1", "to": "c", "kind": "supports", "argument": "a"},
        {"from": "p2", "to": "d", "kind": "supports", "argument": "a"},
        {"from": "o", "to": "c", "kind": "attacks", "argument": "a"},
    ]
    found = codes(doc(relations, p1="evidence", p2="evidence", c="claim", d="claim", o="objection"))
    assert found == [
        ("bad-argument", "$.relations[1].argument", "error"),
        ("bad-argument", "$.relations[2].argument", "error"),
    ]


def test_kinds_are_roles_a_misfit_is_a_warning_where_the_node_fits_elsewhere() -> None:
    # An objection that attacks a claim and supports another claim (192 such
    # relations in QT30 and US2016): a role relative to the relation.
    relations = [
        {"from": "o", "to": "c", "kind": "attacks"},
        {"from": "o", "to": "d", "kind": "supports"},
    ]
    found = codes(doc(relations, o="objection", c="claim", d="claim"))
    assert found == [("kind-mismatch", "$.relations[1].kind", "warning")]


def test_a_kind_that_fits_none_of_its_relations_is_still_an_error() -> None:
    relations = [{"from": "o", "to": "d", "kind": "supports"}]
    assert codes(doc(relations, o="objection", d="claim")) == [
        ("kind-mismatch", "$.relations[0].kind", "error")
    ]


def test_supporting_and_attacking_the_same_node_is_self_contradictory() -> None:
    relations = [
        {"from": "e", "to": "c", "kind": "supports"},
        {"from": "e", "to": "c", "kind": "attacks"},
    ]
    found = codes(doc(relations, e="evidence", c="claim"))
    assert ("kind-mismatch", "$.relations[1].kind", "error") in found
    assert all(severity == "error" for _, _, severity in found)


def test_the_model_checks_the_new_fields() -> None:
    with pytest.raises(ValueError, match="'argument' must be an id"):
        argmap.Relation(source="a", target="b", kind="supports", argument="1 bad")
    with pytest.raises(ValueError, match="'scheme' must contain non-blank text"):
        argmap.Relation(source="a", target="b", kind="supports", scheme="  ")
    assert Severity.WARNING.value == "warning"
