"""The rules a schema cannot say: ids, references, which kind may bear on which, quotes.

The checks read the parsed document (plain dicts and lists), not the model, so
that they run even where the schema found faults elsewhere and every problem is
reported in one pass, each with the JSON path of the value at fault. Values of
the wrong shape are skipped here: the schema has already reported them.
"""

from __future__ import annotations

import difflib
import operator
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from itertools import repeat
from typing import Any, cast

import attrs

from ._paths import PathPart, format_path
from ._wording import a, number, suggest
from .errors import Problem, ProblemCode, Severity
from .model import _NODE_KINDS, _RELATION_KINDS, NodeKind, RelationKind

__all__ = [
    "ATTACKS",
    "SUPPORTS",
    "CheckResult",
    "ambiguous_quote",
    "check_document",
    "isolated_node",
    "kind_remarks",
    "undercut_rings",
    "unused_section",
    "unused_source",
    "unusual_but_possible",
    "unverified_source",
]

_C, _E, _O, _RB, _RC = (
    NodeKind.CLAIM,
    NodeKind.EVIDENCE,
    NodeKind.OBJECTION,
    NodeKind.REBUTTAL,
    NodeKind.RECOMMENDATION,
)

SUPPORTS: Mapping[NodeKind, frozenset[NodeKind]] = {
    _C: frozenset({_C, _O, _RB, _RC}),
    _E: frozenset({_C, _O, _RB, _RC}),
    _O: frozenset({_O}),
    _RB: frozenset({_RB}),
    _RC: frozenset({_RC}),
}
"""For each kind of node, the kinds of node it may support without remark."""

ATTACKS: Mapping[NodeKind, frozenset[NodeKind]] = {
    _C: frozenset(),
    _E: frozenset(),
    _O: frozenset({_C, _E, _RC, _RB}),
    _RB: frozenset({_O, _RB}),
    _RC: frozenset(),
}
"""For each kind of node, the kinds of node it may attack without remark."""

# Pairs that are unusual but can be right, so they are warnings, not errors.
_SUPPORT_WARNINGS: Mapping[NodeKind, frozenset[NodeKind]] = {
    _C: frozenset({_E}),
    _E: frozenset({_E}),
    _RB: frozenset({_C, _RC}),
    _RC: frozenset({_C}),
}
_ATTACK_WARNINGS: Mapping[NodeKind, frozenset[NodeKind]] = {
    _C: frozenset({_C, _E, _O, _RB, _RC}),
    _E: frozenset({_O}),
    _O: frozenset({_O}),
}
_UNDERCUTTERS = frozenset({_O, _RB})
_ALLOWED = frozenset(
    [("supports", s.value, t.value) for s, targets in SUPPORTS.items() for t in targets]
    + [("attacks", s.value, t.value) for s, targets in ATTACKS.items() for t in targets]
)
_HINT_LIMIT = 10_000
_LISTED = 8
# Worded suggestions (near ids, closest passages) cost a search each: a map
# with thousands of faults gets them for its first few only, and is reported
# in seconds.
_WORDED_LIMIT = 25
_EXCERPT = 80
_SHOWN_POSITIONS = 5

_ADVICE = {
    (RelationKind.SUPPORTS, _O): "an objection argues against something; let it attack",
    (RelationKind.SUPPORTS, _RB): "a rebuttal answers an objection; let it attack the objection",
    (RelationKind.SUPPORTS, _RC): "a recommendation is a conclusion; let claims support it",
    (RelationKind.ATTACKS, _E): "evidence backs something; make the attacker an objection "
    "supported by this evidence",
    (RelationKind.ATTACKS, _C): "make the attacker an objection (or a rebuttal, "
    "if it answers an objection)",
    (RelationKind.ATTACKS, _RB): "a rebuttal answers an objection or another rebuttal",
    (RelationKind.ATTACKS, _RC): "make the attacker an objection",
    (RelationKind.ATTACKS, _O): "an objection that answers an objection is a rebuttal",
}


