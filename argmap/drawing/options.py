"""`DrawOptions`: every choice about a drawing, checked once and passed down whole."""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .._wording import unknown
from .choices import check_choice, check_count
from .layout import ENGINES
from .pagefit import PAGES
from .theme import Theme, get_theme

__all__ = [
    "DEFAULT_STAGGER",
    "DEFAULT_WIDTH",
    "RANKDIRS",
    "STATUSES",
    "DrawOptions",
    "options_from",
]

RANKDIRS = frozenset({"BT", "LR", "RL", "TB"})
"""Directions of rank: `BT` puts what is supported above its supporters."""

DEFAULT_WIDTH = 26
"""Characters per line of a node's text, by default."""

DEFAULT_STAGGER = 3
"""Rows the leaves under one node are spread over, by default (`dot` only)."""

STATUSES = ("accepted", "rejected", "undecided")
"""The statuses a node may be drawn with (besides a strength in [0, 1])."""


def _theme(value: str | Theme) -> Theme:
    return get_theme(value)


def _engine(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_choice(value, ENGINES, "engine")


def _rankdir(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_choice(value, RANKDIRS, "rankdir")


def _count(minimum: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_count(value, attribute.name, minimum=minimum)

    return check


def _dpi(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_count(value, "dpi", minimum=1)


def _page(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_choice(value, PAGES, "page")


def _landscape(instance: DrawOptions, attribute: attrs.Attribute[Any], value: object) -> None:
    _flag(instance, attribute, value)
    if value and instance.page is None:
        raise ValueError("landscape=True needs a page (page='A4', 'A3' or 'letter')")


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be True or False, got {value!r}")


def _status(
    value: Mapping[str, str | float] | None,
) -> Mapping[str, str | float] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"status must be a mapping of node ids, got {type(value).__name__}")
    checked: dict[str, str | float] = {}
    for node_id, state in value.items():
        if not isinstance(node_id, str):
            raise TypeError(f"status keys must be node ids (str), got {node_id!r}")
        if isinstance(state, str):
            check_choice(state, STATUSES, f"status of {node_id!r}")
        elif (
            isinstance(state, int | float)
            and not isinstance(state, bool)
            and math.isfinite(state)
            and 0 <= state <= 1
        ):
            state = float(state)
        else:
            raise ValueError(
                f"status of {node_id!r} must be one of {', '.join(STATUSES)} or a strength "
                f"in [0, 1], got {state!r}"
            )
        checked[node_id] = state
    return MappingProxyType(checked)


@attrs.frozen(kw_only=True)
class DrawOptions:
    """How to draw a map: one record, checked when made, handed down every layer.

    `theme` is a `Theme` or a name in `THEMES`; `engine` one of `ENGINES` (None:
    chosen from the map's size); `rankdir` one of `RANKDIRS`; `width` characters
    per line of node text; `legend` and `title` whether to draw them; `stagger`
    rows that wide fans of leaves are spread over (`dot` only); `dpi` PNG
    resolution (None: 150); `status` node id → "accepted", "rejected",
    "undecided" or a strength in [0, 1], drawn in each node's header (and in the
    legend) so it survives monochrome print; `numbered` puts each node's 1-based
    position in `m.nodes` in its header, for a report to refer to; `page`
    (one of `PAGES`: "A4", "A3", "letter"; `landscape` turns it) lays the map
    out to fit that page, choosing direction, wrapping width and the
    arrangement of sections, and makes the drawing that page's size.
    """

    theme: Theme = attrs.field(factory=lambda: get_theme("default"), converter=_theme)
    engine: str | None = attrs.field(default=None, validator=_engine)
    rankdir: str = attrs.field(default="BT", validator=_rankdir)
    width: int = attrs.field(default=DEFAULT_WIDTH, validator=_count(1))
    legend: bool = attrs.field(default=True, validator=_flag)
    title: bool = attrs.field(default=True, validator=_flag)
    stagger: int = attrs.field(default=DEFAULT_STAGGER, validator=_count(1))
    dpi: int | None = attrs.field(default=None, validator=_dpi)
    status: Mapping[str, str | float] | None = attrs.field(default=None, converter=_status)
    numbered: bool = attrs.field(default=False, validator=_flag)
    page: str | None = attrs.field(default=None, validator=_page)
    landscape: bool = attrs.field(default=False, validator=_landscape)


_FIELDS = frozenset(field.name for field in attrs.fields(DrawOptions))


def options_from(options: DrawOptions | None, overrides: Mapping[str, Any]) -> DrawOptions:
    """`options` (default: `DrawOptions()`) with `overrides` applied; unknown names are errors."""
    if options is not None and not isinstance(options, DrawOptions):
        raise TypeError(f"options must be a DrawOptions, got {type(options).__name__}")
    strange = sorted(set(overrides) - _FIELDS)
    if len(strange) == 1:
        raise TypeError(unknown("drawing option", strange[0], sorted(_FIELDS)))
    if strange:
        raise TypeError(
            f"unknown drawing options {', '.join(map(repr, strange))}; expected only: "
            f"{', '.join(sorted(_FIELDS))}"
        )
    if options is None:
        return DrawOptions(**overrides)
    return attrs.evolve(options, **overrides) if overrides else options
