"""AIF import and export: fixtures for each construct, bad input, and the shared corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.formats import aif

# The shared corpora stand beside the checkout (../shared), or beside a worktree's folder.
CORPORA = next(
    (
        folder / "shared" / "corpora" / "aif"
        for folder in Path(__file__).resolve().parents[1].parents
        if (folder / "shared" / "corpora" / "aif").is_dir()
    ),
    Path("/nonexistent"),
)
CORPUS_FILES = sorted(CORPORA.glob("*/*.json")) if CORPORA.is_dir() else []


def graph(nodes: list[tuple[str, str, str]], edges: list[tuple[str, str]], **extra: Any) -> str:
    return json.dumps(
        {
            "nodes": [{"nodeID": i, "type": t, "text": x} for i, t, x in nodes],
            "edges": [
                {"edgeID": f"x{k}", "fromID": a, "toID": b} for k, (a, b) in enumerate(edges)
            ],
            "locutions": [],
            **extra,
        },
        indent=1,
    )


def structure(
    data: dict[str, Any],
) -> tuple[set[tuple[str, str]], set[tuple[str, frozenset[str], str]]]:
    """I-nodes (id, text), and each RA/CA as (type, premises, conclusion)."""
    data = data.get("AIF", data)
    types = {str(n["nodeID"]): n["type"] for n in data["nodes"]}
    ins: dict[str, set[str]] = {}
    outs: dict[str, str] = {}
    for e in data["edges"]:
        a, b = str(e["fromID"]), str(e["toID"])
        if types[b] in ("RA", "CA") and types[a] == "I":
            ins.setdefault(b, set()).add(a)
        if types[a] in ("RA", "CA") and types[b] in ("I", "RA", "CA"):
            outs[a] = b
    inodes = {(str(n["nodeID"]), n["text"]) for n in data["nodes"] if n["type"] == "I"}
    schemes = {
        (t, frozenset(ins.get(k, ())), outs.get(k, ""))
        for k, t in types.items()
        if t in ("RA", "CA")
    }
    return inodes, schemes


LINKED = graph(
    [
        ("1", "I", "Socrates is a man."),
        ("2", "I", "All men are mortal."),
        ("3", "I", "Socrates is mortal."),
        ("4", "I", "Socrates is a god."),
        ("5", "I", "He was tried and executed."),
        ("6", "I", "Lone statement."),
        ("7", "I", "The premises are a syllogism from a textbook."),
        ("ra", "RA", "Default Inference"),
        ("ca1", "CA", "Default Conflict"),
        ("ca2", "CA", "Default Conflict"),
        ("ca3", "CA", "Default Conflict"),
        ("L1", "L", "Xanthippe : Socrates is a man"),
        ("L2", "L", "Nobody : words attached to nothing"),
        ("ya", "YA", "Asserting"),
    ],
    [
        ("1", "ra"),
        ("2", "ra"),
        ("7", "ra"),
        ("ra", "3"),
        ("4", "ca1"),
        ("ca1", "1"),
        ("5", "ca2"),
        ("ca2", "ca1"),
        ("7", "ca3"),
        ("ca3", "ra"),
        ("L1", "ya"),
        ("ya", "1"),
    ],
)


def test_linked_argument_undercuts_and_ca_on_ca() -> None:
    m = aif.loads(LINKED)
    supports = [r for r in m.relations if r.kind is argmap.RelationKind.SUPPORTS]
    assert len(supports) == 3
    assert {r.argument for r in supports} == {supports[0].id}
    kinds = {(r.source, r.kind.value, r.target) for r in m.relations}
    assert ("n4", "attacks", "n1") in kinds
    assert ("n5", "undercuts", "ca1") in kinds  # CA on CA
    assert ("n7", "undercuts", supports[0].id) in kinds  # CA on RA
    assert m.node("n4").kind is argmap.NodeKind.OBJECTION
    assert m.node("n5").kind is argmap.NodeKind.REBUTTAL
    assert m.node("n6").kind is argmap.NodeKind.CLAIM
    assert m.node("n1").quotes[0].text == "Socrates is a man"
    assert m.node("n1").attribution == "Xanthippe"
    # The locution with no I-node is kept, not dropped.
    assert any(n["nodeID"] == "L2" for n in m.metadata["aif"]["nodes"])


def test_round_trip_aif_argmap_aif_keeps_everything() -> None:
    before = json.loads(LINKED)
    after = aif.to_data(aif.loads(LINKED))
    assert structure(after) == structure(before)
    assert sorted(map(str, (n["nodeID"] for n in after["nodes"]))) == sorted(
        n["nodeID"] for n in before["nodes"]
    )
    assert len(after["edges"]) == len(before["edges"])


def test_round_trip_argmap_aif_argmap() -> None:
    m = aif.loads(LINKED)
    again = aif.loads(aif.dumps(m))
    assert argmap.to_dict(again) == argmap.to_dict(m)


def test_a_map_made_in_argmap_goes_to_aif_and_back() -> None:
    m = argmap.load(
        Path(__file__).resolve().parents[1] / "examples" / "nato_indo_pacific" / "map.yaml"
    )
    again = aif.loads(aif.dumps(m))
    assert [(n.id, n.text) for n in again.nodes] == [(n.id, n.text) for n in m.nodes]
    ends = {
        (r.source, r.kind, r.target if r.kind is not argmap.RelationKind.UNDERCUTS else "")
        for r in m.relations
    }
    assert {
        (r.source, r.kind, r.target if r.kind is not argmap.RelationKind.UNDERCUTS else "")
        for r in again.relations
    } == ends
    assert sum(len(n.quotes) for n in again.nodes) == sum(len(n.quotes) for n in m.nodes)


def test_kinds_can_be_chosen_per_node() -> None:
    m = aif.loads(LINKED, kinds={"6": "recommendation"})
    assert m.node("n6").kind is argmap.NodeKind.RECOMMENDATION


def test_ova_wrapper_and_empty_graph() -> None:
    wrapped = json.dumps(
        {"AIF": json.loads(graph([], [])), "text": "<p>hi</p>", "OVA": {"nodes": []}}
    )
    m = aif.loads(wrapped)
    assert m.nodes == ()
    assert m.relations == ()
    assert json.loads(aif.dumps(m)) == json.loads(wrapped)


def test_duplicate_ids_and_missing_ends_are_located_problems() -> None:
    text = graph([("1", "I", "a"), ("1", "I", "b")], [("1", "9")])
    report = aif.check_text(text, file="bad.json")
    found = [(p.code, p.path, p.line) for p in report.problems]
    assert report.map is None
    assert [(code, path) for code, path, _ in found] == [
        ("duplicate-id", "$.nodes[1].nodeID"),
        ("dangling-reference", "$.edges[0].toID"),
    ]
    lines = text.splitlines()
    assert found[0][2] is not None
    assert found[1][2] is not None
    assert '"nodeID": "1"' in lines[found[0][2] - 1]
    assert '"toID": "9"' in lines[found[1][2] - 1]
    assert all(str(p).startswith("bad.json:") for p in report.problems)


@pytest.mark.parametrize(
    "text",
    [
        '{"argmap": "1.1", "title": "t", "nodes": []}',
        "[1, 2]",
        '{"nodes": 3, "edges": []}',
        "{",
        "",
    ],
)
def test_what_is_not_aif_gets_problems_not_a_traceback(text: str) -> None:
    report = aif.check_text(text, file="x.json")
    assert report.map is None
    assert report.problems
    assert all(p.file == "x.json" for p in report.problems)


@pytest.mark.skipif(not CORPUS_FILES, reason="no shared/corpora/aif beside this checkout")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_files_import_validate_and_round_trip(path: Path) -> None:
    before = json.loads(path.read_text(encoding="utf-8"))
    m = aif.load(path)
    after = aif.to_data(m)
    assert structure(after) == structure(before)
    assert len(after.get("AIF", after)["nodes"]) == len(before.get("AIF", before)["nodes"])
    assert len(after.get("AIF", after)["edges"]) == len(before.get("AIF", before)["edges"])
    assert argmap.to_dot(m).startswith("digraph")
