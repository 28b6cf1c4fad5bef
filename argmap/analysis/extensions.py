"""Dung's extension semantics on a `Framework`: grounded, complete, preferred, stable.

Grounded is computed in time linear in the arguments and attacks, without
recursion. The others enumerate complete labellings by a backtracking search
over the arguments grounded leaves undecided (every complete labelling agrees
with grounded on what grounded decides). That search is exponential in the
worst case, and so can the answer be: n disjoint two-cycles have 2**n preferred
extensions. On argument maps the undecided part is usually a few small cycles.
"""

from __future__ import annotations

from collections import deque
from collections.abc import ItemsView, Iterator, Mapping, ValuesView
from itertools import compress
from operator import not_
from typing import Literal

from .._wording import unknown
from ._graph import strongly_connected
from .framework import Framework, _Packed

__all__ = [
    "EXTENSION_SEMANTICS",
    "ExtensionSemantics",
    "complete_extensions",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "preferred_extensions",
    "stable_extensions",
]

ExtensionSemantics = Literal["grounded", "complete", "preferred", "stable"]
EXTENSION_SEMANTICS: tuple[ExtensionSemantics, ...] = (
    "grounded",
    "complete",
    "preferred",
    "stable",
)
"""The extension semantics `evaluate` and the solvers here know, by name."""

_IN, _OUT, _UNDEC = 1, 2, 3
_WORDS = ("", "in", "out", "undec")


def _expect_framework(fw: object) -> None:
    if not isinstance(fw, Framework):
        raise TypeError(
            f"expected a Framework, got {type(fw).__name__}"
            " (argmap.analysis.framework(m) makes one of a map; argmap.evaluate reads a map)"
        )


def _grounded(fw: Framework) -> list[int]:
    """Each argument's grounded label (_IN, _OUT, _UNDEC), by counting attackers not yet out.

    Each attack is looked at most once from each end: when its source is
    labelled in (its target goes out) or out (its target loses an attacker).
    A big framework is solved by numpy as far as it goes in waves (see `_bulk`).
    """
    _expect_framework(fw)
    index = fw._index
    if isinstance(index, _Packed):
        from . import _bulk

        label, rest = _bulk.grounded(len(fw.arguments), index.sources, index.ends)
        if rest is not None:
            _settle(label, *rest)
        return label
    alive = list(index.indegree)
    count = len(alive)
    label = [_UNDEC] * count
    queue = list(compress(range(count), map(not_, alive)))
    _settle(label, alive, index.last, index.previous, index.ends, queue)
    return label


def _settle(
    label: list[int],
    alive: list[int],
    last: list[int],
    previous: list[int],
    ends: list[int],
    queue: list[int],
) -> None:
    """Label in the arguments in `queue` (no attacker alive), out what they attack, and
    so on; each argument's attacks are linked lists, as in `framework._Index`."""
    # A list read while it grows is the queue: cheaper than a deque's pops.
    append = queue.append
    for a in queue:
        label[a] = _IN
        e = last[a]
        while e >= 0:
            b = ends[e]
            e = previous[e]
            if label[b] == _UNDEC:
                label[b] = _OUT
                f = last[b]
                while f >= 0:
                    c = ends[f]
                    f = previous[f]
                    left = alive[c] - 1
                    alive[c] = left
                    if not left and label[c] == _UNDEC:
                        append(c)


class _Labelling(Mapping[str, str]):
    """Argument name → grounded label, read from the solved labels through the
    framework's index: the names are looked up when read, so a million labels
    cost no dict of a million entries until someone asks for one (`dict(...)`)."""

    __slots__ = ("_arguments", "_index", "_labels")

    def __init__(self, fw: Framework, labels: list[int]) -> None:
        self._arguments = fw.arguments
        self._index = fw._index
        self._labels = labels

    def __getitem__(self, argument: str) -> str:
        return _WORDS[self._labels[self._index.position[argument]]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._arguments)

    def __len__(self) -> int:
        return len(self._labels)

    def __contains__(self, argument: object) -> bool:
        return argument in self._index.position

    def values(self) -> ValuesView[str]:
        return _LabelValues(self)

    def items(self) -> ItemsView[str, str]:
        return _LabelItems(self)

    def _words(self) -> Iterator[str]:
        return map(_WORDS.__getitem__, self._labels)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, dict):  # the usual comparison: spare copying the dict
            return dict(self.items()) == other
        return super().__eq__(other)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


# The views read the labels in bulk, not through one lookup of each name.
class _LabelValues(ValuesView[str]):
    _mapping: _Labelling

    def __iter__(self) -> Iterator[str]:
        return self._mapping._words()


class _LabelItems(ItemsView[str, str]):
    _mapping: _Labelling

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return zip(self._mapping._arguments, self._mapping._words(), strict=True)


def grounded_labelling(fw: Framework) -> Mapping[str, str]:
    """Each argument's grounded label: "in", "out" or "undec".

    The answer is a read-only mapping in the order of `fw.arguments`, equal to
    the dict of the same labels; `dict(...)` makes one (for JSON, say).

    >>> grounded_labelling(Framework.of([("a", "b"), ("b", "c"), ("d", "d")]))
    {'a': 'in', 'b': 'out', 'c': 'in', 'd': 'undec'}
    """
    return _Labelling(fw, _grounded(fw))


