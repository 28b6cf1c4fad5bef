"""The value types of an argument map: frozen attrs classes, no I/O.

Field validators check each value's type and shape and name the field, what was
expected and what came. Whether a map as a whole makes sense (ids unique,
references resolve, quotes found in their source) is `argmap.validate`'s job,
so that every problem of a map is reported at once, with its place.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import Any, TypeVar

import attrs

from ._wording import describe_value

__all__ = [
    "ID_PATTERN",
    "ArgumentMap",
    "LintSettings",
    "Node",
    "NodeKind",
    "Quote",
    "Relation",
    "RelationKind",
    "Section",
    "Source",
]

_ID_LENGTH = 128
"""The most characters an id may have (every reader and writer of ids checks against it)."""
ID_PATTERN = rf"^[A-Za-z_][A-Za-z0-9_.\-]{{0,{_ID_LENGTH - 1}}}$"
"""What an id looks like: a letter or `_`, then letters, digits, `_`, `.` or `-` (128 at most)."""

TEXT_PATTERN = "[^\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
"""A character that is not white space (Python's `str.isspace`, spelled out so that
every regular-expression engine reading the schema agrees)."""

_ID_MATCH = re.compile(ID_PATTERN.removeprefix("^").removesuffix("$")).fullmatch
_T = TypeVar("_T")
_TEXT_SEARCH = re.compile(TEXT_PATTERN).search
_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


class NodeKind(enum.StrEnum):
    """The role a statement plays in the argument."""

    CLAIM = "claim"
    EVIDENCE = "evidence"
    OBJECTION = "objection"
    REBUTTAL = "rebuttal"
    RECOMMENDATION = "recommendation"


class RelationKind(enum.StrEnum):
    """How one node bears on another node (or, for `undercuts`, on a relation)."""

    SUPPORTS = "supports"
    ATTACKS = "attacks"
    UNDERCUTS = "undercuts"


# Validators run for every object a load makes: each settles the usual case
# in one test before it looks for words to explain a failure.


def _string(matches: Callable[[str], object], what: str, rule: str) -> _Validator:
    """A validator of strings that `matches` accepts: `what` they are, the `rule` they break."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is str and matches(value):
            return
        if not isinstance(value, str):
            raise TypeError(f"{attribute.name!r} must be {what}, got {describe_value(value)}")
        if not matches(value):
            raise ValueError(f"{attribute.name!r} must {rule}, got {value!r}")

    return check


def _optional(check: _Validator) -> _Validator:
    """`check`, letting None pass."""

    def check_optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return check_optional


_check_id = _string(
    _ID_MATCH,
    "an id string",
    "be an id (a letter or '_', then letters, digits, '_', '.' or '-', at most 128)",
)
_check_optional_id = _optional(_check_id)
_check_text = _string(_TEXT_SEARCH, "a string", "contain non-blank text")
_check_optional_text = _optional(_check_text)


def _tuple_of(kind: type, what: str) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise TypeError(f"{attribute.name!r} must be a sequence, got {describe_value(value)}")
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise TypeError(
                    f"{attribute.name}[{index}] must be {what}, got {describe_value(item)}"
                )

    return check


