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

import gc
from collections.abc import Iterable
from typing import Literal

import attrs

from .._wording import unknown
from ..model import ArgumentMap, RelationKind

__all__ = ["SUPPORT_RULES", "Framework", "SupportRule", "framework"]

SupportRule = Literal["evidential", "ignore"]
SUPPORT_RULES: tuple[SupportRule, ...] = ("evidential", "ignore")
"""How supports enter a map's framework (see the module docstring)."""


class _Index:
    """Arguments by position, attacks as target lists and attacker counts; attacker
    lists are made on first use (only the searching semantics need them)."""

    __slots__ = ("_attackers", "indegree", "position", "targets")

    def __init__(self, arguments: tuple[str, ...], attacks: tuple[tuple[str, str], ...]) -> None:
        position = {name: index for index, name in enumerate(arguments)}
        if len(position) != len(arguments):
            seen: set[str] = set()
            for name in arguments:
                if name in seen:
                    raise ValueError(f"argument {name!r} is named twice")
                seen.add(name)
        # A million small lists would set off many full garbage collections,
        # each walking all of them: none of these objects can form a cycle.
        collecting = gc.isenabled()
        gc.disable()
        try:
            targets: list[list[int]] = [[] for _ in arguments]
            indegree = [0] * len(arguments)
            for source, target in attacks:
                t = position[target]
                targets[position[source]].append(t)
                indegree[t] += 1
        except KeyError as missing:
            raise ValueError(
                f"attack ({source!r}, {target!r}) names {missing.args[0]!r}, no argument"
            ) from None
        finally:
            if collecting:
                gc.enable()
        self.position = position
        self.targets = targets
        self.indegree = indegree
        self._attackers: list[list[int]] | None = None

    @property
    def attackers(self) -> list[list[int]]:
        """For each argument, the positions of its attackers."""
        if self._attackers is None:
            attackers: list[list[int]] = [[] for _ in self.targets]
            for s, targets in enumerate(self.targets):
                for t in targets:
                    attackers[t].append(s)
            self._attackers = attackers
        return self._attackers


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
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

    _index: _Index = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # Checking the names and indexing them is one pass: done at once.
        object.__setattr__(self, "_index", _Index(self.arguments, self.attacks))

    @classmethod
    def of(cls, attacks: Iterable[tuple[str, str]], arguments: Iterable[str] = ()) -> Framework:
        """A framework from its attacks; arguments: those named, then the others as they come."""
        pairs = tuple(attacks)
        order: dict[str, None] = dict.fromkeys(arguments)
        for source, target in pairs:
            order.setdefault(source)
            order.setdefault(target)
        return cls(arguments=tuple(order), attacks=pairs)

    def attackers(self, argument: str) -> tuple[str, ...]:
        """The arguments that attack `argument`, in the order of `arguments`."""
        index = self._index
        return tuple(self.arguments[i] for i in index.attackers[index.position[argument]])


def _support_name(node: str) -> str:
    return f"support:{node}"


def framework(m: ArgumentMap, *, supports: SupportRule = "evidential") -> Framework:
    """The map as a `Framework`, flattened by the rule in this module's docstring.

    Relations that name no node or relation (an invalid map) are left out.
    """
    if supports not in SUPPORT_RULES:
        raise ValueError(unknown("support rule", supports, SUPPORT_RULES))
    nodes = {node.id for node in m.nodes}
    arguments: dict[str, None] = dict.fromkeys(node.id for node in m.nodes)
    relations = {r.id: r for r in m.relations if r.id is not None}
    undercut = {r.target for r in m.relations if r.kind is RelationKind.UNDERCUTS}
    attacks: list[tuple[str, str]] = []

    def link(source: str, target: str, relation_id: str | None) -> None:
        if relation_id is not None and relation_id in undercut:
            inactive, holds = f"inactive:{relation_id}", f"holds:{relation_id}"
            arguments.setdefault(inactive)
            arguments.setdefault(holds)
            attacks.extend(((source, inactive), (inactive, holds), (holds, target)))
        else:
            attacks.append((source, target))

    for relation in m.relations:
        if relation.source not in nodes:
            continue
        if relation.kind is RelationKind.UNDERCUTS:
            if relation.target in relations and relations[relation.target].source in nodes:
                link(relation.source, f"holds:{relation.target}", relation.id)
            continue
        if relation.target not in nodes:
            continue
        if relation.kind is RelationKind.ATTACKS:
            link(relation.source, relation.target, relation.id)
        elif supports == "evidential":
            lack = _support_name(relation.target)
            if lack not in arguments:
                arguments[lack] = None
                attacks.append((lack, relation.target))
            if relation.argument is None:
                link(relation.source, lack, relation.id)
                continue
            # A linked argument supports as one: `linked:<argument>` attacks the
            # lack of support, and each premise that is not (effectively) accepted
            # defeats it through `premise:<argument>:<premise>`.
            linked = f"linked:{relation.argument}"
            if linked not in arguments:
                arguments[linked] = None
                attacks.append((linked, lack))
            missing = f"premise:{relation.argument}:{relation.source}"
            arguments.setdefault(missing)
            attacks.append((missing, linked))
            link(relation.source, missing, relation.id)
    # An undercut may name a relation flattened after it, or one left out: keep
    # only the attacks whose both ends exist once every relation is in.
    return Framework(
        arguments=tuple(arguments),
        attacks=tuple((s, t) for s, t in attacks if s in arguments and t in arguments),
    )
