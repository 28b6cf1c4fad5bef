"""Abstract argumentation frameworks, and how an argument map becomes one.

A `Framework` is Dung's pair (arguments, attacks). `framework(m)` flattens a map
into one so that every extension semantics applies unchanged:

- every node is an argument, and `a attacks b` is the attack (a, b);
- supports, by default (`supports="evidential"`), make a supported node need
  one accepted supporter: a node with supporters gets an auxiliary argument
  `support:<id>` ("nothing accepted supports <id>") that attacks it and that each
  supporter attacks. Nodes with no supporters stand on their own;
  `supports="ignore"` leaves supports out. The supports of one linked
  argument (format 1.1 `argument`) count as one supporter, accepted only when
  all its premises are: `linked:<argument>` attacks `support:<id>`, and each
  premise p attacks `premise:<argument>:<p>`, which attacks `linked:<argument>`;
- an undercut defeats the relation it targets: a relation `r` from x to y that
  something undercuts becomes x → `inactive:<r>` → `holds:<r>` → y, and each
  undercut of `r` attacks `holds:<r>` (the meta-argumentation flattening of
  Boella, Gabbay, van der Torre and Villata, 2009). `holds:<r>` is accepted
  exactly when x is and no undercut of r is.

Auxiliary names hold a `:`, which no map id may contain, so they never collide
with a node. Nothing here recurses on map data.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Literal

import attrs

from .._collector import collector_paused
from .._expect import expect_map
from .._wording import unknown
from ..model import ArgumentMap, RelationKind

if TYPE_CHECKING:
    from ._bulk import Ints

__all__ = ["SUPPORT_RULES", "Framework", "SupportRule", "framework"]

SupportRule = Literal["evidential", "ignore"]
SUPPORT_RULES: tuple[SupportRule, ...] = ("evidential", "ignore")
"""How supports enter a map's framework (see the module docstring)."""

_BULK_FROM = 200_000
"""Frameworks (and maps) of at least this many arguments and attacks (nodes and
relations) together are indexed and solved by numpy's compiled loops (`_bulk`);
smaller ones in pure Python, which is faster on them (numpy's import alone takes
about 0.1 s). Tests lower it to check that both ways give the same answers."""


def _positions(names: Sequence[str]) -> dict[str, int]:
    """Each name's place among `names` (a repeated name: its last)."""
    return dict(zip(names, range(len(names)), strict=True))


class _Lists(abc.ABC):
    """Each argument's targets and attackers as lists, made on first use (only the
    searching semantics need them), from an index's own form of the attacks."""

    __slots__ = ("_attackers", "_targets")

    def __init__(self) -> None:
        self._targets: list[list[int]] | None = None
        self._attackers: list[list[int]] | None = None

    @abc.abstractmethod
    def _made_targets(self) -> list[list[int]]:
        """For each argument, the positions of the arguments it attacks, made from the index."""

    @property
    def targets(self) -> list[list[int]]:
        """For each argument, the positions of the arguments it attacks, in attack order."""
        if self._targets is None:
            self._targets = self._made_targets()
        return self._targets

    @property
    def attackers(self) -> list[list[int]]:
        """For each argument, the positions of its attackers."""
        if self._attackers is None:
            attackers: list[list[int]] = [[] for _ in self.targets]
            for s, mine in enumerate(self.targets):
                for t in mine:
                    attackers[t].append(s)
            self._attackers = attackers
        return self._attackers


class _Index(_Lists):
    """Arguments by position and the attacks as linked lists of integers.

    Attack `e` (its place in `attacks`) ends at `ends[e]`; `last[a]` is the
    last attack argument `a` makes (-1: none) and `previous[e]` the one `a` made
    before `e`. That is four flat lists of ints, filled in one pass over the
    attacks with no container made per argument or attack (a list of targets
    per argument costs a million small lists, their growth and the cycle
    collector's walks over them). Target and attacker
    lists per argument are made on first use (only the searching semantics need
    them).
    """

    __slots__ = ("ends", "indegree", "last", "position", "previous")

    def __init__(self, position: dict[str, int], count: int) -> None:
        super().__init__()
        self.position = position
        self.last = [-1] * count
        self.indegree = [0] * count
        self.previous: list[int] = []
        self.ends: list[int] = []

    @classmethod
    def of_names(cls, arguments: tuple[str, ...], attacks: tuple[tuple[str, str], ...]) -> _Index:
        """The index of named attacks: every name checked, each attack looked at once."""
        count = len(arguments)
        try:
            position = _positions(arguments)
        except TypeError:
            _check_names(arguments)
            raise
        if len(position) != count:
            seen: set[str] = set()
            for name in arguments:
                if name in seen:
                    raise ValueError(f"argument {name!r} is named twice")
                seen.add(name)
        index = cls(position, count)
        last, indegree = index.last, index.indegree
        follow, end = index.previous.append, index.ends.append
        e = 0
        # The name lookups share the loop that links: a pass of its own over a
        # million attacks costs more than the interpreter work it saves.
        try:
            for source, target in attacks:
                t = position[target]
                s = position[source]
                follow(last[s])
                last[s] = e
                end(t)
                indegree[t] += 1
                e += 1
        except KeyError as missing:
            raise ValueError(
                f"attack ({source!r}, {target!r}) names {missing.args[0]!r}, no argument"
            ) from None
        except (ValueError, TypeError):
            # Not a pair (the unpacking failed), or an unhashable name.
            raise _not_a_pair(e, attacks[e]) from None
        return index

    def _made_targets(self) -> list[list[int]]:
        ends, previous = self.ends, self.previous
        targets: list[list[int]] = []
        for e in self.last:
            mine = []
            while e >= 0:
                mine.append(ends[e])
                e = previous[e]
            mine.reverse()
            targets.append(mine)
        return targets


