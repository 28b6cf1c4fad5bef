"""The semantic rules: ids, references, kinds that may bear on which, quotes in their source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap._checks import ATTACKS, SUPPORTS, check_document, undercut_rings
from argmap.errors import Problem, Severity
from argmap.model import NodeKind

SOURCE = "The alliance has been involved in the region since the 1990s. It “works”—mostly."


def node(id: str, kind: str = "claim", **extra: Any) -> dict[str, Any]:
    return {"id": id, "kind": kind, "text": f"text of {id}", **extra}


def relation(source: str, target: str, kind: str = "supports", **extra: Any) -> dict[str, Any]:
    return {"from": source, "to": target, "kind": kind, **extra}


def document(nodes: list[Any], relations: list[Any] = (), **extra: Any) -> dict[str, Any]:  # type: ignore[assignment]
    return {
        "argmap": "1.0",
        "title": "t",
        "nodes": nodes,
        "relations": list(relations),
        **extra,
    }


ART = [{"id": "art", "path": "art.txt"}]


def problems(doc: dict[str, Any], *, errors_only: bool = True) -> list[Problem]:
    found = check_document(doc, texts={"art": SOURCE}).problems
    return [p for p in found if p.severity is Severity.ERROR or not errors_only]


def only(doc: dict[str, Any]) -> Problem:
    (problem,) = problems(doc)
    return problem


def test_a_sound_document_has_no_errors() -> None:
    doc = document(
        [node("c"), node("e", "evidence"), node("o", "objection"), node("r", "rebuttal")],
        [
            relation("e", "c"),
            relation("o", "c", "attacks", id="r1"),
            relation("r", "r1", "undercuts"),
            relation("r", "o", "attacks"),
        ],
    )
    assert problems(doc) == []


def test_node_and_relation_ids_share_one_namespace() -> None:
    doc = document([node("a"), node("b")], [relation("a", "b", id="a")])
    problem = only(doc)
    assert (problem.code, problem.path) == ("duplicate-id", "$.relations[0].id")
    assert "$.nodes[0]" in problem.message


def test_a_repeated_node_id_is_reported_at_the_repeat() -> None:
    problem = only(document([node("a"), node("b"), node("a")], [relation("b", "a")]))
    assert (problem.code, problem.path) == ("duplicate-id", "$.nodes[2].id")


@pytest.mark.parametrize(
    ("relations", "path", "words"),
    [
        ([relation("a", "nope")], "$.relations[0].to", ["'nope'"]),
        ([relation("nope", "a")], "$.relations[0].from", ["'nope'"]),
        ([relation("aa", "a")], "$.relations[0].from", ["did you mean 'a'"]),
        ([relation("o", "nope", "undercuts")], "$.relations[0].to", ["relation", "'nope'"]),
    ],
)
def test_every_reference_must_resolve(
    relations: list[dict[str, Any]], path: str, words: list[str]
) -> None:
    problem = only(document([node("a"), node("b"), node("o", "objection")], relations))
    assert (problem.code, problem.path) == ("dangling-reference", path)
    for word in words:
        assert word in problem.message


def test_sections_and_quote_sources_must_resolve() -> None:
    doc = document(
        [node("a", section="intro", quotes=[{"source": "book", "text": "x"}])],
        sections=[{"id": "body", "title": "Body"}],
    )
    found = {(p.code, p.path) for p in problems(doc)}
    assert found == {
        ("dangling-reference", "$.nodes[0].section"),
        ("dangling-reference", "$.nodes[0].quotes[0].source"),
    }


def test_a_node_cannot_relate_to_itself() -> None:
    problem = only(document([node("a")], [relation("a", "a")]))
    assert (problem.code, problem.path) == ("self-relation", "$.relations[0].to")


def test_the_same_relation_twice_is_an_error() -> None:
    problem = only(document([node("a"), node("b")], [relation("a", "b"), relation("a", "b")]))
    assert (problem.code, problem.path) == ("duplicate-relation", "$.relations[1]")


def test_an_undercut_must_target_a_relation_and_come_from_an_objection_or_rebuttal() -> None:
    doc = document(
        [node("a"), node("b"), node("e", "evidence")],
        [relation("a", "b", id="r1"), relation("e", "r1", "undercuts")],
    )
    assert only(doc).code == "kind-mismatch"
    doc = document([node("a"), node("o", "objection")], [relation("o", "a", "undercuts")])
    problem = only(doc)
    assert problem.code == "bad-reference"
    assert "use 'attacks'" in problem.message


def test_supports_and_attacks_must_target_a_node() -> None:
    doc = document(
        [node("a"), node("b"), node("o", "objection")],
        [relation("a", "b", id="r1"), relation("o", "r1", "attacks")],
    )
    assert only(doc).code == "bad-reference"


@pytest.mark.parametrize(
    ("source", "kind", "target", "severity", "said"),
    [
        (
            "evidence",
            "attacks",
            "claim",
            Severity.ERROR,
            "evidence attacks a claim; evidence does not",
        ),
        ("objection", "supports", "claim", Severity.ERROR, "an objection supports a claim; an"),
        (
            "rebuttal",
            "attacks",
            "claim",
            Severity.ERROR,
            "a rebuttal attacks a claim; a rebuttal may",
        ),
        ("recommendation", "attacks", "claim", Severity.ERROR, "a recommendation attacks a claim"),
        (
            "claim",
            "attacks",
            "claim",
            Severity.WARNING,
            "a claim attacks a claim; a claim does not",
        ),
        ("evidence", "attacks", "objection", Severity.WARNING, "evidence attacks an objection"),
        (
            "objection",
            "attacks",
            "objection",
            Severity.WARNING,
            "an objection attacks an objection",
        ),
        (
            "claim",
            "supports",
            "evidence",
            Severity.WARNING,
            "a claim supports evidence; a claim may",
        ),
        ("rebuttal", "supports", "claim", Severity.WARNING, "a rebuttal supports a claim"),
    ],
)
def test_kind_rules_grade_unusual_pairs_as_warnings_and_wrong_ones_as_errors(
    source: str, kind: str, target: str, severity: Severity, said: str
) -> None:
    doc = document([node("s", source), node("t", target)], [relation("s", "t", kind)])
    (problem,) = problems(doc, errors_only=False)
    assert (problem.code, problem.severity, problem.path) == (
        "kind-mismatch",
        severity,
        "$.relations[0].kind",
    )
    assert problem.message.startswith(said)


def test_every_allowed_pair_passes_without_remark() -> None:
    kinds = list(NodeKind)
    for table, relation_kind in ((SUPPORTS, "supports"), (ATTACKS, "attacks")):
        for source in kinds:
            for target in table[source]:
                doc = document(
                    [node("s", source.value), node("t", target.value)],
                    [relation("s", "t", relation_kind)],
                )
                assert problems(doc, errors_only=False) == [], (source, relation_kind, target)


def test_a_quote_found_in_its_source_is_anchored_with_its_offsets() -> None:
    doc = document([node("a", quotes=[{"source": "art", "text": "since the 1990s"}])], sources=ART)
    assert check_document(doc, texts={"art": SOURCE}).problems == ()
    start = SOURCE.index("since the 1990s")
    quote = doc["nodes"][0]["quotes"][0]
    assert (quote["start"], quote["end"]) == (start, start + len("since the 1990s"))


def test_a_quote_with_straight_quotes_for_curly_ones_is_told_which_characters_differ() -> None:
    problem = only(
        document([node("a", quotes=[{"source": "art", "text": 'It "works"-mostly'}])], sources=ART)
    )
    assert (problem.code, problem.path) == ("quote-not-found", "$.nodes[0].quotes[0].text")
    assert "It “works”—mostly" in problem.message
    assert "quotation marks, dashes or spaces" in problem.message


def test_a_misquoted_passage_is_shown_the_closest_passage_of_the_source() -> None:
    quote = "The alliance was involved in the region since the 1980s."
    problem = only(document([node("a", quotes=[{"source": "art", "text": quote}])], sources=ART))
    assert problem.code == "quote-not-found"
    assert "closest passage is 'The alliance has been involved in the region" in problem.message


def test_recorded_offsets_are_verified() -> None:
    start = SOURCE.index("region")
    good = {"source": "art", "text": "region", "start": start, "end": start + 6}
    assert problems(document([node("a", quotes=[good])], sources=ART)) == []
    bad = {**good, "start": start + 1, "end": start + 7}
    problem = only(document([node("a", quotes=[bad])], sources=ART))
    assert (problem.code, problem.path) == ("quote-offset-mismatch", "$.nodes[0].quotes[0].start")
    assert f"it occurs at {start}" in problem.message


def test_offsets_must_span_the_quote_even_without_the_source_text() -> None:
    doc = document(
        [node("a", quotes=[{"source": "art", "text": "abc", "start": 0, "end": 9}])], sources=ART
    )
    (problem,) = [p for p in check_document(doc, texts={}).problems if p.severity == "error"]
    assert (problem.code, problem.path) == ("quote-offset-mismatch", "$.nodes[0].quotes[0].end")


def test_warnings_point_at_unused_and_unverifiable_things() -> None:
    doc = document(
        [node("a", quotes=[{"source": "nopath", "text": "x"}]), node("b"), node("c")],
        [relation("a", "b")],
        sources=[{"id": "nopath"}, {"id": "unused", "path": "u.txt"}],
        sections=[{"id": "empty", "title": "Empty"}],
    )
    found = {(p.code, p.path) for p in check_document(doc, texts={}).problems}
    assert found == {
        ("unverified-quotes", "$.sources[0]"),
        ("unused-source", "$.sources[1]"),
        ("unused-section", "$.sections[0]"),
        ("isolated-node", "$.nodes[2]"),
    }
    assert all(p.severity is Severity.WARNING for p in check_document(doc, texts={}).problems)


@pytest.mark.parametrize(
    "garbage",
    [
        None,
        [],
        {"nodes": "x", "relations": 5},
        {"nodes": [1, None, {"id": ["a"]}, {"id": "a", "kind": {}}]},
        {"relations": [{"from": ["x"], "to": {"y": 1}, "kind": []}, 7]},
        {"nodes": [{"id": "a", "quotes": [{"source": 1, "text": None, "start": "0"}]}]},
    ],
)
def test_values_of_the_wrong_shape_are_left_to_the_schema_not_crashed_on(garbage: Any) -> None:
    check_document(garbage, texts={})


def _documented_table(heading: str) -> dict[tuple[str, str], str]:
    text = (Path(__file__).parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    block = text[text.index(heading) :].split("\n\n")[1]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in block.splitlines()]
    targets = rows[0][1:]
    return {
        (row[0], target): cell
        for row in rows[2:]
        for target, cell in zip(targets, row[1:], strict=True)
    }


@pytest.mark.parametrize(
    ("heading", "relation_kind"), [("**supports**", "supports"), ("**attacks**", "attacks")]
)
def test_the_documented_kind_tables_are_the_rules_in_force(
    heading: str, relation_kind: str
) -> None:
    documented = _documented_table(heading)
    assert len(documented) == 25
    for (source, target), verdict in documented.items():
        doc = document([node("s", source), node("t", target)], [relation("s", "t", relation_kind)])
        found = problems(doc, errors_only=False)
        actual = "allowed" if not found else found[0].severity.value
        assert actual == verdict, (source, relation_kind, target)


def test_undercuts_may_not_form_a_ring() -> None:
    doc = document(
        [node("a"), node("b", "evidence"), node("o1", "objection"), node("o2", "objection")],
        [
            relation("b", "a", id="r"),
            relation("o1", "u2", "undercuts", id="u1"),
            relation("o2", "u1", "undercuts", id="u2"),
        ],
    )
    problem = only(doc)
    assert (problem.code, problem.path) == ("undercut-cycle", "$.relations[1].to")
    assert "'u1' → 'u2' → 'u1'" in problem.message
    chain = document(
        [node("a"), node("b", "evidence"), node("o", "objection"), node("r2", "rebuttal")],
        [
            relation("b", "a", id="r"),
            relation("o", "r", "undercuts", id="u1"),
            relation("r2", "u1", "undercuts", id="u2"),
        ],
    )
    assert problems(chain) == []


def test_each_undercut_is_walked_once_in_looking_for_rings() -> None:
    # Walked again from each of its links, a chain of n undercuts would cost n²
    # steps (4,000 undercuts took 1.7 s to load).
    looked: list[str] = []

    class Counting(dict[str, str]):
        def __getitem__(self, key: str) -> str:
            looked.append(key)
            return super().__getitem__(key)

    chain = Counting({f"u{i}": f"u{i - 1}" for i in range(1, 1001)})  # u0: between nodes
    assert list(undercut_rings(chain)) == []
    assert len(looked) == 1000
    rings = {"a": "b", "b": "c", "c": "a", "d": "a", "e": "f", "f": "e", "g": "r"}
    assert list(undercut_rings(rings)) == [["a", "b", "c"], ["e", "f"]]
