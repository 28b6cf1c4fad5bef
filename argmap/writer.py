"""Writing maps: deterministic JSON or YAML text, saved atomically."""

from __future__ import annotations

import os
from typing import Any

from .atomic import write_atomic
from .codec import unstructure_map
from .model import ArgumentMap
from .syntax import Format, dump_text, format_for

__all__ = ["dump", "dumps", "to_dict"]


def to_dict(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map's document as plain data, ready for `json.dumps`; fields at defaults left out."""
    return unstructure_map(argument_map)


def dumps(argument_map: ArgumentMap, *, format: Format = "yaml") -> str:
    """The map as JSON or YAML text; the same map always gives the same text."""
    return dump_text(unstructure_map(argument_map), format_for("", format))


def dump(
    argument_map: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
) -> None:
    """Save the map to `path` (format from its suffix unless given), atomically.

    The text goes to a temporary file beside `path` that then replaces it, so a
    failed save leaves an existing file exactly as it was.
    """
    chosen = format_for(os.fspath(path), format)
    write_atomic(path, dump_text(unstructure_map(argument_map), chosen).encode("utf-8"))
