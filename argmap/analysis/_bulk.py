"""Big frameworks in numpy's compiled loops: names to positions, and grounded.

Imported only for frameworks of `framework._BULK_FROM` arguments and attacks or
more (numpy's import and its per-call overhead cost more than they save on
small ones). Every function here either gives the answer the pure-Python code
in `framework` and `extensions` gives, or `None` to send the case to that code
(a repeated or unhashable name, an unknown one: the pure-Python code then says
which, in its own words).

Names become positions through hash tables held in numpy arrays, each filled
and searched a whole array of keys at a time, not by a dict lookup a name (a
million of those cost a million trips through the interpreter and several
cache misses each). An attack's end that is the very object its argument is
(the usual case: the names were made once) is found by its `id`, without
reading the string at all; any other is found by its hash and then compared
with the argument's name, as a dict would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import chain, compress, islice, repeat
from operator import attrgetter, is_
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt

from ..model import Relation, RelationKind
from .extensions import _IN as IN
from .extensions import _OUT as OUT
from .extensions import _UNDEC as UNDEC

__all__ = ["Names", "ends", "flattened", "grounded", "targets"]

Ints = npt.NDArray[np.intp]

_WAVE = 512
"""A wave of fewer accepted arguments than this is a small one (see _SMALL_WAVES)."""

_SMALL_WAVES = 64
"""How many smaller waves are solved in numpy before the rest is left to Python (a few
end most frameworks; a chain would go on for as many waves as it is long)."""

_DENSE = 16
"""A wave touching at least 1/_DENSE of the arguments is done in passes over all of them."""

_PROBE = 1024
"""How many names are looked up by identity first, to see if the others should be."""


_SPREAD = np.uint64(0x9E3779B97F4A7C15)
"""2**64 over the golden ratio, odd: multiplying by it spreads keys over the table's slots."""

Keys = npt.NDArray[np.uint64]


class _Table:
    """Distinct 64-bit keys in an open-addressing hash table (linear probing, at most
    half full), filled and searched a whole array of keys at a time.

    Each round of a search reads one slot for every key still looking: a few
    rounds in all, each a pass of compiled code. Sorting the keys instead costs
    several times as much on a million of them.
    """

    __slots__ = ("keys", "mask", "shift", "slots")

    def __init__(self, keys: Keys, bits: int) -> None:
        self.keys = keys
        self.mask = (1 << bits) - 1
        self.shift = np.uint64(64 - bits)
        self.slots = np.full(1 << bits, -1, np.intp)

    @classmethod
    def of(cls, keys: Keys) -> _Table | None:
        """The table of `keys`; None if two are equal."""
        table = cls(keys, max((2 * keys.size).bit_length(), 1))
        slots = table.slots
        waiting = np.arange(keys.size, dtype=np.intp)
        slot = table._home(keys)
        while waiting.size:
            free = slots[slot] < 0
            slots[slot[free]] = waiting[free]  # where two want one slot, one gets it
            held = slots[slot]
            left = held != waiting
            if bool((keys[held[left]] == keys[waiting[left]]).any()):
                return None
            waiting, slot = waiting[left], (slot[left] + 1) & table.mask
        return table

    def _home(self, keys: Keys) -> Ints:
        """Each key's first slot: the top bits of its product with _SPREAD."""
        home: Ints = ((keys * _SPREAD) >> self.shift).astype(np.intp)
        return home

    def find(self, queries: Keys) -> Ints:
        """Each query's place among the keys, -1 where no key equals it."""
        found = np.full(queries.size, -1, np.intp)
        looking = np.arange(queries.size, dtype=np.intp)
        slot = self._home(queries)
        while looking.size:
            held = self.slots[slot]
            taken = held >= 0
            same = np.zeros(looking.size, np.bool_)
            same[taken] = self.keys[held[taken]] == queries[looking[taken]]
            found[looking[same]] = held[same]
            on = taken & ~same
            looking, slot = looking[on], (slot[on] + 1) & self.mask
        return found


