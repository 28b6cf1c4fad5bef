"""Writing maps: deterministic JSON or YAML text, saved atomically."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from ._atomic import refuse_folder_name, write_atomic
from ._codec import unstructure_map
from ._expect import expect_map
from ._plain import plain_json
from ._sources import base_of, relocate, source_files
from ._syntax import FORMATS, Format, dump_text, format_for
from ._wording import check_format
from .errors import ValidationError
from .model import ArgumentMap

__all__ = ["dump", "dumps", "encode_map", "to_dict"]


def to_dict(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map's document as plain data, ready for `json.dumps`; fields at defaults left out."""
    expect_map(argument_map)
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
    expect_map(argument_map)
    return _text(_document(argument_map), check_format(format, FORMATS))


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
    expect_map(argument_map)
    refuse_folder_name(path)
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
    return _text(_document(moved), format).encode("utf-8")


def _text(document: dict[str, Any], format: Format) -> str:
    if format == "json":
        return _json_text(document)
    return dump_text(document, format)


# JSON text, byte for byte what `json.dumps(document, ensure_ascii=False,
# indent=2) + "\n"` gives (a property test holds it to that). With `indent`,
# the standard library encodes through generators in pure Python; this writes
# into one list with the C string escaper and joins once, about twice as fast.

_ESCAPE = json.encoder.encode_basestring
_KEYS: dict[str, str] = {}
"""'"key": ' for keys seen, up to _KEPT of them (the format's own keys come first)."""
_KEPT = 256


def _json_text(document: Any) -> str:
    out: list[str] = []
    _write(document, out, "\n")
    out.append("\n")
    return "".join(out)


def _scalar(value: Any) -> str | None:
    """A scalar's JSON text as `json` writes it; None for containers and the unknown."""
    if isinstance(value, str):
        return _ESCAPE(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if math.isfinite(value):
            return float.__repr__(value)
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    return None


def _key(key: Any) -> str:
    if type(key) is str:
        known = _KEYS.get(key)
        if known is None:
            known = _ESCAPE(key) + ": "
            if len(_KEYS) < _KEPT:
                _KEYS[key] = known
        return known
    if isinstance(key, str):
        return _ESCAPE(key) + ": "
    if key is None or isinstance(key, int | float):
        # json turns these keys into text: True -> "true", 1.5 -> "1.5".
        return _ESCAPE(_scalar(key) or "") + ": "
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _write(value: Any, out: list[str], newline: str) -> None:
    """Append `value`'s indented JSON text; `newline` is a line break and the current indent."""
    if isinstance(value, dict):
        keyed, brackets = True, "{}"
    elif isinstance(value, list | tuple):
        keyed, brackets = False, "[]"
    else:
        text = _scalar(value)
        if text is None:
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
        out.append(text)
        return
    append = out.append
    if not value:
        append(brackets)
        return
    inner = newline + "  "
    between = "," + inner
    append(brackets[0] + inner)
    for item in value:  # an object's keys, an array's items
        if keyed:
            append(_key(item))
            item = value[item]
        if type(item) is str:
            append(_ESCAPE(item))
        else:
            _write(item, out, inner)
        append(between)
    out[-1] = newline + brackets[1]  # the comma after the last item closes the container
