"""Running Graphviz: which engine lays a map out, and turning DOT into bytes."""

from __future__ import annotations

import contextlib
import shutil
import signal
import subprocess
import threading
import warnings
from collections.abc import Iterator
from types import FrameType

from ..errors import RenderError, RenderWarning
from .choices import check_choice

__all__ = [
    "BIG_MAP",
    "ENGINES",
    "LARGE_MAP",
    "RELATION_WEIGHT",
    "choose_engine",
    "layout_cost",
    "overlap_attributes",
    "resolve_engine",
    "run_graphviz",
]

ENGINES = frozenset({"dot", "fdp", "neato", "sfdp"})
"""The Graphviz layout engines argmap renders with."""

RELATION_WEIGHT = 2.0
"""How much relations beyond one a node weigh in `layout_cost` (see there)."""

LARGE_MAP = 2500
"""The `layout_cost` above which a map is laid out with `sfdp` unless an engine is chosen.

On the development machine `dot` passes about 20 s near this cost: near 2,500
nodes with one relation each, 850 with two, 300 with three (sections and
undercuts as in real maps), where `sfdp` takes a few seconds. The figures are
in docs/performance.md, from `bench/bench_first_diagram.py --grid`.
"""

BIG_MAP = 4000
"""Above this many nodes, force-directed layouts remove overlaps by scaling, not Prism.

Prism keeps a drawing compact but spent most of `sfdp`'s time on big maps:
at 5,000 nodes, 44 s against 17 s with `overlap=scale`, both leaving no two
boxes overlapping (`bench/bench_big.py --variants`, docs/performance.md).
"""

_INSTALL = (
    "install Graphviz: 'apt-get install graphviz' (Debian/Ubuntu), "
    "'brew install graphviz' (macOS), or see https://graphviz.org/download/"
)


def layout_cost(node_count: int, relation_count: int) -> float:
    """An estimate of `dot`'s work on a map, counted in nodes of a tree.

    A tree (one relation a node) costs its nodes: `dot` lays it out in layers
    with few crossings. Relations beyond that give `dot` crossings to
    minimise, and measured time grows with the square of how many there are
    per node: `nodes * (1 + RELATION_WEIGHT * extra**2)`, where `extra` is
    the relations beyond one a node, per node.
    """
    if node_count <= 0:
        return 0.0
    extra = max(0, relation_count - node_count) / node_count
    return node_count * (1 + RELATION_WEIGHT * extra * extra)


def choose_engine(node_count: int, relation_count: int = 0) -> str:
    """The engine argmap uses for a map of that many nodes and relations when none is chosen.

    `dot` (ranks, clusters) while `layout_cost` is at most `LARGE_MAP`, `sfdp` above.
    """
    return "sfdp" if layout_cost(node_count, relation_count) > LARGE_MAP else "dot"


def overlap_attributes(node_count: int) -> str:
    """The DOT graph attributes that keep a force-directed layout's boxes apart."""
    overlap = "scale" if node_count > BIG_MAP else "prism"
    return f'overlap={overlap} sep="+8" splines=false'


def resolve_engine(
    engine: str | None, node_count: int, relation_count: int = 0, *, stacklevel: int
) -> str:
    """The engine to lay the map out with: `engine` if chosen, else `choose_engine`'s.

    A chosen `engine` was checked by `DrawOptions` (and `run_graphviz` checks
    it again: it names the program run). An automatic choice other
    than `dot` comes with a `RenderWarning`; `stacklevel` is `warnings.warn`'s,
    counted from here: the caller to blame.
    """
    if engine is not None:
        return engine
    chosen = choose_engine(node_count, relation_count)
    if chosen != "dot":
        cost = layout_cost(node_count, relation_count)
        warnings.warn(
            f"the map has {node_count:,} nodes and {relation_count:,} relations, a layout "
            f"cost of {cost:,.0f}, more than {LARGE_MAP:,}: laid out with {chosen!r}, not "
            f"'dot', which would take more than about 20 s ({chosen} draws no clusters or "
            "ranks; pass engine='dot' to insist, or draw a focus view)",
            RenderWarning,
            stacklevel=stacklevel,
        )
    return chosen


def run_graphviz(
    source: str, *, engine: str, format: str, options: tuple[str, ...] = (), stacklevel: int = 2
) -> bytes:
    """Lay out and draw DOT `source` with the `engine` executable; the output's bytes.

    Raises `ValueError` if `engine` is not one of `ENGINES` (it names the
    program run, so it is checked here too, whoever made the options), and
    `RenderError` if the executable is missing (saying how to install it) or
    Graphviz fails (with its message).
    """
    executable = shutil.which(check_choice(engine, ENGINES, "engine"))
    if executable is None:
        raise RenderError(f"the Graphviz executable {engine!r} was not found on PATH; {_INSTALL}")
    command = [executable, f"-T{format}", *options]
    pipe = subprocess.PIPE
    process: subprocess.Popen[bytes] | None = None
    try:
        with _termination_deferred():
            try:
                process = subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe)
            except OSError as error:
                raise RenderError(f"could not run {engine!r}: {error}; {_INSTALL}") from error
        # A SIGTERM held while Graphviz started is raised as that block ends.
        out, err = process.communicate(source.encode("utf-8"))
    except BaseException:
        # Interrupted or terminated: Graphviz must not outlive the drawing.
        if process is not None:
            process.kill()
            process.wait()
        raise
    stderr = err.decode("utf-8", "replace").strip()
    if process.returncode != 0 or not out:
        detail = stderr or f"exit status {process.returncode}, no output"
        raise RenderError(f"Graphviz {engine!r} failed to draw {format}: {detail}")
    if stderr:
        warnings.warn(f"Graphviz {engine!r} said: {stderr}", RenderWarning, stacklevel=stacklevel)
    return out


@contextlib.contextmanager
def _termination_deferred() -> Iterator[None]:
    """Hold a SIGTERM whose handler raises until the block ends.

    Raised while `Popen` is starting the child, the exception would leave a
    Graphviz process that nothing waits for or kills; held, it is raised once
    the child exists and can be ended.
    """
    previous = signal.getsignal(signal.SIGTERM)
    if threading.current_thread() is not threading.main_thread() or not callable(previous):
        yield
        return
    held: list[tuple[int, FrameType | None]] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        held.append((signum, frame))

    signal.signal(signal.SIGTERM, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        for signum, frame in held:
            previous(signum, frame)