def _ids(names: Iterable[object], count: int) -> Keys:
    return np.fromiter(map(id, names), np.uint64, count=count)


def _hashes(names: Iterable[object], count: int) -> Keys | None:
    """The names' hashes as unsigned keys; None if a name has none."""
    try:
        return np.fromiter(map(hash, names), np.int64, count=count).view(np.uint64)
    except TypeError:
        return None


class Names:
    """Names in hash tables by object identity and by hash, to find their positions."""

    __slots__ = ("_by_hash", "_by_id", "_objects", "names")

    def __init__(self, names: Sequence[str], by_hash: _Table, by_id: _Table) -> None:
        self.names = names
        self._by_hash = by_hash
        self._by_id = by_id
        self._objects: npt.NDArray[np.object_] | None = None

    @classmethod
    def of(cls, names: Sequence[str]) -> Names | None:
        """The names, or None if two share a hash (the same name twice, perhaps) or one has none."""
        hashes = _hashes(names, len(names))
        by_hash = None if hashes is None else _Table.of(hashes)
        # One object twice has one hash twice, unless its hash changes as it is asked.
        by_id = None if by_hash is None else _Table.of(_ids(names, len(names)))
        return None if by_hash is None or by_id is None else cls(names, by_hash, by_id)

    @property
    def objects(self) -> npt.NDArray[np.object_]:
        """The names, as an array."""
        if self._objects is None:
            self._objects = np.fromiter(self.names, object, count=len(self.names))
        return self._objects

    def find(
        self,
        queries: Callable[[], Iterable[str]],
        count: int,
        array: npt.NDArray[np.object_] | None = None,
    ) -> Ints | None:
        """The position of each of the `count` names `queries()` yields (it is called up to
        three times), -1 for a name not among these; None if a name has no hash.
        `array`: the same names in an array, if the caller has one (spares a copy)."""
        # Names found by identity need no reading; when the first few are not
        # found so (names made afresh, by a parser say), none is looked for so.
        probe = self._by_id.find(np.fromiter(map(id, islice(queries(), _PROBE)), np.uint64))
        if 2 * int((probe >= 0).sum()) >= probe.size:
            found = self._by_id.find(_ids(queries(), count))
            lost = found < 0
            rest = np.flatnonzero(lost)
            if rest.size == 0:
                return found
            if array is not None:
                strangers = array[rest]
            else:
                strangers = np.fromiter(compress(queries(), lost.tolist()), object, count=rest.size)
        else:
            found = np.full(count, -1, np.intp)
            rest = np.arange(count, dtype=np.intp)
            strangers = np.fromiter(queries(), object, count=count) if array is None else array
        # Equal names that are different objects: by hash, then compared.
        hashes = _hashes(strangers, rest.size)
        if hashes is None:
            return None
        places = self._by_hash.find(hashes)
        known = np.flatnonzero(places >= 0)
        if known.size == places.size:  # the usual case: spare two copies
            places[self.objects[places] != strangers] = -1
        else:
            places[known[self.objects[places[known]] != strangers[known]]] = -1
        found[rest] = places
        return found


def _all_pairs(attacks: Sequence[Sequence[str]]) -> bool:
    """Whether every attack is a pair."""
    return bool((np.fromiter(map(len, attacks), np.intp, count=len(attacks)) == 2).all())


def ends(arguments: Sequence[str], attacks: Sequence[tuple[str, str]]) -> tuple[Ints, Ints] | None:
    """The positions of the attacks' sources and targets; None for the pure-Python code to say
    what is wrong (a name repeated, unknown or unhashable, an attack not a pair)."""
    names = Names.of(arguments)
    if names is None or not _all_pairs(attacks):
        return None
    count = len(attacks)
    # Two columns in one C-level pass: cheaper than a pass over the pairs per column.
    columns = tuple(zip(*attacks, strict=True)) or ((), ())
    both = names.find(partial(chain.from_iterable, columns), 2 * count)
    if both is None or bool((both < 0).any()):
        return None
    return both[:count], both[count:]


