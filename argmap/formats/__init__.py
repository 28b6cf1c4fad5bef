"""Other formats in and out: AIF, Argdown, Mermaid, GraphML, and argmap's own JSON and YAML.

A registry by name and by suffix. `.json` is shared by argmap's format and
AIF JSON: a name ending `.aif.json` (or `.aif`) is AIF, `--from aif` says so,
and otherwise the start of the file decides: a top-level `"argmap"` key is
argmap's format, `"nodeID"` or `"AIF"` with no `"argmap"` is AIF
(docs/interchange.md).
"""

from __future__ import annotations

import errno
import importlib
import os
import re
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .._expect import expect_map
from .._sources import root_folder
from .._wording import MAP_FORMATS, check_format, unknown_suffix
from ..errors import Problem, ProblemCode
from ..loader import MAX_MAP_BYTES, Report, _read_regular_file, _status, _TooLargeError, check
from ..model import ArgumentMap
from . import graphs
from .graphs import to_networkx

if TYPE_CHECKING:
    from . import aif as aif
    from . import argdown as argdown
    from . import mermaid as mermaid

__all__ = [
    "FORMATS",
    "READABLE",
    "WRITABLE",
    "Format",
    "check_file",
    "dumps",
    "format_for",
    "load",
    "to_networkx",
]


@attrs.frozen(kw_only=True)
class Format:
    """A format argmap reads, writes or both; `read` checks a file, `write` gives a map's text."""

    name: str = attrs.field(validator=attrs.validators.in_(MAP_FORMATS))
    """One of `MAP_FORMATS`, the names every command and function take."""
    suffixes: tuple[str, ...]
    description: str
    read: Callable[[str, str | None], Report] | None = None
    write: Callable[[ArgumentMap], str] | None = None


def _native(name: str, *suffixes: str) -> Format:
    """argmap's own format as JSON or YAML: the loader reads it, the writer writes it."""

    def read(path: str, sources_root: str | None) -> Report:
        return check(path, format=name, sources_root=sources_root)  # type: ignore[arg-type]

    def write(argument_map: ArgumentMap) -> str:
        from ..writer import dumps as native_dumps

        return native_dumps(argument_map, format=name)  # type: ignore[arg-type]

    return Format(
        name=name,
        suffixes=suffixes,
        description=f"argmap's format as {name.upper()}",
        read=read,
        write=write,
    )


def _foreign(
    check_text: Callable[..., Report], *, sources: bool = False
) -> Callable[[str, str | None], Report]:
    def read(path: str, sources_root: str | None) -> Report:
        try:
            data = _read_regular_file(Path(path), MAX_MAP_BYTES)
        except _TooLargeError as error:
            problem = Problem(path="$", code=ProblemCode.TOO_LARGE, message=str(error), file=path)
            return Report(map=None, problems=(problem,))
        if sources:  # Argdown front matter may name source files (AIF files do not)
            return check_text(data, file=path, sources_root=sources_root)
        return check_text(data, file=path)

    return read


def _write_only(
    name: str, write: Callable[[ArgumentMap], str], what: str, *suffixes: str
) -> Format:
    """A format argmap writes but does not read: `what` it is, then "(write only)"."""
    return Format(name=name, suffixes=suffixes, description=f"{what} (write only)", write=write)


_ON_FIRST_USE = ("aif", "argdown", "mermaid")
"""The format modules imported when first used: reading argmap's own maps needs none."""


def _lazy(module: str, name: str) -> Callable[..., Any]:
    """The function `name` of the format module `module`, imported when first called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(f".{module}", __name__), name)(*args, **kwargs)

    return call


if not TYPE_CHECKING:  # so that type checkers still catch a misspelt name

    def __getattr__(name: str) -> Any:
        """The format modules of `_ON_FIRST_USE`, imported on first use."""
        if name in _ON_FIRST_USE:
            return importlib.import_module(f".{name}", __name__)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


FORMATS: Mapping[str, Format] = {
    f.name: f
    for f in (
        _native("json", ".json"),
        _native("yaml", ".yaml", ".yml"),
        Format(
            name="aif",
            suffixes=(".aif.json", ".aif"),
            description="AIF JSON, as AIFdb and OVA write it",
            read=_foreign(_lazy("aif", "check_text")),
            write=_lazy("aif", "dumps"),
        ),
        Format(
            name="argdown",
            suffixes=(".argdown", ".ad"),
            description="Argdown, as Argdown's own tools read and write it",
            read=_foreign(_lazy("argdown", "check_text"), sources=True),
            write=_lazy("argdown", "dumps"),
        ),
        _write_only(
            "mermaid", _lazy("mermaid", "dumps"), "a Mermaid flowchart", ".mmd", ".mermaid"
        ),
        _write_only("graphml", graphs.dumps_graphml, "GraphML via networkx", ".graphml"),
    )
}
"""Every format by name."""

READABLE = tuple(name for name, f in FORMATS.items() if f.read is not None)
"""The names of the formats argmap reads (`--from`)."""

WRITABLE = tuple(name for name, f in FORMATS.items() if f.write is not None)
"""The names of the formats argmap writes (`--to`)."""

_SNIFF_BYTES = 1 << 16
_ARGMAP_KEY = re.compile(rb'"argmap"\s*:')
_AIF_KEY = re.compile(rb'"(nodeID|AIF)"\s*:')


def format_for(
    name: str, format: str | None = None, *, reading: bool, head: bytes | None = None
) -> Format:
    """The format named, else the one of `name`'s suffix (`.json` sniffed from `head`)."""
    names = READABLE if reading else WRITABLE
    if format is not None:
        return FORMATS[check_format(format, names, doing="read" if reading else "write")]
    usable = [FORMATS[name] for name in names]
    lower = name.lower()
    for candidate in sorted(usable, key=lambda f: -max(len(s) for s in f.suffixes)):
        if lower.endswith(candidate.suffixes):
            sniffed = candidate.name == "json" and head is not None
            if sniffed and not _ARGMAP_KEY.search(head or b"") and _AIF_KEY.search(head or b""):
                return FORMATS["aif"]
            return candidate
    raise unknown_suffix(name, [s for f in usable for s in f.suffixes], names)


def check_file(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    sources_root: str | os.PathLike[str] | None = None,
) -> Report:
    """Read and check a map file in any readable format; never raises for invalid input."""
    # Whatever the format reads of it: a root that is no folder is said at once.
    root_folder(sources_root)
    name = os.fspath(path)
    # A folder or a missing file is said as such before the name is asked for a format.
    status = _status(Path(name))
    head = None
    if format is None and name.lower().endswith(".json"):
        # Asked before opening: opening a FIFO would wait for a writer.
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", name)
        with open(name, "rb") as file:
            head = file.read(_SNIFF_BYTES)
    chosen = format_for(name, format, reading=True, head=head)
    assert chosen.read is not None  # format_for chose a readable format
    return chosen.read(name, None if sources_root is None else os.fspath(sources_root))


def load(path: str | os.PathLike[str], *, format: str | None = None) -> ArgumentMap:
    """A map from a file in any readable format; `ValidationError` listing every problem."""
    return check_file(path, format=format).unwrap()


def dumps(argument_map: ArgumentMap, format: str) -> str:
    """The text of a map in the format named."""
    expect_map(argument_map)
    write = FORMATS[check_format(format, WRITABLE, doing="write")].write
    assert write is not None  # check_format chose a writable format
    return write(argument_map)
