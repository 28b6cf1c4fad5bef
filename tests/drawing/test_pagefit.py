"""Fitting a map to a page, sections in the map's order, undercuts on the edges they cut.

The sizes are measured on what Graphviz drew: the SVG's size and the scale of
its drawing give the size the body text prints at.
"""

from __future__ import annotations

import functools
import itertools
import math
import shutil
from pathlib import Path

import pytest

import argmap
from argmap import (
    ArgumentMap,
    DrawOptions,
    Node,
    NodeKind,
    Relation,
    RelationKind,
    RenderWarning,
    Section,
)
from argmap.cli import main
from argmap.drawing import THEMES, render_bytes, select, to_dot
from argmap.drawing.focus import restrict
from argmap.drawing.pagefit import (
    PAGES,
    ROUTED_LIMIT,
    arrange,
    candidates,
    page_size,
    split_spline,
)
from tests.conftest import NATO_MAP, NATO_TEXT

from .geometry import Geometry, distance_to_segment, read_geometry
from .svg import parse_svg

BODY = THEMES["default"].font_size


@functools.cache
def nato() -> ArgumentMap:
    return argmap.load(NATO_MAP)


@functools.cache
def drawn(page: str | None = None, landscape: bool = False) -> bytes:
    if page is None:
        return render_bytes(nato(), format="svg")
    return render_bytes(nato(), format="svg", page=page, landscape=landscape)


def twenty() -> ArgumentMap:
    """A real view of about twenty nodes: the NATO map's last two sections."""
    return select(nato(), sections=["discussion-meets-reality", "seizing-the-opportunity"])


# -- options ------------------------------------------------------------------


def test_a_page_is_one_of_the_named_sizes_and_landscape_needs_one() -> None:
    assert DrawOptions(page="A3", landscape=True).page == "A3"
    with pytest.raises(ValueError, match="unknown page 'A5'; expected one of: A3, A4, letter"):
        DrawOptions(page="A5")
    with pytest.raises(ValueError, match="landscape=True needs a page"):
        DrawOptions(landscape=True)
    with pytest.raises(TypeError, match="landscape must be True or False"):
        DrawOptions(page="A4", landscape="yes")  # type: ignore[arg-type]


def test_pages_are_their_paper_sizes_in_points_and_landscape_turns_them() -> None:
    assert page_size("A4", landscape=False) == pytest.approx((595.3, 841.9), abs=0.1)
    assert page_size("A3", landscape=True) == pytest.approx((1190.6, 841.9), abs=0.1)
    assert page_size("letter", landscape=True) == (792.0, 612.0)
    assert set(PAGES) == {"A4", "A3", "letter"}


def test_a_page_tries_the_asked_for_direction_and_width_first_then_others() -> None:
    tried = candidates("BT", 26)
    assert tried[0] == ("BT", 26)
    assert {direction for direction, _ in tried} == {"BT", "LR"}
    assert len(set(tried)) == len(tried)
    assert min(w for _, w in tried) < 26 < max(w for _, w in tried)


# -- arrangement (no Graphviz) ------------------------------------------------


def test_blocks_are_arranged_in_reading_order_and_never_overlap() -> None:
    sizes = [(300.0, 200.0), (500.0, 120.0), (200.0, 260.0), (650.0, 90.0), (100.0, 40.0)]
    for page in (None, (800.0, 600.0), (600.0, 800.0)):
        arrangement, score = arrange(sizes, page=page)
        assert score > 0
        boxes = [
            (x, y + h, x + w, y)  # left, top, right, bottom with y up
            for (x, y), (w, h) in zip(arrangement.offsets, sizes, strict=True)
        ]
        for before, after in itertools.pairwise(boxes):
            same_row = math.isclose(before[1], after[1])
            assert (same_row and after[0] >= before[2]) or after[1] <= min(
                b[3] for b in boxes[: boxes.index(after)]
            )
        for left, top, right, bottom in boxes:
            assert left >= 0
            assert right <= arrangement.width + 1e-6
            assert bottom >= 0
            assert top <= arrangement.height + 1e-6


def test_a_page_arrangement_fits_the_page_shape() -> None:
    sizes = [(400.0, 300.0)] * 6
    wide, _ = arrange(sizes, page=(1200.0, 800.0))
    tall, _ = arrange(sizes, page=(800.0, 1200.0))
    assert wide.width > wide.height
    assert tall.width < tall.height


def test_a_spline_is_cut_at_its_middle_into_two_that_meet_on_it() -> None:
    # One cubic segment from (0,0) to (30,0), bulging up: its middle is (15, 7.5).
    first, second, point = split_spline("e,40,0 0,0 10,10 20,10 30,0")
    assert point == (15.0, 7.5)
    assert first.split()[-1] == second.split()[1] == "15.00,7.50"
    assert second.startswith("e,40,0 ")  # the arrowhead stays at the end
    # Two segments: cut at the knot between them.
    first, second, point = split_spline("s,0,0 1,1 2,2 3,3 4,4 5,5 6,6 7,7")
    assert point == (4.0, 4.0)
    assert first.startswith("s,0,0 ")
    with pytest.raises(ValueError, match="not a spline"):
        split_spline("1,1")