_SOURCE, _TARGET, _KIND, _ARGUMENT = map(attrgetter, ("source", "target", "kind", "argument"))


def flattened(
    ids: Sequence[str],
    relations: Sequence[Relation],
    *,
    evidential: bool,
    lack: Callable[[str], str],
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...], Ints, Ints] | None:
    """A map's framework, flattened as `framework._flattened` does it, when only attacks
    and supports of no linked argument enter it: its arguments, its attacks and their
    ends' positions. None sends the map to that code: an undercut, a linked
    argument, a repeated id, a name with no hash.

    `lack(node)` names the argument "nothing accepted supports node".
    """
    names = Names.of(ids)
    if names is None:
        return None
    count = len(relations)
    kinds = list(map(_KIND, relations))
    attacks = kinds.count(RelationKind.ATTACKS)
    if attacks + kinds.count(RelationKind.SUPPORTS) != count:
        return None
    if attacks == count:
        support = np.zeros(count, np.bool_)
    else:
        supports = map(is_, kinds, repeat(RelationKind.SUPPORTS))
        support = np.fromiter(supports, np.bool_, count=count)
    attack = ~support
    # The relations' own names make the attacks' pairs, as the pure-Python code's.
    source_names = np.fromiter(map(_SOURCE, relations), object, count=count)
    target_names = np.fromiter(map(_TARGET, relations), object, count=count)
    sources = names.find(partial(iter, source_names), count, source_names)
    targets = names.find(partial(iter, target_names), count, target_names)
    if sources is None or targets is None:
        return None
    # A relation naming no node is left out.
    keep = (sources >= 0) & (targets >= 0) & (attack | support if evidential else attack)
    if evidential and attacks < count:
        backing = compress(relations, (keep & support).tolist())
        if not {None}.issuperset(map(_ARGUMENT, backing)):
            return None
    kept = np.flatnonzero(keep)
    sources, targets = sources[kept], targets[kept]
    source_names, target_names = source_names[kept], target_names[kept]
    if not evidential:
        return tuple(ids), _pairs(source_names, target_names), sources, targets
    # Each supported node's lack of support is an argument (numbered after the
    # nodes, in the order of the node's first support) that attacks the node,
    # just before that first support's attack on it; each support is its
    # source's attack on that lack.
    backed = np.flatnonzero(support[kept])
    supported = targets[backed]
    first = np.unique(supported, return_index=True)[1]
    first.sort()
    opens = backed[first]
    lacking, lacking_names = targets[opens], target_names[opens]
    lack_names = np.fromiter(map(lack, lacking_names), object, count=opens.size)
    lack_of = np.zeros(len(ids), np.intp)
    lack_of[lacking] = np.arange(lacking.size)
    which = lack_of[supported]
    targets[backed] = len(ids) + which
    target_names[backed] = lack_names[which]
    # Where each kept relation's attack goes, once the lacks' attacks are put in.
    before = np.zeros(kept.size, np.intp)
    before[opens] = 1
    slot = np.arange(kept.size, dtype=np.intp) + np.cumsum(before)
    put = partial(_spliced, slot, slot[opens] - 1)
    return (
        (*ids, *lack_names.tolist()),
        _pairs(put(source_names, lack_names), put(target_names, lacking_names)),
        put(sources, len(ids) + np.arange(lacking.size, dtype=np.intp)),
        put(targets, lacking),
    )


_Array = TypeVar("_Array", bound=npt.NDArray[Any])


def _spliced(slot: Ints, at: Ints, values: _Array, inserted: _Array) -> _Array:
    """`values` moved to `slot`, `inserted` put `at` the places left between them."""
    spliced = np.empty(values.size + inserted.size, values.dtype)
    spliced[slot] = values
    spliced[at] = inserted
    return cast(_Array, spliced)


def _pairs(
    sources: npt.NDArray[np.object_], targets: npt.NDArray[np.object_]
) -> tuple[tuple[str, str], ...]:
    """The attacks between these names, pair by pair."""
    return tuple(zip(sources.tolist(), targets.tolist(), strict=True))