def grounded_extension(fw: Framework) -> frozenset[str]:
    """The grounded extension: the least complete extension."""
    return _extension(fw, _grounded(fw))


def _grounded_answer(fw: Framework) -> tuple[frozenset[str], Mapping[str, str]]:
    """The grounded extension and labelling from one solve."""
    label = _grounded(fw)
    return _extension(fw, label), _Labelling(fw, label)


def _complete_labellings(fw: Framework) -> Iterator[list[int]]:
    """Every complete labelling, each found once, by search over grounded's undecided arguments."""
    label = _grounded(fw)  # (first: it checks that `fw` is a Framework)
    index = fw._index
    targets, attackers = index.targets, index.attackers
    open_ = [a for a, lab in enumerate(label) if lab == _UNDEC]
    if not open_:
        yield label
        return
    for a in open_:
        label[a] = 0
    # How many of an argument's attackers bear each label (0: open), kept up to
    # date as labels change: a label is checked in constant time, where
    # counting a hub's attackers at every step made the search quadratic.
    watched = {b for a in open_ for b in (a, *targets[a])}
    tally = {b: [0, 0, 0, 0] for b in watched}
    for b in watched:
        counts = tally[b]
        for c in attackers[b]:
            counts[label[c]] += 1

    def relabel(a: int, new: int) -> None:
        old = label[a]
        for b in targets[a]:
            counts = tally[b]
            counts[old] -= 1
            counts[new] += 1
        label[a] = new

    def consistent(a: int) -> bool:
        """Whether a's label can still be completed, given its attackers' labels so far."""
        own = label[a]
        if own == 0:
            return True
        some_open, some_in, _, some_undec = tally[a]  # counts by label: open, in, out, undec
        if own == _IN:
            return not some_in and not some_undec
        if own == _OUT:
            return bool(some_in or some_open)
        return not some_in and bool(some_undec or some_open)

    # Order: the strongly connected parts of the undecided arguments, each
    # before the parts it attacks, breadth first within a part, so that an
    # argument's attackers are labelled before it and conflicts show early.
    # (In the map's order, an odd cycle listed after the arguments it attacks
    # was labelled last, and every labelling of theirs was tried before it.)
    after = {a: [b for b in targets[a] if label[b] == 0] for a in open_}
    order: list[int] = []
    placed: set[int] = set()
    for part in reversed(strongly_connected(open_, after)):
        members = set(part)
        for start in sorted(part):
            if start in placed:
                continue
            placed.add(start)
            queue = deque([start])
            while queue:
                a = queue.popleft()
                order.append(a)
                for b in after[a]:
                    if b in members and b not in placed:
                        placed.add(b)
                        queue.append(b)
    # An explicit stack of (depth, choices left) instead of recursion.
    stack: list[tuple[int, list[int]]] = [(0, [_UNDEC, _OUT, _IN])]
    while stack:
        depth, choices = stack[-1]
        if depth == len(order):
            yield list(label)
            stack.pop()
            continue
        a = order[depth]
        if not choices:
            relabel(a, 0)
            stack.pop()
            continue
        relabel(a, choices.pop())
        if consistent(a) and all(consistent(b) for b in targets[a]):
            stack.append((depth + 1, [_UNDEC, _OUT, _IN]))
    return


def _extension(fw: Framework, label: list[int]) -> frozenset[str]:
    return frozenset(compress(fw.arguments, map(_IN.__eq__, label)))


def complete_extensions(fw: Framework) -> tuple[frozenset[str], ...]:
    """All complete extensions (the grounded one first)."""
    found = [_extension(fw, label) for label in _complete_labellings(fw)]
    # The grounded extension is the least complete one: every other holds it.
    grounded = min(found, key=len)
    return (grounded, *(extension for extension in found if extension is not grounded))


def preferred_extensions(fw: Framework) -> tuple[frozenset[str], ...]:
    """The maximal complete (equivalently, admissible) extensions."""
    complete = sorted(complete_extensions(fw), key=len, reverse=True)
    maximal: list[frozenset[str]] = []
    for extension in complete:
        if not any(extension < bigger for bigger in maximal):
            maximal.append(extension)
    return tuple(maximal)


def stable_extensions(fw: Framework) -> tuple[frozenset[str], ...]:
    """The complete extensions that attack every argument outside them (maybe none)."""
    return tuple(_extension(fw, label) for label in _complete_labellings(fw) if _UNDEC not in label)


def extensions(fw: Framework, semantics: ExtensionSemantics) -> tuple[frozenset[str], ...]:
    """The extensions of `fw` under `semantics` (grounded has exactly one).

    >>> fw = Framework.of([("a", "b"), ("b", "a"), ("b", "c")])
    >>> [sorted(e) for e in extensions(fw, "preferred")]
    [['a', 'c'], ['b']]
    """
    if semantics == "grounded":
        return (grounded_extension(fw),)
    if semantics == "complete":
        return complete_extensions(fw)
    if semantics == "preferred":
        return preferred_extensions(fw)
    if semantics == "stable":
        return stable_extensions(fw)
    raise ValueError(unknown("semantics", semantics, EXTENSION_SEMANTICS))
