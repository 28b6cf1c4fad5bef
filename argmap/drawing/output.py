"""Writing a map's diagram to a file: format from the suffix, Graphviz, atomic write."""

from __future__ import annotations

import errno
import os
import types
from collections.abc import Mapping
from pathlib import Path

from .._atomic import write_atomic
from .._sources import base_of, source_files
from ..errors import FormatError
from ..model import ArgumentMap
from .choices import check_count
from .dot import DEFAULT_STAGGER, DEFAULT_WIDTH, make_digraph
from .layout import run_graphviz
from .theme import Theme

__all__ = ["FORMATS", "SUFFIXES", "format_for", "render", "render_bytes"]

FORMATS = frozenset({"dot", "pdf", "png", "svg"})
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
        if format in FORMATS:
            return format
        raise FormatError(
            f"unknown format {format!r}; expected one of {', '.join(sorted(FORMATS))}"
        )
    suffix = Path(path).suffix
    found = SUFFIXES.get(suffix.lower())
    if found is None:
        told = f"suffix {suffix!r}" if suffix else "no suffix"
        raise FormatError(
            f"cannot tell the format of {os.fspath(path)!r} ({told}); use a suffix "
            f"({', '.join(sorted(SUFFIXES))}) or pass a format "
            f"({', '.join(sorted(FORMATS))})"
        )
    return found


def render_bytes(
    m: ArgumentMap,
    *,
    format: str,
    engine: str | None = None,
    theme: str | Theme = "default",
    rankdir: str = "BT",
    width: int = DEFAULT_WIDTH,
    legend: bool = True,
    title: bool = True,
    stagger: int = DEFAULT_STAGGER,
    dpi: int | None = None,
) -> bytes:
    """The map drawn in `format` (one of `FORMATS`), as bytes; options as `render`."""
    return _render_bytes(
        m,
        format=format_for("", format),
        engine=engine,
        theme=theme,
        rankdir=rankdir,
        width=width,
        legend=legend,
        title=title,
        stagger=stagger,
        dpi=dpi,
        stacklevel=3,
    )


def render(
    m: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    engine: str | None = None,
    theme: str | Theme = "default",
    rankdir: str = "BT",
    width: int = DEFAULT_WIDTH,
    legend: bool = True,
    title: bool = True,
    stagger: int = DEFAULT_STAGGER,
    dpi: int | None = None,
) -> Path:
    """Draw the map into the file `path` (svg, png, pdf or dot); the path written.

    `format` defaults to what the suffix says. Graphviz runs first and the file
    is written atomically after, so a failed render leaves an older file as it
    was. `dpi` sets PNG resolution (default 150). Other options as `to_graphviz`.
    Raises `FormatError`, `ValueError` for unknown options, `RenderError` if
    Graphviz is missing or fails, `OSError` if `path` cannot be written (checked
    before Graphviz runs, as far as it can be) or is one of the map's sources.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(target.parent))
    data = _render_bytes(
        m,
        format=format_for(path, format),
        engine=engine,
        theme=theme,
        rankdir=rankdir,
        width=width,
        legend=legend,
        title=title,
        stagger=stagger,
        dpi=dpi,
        stacklevel=3,
    )
    write_atomic(target, data, keep=source_files(m, base_of(m)))
    return target


def _render_bytes(
    m: ArgumentMap,
    *,
    format: str,
    engine: str | None,
    theme: str | Theme,
    rankdir: str,
    width: int,
    legend: bool,
    title: bool,
    stagger: int,
    dpi: int | None,
    stacklevel: int,
) -> bytes:
    options: tuple[str, ...] = ()
    if format == "png":
        options = (f"-Gdpi={DEFAULT_DPI if dpi is None else check_count(dpi, 'dpi', minimum=1)}",)
    elif dpi is not None:
        check_count(dpi, "dpi", minimum=1)
    digraph = make_digraph(
        m,
        theme=theme,
        engine=engine,
        rankdir=rankdir,
        width=width,
        legend=legend,
        title=title,
        stagger=stagger,
        stacklevel=stacklevel + 1,
    )
    source: str = digraph.source
    if format == "dot":
        return source.encode("utf-8")
    return run_graphviz(
        source, engine=digraph.engine, format=format, options=options, stacklevel=stacklevel + 1
    )
