"""The examples: the NATO map is complete and faithful in shape, and the scripts run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap import NodeKind, RelationKind
from tests.conftest import NATO_MAP, NATO_TEXT, ROOT
from tests.drawing.svg import parse_svg

ARTICLE_HEADINGS = [
    "Beyond the Atlantic",
    "No Retreat",
    "Discussion Meets Reality",
    "Seizing the Opportunity",
]


@pytest.fixture(scope="module")
def nato() -> argmap.ArgumentMap:
    return argmap.load(NATO_MAP)


def test_the_seed_is_the_shared_article_byte_for_byte() -> None:
    shared = ROOT.parent / "shared" / "seeds" / "nato_indo_pacific.txt"
    if not shared.exists():
        pytest.skip("no shared/ folder beside this checkout")
    assert NATO_TEXT.read_bytes() == shared.read_bytes()


def test_the_map_validates_without_errors_or_warnings() -> None:
    report = argmap.check(NATO_MAP)
    assert report.problems == ()


def test_every_node_quotes_the_article_and_every_quote_is_anchored(
    nato: argmap.ArgumentMap,
) -> None:
    article = NATO_TEXT.read_text(encoding="utf-8")
    for node in nato.nodes:
        assert node.quotes, node.id
        for quote in node.quotes:
            assert quote.start is not None
            assert quote.end is not None
            assert article[quote.start : quote.end] == quote.text


def test_sections_follow_the_articles_headings_in_order(nato: argmap.ArgumentMap) -> None:
    titles = [section.title for section in nato.sections]
    assert titles == ["Opening", *ARTICLE_HEADINGS]
    article = NATO_TEXT.read_text(encoding="utf-8")
    positions = [article.index(f"\n{heading}\n") for heading in ARTICLE_HEADINGS]
    assert positions == sorted(positions)


def test_every_section_contributes_nodes_quoted_from_that_section(
    nato: argmap.ArgumentMap,
) -> None:
    article = NATO_TEXT.read_text(encoding="utf-8")
    bounds = [0, *(article.index(f"\n{h}\n") for h in ARTICLE_HEADINGS), len(article)]
    spans = {s.id: (bounds[i], bounds[i + 1]) for i, s in enumerate(nato.sections)}
    counts = dict.fromkeys(spans, 0)
    for node in nato.nodes:
        assert node.section is not None, node.id
        counts[node.section] += 1
        start, end = spans[node.section]
        for quote in node.quotes:
            assert quote.start is not None
            assert start <= quote.start < end, (node.id, node.section)
    assert all(count >= 3 for count in counts.values()), counts


def test_the_relation_graph_is_one_connected_argument(nato: argmap.ArgumentMap) -> None:
    neighbours: dict[str, set[str]] = {node.id: set() for node in nato.nodes}
    for relation in nato.relations:
        source = relation.source
        if relation.kind is RelationKind.UNDERCUTS:
            target_relation = nato.relation(relation.target)
            ends = [target_relation.source, target_relation.target]
        else:
            ends = [relation.target]
        for end in ends:
            neighbours[source].add(end)
            neighbours[end].add(source)
    seen, todo = {"thesis"}, ["thesis"]
    while todo:
        for other in neighbours[todo.pop()] - seen:
            seen.add(other)
            todo.append(other)
    assert seen == set(neighbours)


def test_every_kind_of_node_and_relation_appears(nato: argmap.ArgumentMap) -> None:
    assert {node.kind for node in nato.nodes} == set(NodeKind)
    assert {relation.kind for relation in nato.relations} == set(RelationKind)


def test_the_thesis_is_a_claim_the_recommendations_rest_on(nato: argmap.ArgumentMap) -> None:
    thesis = nato.node("thesis")
    assert thesis.kind is NodeKind.CLAIM
    assert "should be welcomed rather than discouraged" in thesis.quotes[0].text
    assert any(r.target == "solidify-ties" for r in nato.outgoing("thesis"))


def test_words_put_in_someones_mouth_say_whose(nato: argmap.ArgumentMap) -> None:
    attributed = {node.id: node.attribution for node in nato.nodes if node.attribution}
    assert "Stoltenberg" in (attributed.get("stoltenberg-statement") or "")
    assert "Strategic Concept" in (attributed.get("security-linkage") or "")
    assert "declaration" in (attributed.get("threats-global") or "")
    assert "communiqué" in (attributed.get("vilnius-communique") or "")


def test_the_quickstart_builds_checks_and_saves_a_map(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "5 nodes, 4 relations; every quote found" in result.stdout
    assert "objection 'overstretch' is undercut by ['cheap']" in result.stdout
    saved = argmap.load(tmp_path / "quickstart.yaml")
    assert argmap.load(tmp_path / "quickstart.json") == saved
    assert all(q.anchored for n in saved.nodes for q in n.quotes)


@pytest.mark.exe
def test_the_nato_script_summarises_and_draws_the_map(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "nato_indo_pacific" / "render.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Rhetoric Meets Reality: NATO’s Indo-Pacific Turn"
    assert lines[:10] == str(argmap.summary(argmap.load(NATO_MAP))).splitlines()
    assert any(
        line.split()
        == [
            "unanswered",
            "objections",
            "5",
            "of",
            "8",
            "shift-unclear,",
            "ukraine-monopolizes,",
            "european-reluctance,",
            "trump-risk,",
            "ip-not-priority",
        ]
        for line in lines
    )
    for name in (
        "nato_indo_pacific.svg",
        "nato_indo_pacific.png",
        "nato_indo_pacific_objections.svg",
        "nato_indo_pacific_grounded.svg",
        "nato_indo_pacific_trump_risk.svg",
        "nato_indo_pacific_a3.png",
    ):
        assert (tmp_path / name).stat().st_size > 10_000, name
    grounded = (tmp_path / "nato_indo_pacific_grounded.svg").read_text(encoding="utf-8")
    assert "rejected" in grounded
    assert "accepted" in grounded
    around = parse_svg((tmp_path / "nato_indo_pacific_trump_risk.svg").read_bytes()).nodes
    nato = argmap.load(NATO_MAP)
    view = argmap.focus(nato, "trump-risk", depth=2)
    assert (
        {"trump-risk", "thesis"}
        <= {name for name in around if nato.has_node(name)}
        == {n.id for n in view.nodes}
    )
    assert len(view.nodes) < len(nato.nodes)
    drawn = parse_svg((tmp_path / "nato_indo_pacific_objections.svg").read_bytes()).nodes
    objections = {node.id for node in nato.nodes_of_kind(NodeKind.OBJECTION)}
    answers = {"thesis", "limited-investment", "benefit-while-focused", "leaders-prepared"}
    assert {name for name in drawn if nato.has_node(name)} == objections | answers
