"""Writing maps: deterministic JSON or YAML text, saved atomically."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ._atomic import write_atomic
from ._codec import unstructure_map
from ._plain import plain_json
from ._sources import base_of, relocate, source_files
from ._syntax import Format, dump_text, format_for
from .errors import ValidationError
from .model import ArgumentMap

__all__ = ["dump", "dumps", "encode_map", "to_dict"]


def to_dict(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map's document as plain data, ready for `json.dumps`; fields at defaults left out."""
    return unstructure_map(argument_map)


def dumps(argument_map: ArgumentMap, *, format: Format = "yaml") -> str:
    """The map as JSON or YAML text; the same map always gives the same text.

    Args:
        argument_map: the map.
        format: "json" or "yaml".

    Returns:
        The document's text; `loads` reads it back to an equal map.

    Raises:
        ValidationError: metadata that JSON cannot hold (NaN, sets, objects).
    """
    return dump_text(_document(argument_map), format_for("", format))


def _document(argument_map: ArgumentMap) -> dict[str, Any]:
    # The model's validators check every field but metadata's values; a map
    # built in code may hold anything there, and argmap writes only what it reads.
    document = unstructure_map(argument_map)
    if "metadata" in document:
        _, problems = plain_json(document["metadata"], at=("metadata",))
        if problems:
            raise ValidationError(problems)
    return document


def dump(
    argument_map: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    base: str | os.PathLike[str] | None = None,
) -> None:
    """Save the map to `path` (format from its suffix unless given), atomically.

    The text goes to a temporary file beside `path` that then replaces it, so a
    failed save leaves an existing file exactly as it was; a device or pipe is
    written into, and a source of the map is never overwritten (`OSError`).
    Relative source paths are read from `base` (default: the folder the map was
    loaded from, else the current one) and rewritten for `path`'s folder, so the
    saved map finds its sources (docs/format.md, "Source paths").

    Args:
        argument_map: the map.
        path: the file to write.
        format: "json" or "yaml"; default: from the suffix.
        base: the folder relative source paths are read from.

    Raises:
        ValidationError: metadata that JSON cannot hold.
        OSError: the file cannot be written, or it is the map's own source
            text or a FIFO nobody reads (refused; nothing is written).
        FormatError: the format cannot be told from the suffix.
    """
    chosen = format_for(os.fspath(path), format)
    folder = base_of(argument_map) if base is None else Path(base)
    data = encode_map(argument_map, format=chosen, base=folder, destination=path)
    write_atomic(path, data, keep=source_files(argument_map, folder))


def encode_map(
    argument_map: ArgumentMap,
    *,
    format: Format,
    base: Path,
    destination: str | os.PathLike[str],
) -> bytes:
    """The bytes `dump` writes: relative source paths rewritten for `destination`'s folder."""
    moved = relocate(argument_map, base=base, destination=destination)
    return dump_text(_document(moved), format).encode("utf-8")
