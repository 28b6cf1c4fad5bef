"""Running Graphviz: which engine lays a map out, and turning DOT into bytes."""

from __future__ import annotations

import shutil
import subprocess
import warnings

from ..errors import RenderError, RenderWarning
from .choices import check_choice

__all__ = [
    "ENGINES",
    "LARGE_MAP",
    "RenderWarning",
    "choose_engine",
    "resolve_engine",
    "run_graphviz",
]

ENGINES = frozenset({"dot", "fdp", "neato", "sfdp"})
"""The Graphviz layout engines argmap renders with."""

LARGE_MAP = 1500
"""Maps with more nodes than this are laid out with `sfdp` unless an engine is chosen.

`dot`'s time grows much faster than the map: about 2.3 s at 1,000 nodes, 6 s
at 1,500 and 25 s or more at 2,000, where `sfdp` takes 1.5 s (and about 45 s
at 20,000, overlaps removed). See docs/performance.md.
"""

_INSTALL = (
    "install Graphviz: 'apt-get install graphviz' (Debian/Ubuntu), "
    "'brew install graphviz' (macOS), or see https://graphviz.org/download/"
)


def choose_engine(node_count: int) -> str:
    """The engine argmap uses for a map of `node_count` nodes when none is chosen."""
    return "sfdp" if node_count > LARGE_MAP else "dot"


def resolve_engine(engine: str | None, node_count: int, *, stacklevel: int) -> str:
    """`engine` checked, or the automatic choice, with a `RenderWarning` if that is not `dot`.

    `stacklevel` is `warnings.warn`'s, counted from here: the caller to blame.
    """
    if engine is not None:
        return check_choice(engine, ENGINES, "engine")
    chosen = choose_engine(node_count)
    if chosen != "dot":
        warnings.warn(
            f"the map has {node_count} nodes, more than {LARGE_MAP}: laid out with "
            f"{chosen!r}, not 'dot', whose time grows steeply with size ({chosen} draws "
            "no clusters or ranks; pass engine='dot' to insist, or draw a focus view)",
            RenderWarning,
            stacklevel=stacklevel,
        )
    return chosen


def run_graphviz(
    source: str, *, engine: str, format: str, options: tuple[str, ...] = (), stacklevel: int = 2
) -> bytes:
    """Lay out and draw DOT `source` with the `engine` executable; the output's bytes.

    Raises `RenderError` if the executable is missing (saying how to install
    it) or Graphviz fails (with its message).
    """
    executable = shutil.which(engine)
    if executable is None:
        raise RenderError(f"the Graphviz executable {engine!r} was not found on PATH; {_INSTALL}")
    command = [executable, f"-T{format}", *options]
    try:
        done = subprocess.run(command, input=source.encode("utf-8"), capture_output=True)
    except OSError as error:
        raise RenderError(f"could not run {engine!r}: {error}; {_INSTALL}") from error
    stderr = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or not done.stdout:
        detail = stderr or f"exit status {done.returncode}, no output"
        raise RenderError(f"Graphviz {engine!r} failed to draw {format}: {detail}")
    if stderr:
        warnings.warn(f"Graphviz {engine!r} said: {stderr}", RenderWarning, stacklevel=stacklevel)
    return done.stdout
