"""The DOT argmap builds, read through `.source`: no Graphviz executables needed."""

from __future__ import annotations

import re
import warnings

import attrs
import graphviz
import pytest
from hypothesis import given

import argmap
from argmap import ArgumentMap, Node, Relation, RelationKind, RenderError, model
from argmap.drawing import (
    ENGINES,
    LARGE_MAP,
    RANKDIRS,
    THEMES,
    RenderWarning,
    to_dot,
    to_graphviz,
)
from argmap.strategies import argument_maps
from tests.conftest import NATO_MAP

from .maps import fan, small


def statements(dot: str, name: str) -> list[str]:
    """The lines of `dot` that state node `name` (not edges)."""
    return [line.strip() for line in dot.splitlines() if line.strip().startswith(f'"{name}" [')]


def edges(dot: str) -> list[tuple[str, str, str]]:
    """(tail, head, attributes) of every edge outside the legend."""
    found = re.findall(r'^\t"([^"]+)" -> "([^"]+)" \[(.*)\]$', dot, re.MULTILINE)
    return [(t, h, a) for t, h, a in found if not t.startswith("@legend")]


def test_to_graphviz_gives_a_digraph_whose_source_is_to_dot() -> None:
    digraph = to_graphviz(small())
    assert isinstance(digraph, graphviz.Digraph)
    assert digraph.engine == "dot"
    assert digraph.source == to_dot(small())
    assert digraph.source.startswith("digraph argmap {\n")


def test_every_node_is_stated_once_with_its_kind_id_and_text() -> None:
    dot = to_dot(small())
    for node in small().nodes:
        (line,) = statements(dot, node.id)
        assert f"<B>{THEMES['default'].node_style(node.kind).label}</B>" in line
        assert f">{node.id}</FONT>" in line
        assert node.text in line


def test_each_kind_of_node_and_relation_is_drawn_in_its_theme_style() -> None:
    theme = THEMES["default"]
    dot = to_dot(small())
    for node in small().nodes:
        style = theme.node_style(node.kind)
        (line,) = statements(dot, node.id)
        assert f'shape={style.shape} style="{style.style}" fillcolor="{style.fill}"' in line
    drawn = {(t, h): a for t, h, a in edges(dot)}
    for (tail, head), kind in [
        (("e", "c"), RelationKind.SUPPORTS),
        (("o", "@r:r1"), RelationKind.ATTACKS),
        (("b", "@r:r1"), RelationKind.UNDERCUTS),
    ]:
        edge = theme.edge_style(kind)
        assert f'style="{edge.style}" arrowhead="{edge.arrowhead}"' in drawn[tail, head]


def test_an_undercut_is_drawn_onto_the_relation_through_a_junction_point() -> None:
    dot = to_dot(small())
    pairs = [(t, h) for t, h, _ in edges(dot)]
    assert ("o", "c") not in pairs
    assert ("o", "@r:r1") in pairs
    assert ("@r:r1", "c") in pairs
    assert ("b", "@r:r1") in pairs
    assert ("b", "o") not in pairs
    assert ("b", "c") not in pairs
    (junction,) = statements(dot, "@r:r1")
    assert "shape=point" in junction
    first = {(t, h): a for t, h, a in edges(dot)}[("o", "@r:r1")]
    assert "arrowhead=none" in first


def test_an_undercut_of_an_undercut_gets_its_own_junction() -> None:
    m = small()
    m = attrs.evolve(
        m,
        nodes=[*m.nodes, Node(id="x", kind="objection", text="Vets disagree.")],
        relations=[
            *m.relations[:2],
            attrs.evolve(m.relations[2], id="u1"),
            Relation(source="x", target="u1", kind="undercuts"),
        ],
    )
    pairs = [(t, h) for t, h, _ in edges(to_dot(m))]
    assert ("b", "@r:u1") in pairs
    assert ("@r:u1", "@r:r1") in pairs
    assert ("x", "@r:u1") in pairs