@attrs.frozen
class CheckResult:
    """What `check_document` found: the problems."""

    problems: tuple[Problem, ...]


def check_document(
    document: object, *, texts: Mapping[str, str], shapes_ok: bool = False
) -> CheckResult:
    """Check the meaning of a parsed document; `texts` maps source ids to their text.

    A quote of a source in `texts` is looked up there and anchored: its
    `start` and `end` are written into `document` (which must be the caller's
    own, private tree), so that structuring reads them; quotes of other
    sources are left unanchored (a source without a `path` earns a
    warning; one whose file could not be read has been reported by the caller).
    `shapes_ok` says the document passed the schema, so that values of the
    wrong type need not be looked for: big maps are checked twice as fast.
    """
    checker = _Checker(document if isinstance(document, dict) else {}, texts, shapes_ok)
    checker.run()
    return CheckResult(problems=tuple(checker.problems))


def _items(document: Mapping[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """The (index, mapping) pairs of the list at `key`, leaving out what is not a mapping."""
    values = document.get(key)
    if type(values) is not list:
        return []
    if all(type(value) is dict for value in values):
        return list(enumerate(values))
    return [(index, value) for index, value in enumerate(values) if type(value) is dict]


def _offset(quote: Mapping[str, Any], key: str) -> int | None:
    # JSON has one kind of number: 6.0 is the offset 6.
    value = quote.get(key)
    if type(value) is float and value.is_integer():
        return int(value)
    return value if type(value) is int else None


def _text(value: object) -> str | None:
    return value if type(value) is str else None


class _Checker:
    def __init__(self, document: dict[str, Any], texts: Mapping[str, str], shapes_ok: bool) -> None:
        self.document = document
        self.shapes_ok = shapes_ok
        self.texts = texts
        self.problems: list[Problem] = []
        # Nodes and relations share one namespace of ids. Kinds are kept as
        # their names (None where the document's kind is invalid: the schema
        # reports that), so that whole columns can be checked by set algebra.
        self.node_kinds: dict[str, str | None] = {}
        self.relation_kinds: dict[str, str | None] = {}
        self.declared: dict[str, tuple[str, int]] = {}
        self.touched: set[str | None] = set()
        self._outgoing: dict[str, list[tuple[int, Any, str | None]]] | None = None
        self._fitting: dict[str, frozenset[int]] = {}
        # Each relation's index, from, kind and to (kept by check_relations).
        self.relation_rows: tuple[Sequence[int], Sequence[Any], Sequence[Any], Sequence[Any]] = (
            (),
            (),
            (),
            (),
        )
        self.nodes = _items(document, "nodes")
        self.relations = _items(document, "relations")
        self.worded = 0
        self.folded: dict[int, str] = {}

    def may_word(self) -> bool:
        """Whether one more costly suggestion may be worded (see `_WORDED_LIMIT`)."""
        self.worded += 1
        return self.worded <= _WORDED_LIMIT

    def column(
        self, items: list[tuple[int, dict[str, Any]]], key: str, allowed: Collection[Any] = ()
    ) -> list[Any]:
        """The values at `key` of every item: text, or None where absent or of another type."""
        if self.shapes_ok:
            return [item.get(key) for _, item in items]
        values = [_text(item.get(key)) for _, item in items]
        return [v if v in allowed else None for v in values] if allowed else values

    def report(
        self,
        parts: list[PathPart],
        code: ProblemCode,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.append(
            Problem(path=format_path(parts), code=code, message=message, severity=severity)
        )

    def run(self) -> None:
        sources = self.collect_ids("sources", "source")
        sections = self.collect_ids("sections", "section")
        self.node_ids = self.column(self.nodes, "id")
        self.collect_graph_ids(
            "nodes",
            self.nodes,
            self.node_ids,
            self.column(self.nodes, "kind", _NODE_KINDS),
            self.node_kinds,
        )
        self.collect_graph_ids(
            "relations",
            self.relations,
            self.column(self.relations, "id"),
            self.column(self.relations, "kind", _RELATION_KINDS),
            self.relation_kinds,
        )
        used_sources: set[str] = set()
        placed = self.column(self.nodes, "section")
        used_sections = set(placed) - {None}
        missing = used_sections - sections.keys()
        if missing:
            for (index, _), section in zip(self.nodes, placed, strict=True):
                if section in missing:
                    self.dangling(["nodes", index, "section"], "section", section, sections)
        for index, node in [(i, node) for i, node in self.nodes if "quotes" in node]:
            for q_index, quote in _items(node, "quotes"):
                source = _text(quote.get("source"))
                if source is None:
                    continue
                used_sources.add(source)
                parts: list[PathPart] = ["nodes", index, "quotes", q_index]
                if source not in sources:
                    self.dangling([*parts, "source"], "source", source, sources)
                elif source in self.texts:
                    self.anchor(parts, quote, self.texts[source])
                else:
                    self.check_span(parts, quote)
        self.check_relations()
        self.check_undercut_cycles()
        self.check_sources(used_sources)
        self.check_unused_sections(sections, used_sections)
        self.check_isolated()

    def collect_ids(self, key: str, what: str) -> dict[str, int]:
        seen: dict[str, int] = {}
        for index, item in _items(self.document, key):
            id = _text(item.get("id"))
            if id is None:
                continue
            if id in seen:
                self.report(
                    [key, index, "id"],
                    ProblemCode.DUPLICATE_ID,
                    f"{what} id {id!r} is already used by {format_path([key, seen[id]])}; "
                    f"expected each {what} id once",
                )
            else:
                seen[id] = index
        return seen

    def collect_graph_ids(
        self,
        key: str,
        items: list[tuple[int, dict[str, Any]]],
        ids: list[Any],
        kinds: list[Any],
        into: dict[str, str | None],
    ) -> None:
        indices = [index for index, _ in items]
        if None in ids:
            # Relations mostly have no id; only those that have one take part.
            rows = [row for row in zip(indices, ids, kinds, strict=True) if row[1] is not None]
            indices, ids, kinds = [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
        fresh = dict(zip(ids, zip(repeat(key), indices), strict=True))
        if len(fresh) == len(ids) and self.declared.keys().isdisjoint(fresh):
            # The usual case, in bulk: no id repeats.
            self.declared.update(fresh)
            into.update(zip(ids, kinds, strict=True))
            return
        for index, id, kind in zip(indices, ids, kinds, strict=True):
            if id in self.declared:
                self.report(
                    [key, index, "id"],
                    ProblemCode.DUPLICATE_ID,
                    f"id {id!r} is already used by {format_path(self.declared[id])}; "
                    "node and relation ids must be unique together",
                )
                continue
            self.declared[id] = (key, index)
            into[id] = kind

    def dangling(
        self, parts: list[PathPart], what: str, value: str, known: Mapping[str, object]
    ) -> None:
        # Hints cost a scan of every id: offer them where that stays cheap.
        hint = suggest(value, known) if len(known) <= _HINT_LIMIT and self.may_word() else ""
        if not known:
            listed = f"no {what} is declared"
        elif len(known) <= _LISTED:
            listed = f"declared: {', '.join(sorted(known))}"
        else:
            listed = f"{len(known)} are declared"
        self.report(
            parts,
            ProblemCode.DANGLING_REFERENCE,
            f"no {what} has the id {value!r}{hint}; {listed}",
        )

    def check_relations(self) -> None:
        # Maps run to hundreds of thousands of relations: the rules run on
        # whole columns (map, zip and sets, at C speed), and only the rows
        # they flag get the slow, wordy checks below.
        froms = self.column(self.relations, "from")
        tos = self.column(self.relations, "to")
        kinds = self.column(self.relations, "kind", _RELATION_KINDS)
        self.relation_rows = ([index for index, _ in self.relations], froms, kinds, tos)
        self.touched.update(froms)
        self.touched.update(tos)
        # Two arguments from the same premise to the same conclusion under
        # different schemes (or in different linked arguments) are not duplicates.
        keys = list(
            zip(
                froms,
                tos,
                kinds,
                self.column(self.relations, "scheme"),
                self.column(self.relations, "argument"),
                strict=True,
            )
        )
        if len(set(keys)) != len(keys):
            self.report_duplicate_relations(keys)
        self.check_arguments()
        sources = list(map(self.node_kinds.get, froms))
        targets = list(map(self.node_kinds.get, tos))
        if set(zip(kinds, sources, targets, strict=True)) <= _ALLOWED and not any(
            map(operator.eq, froms, tos)
        ):
            return
        for (index, _), source, target, kind, source_kind, target_kind in zip(
            self.relations, froms, tos, kinds, sources, targets, strict=True
        ):
            if source == target or (kind, source_kind, target_kind) not in _ALLOWED:
                self.check_relation(index, source, target, _RELATION_KINDS.get(kind))

    def check_undercut_cycles(self) -> None:
        # u1 undercuts u2 undercuts u1: no relation in the ring stands on a node.
        targets: dict[str, tuple[str, int]] = {}
        for index, relation in self.relations:
            id, to = _text(relation.get("id")), _text(relation.get("to"))
            if id is not None and to is not None and relation.get("kind") == "undercuts":
                targets[id] = (to, index)
        for ring in undercut_rings({id: to for id, (to, _) in targets.items()}):
            first = min(targets[id][1] for id in ring)
            self.report(
                ["relations", first, "to"],
                ProblemCode.UNDERCUT_CYCLE,
                f"undercuts {' → '.join(repr(id) for id in [*ring, ring[0]])} form a ring; "
                "expected each undercut to lead, in the end, to a relation between nodes",
            )

    def check_arguments(self) -> None:
        # A linked argument is several premises into one conclusion: every
        # relation of the group supports, and all of them the same node.
        first: dict[str, tuple[int, Any]] = {}
        for index, relation in self.relations:
            argument = _text(relation.get("argument"))
            if argument is None:
                continue
            target, kind = _text(relation.get("to")), _text(relation.get("kind"))
            if kind is None:
                continue  # no kind in words: the schema says so at the kind itself
            if kind != "supports":
                self.report(
                    ["relations", index, "argument"],
                    ProblemCode.BAD_ARGUMENT,
                    f"a relation that {kind} is in the linked argument {argument!r}; "
                    "expected only supports in a linked argument",
                )
                continue
            where, to = first.setdefault(argument, (index, target))
            if to != target:
                self.report(
                    ["relations", index, "argument"],
                    ProblemCode.BAD_ARGUMENT,
                    f"the linked argument {argument!r} supports {target!r} here but {to!r} "
                    f"at {format_path(['relations', where])}; expected one conclusion "
                    "for each argument",
                )

    def report_duplicate_relations(self, keys: list[tuple[Any, ...]]) -> None:
        seen: dict[tuple[Any, ...], int] = {}
        for (index, _), key in zip(self.relations, keys, strict=True):
            source, target, kind = key[:3]
            if source is None or target is None or kind is None:
                continue
            first = seen.setdefault(key, index)
            if first != index:
                self.report(
                    ["relations", index],
                    ProblemCode.DUPLICATE_RELATION,
                    f"{source!r} {kind} {target!r} already stands at "
                    f"{format_path(['relations', first])}; expected each relation once",
                )

    def check_relation(
        self,
        index: int,
        source: str | None,
        target: str | None,
        kind: RelationKind | None,
    ) -> None:
        source_kind = target_kind = None
        if source is not None:
            if source in self.node_kinds:
                source_kind = _NODE_KINDS.get(self.node_kinds[source])
            elif source in self.relation_kinds:
                self.report(
                    ["relations", index, "from"],
                    ProblemCode.BAD_REFERENCE,
                    f"{source!r} is a relation; a relation starts at a node",
                )
            else:
                self.dangling(["relations", index, "from"], "node", source, self.node_kinds)
        if target is None:
            return
        if source is not None and source == target:
            self.report(
                ["relations", index, "to"],
                ProblemCode.SELF_RELATION,
                f"{source!r} {kind.value if kind else 'relates'} itself; "
                "expected a relation between two different nodes",
            )
            return
        if self.declared.get(target) == ("relations", index):
            self.report(
                ["relations", index, "to"],
                ProblemCode.SELF_RELATION,
                f"the relation {target!r} targets itself; expected another relation's id",
            )
            return
        if kind is RelationKind.UNDERCUTS:
            if target in self.node_kinds:
                self.report(
                    ["relations", index, "to"],
                    ProblemCode.BAD_REFERENCE,
                    f"{target!r} is a node, but an undercut attacks a relation; give the "
                    "relation it targets an id and point 'to' at that id, or use 'attacks'",
                )
            elif target not in self.relation_kinds:
                self.dangling(["relations", index, "to"], "relation", target, self.relation_kinds)
            elif source_kind is not None and source_kind not in _UNDERCUTTERS:
                self.report(
                    ["relations", index, "kind"],
                    ProblemCode.KIND_MISMATCH,
                    f"{a(source_kind)} cannot undercut; only an objection or a rebuttal "
                    "undercuts a relation",
                )
            return
        if target in self.relation_kinds:
            self.report(
                ["relations", index, "to"],
                ProblemCode.BAD_REFERENCE,
                f"{target!r} is a relation; only an undercut targets a relation",
            )
            return
        if target not in self.node_kinds:
            self.dangling(["relations", index, "to"], "node", target, self.node_kinds)
            return
        target_kind = _NODE_KINDS.get(self.node_kinds[target])
        if kind is not None and source_kind is not None and target_kind is not None:
            self.check_kinds(index, kind, source_kind, target_kind, source)

    def plays_its_kind(self, node: str, index: int) -> bool:
        """Whether `node` fits its kind in another relation and never contradicts itself.

        Kinds are roles, relative to a relation: a statement that objects to
        one thing may support another. A misfit is then a warning; it stays an
        error where the kind fits none of the node's relations, or where the
        node both supports and attacks the same target (self-contradictory).
        """
        fitting = self._fitting.get(node)
        if fitting is None:
            # Once a node: a node with thousands of misfits is asked thousands of times.
            fitting = self._fitting[node] = self.fitting(node)
        return len(fitting) > 1 or (len(fitting) == 1 and index not in fitting)

    def fitting(self, node: str) -> frozenset[int]:
        """The relations from `node` in which its kind fits (none if it contradicts itself)."""
        if self._outgoing is None:
            self._outgoing = {}
            for i, source, kind, to in zip(*self.relation_rows, strict=True):
                if source is not None:
                    self._outgoing.setdefault(source, []).append((i, kind, to))
        rows = self._outgoing.get(node, [])
        kind = self.node_kinds.get(node)
        supported = {to for _, k, to in rows if k == "supports"}
        if any(k == "attacks" and to in supported for _, k, to in rows):
            return frozenset()
        return frozenset(
            i
            for i, k, to in rows
            if (k, kind, self.node_kinds.get(to) if to else None) in _ALLOWED
            or (k == "undercuts" and _NODE_KINDS.get(kind) in _UNDERCUTTERS)
        )

    def check_kinds(
        self,
        index: int,
        kind: RelationKind,
        source: NodeKind,
        target: NodeKind,
        source_id: str | None = None,
        *,
        worded: bool = True,
    ) -> Severity | None:
        """How relation `index` between nodes of these kinds is remarked on (None: it fits).

        The remark is reported too, unless not `worded`.
        """
        allowed = SUPPORTS if kind is RelationKind.SUPPORTS else ATTACKS
        if target in allowed[source]:
            return None
        severity = (
            Severity.WARNING if unusual_but_possible(kind, source, target) else Severity.ERROR
        )
        if (
            severity is Severity.ERROR
            and source_id is not None
            and self.plays_its_kind(source_id, index)
        ):
            severity = Severity.WARNING
        if not worded:
            return severity
        verb = kind.value.removesuffix("s")
        may = ", ".join(sorted(k.value for k in allowed[source]))
        rule = f"{a(source)} may {verb} only: {may}" if may else f"{a(source)} does not {verb}"
        advice = _ADVICE.get((kind, source), "")
        self.report(
            ["relations", index, "kind"],
            ProblemCode.KIND_MISMATCH,
            f"{a(source)} {kind.value} {a(target)}; {rule}" + (f" ({advice})" if advice else ""),
            severity,
        )
        return severity

    def check_span(self, parts: list[PathPart], quote: Mapping[str, Any]) -> None:
        text, start, end = _text(quote.get("text")), _offset(quote, "start"), _offset(quote, "end")
        if text is None or start is None or end is None:
            return
        if end != start + len(text):
            self.report(
                [*parts, "end"],
                ProblemCode.QUOTE_OFFSET_MISMATCH,
                f"end is {end}, but start + the quote's length is {number(start + len(text))}; "
                "expected end = start + len(text) (offsets count characters)",
            )

    def anchor(self, parts: list[PathPart], quote: dict[str, Any], source_text: str) -> None:
        text = _text(quote.get("text"))
        if not text:
            return
        self.check_span(parts, quote)
        start = _offset(quote, "start")
        if start is not None:
            found = source_text[start : start + len(text)]
            if found == text:
                quote["start"], quote["end"] = start, start + len(text)
                return
            actual = source_text.find(text)
            where = f"it occurs at {actual}" if actual >= 0 else "it does not occur anywhere"
            self.report(
                [*parts, "start"],
                ProblemCode.QUOTE_OFFSET_MISMATCH,
                f"the source has {_excerpt(found)} at offset {start}, not the quote; {where}",
            )
            return
        position = source_text.find(text)
        if position >= 0:
            quote["start"], quote["end"] = position, position + len(text)
            if source_text.find(text, position + 1) >= 0:
                self.problems.append(ambiguous_quote(parts, text, source_text, position))
            return
        if not self.may_word():
            message = f"the quote {_excerpt(text)} does not occur in its source"
        else:
            folded = self.folded.get(id(source_text))
            if folded is None:
                folded = self.folded[id(source_text)] = source_text.translate(_FOLD)
            message = _not_found(text, source_text, folded)
        self.report([*parts, "text"], ProblemCode.QUOTE_NOT_FOUND, message)

    def check_sources(self, used: set[str]) -> None:
        for index, source in _items(self.document, "sources"):
            id = _text(source.get("id"))
            if id is None:
                continue
            if id not in used:
                self.problems.append(unused_source(index, id))
            elif source.get("path") is None:
                self.problems.append(unverified_source(index, id))

    def check_unused_sections(self, declared: Mapping[str, int], used: set[str]) -> None:
        for id, index in declared.items():
            if id not in used:
                self.problems.append(unused_section(index, id))

    def check_isolated(self) -> None:
        if len(self.node_kinds) < 2:
            return
        isolated = set(self.node_ids) - self.touched - {None}
        if not isolated:
            return
        for (index, _), id in zip(self.nodes, self.node_ids, strict=True):
            if id in isolated and self.declared[id] == ("nodes", index):
                self.problems.append(isolated_node(index, id))


_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")


def _excerpt(text: str) -> str:
    """`text` quoted for a message, at most `_EXCERPT` characters of it.

    Messages show source passages: bounded, a map cannot make argmap print a
    whole file that its author chose as a source.
    """
    if len(text) <= _EXCERPT:
        return repr(text)
    half = _EXCERPT // 2
    return f"{text[:half]!r}…{text[-half:]!r} ({len(text)} characters)"


# -- warnings, worded here for both the checks and the fast path (argmap._typed) ---------------


def _warning(parts: list[PathPart], code: ProblemCode, message: str) -> Problem:
    return Problem(path=format_path(parts), code=code, message=message, severity=Severity.WARNING)


def unverified_source(index: int, id: str) -> Problem:
    """The warning that source `id` (at `index`) has no path, so its quotes go unchecked."""
    return _warning(
        ["sources", index],
        ProblemCode.UNVERIFIED_QUOTES,
        f"source {id!r} has no 'path' to its text, so its quotes are not verified",
    )


def unused_source(index: int, id: str) -> Problem:
    """The warning that no quote cites source `id` (at `index`)."""
    return _warning(["sources", index], ProblemCode.UNUSED_SOURCE, f"no quote cites source {id!r}")


def unused_section(index: int, id: str) -> Problem:
    """The warning that no node is in section `id` (at `index`)."""
    return _warning(
        ["sections", index], ProblemCode.UNUSED_SECTION, f"no node is in section {id!r}"
    )


def isolated_node(index: int, id: str) -> Problem:
    """The warning that node `id` (at `index`) takes part in no relation."""
    return _warning(
        ["nodes", index], ProblemCode.ISOLATED_NODE, f"node {id!r} takes part in no relation"
    )


def ambiguous_quote(parts: list[PathPart], text: str, source_text: str, first: int) -> Problem:
    """The warning that the quote at `parts` occurs more than once, anchored at `first`."""
    positions = [first]
    while len(positions) < _SHOWN_POSITIONS:
        found = source_text.find(text, positions[-1] + 1)
        if found < 0:
            break
        positions.append(found)
    # str.count skips overlapping occurrences, which the positions include.
    count = max(len(positions), source_text.count(text))
    shown = ", ".join(map(str, positions)) + (", …" if count > len(positions) else "")
    return _warning(
        [*parts, "text"],
        ProblemCode.AMBIGUOUS_QUOTE,
        f"the quote occurs {count} times in its source (at offsets {shown}); it is "
        f"anchored at the first, {first}: give 'start' and 'end' to choose another",
    )


def kind_remarks(
    rows: Iterable[int],
    froms: Sequence[str],
    kinds: Sequence[RelationKind],
    tos: Sequence[str],
    node_kinds: Mapping[str, NodeKind],
    *,
    worded: bool = True,
) -> list[Problem] | None:
    """The warnings on relations `rows`, between nodes whose kinds do not fit the relation.

    None if one of them is an error. The fast path's way into `check_kinds`:
    every relation's from, kind and to (as columns, in `relation_rows`' order)
    and every node's kind are given, for whether a misfit is a warning or an
    error can depend on the node's other relations. Each of `rows` must
    support or attack, from a node to a node. Kinds may be the enums: they
    hash and compare as their names. Not `worded`, the warnings are decided
    but not made (the list is empty).
    """
    checker = _kind_checker(froms, kinds, tos, node_kinds)
    for index in rows:
        source, target = froms[index], tos[index]
        severity = checker.check_kinds(
            index, kinds[index], node_kinds[source], node_kinds[target], source, worded=worded
        )
        if severity is Severity.ERROR:
            return None
    return checker.problems


def unusual_but_possible(kind: RelationKind, source: NodeKind, target: NodeKind) -> bool:
    """Whether a relation that does not fit its nodes' kinds is only a warning, come what may.

    (Otherwise it is an error, unless the source plays its kind in another relation.)
    """
    warned = _SUPPORT_WARNINGS if kind is RelationKind.SUPPORTS else _ATTACK_WARNINGS
    return target in warned.get(source, ())


def undercut_rings(targets: Mapping[str, str]) -> Iterator[list[str]]:
    """Each ring of undercuts, once: `targets` maps an undercut's id to the id it undercuts.

    Linear in the number of undercuts: every chain is walked once, its ids
    then done, so a long chain is not walked again from each of its links.
    """
    done: set[str] = set()
    for start in targets:
        path: list[str] = []
        on_path: set[str] = set()  # a list's `in` would make long chains quadratic
        current = start
        while current in targets and current not in done and current not in on_path:
            path.append(current)
            on_path.add(current)
            current = targets[current]
        if current in on_path:
            yield path[path.index(current) :]
        done.update(path)


def _kind_checker(
    froms: Sequence[str],
    kinds: Sequence[RelationKind],
    tos: Sequence[str],
    node_kinds: Mapping[str, NodeKind],
) -> _Checker:
    checker = _Checker({}, {}, shapes_ok=True)
    checker.node_kinds = cast("dict[str, str | None]", node_kinds)  # only read
    checker.relation_rows = (range(len(froms)), froms, kinds, tos)
    return checker


def _not_found(quote: str, source: str, folded_source: str) -> str:
    """Say that `quote` is not in `source`, showing the source's closest passage."""
    if "\r" in quote and quote.replace("\r\n", "\n").replace("\r", "\n") in source:
        return (
            "the quote has Windows or old Mac line endings (\\r), but sources are read with "
            "\\n line endings; write the quote with \\n line breaks"
        )
    folded_quote = _SPACE.sub(" ", quote.translate(_FOLD)).strip()
    passage = _closest(folded_quote, folded_source)
    if passage is None:
        return f"the quote {_excerpt(quote)} does not occur in its source"
    start, end = passage
    original = source[start:end]
    same = _SPACE.sub(" ", original.translate(_FOLD)).strip() == folded_quote
    if same:
        return (
            f"the quote does not occur verbatim; the source has {_excerpt(original)}, which "
            "differs only in quotation marks, dashes or spaces: copy the source's characters"
        )
    return f"the quote does not occur in its source; the closest passage is {_excerpt(original)}"


_SLIDING_LIMIT = 2_000_000
_WORD = re.compile(r"\S+")
_GRAMS = 16
_COMPARED = 200


def _closest(quote: str, source: str) -> tuple[int, int] | None:
    """The span of `source` most like `quote` (same length, at word starts), if any is close.

    Windows are compared on the quote's first `_COMPARED` characters, which is
    where a passage's start shows; every word start is tried where that is
    cheap, and in long sources only those near where most of the quote's
    short pieces are found.
    """
    size = len(quote)
    if not size or not source:
        return None
    probe = quote[:_COMPARED]
    low, high = 0, len(source)
    if len(source) * len(probe) > _SLIDING_LIMIT * 6:  # about six characters a word
        anchor = _likely_start(quote, source)
        if anchor is None:
            return None
        reach = min(size // 4, _COMPARED) + 8
        low, high = max(0, anchor - reach), anchor + reach
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(probe)
    best, best_ratio = None, 0.0
    for match in _WORD.finditer(source, low, high):
        start = match.start()
        matcher.set_seq1(source[start : start + len(probe)])
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = start, ratio
    if best is None or best_ratio < 0.5:
        return None
    return best, min(best + size, len(source))


def _likely_start(quote: str, source: str) -> int | None:
    # Look a few short pieces of the quote up with str.find (a scan at C
    # speed each, no index to build); where most of them agree on the quote's
    # start, the closest passage probably is.
    width = max(4, min(12, len(quote) // 3))
    step = max(1, (len(quote) - width) // _GRAMS)
    votes: Counter[int] = Counter()
    for offset in range(0, max(1, len(quote) - width + 1), step):
        piece = quote[offset : offset + width]
        found = source.find(piece)
        for _ in range(4):
            if found < 0:
                break
            votes[(found - offset) // 8] += 1
            found = source.find(piece, found + 1)
    if not votes:
        return None
    return max(0, votes.most_common(1)[0][0] * 8)
