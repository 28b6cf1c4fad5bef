"""Hostile text goes through the real `dot` and comes out in the SVG exactly as `wrap_text` says."""

from __future__ import annotations

from urllib.parse import quote

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, RelationKind
from argmap.drawing import THEMES, render_bytes, wrap_text
from argmap.drawing.dot import junction_name
from argmap.drawing.labels import one_line
from argmap.strategies import HOSTILE_CHARACTERS, argument_maps

from .svg import parse_svg

# What argmap.strategies leaves out, because no file can hold it: characters
# XML cannot carry, and words far longer than a line.
_UNWRITABLE = st.sampled_from(
    ["\x00", "\x01", "\x08", "\x1b", "\x7f", "\ud800", "\udfff", "\ufffe", "\uffff", "x" * 90]
)


_URLS = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(["https://example.org/", "HTTP://example.org/", "javascript:", "x:"]),
        st.text(alphabet=HOSTILE_CHARACTERS, max_size=12),
    ),
)


@st.composite
def hostile_maps(draw: st.DrawFn) -> ArgumentMap:
    """`argument_maps()`, with hostile links, and node texts that hold what no file can."""
    m = draw(argument_maps(max_nodes=8))
    nodes = list(m.nodes)
    for index in draw(st.sets(st.integers(0, len(nodes) - 1), max_size=2)):
        extra = draw(st.lists(_UNWRITABLE, min_size=1, max_size=3))
        nodes[index] = attrs.evolve(nodes[index], text=nodes[index].text + "".join(extra))
    sources = [attrs.evolve(source, url=draw(st.none() | _URLS)) for source in m.sources]
    return attrs.evolve(m, nodes=nodes, sources=sources)


def _escaped(url: str) -> str:
    """`url` as a link: spaces and controls percent-encoded, all else as written."""
    return "".join(quote(c) if c.isspace() or c < "!" or c == "\x7f" else c for c in url)


def _expected_tooltip_parts(m: ArgumentMap, node_id: str) -> list[str]:
    node = m.node(node_id)
    parts = [one_line(q.text) for q in node.quotes]
    if node.attribution is not None:
        parts.append(one_line(node.attribution))
    return parts


@pytest.mark.exe
@settings(max_examples=25, deadline=None)
@given(m=hostile_maps(), width=st.sampled_from([1, 7, 16, 30]))
def test_every_text_is_drawn_as_written_and_nothing_breaks_out(m: ArgumentMap, width: int) -> None:
    drawing = parse_svg(render_bytes(m, format="svg", width=width))
    theme = THEMES["default"]
    split = {r.target for r in m.relations if r.kind is RelationKind.UNDERCUTS}

    drawn = {name for name in drawing.nodes if not name.startswith("@legend:")}
    assert drawn == {n.id for n in m.nodes} | {junction_name(r) for r in split}
    edges = [e for e in drawing.edges if not e.name.startswith("@legend:")]
    assert len(edges) == len(m.relations) + len(split)

    for node in m.nodes:
        shape = drawing.nodes[node.id]
        id_lines = [node.id] if len(node.id) <= width else wrap_text(node.id, width)
        label = theme.node_style(node.kind).label
        assert list(shape.texts) == [label, *id_lines, *wrap_text(node.text, width)]
        if node.quotes or node.attribution is not None or node.tags:
            assert shape.tooltip is not None
            for part in _expected_tooltip_parts(m, node.id):
                assert part in shape.tooltip
        else:
            assert shape.tooltip is None
        urls = [m.source(q.source).url for q in node.quotes]
        links = [_escaped(u) for u in urls if u and u.lower().startswith(("http://", "https://"))]
        assert shape.href == (links[0] if links else None)

    used = {n.section for n in m.nodes}
    for section in m.sections:
        if section.id in used:
            cluster = drawing.clusters[f"cluster_{section.id}"]
            assert list(cluster.texts) == wrap_text(section.title, 3 * width)
    assert list(drawing.title) == wrap_text(m.title, 4 * width)