def test_sections_become_titled_clusters_holding_their_nodes() -> None:
    dot = to_dot(small(), legend=False)
    clusters = dict(re.findall(r'subgraph "(cluster_[^"]+)" \{\n(.*?)\n\t\}', dot, re.DOTALL))
    assert sorted(clusters) == ["cluster_s1", "cluster_s2"]
    assert "<B>First part</B>" in clusters["cluster_s1"]
    assert statements(clusters["cluster_s1"], "c")
    assert statements(clusters["cluster_s1"], "e")
    assert statements(clusters["cluster_s2"], "o")
    assert not any(statements(body, "b") for body in clusters.values())


def test_the_legend_shows_the_kinds_the_map_uses_and_can_be_left_out() -> None:
    dot = to_dot(small())
    assert 'subgraph "cluster@legend"' in dot
    for name in ("claim", "evidence", "objection", "rebuttal", "supports", "attacks"):
        assert f'"@legend:{name}' in dot
    assert '"@legend:recommendation"' not in dot
    assert "@legend" not in to_dot(small(), legend=False)


def test_conclusions_sit_on_top_by_default_and_rankdir_can_turn_the_map() -> None:
    assert "rankdir=BT" in to_dot(small())
    assert "rankdir=LR" in to_dot(small(), rankdir="LR")


def test_the_title_heads_the_diagram_unless_left_out() -> None:
    assert "<B>Small</B></FONT>> labelloc=t" in to_dot(small())
    assert "labelloc=t" not in to_dot(small(), title=False)


def test_width_sets_the_characters_per_line() -> None:
    (narrow,) = statements(to_dot(small(), width=8), "c")
    assert "Cats are<BR/>good<BR/>company." in narrow
    (wide,) = statements(to_dot(small(), width=40), "c")
    assert "Cats are good company." in wide


def test_quotes_and_their_source_are_the_tooltip_and_an_http_source_the_link() -> None:
    dot = to_dot(small())
    (evidence,) = statements(dot, "e")
    assert 'tooltip="\u201ccats purr\u201d&#10;\u2014 The Paper, A. Author"' in evidence
    assert 'URL="https://example.org/p?a=1&#38;b=2"' in evidence
    (objection,) = statements(dot, "o")
    assert "scratches" in objection
    assert "URL=" not in objection  # a javascript: link is never followed
    (rebuttal,) = statements(dot, "b")
    assert "Attributed to: A vet" in rebuttal
    (claim,) = statements(dot, "c")
    assert "tooltip=" not in claim


@pytest.mark.parametrize("name", ["node", "edge", "graph", "digraph", "subgraph", "strict"])
def test_ids_that_are_dot_keywords_are_quoted(name: str) -> None:
    m = ArgumentMap(title="Keywords", nodes=[Node(id=name, kind="claim", text="x")])
    assert statements(to_dot(m), name)


def test_leaves_under_one_node_are_staggered_over_rows_unless_asked_not_to() -> None:
    staggered = [a for _, _, a in edges(to_dot(fan(6)))]
    assert sum("minlen=2" in a for a in staggered) == 2
    assert sum("minlen=3" in a for a in staggered) == 2
    assert not any("minlen" in a for _, _, a in edges(to_dot(fan(6), stagger=1)))
    assert not any("minlen" in a for _, _, a in edges(to_dot(fan(2))))  # a narrow fan


def test_a_map_above_the_size_limit_is_laid_out_with_sfdp_and_says_so() -> None:
    big = ArgumentMap(
        title="Big",
        nodes=[Node(id=f"n{i}", kind="claim", text="x") for i in range(LARGE_MAP + 1)],
    )
    with pytest.warns(RenderWarning, match="sfdp"):
        digraph = to_graphviz(big)
    assert digraph.engine == "sfdp"
    assert "layout=sfdp" in digraph.source
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert to_graphviz(big, engine="dot").engine == "dot"
        assert to_graphviz(big.without_node("n0")).engine == "dot"


@pytest.mark.parametrize(
    ("option", "allowed"),
    [
        ({"engine": "circo"}, ENGINES),
        ({"rankdir": "UP"}, RANKDIRS),
    ],
)
def test_an_unknown_choice_is_refused_naming_the_allowed_values(
    option: dict[str, str], allowed: frozenset[str]
) -> None:
    with pytest.raises(ValueError, match=", ".join(sorted(allowed))):
        to_dot(small(), **option)  # type: ignore[arg-type]