# -- measured on the SVG ------------------------------------------------------


def effective_size(geometry: Geometry) -> float:
    """The body text's size in points as printed."""
    return BODY * geometry.scale


@pytest.mark.exe
def test_the_nato_map_fits_one_a3_landscape_page_at_7_points_or_more() -> None:
    geometry = read_geometry(drawn("A3", True))
    width, height = page_size("A3", landscape=True)
    assert geometry.width == pytest.approx(width, abs=1.5)
    assert geometry.height == pytest.approx(height, abs=1.5)
    assert effective_size(geometry) >= 7.0


@pytest.mark.exe
def test_a_twenty_node_map_fits_a4_landscape_at_8_points_or_more() -> None:
    view = twenty()
    assert 18 <= len(view.nodes) <= 22
    geometry = read_geometry(render_bytes(view, format="svg", page="A4", landscape=True))
    assert geometry.width == pytest.approx(page_size("A4", landscape=True)[0], abs=1.5)
    assert effective_size(geometry) >= 8.0


@pytest.mark.exe
@pytest.mark.parametrize("first", [0, 10, 21])
def test_any_twenty_consecutive_nato_nodes_fit_a4_landscape_at_8_points(first: int) -> None:
    # Views that cut sections apart, not only whole sections.
    whole = nato()
    view = restrict(whole, [node.id for node in whole.nodes[first : first + 20]])
    assert len(view.nodes) == 20
    geometry = read_geometry(render_bytes(view, format="svg", page="A4", landscape=True))
    assert effective_size(geometry) >= 8.0


@pytest.mark.exe
@pytest.mark.parametrize("page", ["A4", "letter"])
def test_a_portrait_page_is_drawn_at_its_size_with_everything_on_it(page: str) -> None:
    data = render_bytes(nato(), format="svg", page=page)
    geometry = read_geometry(data)
    assert (geometry.width, geometry.height) == pytest.approx(
        page_size(page, landscape=False), abs=1.5
    )
    names = {n for n in parse_svg(data).nodes if not n.startswith("@")}
    assert names == {node.id for node in nato().nodes}


@pytest.mark.exe
def test_without_a_page_the_nato_map_is_at_most_twice_as_wide_as_tall() -> None:
    geometry = read_geometry(drawn())
    assert geometry.width <= 2 * geometry.height
    assert effective_size(geometry) == pytest.approx(BODY, abs=0.01)  # at its own size


@pytest.mark.exe
@pytest.mark.parametrize("page", [None, "A3"])
def test_sections_are_drawn_in_the_map_s_order_row_by_row(page: str | None) -> None:
    geometry = read_geometry(drawn(page, page is not None))
    boxes = [geometry.box("cluster", f"cluster_{s.id}") for s in nato().sections]
    for index in range(1, len(boxes)):
        left, top, _, _ = boxes[index]
        _, before_top, before_right, _ = boxes[index - 1]
        same_row = abs(top - before_top) < 1
        below_all = top >= max(b[3] for b in boxes[:index]) - 1
        assert (same_row and left > before_right) or below_all, (
            f"section {index + 1} is not after section {index} in reading order"
        )


@pytest.mark.exe
@pytest.mark.parametrize("page", [None, "A3"])
def test_the_legend_does_not_widen_the_drawing(page: str | None) -> None:
    geometry = read_geometry(drawn(page, page is not None))
    right = max(geometry.box("cluster", f"cluster_{s.id}")[2] for s in nato().sections)
    assert geometry.box("cluster", "cluster@legend")[2] <= right


@pytest.mark.exe
def test_the_legend_shows_only_the_kinds_the_view_contains() -> None:
    view = select(nato(), kinds=[NodeKind.OBJECTION, NodeKind.REBUTTAL])
    drawing = parse_svg(render_bytes(view, format="svg", page="A4"))
    kinds = {node.kind for node in view.nodes}
    for kind in NodeKind:
        assert (f"@legend:{kind.value}" in drawing.nodes) == (kind in kinds)
    relation_kinds = {relation.kind for relation in view.relations}
    edges = {edge.name for edge in drawing.edges}
    for relation_kind in RelationKind:
        sample = f"@legend:{relation_kind.value}:from->@legend:{relation_kind.value}:to"
        assert (sample in edges) == (relation_kind in relation_kinds)


@pytest.mark.exe
@pytest.mark.parametrize("page", [None, "A3"])
def test_an_undercut_s_junction_sits_on_the_edge_it_cuts(page: str | None) -> None:
    geometry = read_geometry(drawn(page, page is not None))
    relations = {r.id: r for r in nato().relations}
    cut = {r.target for r in nato().relations if r.kind is RelationKind.UNDERCUTS}
    assert cut
    for relation_id in cut:
        relation = relations[relation_id]
        junction = f"@r:{relation_id}"
        point = geometry.centre(junction)
        # Both halves of the cut edge end at the junction (its radius is about 3.3 pt) ...
        first = geometry.path(f"{relation.source}->{junction}")
        second = geometry.path(f"{junction}->{relation.target}")
        assert math.dist(first[-1], point) <= 4.5
        assert math.dist(second[0], point) <= 4.5
        # ... and the junction is on the way between the ends, not off at a cluster's side.
        a, b = geometry.centre(relation.source), geometry.centre(relation.target)
        assert distance_to_segment(point, a, b) <= 0.15 * math.dist(a, b) + 4
        # The undercut itself ends at the junction.
        for undercut in nato().relations:
            if undercut.kind is RelationKind.UNDERCUTS and undercut.target == relation_id:
                # (less its diamond head, about 13 pt long)
                end = geometry.path(f"{undercut.source}->{junction}")[-1]
                assert math.dist(end, point) < 20