class _Packed(_Lists):
    """A big framework's index: the positions of its attacks' sources and targets (the
    `ends`), as numpy arrays (`_bulk` made and reads them). The dict of positions and
    the lists per argument are made on first use: solving grounded needs neither."""

    __slots__ = ("_position", "arguments", "ends", "sources")

    def __init__(self, arguments: tuple[str, ...], sources: Ints, ends: Ints) -> None:
        super().__init__()
        self.arguments = arguments
        self.sources = sources
        self.ends = ends
        self._position: dict[str, int] | None = None

    @property
    def position(self) -> dict[str, int]:
        """Each argument's position."""
        if self._position is None:
            self._position = _positions(self.arguments)
        return self._position

    def _made_targets(self) -> list[list[int]]:
        from . import _bulk

        return _bulk.targets(len(self.arguments), self.sources, self.ends)


def _index(arguments: tuple[str, ...], attacks: tuple[tuple[str, str], ...]) -> _Index | _Packed:
    """The index of named attacks, packed by numpy when there are many."""
    if len(arguments) + len(attacks) >= _BULK_FROM:
        from . import _bulk

        # Its passes make a million short-lived tuples or iterators: none in a cycle.
        with collector_paused():
            ends = _bulk.ends(arguments, attacks)
        if ends is not None:
            return _Packed(arguments, *ends)
    # Small, or something is wrong with a name: this says what.
    return _Index.of_names(arguments, attacks)


def _check_names(names: Iterable[object]) -> None:
    """A `TypeError` naming the first of `names` that cannot be a name (is unhashable)."""
    for at, name in enumerate(names):
        try:
            hash(name)
        except TypeError:
            raise TypeError(f"arguments[{at}] must be a name (text, say), got {name!r}") from None


def _not_a_pair(at: int, attack: object) -> ValueError:
    return ValueError(
        f"attacks[{at}] must be an (attacker, attacked) pair of names, got {attack!r}"
    )


