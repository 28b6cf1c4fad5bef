"""Where a map's source texts are, and keeping them reachable when the map is saved elsewhere.

The one rule, used by `argmap.dump` and `argmap convert` alike: a relative
source path is read from the folder of the map file (its `base`); when the map
is saved into another folder, each relative path is rewritten relative to the
folder the new file really lands in (symbolic links resolved), so that the
saved map finds the same files. Absolute paths are kept as they are.
"""

from __future__ import annotations

import os
import threading
import weakref
from pathlib import Path

import attrs

from .atomic import descriptor_of
from .model import ArgumentMap

__all__ = ["base_of", "landing_folder", "relocate", "remember_base", "source_files"]

_BASES: dict[int, tuple[weakref.ref[ArgumentMap], Path]] = {}
_LOCK = threading.Lock()


def remember_base(argument_map: ArgumentMap, base: Path) -> None:
    """Note that `argument_map`'s relative source paths are relative to the folder `base`."""
    key = id(argument_map)

    def forget(_: object) -> None:
        with _LOCK:
            entry = _BASES.get(key)
            if entry is not None and entry[0]() is None:
                del _BASES[key]

    with _LOCK:
        _BASES[key] = (weakref.ref(argument_map, forget), base)


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
    if old == new or not any(
        s.path is not None and not os.path.isabs(s.path) for s in argument_map.sources
    ):
        return argument_map
    sources = tuple(
        attrs.evolve(
            s, path=Path(os.path.relpath(_real(os.path.join(old, s.path)), new)).as_posix()
        )
        if s.path is not None and not os.path.isabs(s.path)
        else s
        for s in argument_map.sources
    )
    return attrs.evolve(argument_map, sources=sources)