@pytest.mark.parametrize("option", [{"width": 0}, {"width": "30"}, {"stagger": 0}])
def test_counts_must_be_positive_integers(option: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="integer >= 1"):
        to_dot(small(), **option)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("relation", "told"),
    [
        (Relation(source="ghost", target="c", kind="supports"), "no node 'ghost'"),
        (Relation(source="e", target="ghost", kind="supports"), "no node 'ghost'"),
        (Relation(source="b", target="ghost", kind="undercuts"), "no relation 'ghost'"),
    ],
)
def test_a_dangling_reference_is_an_error_not_a_phantom_node(relation: Relation, told: str) -> None:
    m = small().with_relation(relation)
    with pytest.raises(RenderError, match=told):
        to_dot(m)


def test_duplicate_ids_are_an_error_not_a_merged_node() -> None:
    m = small()
    m = attrs.evolve(m, nodes=[*m.nodes, Node(id="c", kind="claim", text="Again.")])
    with pytest.raises(RenderError, match="two nodes have the id 'c'"):
        to_dot(m)


_OUR_TAGS = re.compile(r"</?(?:TABLE|TR|TD|FONT|B|BR)\b[^<>]*>")


@given(argument_maps())
def test_no_text_can_leave_its_label_or_string(m: ArgumentMap) -> None:
    dot = to_dot(m)
    for node in m.nodes:
        (line,) = statements(dot, node.id)
        label = re.search(r" label=<(.*)> tooltip=| label=<(.*)>\]$", line)
        assert label is not None
        inner = _OUR_TAGS.sub("", label.group(1) or label.group(2))
        assert "<" not in inner
        assert ">" not in inner
        assert line.count('"') % 2 == 0
    assert len(edges(dot)) == len(m.relations) + len(
        {r.target for r in m.relations if r.kind == "undercuts"}
    )


def test_only_leaves_are_staggered_not_supporters_with_supporters_of_their_own() -> None:
    def node(id: str, kind: str = "evidence") -> Node:
        return Node(id=id, kind=kind, text=id)

    def supports(source: str, target: str) -> Relation:
        return Relation(source=source, target=target, kind="supports")

    m = ArgumentMap(
        title="t",
        nodes=[
            node("t", "claim"),
            node("c1", "claim"),
            node("c2", "claim"),
            node("e1"),
            node("e2"),
            node("e3"),
            node("x1"),
            node("x2"),
        ],
        relations=[
            supports("c1", "t"),
            supports("c2", "t"),
            supports("e1", "t"),
            supports("e2", "t"),
            supports("e3", "t"),
            supports("x1", "c1"),
            supports("x2", "c2"),
        ],
    )
    edges = {line.split(" [")[0].strip(): line for line in to_dot(m).splitlines() if "->" in line}
    assert "minlen" not in edges['"c1" -> "t"']
    assert "minlen" not in edges['"c2" -> "t"']
    assert sum("minlen" in edges[f'"e{i}" -> "t"'] for i in (1, 2, 3)) == 2


def test_a_text_longer_than_graphviz_can_draw_is_an_error_not_a_blank_box() -> None:
    m = ArgumentMap(title="t", nodes=[Node(id="a", kind="claim", text="w\n" * 32_001)])
    with pytest.raises(RenderError, match="32,001 lines"):
        to_dot(m)


def test_citing_sources_builds_no_table_of_every_node_and_relation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A drawing looks up sources only; the map's index of nodes and relations
    # (made with `_group`) costs a big map a pass it never uses.
    m = argmap.load(NATO_MAP)
    assert any(node.quotes for node in m.nodes)

    def no_index(*_: object) -> None:
        raise AssertionError("the drawing built the map's node and relation index")

    monkeypatch.setattr(model, "_group", no_index)
    dot = to_dot(m)
    title = m.sources[0].title
    assert title is not None
    assert title in dot
