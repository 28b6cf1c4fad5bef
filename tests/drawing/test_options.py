"""`DrawOptions`: checked once, overridable by keyword, and what status and numbers draw."""

from __future__ import annotations

from xml.etree import ElementTree

import attrs
import pytest

from argmap import THEMES, ArgumentMap, DrawOptions, Node, Quote, RenderWarning, Source
from argmap.drawing import render_bytes, to_dot, to_graphviz

from .maps import small


def test_options_are_checked_when_made() -> None:
    with pytest.raises(ValueError, match="unknown rankdir 'UP'"):
        DrawOptions(rankdir="UP")
    with pytest.raises(ValueError, match="width must be an integer >= 1"):
        DrawOptions(width=0)
    with pytest.raises(ValueError, match="unknown theme 'neon'"):
        DrawOptions(theme="neon")
    with pytest.raises(ValueError, match="status of 'c' must be one of"):
        DrawOptions(status={"c": 1.5})
    with pytest.raises(ValueError, match="unknown status of 'c'"):
        DrawOptions(status={"c": "won"})
    assert DrawOptions(theme="monochrome").theme is THEMES["monochrome"]


def test_options_are_frozen_and_keyword_only() -> None:
    options = DrawOptions()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        options.width = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        DrawOptions("default")  # type: ignore[call-arg]


def test_keywords_override_an_options_record() -> None:
    options = DrawOptions(legend=False, width=40)
    assert to_dot(small(), options, width=40) == to_dot(small(), legend=False, width=40)
    assert to_dot(small(), options) != to_dot(small(), options, legend=True)


def test_an_unknown_keyword_names_the_options() -> None:
    with pytest.raises(TypeError, match=r"unknown drawing option 'colour'; expected one of"):
        to_dot(small(), colour="red")


def test_status_is_written_in_words_and_signs_with_a_legend_entry() -> None:
    dot = to_dot(small(), status={"c": "accepted", "o": "rejected", "e": 0.6})
    assert "\u2714 accepted" in dot
    assert "\u2718 rejected" in dot
    assert "\u25a0\u25a0\u25a0\u25a1\u25a1 0.60" in dot
    assert '"@legend:status"' in dot
    assert "@legend:status" not in to_dot(small())


def test_numbered_nodes_show_their_position_in_the_map() -> None:
    m = small()
    dot = to_dot(m, numbered=True)
    for index, node in enumerate(m.nodes, start=1):
        (line,) = [x for x in dot.splitlines() if x.lstrip().startswith(f'"{node.id}" [')]
        assert f"<B>{index}</B>" in line


def test_each_node_statement_carries_an_id_for_pages() -> None:
    dot = to_dot(small())
    for node in small().nodes:
        assert f'"{node.id}" [id="node-{node.id}" ' in dot


@pytest.mark.exe
def test_svg_node_groups_have_the_ids() -> None:
    svg = ElementTree.fromstring(render_bytes(small(), format="svg", engine="dot"))
    groups = {g.get("id") for g in svg.iter("{http://www.w3.org/2000/svg}g")}
    assert {f"node-{node.id}" for node in small().nodes} <= groups


def test_a_render_warning_points_at_the_callers_line() -> None:
    long = ArgumentMap(
        title="Long",
        sources=[Source(id="s", title="S")],
        nodes=[Node(id="n", kind="claim", text="x", quotes=[Quote(source="s", text="w " * 9000)])],
    )
    with pytest.warns(RenderWarning) as caught:
        to_dot(long)
    assert caught[0].filename == __file__
    with pytest.warns(RenderWarning) as caught:
        render_bytes(long, format="dot")
    assert caught[0].filename == __file__
    with pytest.warns(RenderWarning) as caught:
        to_graphviz(long, DrawOptions(legend=False))
    assert caught[0].filename == __file__