def _check_tags(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _tuple_of(str, "a string")(instance, attribute, value)
    tags: tuple[str, ...] = value  # type: ignore[assignment]  # checked just above
    for index, tag in enumerate(tags):
        if not _TEXT_SEARCH(tag):
            raise ValueError(f"tags[{index}] must contain non-blank text, got {tag!r}")


def _to_tuple(value: Any) -> Any:
    """Lists and other iterables become tuples; text and mappings are left for the validator."""
    kind = type(value)
    if kind is tuple:
        return value
    if kind is list:
        return tuple(value)
    if isinstance(value, tuple | str | bytes | Mapping) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _not_a_member(kind: type[enum.Enum], value: object) -> ValueError:
    allowed = ", ".join(str(member.value) for member in kind)
    return ValueError(f"expected a {kind.__name__} ({allowed}), got {describe_value(value)}")


# StrEnum members hash and compare as their values: one lookup serves both.
_NODE_KINDS: dict[object, NodeKind] = {kind.value: kind for kind in NodeKind}
_RELATION_KINDS: dict[object, RelationKind] = {kind.value: kind for kind in RelationKind}


def _node_kind(value: NodeKind | str) -> NodeKind:
    try:
        return _NODE_KINDS[value]
    except (KeyError, TypeError):
        raise _not_a_member(NodeKind, value) from None


def _relation_kind(value: RelationKind | str) -> RelationKind:
    try:
        return _RELATION_KINDS[value]
    except (KeyError, TypeError):
        raise _not_a_member(RelationKind, value) from None


def _check_offset(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(
            f"{attribute.name!r} must be an int >= 0 or None, got {describe_value(value)}"
        )


def _check_base_score(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0.0 <= value <= 1.0:
        raise ValueError(
            f"{attribute.name!r} must be a number in [0, 1] or None, got {describe_value(value)}"
        )


@attrs.frozen(kw_only=True)
class Source:
    """A text the map draws on; `path` points at its plain text, relative to the map file."""

    id: str = attrs.field(validator=_check_id)
    title: str | None = attrs.field(default=None, validator=_check_optional_text)
    author: str | None = attrs.field(default=None, validator=_check_optional_text)
    url: str | None = attrs.field(default=None, validator=_check_optional_text)
    date: str | None = attrs.field(default=None, validator=_check_optional_text)
    path: str | None = attrs.field(default=None, validator=_check_optional_text)


@attrs.frozen(kw_only=True)
class Section:
    """A part of the source text (a heading), used to group nodes."""

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=_check_text)


@attrs.frozen(kw_only=True)
class Quote:
    """A verbatim passage of a source; `start`/`end` are its character offsets once anchored."""

    source: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_text)
    start: int | None = attrs.field(default=None, validator=_check_offset)
    end: int | None = attrs.field(default=None, validator=_check_offset)

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise ValueError(
                f"'start' and 'end' go together, got start={self.start!r}, end={self.end!r}"
            )
        if self.start is not None and self.end != self.start + len(self.text):
            raise ValueError(
                f"'end' must be start + len(text) = {self.start + len(self.text)}, got {self.end!r}"
            )

    @property
    def anchored(self) -> bool:
        """Whether the quote's offsets in its source are known."""
        return self.start is not None


@attrs.frozen(kw_only=True)
class Node:
    """A statement of the argument: a claim, evidence, objection, rebuttal or recommendation.

    `attribution` names who the words belong to, where the source puts them in
    someone's mouth (a speaker, a declaration). `base_score` (format 1.1) is the
    node's starting strength for gradual semantics, in [0, 1].
    """

    id: str = attrs.field(validator=_check_id)
    kind: NodeKind = attrs.field(converter=_node_kind)
    text: str = attrs.field(validator=_check_text)
    section: str | None = attrs.field(default=None, validator=_check_optional_id)
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Quote, "a Quote")
    )
    tags: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_check_tags)
    attribution: str | None = attrs.field(default=None, validator=_check_optional_text)
    base_score: float | None = attrs.field(default=None, validator=_check_base_score)


@attrs.frozen(kw_only=True)
class LintSettings:
    """A map's own lint settings: `ignore` lists codes of `argmap.lint` to leave out."""

    ignore: tuple[str, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(str, "a lint code")
    )


@attrs.frozen(kw_only=True)
class Relation:
    """`source` supports or attacks the node `target`, or undercuts the relation `target`.

    In files, `source` and `target` are written `from` and `to`. A relation
    needs an `id` only when an undercut targets it. Supports that share an
    `argument` id are one linked argument: their premises hold only together.
    `scheme` names the argumentation (or conflict) scheme, as AIF does.
    """

    source: str = attrs.field(validator=_check_id)
    target: str = attrs.field(validator=_check_id)
    kind: RelationKind = attrs.field(converter=_relation_kind)
    id: str | None = attrs.field(default=None, validator=_check_optional_id)
    argument: str | None = attrs.field(default=None, validator=_check_optional_id)
    scheme: str | None = attrs.field(default=None, validator=_check_optional_text)


@attrs.frozen
class _Index:
    nodes: dict[str, Node]
    relations: dict[str, Relation]
    sections: dict[str, Section]
    incoming: dict[str, tuple[Relation, ...]]
    outgoing: dict[str, tuple[Relation, ...]]


def _find(table: Mapping[str, _T], what: str, id: str) -> _T:
    try:
        return table[id]
    except (KeyError, TypeError):  # (TypeError: an unhashable id)
        if not isinstance(id, str):
            given = f"{type(id).__name__} (give its .id)" if attrs.has(type(id)) else None
            raise TypeError(f"a {what} id is text, got {given or describe_value(id)}") from None
        raise KeyError(f"no {what} with id {id!r}") from None


def _group(pairs: Iterable[tuple[str, Relation]]) -> dict[str, tuple[Relation, ...]]:
    grouped: dict[str, list[Relation]] = {}
    for key, relation in pairs:
        grouped.setdefault(key, []).append(relation)
    return {key: tuple(value) for key, value in grouped.items()}


