"""AIF import and export: fixtures for each construct, bad input, and the shared corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import argmap
from argmap.cli import main
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


def test_a_kind_chosen_for_a_node_the_file_lacks_is_an_error_not_ignored() -> None:
    report = aif.check_text(LINKED, kinds={"6": "recommendation", "nope": "claim"})
    assert report.map is None
    (problem,) = report.errors
    assert problem.code is argmap.ProblemCode.DANGLING_REFERENCE
    assert "'nope', which is no I-node" in problem.message


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


# One AIF item a line, so that each problem's line and column can be read off.
# The fourth node and the third edge are what each case below puts in.
ONE_A_LINE = """{"nodes": [
  {"nodeID": "1", "type": "I", "text": "Socrates is a man."},
  {"nodeID": "2", "type": "I", "text": "Socrates is mortal."},
  {"nodeID": "ra", "type": "RA", "text": "Default Inference"},
  NODE
],
"edges": [
  {"fromID": "1", "toID": "ra"},
  {"fromID": "ra", "toID": "2"},
  EDGE
]}"""

LOCATED = {
    "dangling edge": (
        '{"nodeID": "3", "type": "I", "text": "x"}',
        '{"fromID": "3", "toID": "9"}',
        ("dangling-reference", "edges[2].toID", 10, 27),
        ["'9'", "expected an edge between declared nodes"],
    ),
    "unknown node type": (
        '{"nodeID": "3", "type": "Ra", "text": "x"}',
        '{"fromID": "3", "toID": "2"}',
        ("unknown-kind", "nodes[3].type", 5, 27),
        ["'Ra'", "did you mean 'RA'?", "expected one of: I, RA, CA"],
    ),
    "duplicate nodeID": (
        '{"nodeID": "2", "type": "I", "text": "x"}',
        '{"fromID": "1", "toID": "2"}',
        ("duplicate-id", "nodes[3].nodeID", 5, 14),
        ["'2' already stands at $.PREFIXnodes[1]", "expected each node once"],
    ),
    "non-string text": (
        '{"nodeID": "3", "type": "I", "text": 5}',
        '{"fromID": "3", "toID": "ra"}',
        ("wrong-type", "nodes[3].text", 5, 40),
        ["found integer 5", "a non-blank string"],
    ),
    "CA with no conclusion": (
        '{"nodeID": "ca", "type": "CA", "text": "Default Conflict"}',
        '{"fromID": "1", "toID": "ca"}',
        ("aif-kept-in-metadata", "nodes[3]", 5, 3),
        ["CA node 'ca' has no conclusion", "expected an I-node premise and one conclusion"],
    ),
    # Problems of the map built from the file point into the file too.
    "a check of the built map (self-relation)": (
        '{"nodeID": "3", "type": "I", "text": "x"}',
        '{"fromID": "2", "toID": "ra"}',
        ("self-relation", "edges[1].toID", 9, 28),
        ["supports itself", "expected a relation between two different nodes"],
    ),
    "a check of the built map (isolated node)": (
        '{"nodeID": "3", "type": "I", "text": "Alone."}',
        '{"fromID": "1", "toID": "2"}',
        ("isolated-node", "nodes[3]", 5, 3),
        ["takes part in no relation"],
    ),
}


@pytest.mark.parametrize("wrapped", [False, True], ids=["plain", "OVA wrapper"])
@pytest.mark.parametrize("case", list(LOCATED))
def test_aif_problems_point_into_the_aif_file(case: str, wrapped: bool) -> None:
    node, edge, (code, path, line, column), words = LOCATED[case]
    text = ONE_A_LINE.replace("NODE", node).replace("EDGE", edge)
    # OVA's {"AIF": ...} wrapper moves no line and no column after the first line.
    text = '{"AIF": ' + text + ', "text": ""}' if wrapped else text
    prefix = "AIF." if wrapped else ""
    report = aif.check_text(text, file="mine.json")
    root = "$.AIF" if wrapped else "$"  # where the count of what is kept stands
    found = [p for p in report.problems if p.code == code and p.path != root]
    assert len(found) == 1, report.problems
    problem = found[0]
    assert (problem.file, problem.path, problem.line, problem.column) == (
        "mine.json",
        f"$.{prefix}{path}",
        line,
        column,
    )
    assert str(problem).startswith(f"mine.json:{line}:{column}: {code}")
    for word in words:
        assert word.replace("PREFIX", prefix) in problem.message
    # Every problem of the import is placed in the file, none in the built map.
    assert all(p.line is not None and p.file == "mine.json" for p in report.problems)


def test_a_ca_with_no_conclusion_is_kept_and_the_rest_loads() -> None:
    node, edge, _, _ = LOCATED["CA with no conclusion"]
    m = aif.loads(ONE_A_LINE.replace("NODE", node).replace("EDGE", edge))
    assert [(r.source, r.kind.value, r.target) for r in m.relations] == [("n1", "supports", "n2")]
    assert [n["nodeID"] for n in m.metadata["aif"]["nodes"]] == ["ca"]


def test_validate_from_aif_prints_the_aif_files_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    node, edge, _, _ = LOCATED["dangling edge"]
    bad = tmp_path / "bad.json"
    bad.write_text(ONE_A_LINE.replace("NODE", node).replace("EDGE", edge), encoding="utf-8")
    assert main(["validate", "--from", "aif", str(bad)]) == 1
    assert f"{bad}:10:27: dangling-reference $.edges[2].toID" in capsys.readouterr().err


def test_numeric_node_ids_read_as_text_ids() -> None:
    # Read a node at a time (the column-wise reading takes only text nodeIDs): same map.
    data = json.loads(LINKED)
    numbered = {n["nodeID"]: 100 + i for i, n in enumerate(data["nodes"])}
    for n in data["nodes"]:
        n["nodeID"] = numbered[n["nodeID"]]
    for e in data["edges"]:
        e["fromID"], e["toID"] = numbered[e["fromID"]], numbered[e["toID"]]
    m = aif.loads(json.dumps(data))
    assert [n.text for n in m.nodes] == [n.text for n in aif.loads(LINKED).nodes]
    assert len(m.relations) == 6
    assert json.loads(aif.dumps(m))["nodes"][0]["nodeID"] == 100


@pytest.mark.parametrize("text", ["", "  \n", "[1]"])
def test_empty_or_shapeless_aif_is_told_that_aif_was_expected(text: str) -> None:
    report = aif.check_text(text, file="x.json")
    assert [(p.line, p.column) for p in report.problems] == [(1, 1)]
    assert "expected AIF JSON: an object with a list 'nodes'" in report.problems[0].message


@pytest.mark.parametrize(
    "key", ["ids", "fields", "edge_fields", "nodes", "edges", "locutions", "graph", "wrapper"]
)
@pytest.mark.parametrize("value", [5, "text", None, [1, "x", [2]], {"k": 5, "n1": [1]}])
def test_metadata_aif_edited_into_another_shape_is_written_as_if_absent(
    key: str, value: Any
) -> None:
    # What the import keeps is read back only where it has the import's shape:
    # any part in another shape, and the map is written as one made in argmap.
    m = aif.loads(LINKED)
    meta = {**m.metadata["aif"], key: value}
    edited = attrs.evolve(m, metadata={**m.metadata, "aif": meta})
    shaped = (key, type(value)) in {("locutions", list), ("graph", dict), ("wrapper", dict)}
    if not shaped:
        assert aif.to_data(edited) == aif.to_data(attrs.evolve(m, metadata={}))
    again = aif.loads(aif.dumps(edited))
    assert sorted(n.text for n in again.nodes) == sorted(n.text for n in m.nodes)
    assert len(again.relations) == len(m.relations)


@pytest.mark.parametrize(
    ("key", "value"), [("graph", {"nodes": [], "edges": []}), ("wrapper", {"AIF": {}})]
)
def test_what_metadata_aif_keeps_never_overwrites_the_maps_own_graph(key: str, value: Any) -> None:
    # graph = {"nodes": []} emptied the written nodes; wrapper = {"AIF": {}} the graph.
    m = aif.loads(LINKED)
    edited = attrs.evolve(m, metadata={"aif": {**m.metadata["aif"], key: value}})
    again = aif.loads(aif.dumps(edited))
    assert sorted(n.text for n in again.nodes) == sorted(n.text for n in m.nodes)


def test_locutions_that_are_not_a_list_are_a_problem() -> None:
    text = '{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], "edges": [], "locutions": 5}'
    report = aif.check_text(text)
    assert report.map is None
    assert [(p.path, p.code) for p in report.problems] == [("$.locutions", "wrong-type")]


def test_kinds_must_map_node_ids_to_kinds() -> None:
    # A list gave Python's "dictionary update sequence element" error.
    with pytest.raises(TypeError, match=r"kinds maps AIF nodeIDs to node kinds"):
        aif.loads(LINKED, kinds=["claim"])  # type: ignore[arg-type]