def _gather(start: Ints, heads: Ints, arguments: Ints) -> Ints:
    """The targets of all the given arguments' attacks (`heads[start[a]:start[a + 1]]` each)."""
    first = start[arguments]
    sizes = start[arguments + 1] - first
    total = int(sizes.sum())
    shift = np.repeat(first - (np.cumsum(sizes) - sizes), sizes)
    return heads[shift + np.arange(total, dtype=np.intp)]


def _starts(count: int, sources: Ints) -> Ints:
    """Where each argument's attacks start among the attacks sorted by source (`count + 1`)."""
    start = np.zeros(count + 1, np.intp)
    np.cumsum(np.bincount(sources, minlength=count), out=start[1:])
    return start


def targets(count: int, sources: Ints, targets: Ints) -> list[list[int]]:
    """For each argument, the positions of the arguments it attacks, in attack order."""
    start = _starts(count, sources).tolist()
    heads = targets[np.argsort(sources, kind="stable")].tolist()
    return [heads[start[a] : start[a + 1]] for a in range(count)]


def _dense(size: int, count: int) -> bool:
    """Whether `size` of `count` arguments are many enough for a pass over all of them."""
    return size * _DENSE >= count


def grounded(
    count: int, sources: Ints, targets: Ints
) -> tuple[list[int], tuple[list[int], list[int], list[int], list[int], list[int]] | None]:
    """Each argument's grounded label (IN, OUT, UNDEC) as far as waves take it, and what
    `extensions._settle` needs to go on from there (None: nothing is left to do).

    In waves: the arguments all of whose attackers are out are in; what they attack
    is out; what that attacks loses those attackers. A wave is a few array
    operations (over all the arguments when it is big, over its own when not).
    When waves stay small (a chain brings one argument at a time), the
    rest is left to the pure-Python loop, argument by argument, over linked
    lists like `framework._Index`'s: their last attacks, previous attacks,
    targets, each argument's attackers not yet out, and the arguments to take in.
    """
    # Grounded does not care in which order an argument's attacks come.
    by_source = np.argsort(sources)
    start = _starts(count, sources)
    heads = targets[by_source]
    alive = np.bincount(targets, minlength=count)
    label = np.full(count, UNDEC, np.int8)
    # Invariant: `coming` holds every undecided argument with no attacker left.
    coming = np.flatnonzero(alive == 0)
    small = 0  # waves of fewer than _WAVE arguments so far
    while coming.size:
        if coming.size < _WAVE:
            small += 1
            if small > _SMALL_WAVES:
                break
        label[coming] = IN
        beaten = _gather(start, heads, coming)
        beaten = beaten[label[beaten] == UNDEC]
        if _dense(beaten.size, count):
            label[beaten] = OUT
            beaten = _marked(beaten, count)
        else:
            beaten = np.unique(beaten)
            label[beaten] = OUT
        hits = _gather(start, heads, beaten)
        if _dense(hits.size, count):
            alive -= np.bincount(hits, minlength=count)
            coming = np.flatnonzero((alive == 0) & (label == UNDEC))
        else:
            hit, times = np.unique(hits, return_counts=True)
            alive[hit] -= times
            coming = hit[(alive[hit] == 0) & (label[hit] == UNDEC)]
    labels: list[int] = label.tolist()
    if coming.size == 0:
        return labels, None
    # Attacks by source, linked: each one to the one before it in its group.
    previous = np.full(sources.size, -1, np.intp)
    same = sources[by_source[1:]] == sources[by_source[:-1]]
    previous[by_source[1:][same]] = by_source[:-1][same]
    last = np.full(count, -1, np.intp)
    some = start[1:] > start[:-1]
    last[some] = by_source[start[1:][some] - 1]
    rest = (alive.tolist(), last.tolist(), previous.tolist(), targets.tolist(), coming.tolist())
    return labels, rest


def _marked(values: Ints, count: int) -> Ints:
    """The distinct values, in order, by marking them among `count`."""
    mark = np.zeros(count, np.bool_)
    mark[values] = True
    return np.flatnonzero(mark)