@attrs.frozen(kw_only=True)
class ArgumentMap:
    """A whole argument map: its sources, sections, nodes and relations.

    Lookups (`node`, `incoming`, `outgoing`, ...) take constant time; edits
    (`with_node`, `without_node`, ...) return a new map and leave this one as it
    was. `metadata` holds any JSON-ready data a user wants to keep with the map.
    """

    title: str = attrs.field(validator=_check_text)
    description: str | None = attrs.field(default=None, validator=_check_optional_text)
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Source, "a Source")
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Section, "a Section")
    )
    nodes: tuple[Node, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Node, "a Node")
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Relation, "a Relation")
    )
    lint: LintSettings | None = attrs.field(default=None)
    metadata: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    @lint.validator
    def _check_lint(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, LintSettings):
            raise TypeError(
                f"'lint' must be an argmap.model.LintSettings or None, got {describe_value(value)}"
            )

    @metadata.validator
    def _check_metadata(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
            raise TypeError(
                f"'metadata' must be a mapping with string keys, got {describe_value(value)}"
            )

    @cached_property
    def _index(self) -> _Index:
        # Built on first lookup, not at construction: loading stays fast and a
        # map that is only dumped never pays for it. With duplicate ids (an
        # invalid map) the first one wins, as validation reports.
        nodes: dict[str, Node] = {}
        for node in self.nodes:
            nodes.setdefault(node.id, node)
        relations: dict[str, Relation] = {}
        for relation in self.relations:
            if relation.id is not None:
                relations.setdefault(relation.id, relation)
        return _Index(
            nodes=nodes,
            relations=relations,
            sections={s.id: s for s in reversed(self.sections)},
            incoming=_group((r.target, r) for r in self.relations),
            outgoing=_group((r.source, r) for r in self.relations),
        )

    @cached_property
    def _sources(self) -> dict[str, Source]:
        # Apart from `_index`: a drawing looks sources up and nothing else, and
        # should not pay for tables of every node and relation.
        return {s.id: s for s in reversed(self.sources)}

    def node(self, id: str) -> Node:
        """The node with this id; `KeyError` if there is none."""
        return _find(self._index.nodes, "node", id)

    def relation(self, id: str) -> Relation:
        """The relation with this id; `KeyError` if there is none."""
        return _find(self._index.relations, "relation", id)

    def section(self, id: str) -> Section:
        """The section with this id; `KeyError` if there is none."""
        return _find(self._index.sections, "section", id)

    def source(self, id: str) -> Source:
        """The source with this id; `KeyError` if there is none."""
        return _find(self._sources, "source", id)

    def has_node(self, id: str) -> bool:
        """Whether a node with this id exists."""
        return id in self._index.nodes

    def incoming(self, id: str) -> tuple[Relation, ...]:
        """Relations whose target is this node or relation, in map order."""
        return self._index.incoming.get(id, ())

    def outgoing(self, id: str) -> tuple[Relation, ...]:
        """Relations whose source is this node, in map order."""
        return self._index.outgoing.get(id, ())

    def nodes_of_kind(self, kind: NodeKind | str) -> tuple[Node, ...]:
        """The nodes of one kind, in map order."""
        wanted = NodeKind(kind)
        return tuple(node for node in self.nodes if node.kind is wanted)

    def with_node(self, node: Node) -> ArgumentMap:
        """A new map with `node` added, or replacing the node with the same id."""
        if not isinstance(node, Node):
            raise TypeError(f"expected a Node, got {type(node).__name__}")
        if node.id in self._index.nodes:
            nodes = tuple(node if n.id == node.id else n for n in self.nodes)
        else:
            nodes = (*self.nodes, node)
        return attrs.evolve(self, nodes=nodes)

    def without_node(self, id: str) -> ArgumentMap:
        """A new map without the node `id`, nor the relations that touch it (or undercut those)."""
        self.node(id)
        return attrs.evolve(
            self,
            nodes=tuple(n for n in self.nodes if n.id != id),
            relations=_prune(self.relations, {id}),
        )

    def with_relation(self, relation: Relation) -> ArgumentMap:
        """A new map with `relation` added (or replacing the relation with the same id)."""
        if not isinstance(relation, Relation):
            raise TypeError(f"expected a Relation, got {type(relation).__name__}")
        if relation.id is not None and relation.id in self._index.relations:
            relations = tuple(relation if r.id == relation.id else r for r in self.relations)
        else:
            relations = (*self.relations, relation)
        return attrs.evolve(self, relations=relations)

    def without_relation(self, relation: Relation | str) -> ArgumentMap:
        """A new map without `relation` (or the relation of that id), nor the undercuts that
        target it (or those)."""
        if isinstance(relation, str):
            relation = self.relation(relation)
        if not isinstance(relation, Relation):
            raise TypeError(f"expected a Relation or its id, got {type(relation).__name__}")
        if relation not in self.relations:
            raise KeyError(f"no such relation: {relation!r}")
        relations = tuple(r for r in self.relations if r != relation)
        if relation.id is not None:
            relations = _prune(relations, {relation.id})
        return attrs.evolve(self, relations=relations)

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """How Jupyter shows the map: an SVG diagram, or a line of text without Graphviz."""
        # Imported here: drawing sits above model, so model cannot import it at load time.
        from .drawing.notebook import mimebundle

        return mimebundle(self, include, exclude)


def _prune(relations: tuple[Relation, ...], gone: set[str]) -> tuple[Relation, ...]:
    """`relations` less those touching an id in `gone`, then less what undercut those."""
    # A worklist over the ids that go, not rounds over every relation: a chain
    # of undercuts goes in one pass.
    touching: dict[str, list[int]] = {}
    for index, r in enumerate(relations):
        touching.setdefault(r.source, []).append(index)
        touching.setdefault(r.target, []).append(index)
    dropped: set[int] = set()
    pending = list(gone)
    while pending:
        for index in touching.get(pending.pop(), ()):
            found = relations[index].id
            if index not in dropped:
                dropped.add(index)
                if found is not None:
                    pending.append(found)
    if not dropped:
        return relations
    return tuple(r for index, r in enumerate(relations) if index not in dropped)
