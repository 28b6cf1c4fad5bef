"""Where a map's source texts are, how they are read, and keeping them reachable.

Sources are read as UTF-8 with line endings made `\n` (Windows' `\r\n` and
old Macs' `\r` alike), so quotes and offsets do not depend on the platform a
source was saved on; offsets count characters of that text. With a sources
root, a source whose real path (symbolic links resolved) lies outside it is
not read.

The one rule, used by `argmap.dump` and `argmap convert` alike: a relative
source path is read from the folder of the map file (its `base`); when the map
is saved into another folder, each relative path is rewritten relative to the
folder the new file really lands in (symbolic links resolved), so that the
saved map finds the same files. Absolute paths are kept as they are.
"""

from __future__ import annotations

import errno
import os
import threading
import weakref
from pathlib import Path

import attrs

from ._atomic import descriptor_of
from ._wording import shown
from .model import ArgumentMap

__all__ = [
    "OutsideRootError",
    "base_of",
    "confine",
    "landing_folder",
    "read_source_text",
    "relocate",
    "remember_base",
    "root_folder",
    "source_files",
]

_BASES: dict[int, tuple[weakref.ref[ArgumentMap], Path]] = {}
_LOCK = threading.Lock()


class OutsideRootError(Exception):
    """A source path that leads out of the folder sources are confined to."""


def confine(path: Path, root: Path) -> Path:
    """`path` with every link resolved, if that lies inside `root`; else `OutsideRootError`."""
    try:
        real, real_root = os.path.realpath(path), os.path.realpath(root)
    except ValueError:  # a NUL character: reported as unreadable by the caller
        return path
    if os.path.commonpath([real, real_root]) != real_root:
        raise OutsideRootError(
            f"the source path {shown(os.fspath(path), 200)} leads outside the sources root "
            f"{shown(real_root, 200)}; only files inside it are read"
        )
    return Path(real)


def read_source_text(data: bytes) -> str:
    """A source file's bytes as text: UTF-8 (`UnicodeDecodeError` if not), newlines `\n`."""
    text = data.decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def remember_base(argument_map: ArgumentMap, base: Path) -> None:
    """Note that `argument_map`'s relative source paths are relative to the folder `base`."""
    key = id(argument_map)

    def forget(_: object) -> None:
        with _LOCK:
            entry = _BASES.get(key)
            if entry is not None and entry[0]() is None:
                del _BASES[key]

    # Absolute now: the working directory may change before the map is saved.
    folder = Path(os.path.abspath(base))
    with _LOCK:
        _BASES[key] = (weakref.ref(argument_map, forget), folder)


def base_of(argument_map: ArgumentMap) -> Path:
    """The folder the map was read with (by `load`, `loads`, `check`...), else the current one."""
    with _LOCK:
        entry = _BASES.get(id(argument_map))
    if entry is not None and entry[0]() is argument_map:
        return entry[1]
    return Path.cwd()


def source_files(argument_map: ArgumentMap, base: Path) -> list[Path]:
    """The files the map's sources name, as they are read (relative to `base`)."""
    return [base / s.path for s in argument_map.sources if s.path is not None]


def _real(path: str) -> str:
    # The folder part resolved, the file's own name kept: a source that is a
    # link stays that link.
    folder, name = os.path.split(path)
    return os.path.join(os.path.realpath(folder or "."), name)


def _movable(path: str | None) -> bool:
    # Absolute paths stay; a NUL names no file, so there is nothing to keep reachable.
    return path is not None and not os.path.isabs(path) and "\0" not in path


def landing_folder(destination: str | os.PathLike[str]) -> str:
    """The real folder a file written to `destination` ends up in (for standard output: here)."""
    if descriptor_of(destination) is not None:
        return os.getcwd()
    return os.path.dirname(os.path.realpath(destination))


def relocate(
    argument_map: ArgumentMap, *, base: Path, destination: str | os.PathLike[str]
) -> ArgumentMap:
    """The map with relative source paths rewritten for a file saved at `destination`."""
    old = os.path.realpath(base)
    new = landing_folder(destination)
    if old == new or not any(_movable(s.path) for s in argument_map.sources):
        return argument_map
    sources = tuple(
        attrs.evolve(
            s, path=Path(os.path.relpath(_real(os.path.join(old, s.path)), new)).as_posix()
        )
        if s.path is not None and _movable(s.path)
        else s
        for s in argument_map.sources
    )
    return attrs.evolve(argument_map, sources=sources)


def root_folder(root: str | os.PathLike[str] | None) -> Path | None:
    """`sources_root` as a folder, or None; `NotADirectoryError` if it is no folder."""
    # A mistyped root would report every source as outside it: say so once instead.
    if root is None:
        return None
    if not os.path.isdir(root):
        raise NotADirectoryError(
            errno.ENOTDIR, f"the sources root {os.fspath(root)!r} is not a folder", os.fspath(root)
        )
    return Path(root)