def _names(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError("arguments is a collection of names, not a string")
    return tuple(value)


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    if isinstance(value, str):
        raise TypeError("attacks is a collection of (attacker, attacked) pairs, not a string")
    return tuple(value)


@attrs.frozen(kw_only=True)
class Framework:
    """Dung's abstract argumentation framework: named arguments and who attacks whom.

    >>> fw = Framework.of([("a", "b"), ("b", "c")])
    >>> fw.arguments
    ('a', 'b', 'c')
    """

    arguments: tuple[str, ...] = attrs.field(converter=_names)
    attacks: tuple[tuple[str, str], ...] = attrs.field(converter=_pairs)

    _index: _Index | _Packed = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # Checking the names and indexing them is one pass: done at once.
        object.__setattr__(self, "_index", _index(self.arguments, self.attacks))

    @classmethod
    def _indexed(
        cls,
        arguments: tuple[str, ...],
        attacks: tuple[tuple[str, str], ...],
        index: _Index | _Packed,
    ) -> Framework:
        """A framework whose names its maker has already checked and indexed."""
        fw = cls.__new__(cls)
        object.__setattr__(fw, "arguments", arguments)
        object.__setattr__(fw, "attacks", attacks)
        object.__setattr__(fw, "_index", index)
        return fw

    @classmethod
    def of(cls, attacks: Iterable[tuple[str, str]], arguments: Iterable[str] = ()) -> Framework:
        """A framework from its attacks; arguments: those named, then the others as they come."""
        pairs = _pairs(attacks)
        named = _names(arguments)
        try:
            order = dict.fromkeys(chain(named, chain.from_iterable(pairs)))
        except TypeError:  # an unhashable name, or an attack that is no pair at all
            _check_names(named)
            for at, pair in enumerate(pairs):
                try:
                    source, target = pair
                    hash(source), hash(target)
                except (ValueError, TypeError):
                    raise _not_a_pair(at, pair) from None
            raise
        return cls(arguments=tuple(order), attacks=pairs)

    def attackers(self, argument: str) -> tuple[str, ...]:
        """The arguments that attack `argument`, in the order of `arguments`."""
        index = self._index
        return tuple(self.arguments[i] for i in index.attackers[index.position[argument]])


_ID = attrgetter("id")


def _support_name(node: str) -> str:
    return f"support:{node}"


def framework(m: ArgumentMap, *, supports: SupportRule = "evidential") -> Framework:
    """The map as a `Framework`, flattened by the rule in this module's docstring.

    Relations that name no node or relation (an invalid map) are left out.
    """
    expect_map(m)
    if supports not in SUPPORT_RULES:
        raise ValueError(unknown("support rule", supports, SUPPORT_RULES))
    # A big map gives a million small tuples: none can form a cycle.
    with collector_paused():
        return _flattened(m, evidential=supports == "evidential")


def _packed(ids: list[str], m: ArgumentMap, *, evidential: bool) -> Framework | None:
    """A big map's framework, flattened by numpy when it can be (see `_bulk.flattened`)."""
    from . import _bulk

    packed = _bulk.flattened(ids, m.relations, evidential=evidential, lack=_support_name)
    if packed is None:
        return None
    arguments, attacks, sources, ends = packed
    return Framework._indexed(arguments, attacks, _Packed(arguments, sources, ends))


def _flattened(m: ArgumentMap, *, evidential: bool) -> Framework:
    ids = list(map(_ID, m.nodes))
    if len(ids) + len(m.relations) >= _BULK_FROM:
        packed = _packed(ids, m, evidential=evidential)
        if packed is not None:
            return packed
    # Arguments by position: the nodes first, then the auxiliary arguments as
    # they come. Looking each relation's ends up here, once, is what checks them
    # and what indexes them (no node id holds a `:`, so none is auxiliary).
    position = _positions(ids)
    if len(position) != len(ids):  # repeated ids (an invalid map): the first counts
        position = dict(zip(dict.fromkeys(ids), range(len(ids)), strict=False))
    get = position.get
    index = _Index(position, len(position))
    last, indegree, ends = index.last, index.indegree, index.ends
    follow, end = index.previous.append, ends.append
    relations = {r.id: r for r in m.relations if r.id is not None}
    undercut = {r.target for r in m.relations if r.kind is RelationKind.UNDERCUTS}
    pairs: list[tuple[str, str]] = []
    pair = pairs.append
    # Attacks on `holds:<r>` before `r` is flattened (if ever): their places.
    pending: list[int] = []

    def new(name: str) -> None:
        if name not in position:
            position[name] = len(position)
            last.append(-1)
            indegree.append(0)

    def add(source: str, target: str) -> None:
        # As the loop below does for a plain attack, for any attack.
        s, t, e = position[source], get(target, -1), len(ends)
        if t < 0:
            pending.append(e)
        else:
            indegree[t] += 1
        pair((source, target))
        end(t)
        follow(last[s])
        last[s] = e

    def link(source: str, target: str, relation_id: str | None) -> None:
        if relation_id is not None and relation_id in undercut:
            inactive, holds = f"inactive:{relation_id}", f"holds:{relation_id}"
            new(inactive)
            new(holds)
            add(source, inactive)
            add(inactive, holds)
            add(holds, target)
        else:
            add(source, target)

    attack, undercuts = RelationKind.ATTACKS, RelationKind.UNDERCUTS
    for relation in m.relations:
        source, target, kind = relation.source, relation.target, relation.kind
        s = get(source)
        if s is None:
            continue
        if kind is undercuts:
            if target in relations and relations[target].source in position:
                link(source, f"holds:{target}", relation.id)
            continue
        t = get(target)
        if t is None:
            continue
        if kind is attack:
            if relation.id is None:  # the usual attack, linked here: add() inlined
                e = len(ends)
                indegree[t] += 1
                pair((source, target))
                end(t)
                follow(last[s])
                last[s] = e
            else:
                link(source, target, relation.id)
        elif evidential:
            lack = _support_name(target)
            if lack not in position:
                new(lack)
                add(lack, target)
            if relation.argument is None:
                link(source, lack, relation.id)
                continue
            # A linked argument supports as one: `linked:<argument>` attacks the
            # lack of support, and each premise that is not (effectively) accepted
            # defeats it through `premise:<argument>:<premise>`.
            linked = f"linked:{relation.argument}"
            if linked not in position:
                new(linked)
                add(linked, lack)
            missing = f"premise:{relation.argument}:{source}"
            new(missing)
            add(missing, linked)
            link(source, missing, relation.id)
    arguments = tuple(position)
    for e in pending:
        t = get(pairs[e][1], -1)
        if t < 0:
            # An undercut named a relation left out: keep only the attacks
            # whose both ends exist, and index them afresh.
            kept = (p for p in pairs if p[0] in position and p[1] in position)
            return Framework(arguments=arguments, attacks=tuple(kept))
        ends[e] = t
        indegree[t] += 1
    return Framework._indexed(arguments, tuple(pairs), index)
