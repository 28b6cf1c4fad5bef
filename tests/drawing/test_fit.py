"""Fitting a drawing to a page: it fits, and its text stays readable once scaled."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap
from argmap.drawing import DrawOptions, render_bytes, to_dot
from argmap.drawing.fit import page_scale
from argmap.drawing.focus import restrict
from argmap.drawing.options import PAGE_MARGIN, PAGES

NATO = Path(__file__).resolve().parents[2] / "examples" / "nato_indo_pacific" / "map.yaml"
BODY = argmap.THEMES["default"].font_size
_SIZE = re.compile(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


def svg_size(svg: bytes) -> tuple[float, float]:
    found = _SIZE.search(svg)
    assert found is not None
    return float(found.group(1)), float(found.group(2))


def body_points(m: ArgumentMap, page: str, *, landscape: bool) -> tuple[float, bytes]:
    """Node text's size in points once the page-fitted SVG is printed at 100%.

    The scale is measured, not read from argmap: the same DOT is drawn by
    `dot` once as written (fitted) and once without its `size` (natural).
    """
    fitted = render_bytes(m, format="svg", page=page, landscape=landscape)
    source = to_dot(m, page=page, landscape=landscape)
    natural_source = re.sub(r'\tsize="[^"]*" ', "\t", source)
    assert natural_source != source
    natural = subprocess.run(
        ["dot", "-Tsvg"], input=natural_source.encode(), capture_output=True, check=True
    ).stdout
    (width, height), (full_width, full_height) = svg_size(fitted), svg_size(natural)
    scale = min(width / full_width, height / full_height)
    return BODY * scale, fitted


def fits(svg: bytes, page: str, *, landscape: bool) -> bool:
    width, height = PAGES[page]
    if landscape:
        width, height = height, width
    drawn_width, drawn_height = svg_size(svg)
    return (
        drawn_width <= (width - 2 * PAGE_MARGIN) * 72 + 1
        and drawn_height <= (height - 2 * PAGE_MARGIN) * 72 + 1
    )


@pytest.mark.exe
def test_the_nato_map_fits_one_a3_landscape_page_with_body_text_of_at_least_7_points() -> None:
    points, svg = body_points(argmap.load(NATO), "A3", landscape=True)
    assert fits(svg, "A3", landscape=True)
    assert points >= 7.0


@pytest.mark.exe
def test_a_20_node_map_fits_a4_landscape_with_body_text_of_at_least_8_points() -> None:
    nato = argmap.load(NATO)
    twenty = restrict(nato, [node.id for node in nato.nodes[:20]])
    assert len(twenty.nodes) == 20
    points, svg = body_points(twenty, "A4", landscape=True)
    assert fits(svg, "A4", landscape=True)
    assert points >= 8.0


@pytest.mark.exe
def test_a_small_map_is_never_scaled_up() -> None:
    m = ArgumentMap(title="t", nodes=[argmap.Node(id="c", kind="claim", text="Cats.")])
    points, svg = body_points(m, "A3", landscape=False)
    assert points == pytest.approx(BODY)
    assert fits(svg, "A3", landscape=False)


def test_a_page_is_named_case_blind_and_landscape_needs_one() -> None:
    assert DrawOptions(page="a4").page == "A4"
    assert DrawOptions(page="LETTER", landscape=True).printable() == (10.5, 8.0)
    with pytest.raises(ValueError, match="page must be one of A5, A4, A3"):
        DrawOptions(page="B5")
    with pytest.raises(ValueError, match="landscape needs a page"):
        DrawOptions(landscape=True)


def test_the_page_scale_is_the_tighter_side_and_never_above_one() -> None:
    assert page_scale((1440.0, 720.0), (10.0, 10.0)) == pytest.approx(0.5)
    assert page_scale((720.0, 1440.0), (20.0, 10.0)) == pytest.approx(0.5)
    assert page_scale((10.0, 10.0), (10.0, 10.0)) == 1.0


@pytest.mark.exe
def test_the_page_chooses_direction_and_width_and_writes_a_compact_layout() -> None:
    dot = to_dot(argmap.load(NATO), page="A3", landscape=True)
    assert 'size="16.04,11.19" margin=0' in dot
    assert "nodesep=0.04 ranksep=0.16" in dot
    assert re.search(r"rankdir=(LR|BT)", dot)
