"""Fitting a drawing to a page: lay out a few arrangements, keep the one that reads largest.

A layout's natural size is known only once `dot` has run, and how it grows
with the wrapping width and the direction depends on the map's shape (deep
chains or wide fans, relations across sections), so the choice is measured,
not guessed: each candidate is laid out (`dot -Tdot`, the layout without
drawing) and scored by the scale at which it fits the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import attrs

from ..errors import RenderError
from .layout import run_graphviz
from .options import DrawOptions

__all__ = ["DIRECTIONS", "WIDTHS", "fit_to_page", "page_scale"]

DIRECTIONS = ("LR", "BT")
"""Directions a page may be drawn in: sections stacked (`LR`) or side by side (`BT`)."""

WIDTHS = (20, 26, 32, 38, 44)
"""Wrapping widths (characters per line) tried first for a page; then those near the best."""

_BOUNDING_BOX = re.compile(rb'\bbb="([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)"')
_PAD = re.compile(rb"\bpad=([\d.]+)")


def page_scale(natural: tuple[float, float], printable: tuple[float, float]) -> float:
    """How much a drawing of `natural` size (points) shrinks to fit `printable` (inches); <= 1."""
    width, height = natural
    room_width, room_height = printable[0] * 72, printable[1] * 72
    return min(1.0, room_width / max(width, 1.0), room_height / max(height, 1.0))


def _natural_size(source: str) -> tuple[float, float]:
    laid_out = run_graphviz(source, engine="dot", format="dot")
    found = _BOUNDING_BOX.search(laid_out)
    if found is None:
        raise RenderError("Graphviz's dot gave a layout without a bounding box")
    left, bottom, right, top = (float(value) for value in found.groups())
    # The page holds the padding too, and `size` scales it with the drawing.
    pad = _PAD.search(source.encode("utf-8"))
    margin = 2 * 72 * float(pad.group(1)) if pad is not None else 0.0
    return right - left + margin, top - bottom + margin


def fit_to_page(
    options: DrawOptions,
    source_for: Callable[[DrawOptions], str],
    *,
    directions: Sequence[str] = DIRECTIONS,
    widths: Sequence[int] = WIDTHS,
) -> DrawOptions:
    """`options` with the direction and width whose layout fits `options.page` largest.

    `source_for` writes the DOT of the map for given options. Ties go to the
    earlier candidate (`LR` first: sections stacked read down the page).
    """
    printable = options.printable()
    if printable is None:
        return options
    # A coarse pass over directions and widths, then every width near the best.
    scores: dict[tuple[str, int], float] = {}

    def score(pairs: Sequence[tuple[str, int]]) -> None:
        fresh = [pair for pair in pairs if pair not in scores and pair[1] >= 1]
        sources = [
            source_for(attrs.evolve(options, rankdir=direction, width=width))
            for direction, width in fresh
        ]
        # Each layout is its own dot process; two at a time keeps a small machine responsive.
        with ThreadPoolExecutor(max_workers=2) as pool:
            sizes = list(pool.map(_natural_size, sources))
        for pair, size in zip(fresh, sizes, strict=True):
            scores[pair] = page_scale(size, printable)

    score([(direction, width) for direction in directions for width in widths])
    order = list(scores)
    direction, width = max(order, key=lambda pair: (scores[pair], -order.index(pair)))
    score([(direction, width + step) for step in (-3, -2, -1, 1, 2, 3)])
    order = list(scores)
    direction, width = max(order, key=lambda pair: (scores[pair], -order.index(pair)))
    return attrs.evolve(options, rankdir=direction, width=width)
