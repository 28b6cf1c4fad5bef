"""Writing a map's diagram to a file: format from the suffix, Graphviz, atomic write."""

from __future__ import annotations

import errno
import os
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._atomic import refuse_folder_name, write_atomic
from .._expect import expect_map
from .._sources import base_of, source_files
from .._wording import IMAGE_FORMATS, check_format, unknown_suffix
from ..model import ArgumentMap
from .dot import make_digraph
from .layout import run_graphviz
from .options import DrawOptions, options_from

__all__ = ["FORMATS", "SUFFIXES", "format_for", "render", "render_bytes"]

FORMATS = frozenset(IMAGE_FORMATS)
"""The formats `render` writes; `dot` needs no Graphviz executables."""

SUFFIXES: Mapping[str, str] = types.MappingProxyType(
    {".dot": "dot", ".gv": "dot", ".pdf": "pdf", ".png": "png", ".svg": "svg"}
)
"""File suffixes and the format each one means."""

DEFAULT_DPI = 150
"""Pixels per inch of PNG output when no `dpi` is given: sharp on screens and in documents."""


def format_for(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The output format: `format` if given, else the one `path`'s suffix names.

    Raises `FormatError` naming the allowed formats and suffixes.
    """
    if format is not None:
        return check_format(format, IMAGE_FORMATS, doing="draw in")
    found = SUFFIXES.get(Path(path).suffix.lower())
    if found is None:
        raise unknown_suffix(os.fspath(path), sorted(SUFFIXES), IMAGE_FORMATS)
    return found


def render_bytes(
    m: ArgumentMap, options: DrawOptions | None = None, *, format: str, **overrides: Any
) -> bytes:
    """The map drawn in `format` (one of `FORMATS`), as bytes; options as `render`."""
    expect_map(m)
    chosen = check_format(format, IMAGE_FORMATS, doing="draw in")
    return _render_bytes(m, chosen, options_from(options, overrides), stacklevel=3)


def render(
    m: ArgumentMap,
    path: str | os.PathLike[str],
    options: DrawOptions | None = None,
    *,
    format: str | None = None,
    **overrides: Any,
) -> Path:
    """Draw the map into the file `path` (svg, png, pdf or dot); the path written.

    Graphviz runs first and the file is written atomically after, so a failed
    render leaves an older file as it was.

    Args:
        m: the map.
        path: the file to write.
        options: a `DrawOptions` (default: `DrawOptions()`).
        format: one of `FORMATS`; default: what the suffix says.
        **overrides: any `DrawOptions` field (`dpi` sets PNG resolution,
            default 150), replacing the one in `options`.

    Returns:
        `path`, as a `Path`.

    Raises:
        FormatError: the format is unknown or cannot be told from the suffix.
        ValueError, TypeError: an option is unknown or out of range.
        RenderError: Graphviz is missing or fails.
        OSError: `path` cannot be written (checked before Graphviz runs, as far
            as it can be) or is one of the map's sources.
    """
    expect_map(m)
    refuse_folder_name(path)
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(target.parent))
    chosen = format_for(path, format)
    data = _render_bytes(m, chosen, options_from(options, overrides), stacklevel=3)
    write_atomic(target, data, keep=source_files(m, base_of(m)))
    return target


def _render_bytes(m: ArgumentMap, format: str, options: DrawOptions, *, stacklevel: int) -> bytes:
    flags: tuple[str, ...] = ()
    if format == "png":
        flags = (f"-Gdpi={DEFAULT_DPI if options.dpi is None else options.dpi}",)
    # Drawing runs Graphviz anyway, so sections are laid out alone and arranged;
    # DOT output stays the one-pass layout, which needs no Graphviz. A map with
    # no sections has nothing to arrange but its legend, not worth a second run
    # of Graphviz (about as long as drawing a small map).
    arrange = format != "dot" and any(node.section is not None for node in m.nodes)
    digraph = make_digraph(m, options, stacklevel=stacklevel + 1, arrange=arrange)
    source: str = digraph.source
    if format == "dot":
        return source.encode("utf-8")
    return run_graphviz(
        source, engine=digraph.engine, format=format, options=flags, stacklevel=stacklevel + 1
    )