def test_undercuts_are_drawn_bold_with_their_own_head_in_every_theme() -> None:
    for theme in THEMES.values():
        undercuts = theme.edge_style(RelationKind.UNDERCUTS)
        attacks = theme.edge_style(RelationKind.ATTACKS)
        assert undercuts.style == "bold"
        assert undercuts.penwidth >= attacks.penwidth
        assert undercuts.arrowhead not in {
            theme.edge_style(kind).arrowhead for kind in RelationKind if kind != "undercuts"
        }


@pytest.mark.exe
def test_a_page_keeps_ids_numbers_status_and_the_title() -> None:
    data = render_bytes(
        nato(),
        format="svg",
        page="A4",
        landscape=True,
        numbered=True,
        status={"thesis": "accepted"},
        theme="monochrome",
    )
    assert b'id="node&#45;thesis"' in data  # Graphviz writes "-" as a character reference
    drawing = parse_svg(data)
    assert drawing.title == (nato().title,)
    thesis = drawing.nodes["thesis"].texts
    assert any("accepted" in text for text in thesis)
    position = [node.id for node in nato().nodes].index("thesis") + 1
    assert str(position) in thesis


def test_dot_text_with_a_page_sets_graphviz_s_size_to_the_page() -> None:
    if shutil.which("dot") is None:
        pytest.skip("a page is laid out with Graphviz's dot")
    source = to_dot(nato(), page="A3", landscape=True)
    assert 'size="16.5354,11.6929"' in source
    assert "layout=nop2" in source


@pytest.mark.exe
def test_render_page_on_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "examples" / "nato"
    folder.mkdir(parents=True)
    (tmp_path / "seeds").mkdir()
    shutil.copy(NATO_TEXT, tmp_path / "seeds" / NATO_TEXT.name)
    source = Path(shutil.copy(NATO_MAP, folder / "map.yaml"))
    out = tmp_path / "page.svg"
    assert main(["render", str(source), "-o", str(out), "--page", "A3", "--landscape"]) == 0
    geometry = read_geometry(out.read_bytes())
    assert (geometry.width, geometry.height) == pytest.approx((1190.55, 841.89), abs=1.5)
    assert effective_size(geometry) >= 7.0


def test_render_refuses_landscape_without_a_page_and_a_page_for_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.svg")
    assert main(["render", str(NATO_MAP), "-o", out, "--landscape"]) == 2
    assert "--landscape needs --page" in capsys.readouterr().err
    html = str(tmp_path / "x.html")
    assert main(["render", str(NATO_MAP), "-o", html, "--page", "A4"]) == 2
    assert "--page is for svg, png, pdf and dot" in capsys.readouterr().err
    assert main(["render", str(NATO_MAP), "-o", out, "--page", "A5"]) == 2
    assert "invalid choice: 'A5'" in capsys.readouterr().err


@pytest.mark.parametrize("spelt", ["a4", "A4", "Letter", "LETTER"])
def test_page_names_are_read_whatever_their_case(
    spelt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Accepted as a page (then refused for the HTML page, before any drawing).
    html = str(tmp_path / "x.html")
    assert main(["render", str(NATO_MAP), "-o", html, "--page", spelt]) == 2
    assert "--page is for svg, png, pdf and dot" in capsys.readouterr().err


def interleaved(nodes: int) -> ArgumentMap:
    """A map whose every relation crosses from one section to another."""
    return ArgumentMap(
        title="Interleaved",
        sections=[Section(id="a", title="A"), Section(id="b", title="B")],
        nodes=[
            Node(id=f"n{i}", kind="claim", text=f"Claim {i}.", section="ab"[i % 2])
            for i in range(nodes)
        ],
        relations=[
            Relation(source=f"n{i}", target=f"n{i - 1}", kind="supports") for i in range(1, nodes)
        ],
    )


def test_a_map_with_too_many_relations_between_sections_is_drawn_in_one_pass() -> None:
    if shutil.which("dot") is None:
        pytest.skip("a page is laid out with Graphviz's dot")
    few = to_dot(interleaved(ROUTED_LIMIT), page="A4")
    assert "layout=nop2" in few
    with pytest.warns(RenderWarning, match="too many to arrange the sections for the page"):
        many = to_dot(interleaved(ROUTED_LIMIT + 2), page="A4")
    assert "layout=dot" in many
    assert 'size="7.7678,11.1929"' in many  # the page less its margins
    # Without a page, DOT text is always the one pass, and drawing says nothing.
    assert "layout=dot" in to_dot(interleaved(10))
