"""Argdown in and out: hand-written Argdown to argument maps, and maps to Argdown text.

Reading follows Argdown's own parser (`@argdown/core`): the same tokens, the
same grammar, the same model of statements (equivalence classes), arguments
and relations. What fits argmap's model becomes nodes and relations, by the
rules in docs/interchange.md; what does not is kept in `metadata["argdown"]`
or reported as a warning with a count. Nothing is dropped silently.

Writing: each node is a statement `[id]: text` (an argument `<title>: text`
where it came from one), with its tags as `#(tag)` and its kind as data
(`{kind: "claim"}`); sections become headings. Relations are written under
their target: `+ [source]` for supports, `- [source]` for attacks. Argdown
undercuts arguments, not relations between statements: an undercut is written
only where it undercuts the one relation of an argument that came from
Argdown, and a comment at the top of the text counts the others.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .._atomic import write_atomic
from .._expect import expect_map
from .._paths import parse_path
from .._sources import base_of, relocate, root_folder
from .._syntax import _LineIndex, parse_text
from .._wording import describe_value, plural
from ..errors import Problem, ProblemCode, Severity, ValidationError
from ..loader import (
    MAX_MAP_BYTES,
    Report,
    _check_document,
    _decode,
    _read_regular_file,
    _TooLargeError,
)
from ..model import (
    _ID_LENGTH,
    ID_PATTERN,
    ArgumentMap,
    Node,
    NodeKind,
    Quote,
    Relation,
    RelationKind,
    Section,
    Source,
)
from ._argdown_syntax import (
    SPECIAL,
    TAG,
    ArgdownSyntaxError,
    ArgdownTooDeepError,
    Argument,
    Element,
    Emphasis,
    FrontMatter,
    Gap,
    Heading,
    Inference,
    ListItems,
    Part,
    Pcs,
    Statement,
    Token,
    freestyle_text,
    parse,
)
from ._argdown_syntax import Relation as RelationLine
from ._roles import kind_by_role

__all__ = ["check_text", "dump", "dumps", "load", "loads"]

_ID_OK = re.compile(ID_PATTERN).match
_NOT_ID = re.compile(r"[^A-Za-z0-9_.\-]+")

# Argdown's shortcodes (`.^.` or `:^:` is ∧); `:smile:` alone differs from `.smile.`.
_SHORTCODES = {
    "A": "∀", "E": "∃", "O": "𝗢", "P": "𝗣", "->": "→", "<->": "↔", "~": "¬", "^": "∧",
    "v": "∨", "v_": "⊻", "<>": "◇", "[]": "◻", "happy": "😀", "smile": "☺", "smiley": "☺",
    "laugh": "😆", "lol": "😆", "rofl": "🤣", "joy": "😂", "heart": "❤", "?": "❓",
    "question": "❓", "love": "😍", "wink": "😉", "shush": "🤫", "meh": "😐",
    "eye-roll": "🙄", "sad": "😢", "disappointed": "😞", "scream": "😱", "+1": "👍",
    "up": "👍", "-1": "👎", "down": "👎", "think": "🤔", "star": "⭐", "y": "✔",
    "agree": "✔", "n": "❌", "disagree": "❌",
}  # fmt: skip


def _shortcode(image: str) -> str | None:
    if image == ":smile:":
        return "☺️"
    if len(image) > 2 and image[0] == image[-1] and image[0] in ".:":
        return _SHORTCODES.get(image[1:-1])
    return None


# Reading: the syntax tree to Argdown's model (statements, arguments, relations).

_Key = tuple[str, str]  # ("s", statement title), ("a", argument title), ("i", argument title)


@attrs.define
class _Member:
    text: str
    tags: list[str]
    tag_spans: list[tuple[int, int]]
    data: dict[str, Any] | None
    reference: bool
    start: int


@attrs.define
class _Thing:
    """An equivalence class of statements, or an argument."""

    key: _Key
    start: int
    members: list[_Member] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    data: dict[str, Any] = attrs.Factory(dict)
    data_at: int | None = None
    section: int | None = None
    sectioned: bool = False
    pcs: list[tuple[str, int, bool]] | None = None  # (statement title, offset, is a conclusion)
    inferences: list[dict[str, Any]] = attrs.Factory(list)
    inference_at: int | None = None


@attrs.define
class _Rel:
    type: str  # support, attack, undercut, contradictory
    source: _Key
    target: _Key
    start: int


@attrs.define
class _Section:
    title: str
    level: int
    start: int
    data: dict[str, Any] | None


def _merge(into: dict[str, Any], data: Mapping[str, Any]) -> None:
    for key, value in data.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


class _Builder:
    """Argdown's model from the syntax tree, built as `@argdown/core`'s ModelPlugin builds it.

    The walk follows the text, as Argdown's tree walker does, so that untitled
    statements get the same `Untitled N` names and relations the same ends.
    """

    def __init__(self, text: str, file: str | None) -> None:
        self.text = text
        self.file = file
        self.lines = _LineIndex(text)
        self.problems: list[Problem] = []
        self.things: dict[_Key, _Thing] = {}
        self.relations: list[_Rel] = []
        self.seen: set[tuple[_Key, _Key, str]] = set()
        self.sections: list[_Section] = []
        self.section: int | None = None
        self.untitled = 0
        self.front: Any = None
        self.front_at = 0
        self.inference: str | None = None

    def problem(
        self, offset: int, code: ProblemCode, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        line, column = self.lines.position(offset)
        self.problems.append(
            Problem(
                path="$",
                code=code,
                message=message,
                severity=severity,
                file=self.file,
                line=line,
                column=column,
            )
        )

    def errors_so_far(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    def locate(self, problem: Problem, places: Mapping[tuple[str, int], int]) -> Problem:
        """A problem of the built map, placed at the Argdown line it came from."""
        parts = parse_path(problem.path)
        offset = None
        if len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], int):
            offset = places.get((parts[0], parts[1]))
        if offset is None:
            return attrs.evolve(problem, file=self.file)
        line, column = self.lines.position(offset)
        return attrs.evolve(problem, file=self.file, line=line, column=column)

    def unique(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def thing(self, key: _Key, start: int) -> _Thing:
        found = self.things.get(key)
        if found is None:
            found = self.things[key] = _Thing(key, start)
        return found

    def yaml(self, token: Token, block: bool) -> Any:
        image = token.image
        if block:  # front matter: the === lines blanked, so that places stay right
            image = re.sub(r"^\s*={3,}", lambda m: " " * len(m.group()), image)
            image = re.sub(r"={3,}\s*$", "", image)
        else:
            opened = re.match(r"\{[ \t]*(\n\r|\n)", image)
            if opened:  # Argdown's block form: `{` and a line break, YAML lines, `}`
                image = " " * len(opened.group()) + re.sub(r"\}\s*$", "", image[opened.end() :])
        if not image.strip():
            return None
        try:
            parsed = parse_text(image, "yaml")
        except ValidationError as error:
            self.yaml_problems(token, error.problems)
            return None
        self.yaml_problems(token, parsed.problems)
        return parsed.document

    def yaml_problems(self, token: Token, problems: Iterable[Problem]) -> None:
        line0, column0 = self.lines.position(token.start)
        for p in problems:
            where = "front matter" if token.type == "FrontMatter" else "data"
            line, column = p.line, p.column
            if line is None:
                line, column = line0, column0
            elif line == 1:
                line, column = line0, column0 + (column or 1) - 1
            else:
                line = line0 + line - 1
            self.problems.append(
                attrs.evolve(
                    p,
                    message=f"in the {where} (YAML): {p.message}",
                    file=self.file,
                    line=line,
                    column=column,
                    path="$",
                )
            )

    def data(self, token: Token | None) -> dict[str, Any] | None:
        if token is None:
            return None
        data = self.yaml(token, block=False)
        if data is None:
            return None
        if not isinstance(data, dict):
            self.problem(
                token.start,
                ProblemCode.WRONG_TYPE,
                f"expected data as a YAML mapping {{key: value}}, found {describe_value(data)}",
            )
            return None
        return data

    def text_of(self, parts: list[Part]) -> tuple[str, list[str], list[tuple[int, int]]]:
        out: list[str] = []
        tags: dict[str, None] = {}  # in order, each once (a dict: looked up, not searched)
        spans: list[tuple[int, int]] = []
        size = 0

        def add(piece: str) -> None:
            nonlocal size
            out.append(piece)
            size += len(piece)

        def walk(items: list[Part]) -> None:
            for index, part in enumerate(items):
                if isinstance(part, Emphasis):
                    walk(part.content)
                    if part.end.image.endswith(" "):
                        add(" ")
                    continue
                kind = part.type
                if kind == "Newline":
                    if index != len(items) - 1 and not (out and out[-1].endswith(" ")):
                        add(" ")
                elif kind == "Link":
                    add(part.image[1 : part.image.index("](")])
                    if part.image.endswith(" "):
                        add(" ")
                elif kind == "Tag":
                    match = TAG.match(part.image)
                    assert match is not None  # the lexer matched the same pattern
                    tags[match.group(1) or match.group(2)] = None
                    spans.append((size, size + len(part.image)))
                    add(part.image)
                else:
                    add(freestyle_text([part], _shortcode))

        walk(parts)
        return "".join(out), list(tags), spans

    def member(self, node: Statement | Argument) -> _Member:
        text, tags, spans = self.text_of(node.content)
        return _Member(text, tags, spans, self.data(node.data), node.reference, node.start)

    def add_member(self, thing: _Thing, member: _Member, data_token: Token | None) -> None:
        if member.tags:
            thing.tags[:] = dict.fromkeys([*thing.tags, *member.tags])
        if member.data:
            _merge(thing.data, member.data)
            thing.data_at = data_token.start if data_token else member.start
        in_group = member.data.get("isInGroup") if member.data else None
        if in_group is True or (not member.reference and in_group is None and not thing.sectioned):
            thing.section, thing.sectioned = self.section, True
        thing.members.append(member)

    def statement(self, node: Statement) -> _Key:
        member = self.member(node)
        if node.relations:
            if node.title is None:
                node.title = self.unique()
            self.thing(("s", node.title), node.start)
            self.relation_lines(node.relations, ("s", node.title))
        if node.title is None:
            node.title = self.unique()
        thing = self.thing(("s", node.title), node.start)
        self.add_member(thing, member, node.data)
        return thing.key

    def argument(self, node: Argument) -> _Key:
        member = self.member(node)
        key = ("a", node.title)
        if node.relations:
            self.thing(key, node.start)
            self.relation_lines(node.relations, key)
        self.add_member(self.thing(key, node.start), member, node.data)
        return key

    def relation_lines(self, lines: list[RelationLine], parent: _Key) -> None:
        for line in lines:
            member = line.member
            child = (
                self.argument(member) if isinstance(member, Argument) else self.statement(member)
            )
            kind = line.token.type
            at = line.token.start + len(line.token.image) - len(line.token.image.lstrip(" '\t"))
            end = parent
            if kind == "OutgoingUndercut" and parent[0] == "s" and self.inference:
                # Argdown's rule: `<_` under a statement undercuts the inference of the
                # last premise-conclusion structure read (meant for its conclusion).
                end = ("i", self.inference)
            if kind.startswith("Incoming") or kind == "Contradiction":
                source, target = end, child
            else:
                source, target = child, end
            type = (
                "contradictory"
                if kind == "Contradiction"
                else kind.removeprefix("Incoming").removeprefix("Outgoing").lower()
            )
            self.add_relation(_Rel(type, source, target, at))

    def add_relation(self, new: _Rel) -> None:
        # Argdown keeps one relation of a type between two ends (a contradiction either way).
        mirrored = (new.target, new.source, new.type) if new.type == "contradictory" else None
        if (new.source, new.target, new.type) in self.seen or mirrored in self.seen:
            return
        self.seen.add((new.source, new.target, new.type))
        self.relations.append(new)

    def heading(self, node: Heading) -> None:
        text, _, spans = self.text_of(node.content)
        self.sections.append(
            _Section(_without_tags(text, spans), node.level, node.start, self.data(node.data))
        )
        self.section = len(self.sections) - 1

    def pcs(self, node: Pcs, before: Element | None) -> None:
        if isinstance(before, Argument):
            thing = self.thing(("a", before.title), before.start)
        else:
            thing = self.thing(("a", self.unique()), node.start)
        if thing.pcs:
            self.problem(
                node.start,
                ProblemCode.SYNTAX_ERROR,
                f"a second premise-conclusion structure for the argument <{thing.key[1]}>; "
                "expected one for each argument",
            )
            return
        thing.section = self.section
        thing.sectioned = True
        thing.pcs = []
        previous: Statement | Inference | None = None
        for item in node.items:
            if isinstance(item, Inference):
                rules = [freestyle_text(rule, _shortcode).strip() for rule in item.rules]
                data = self.data(item.data)
                if rules or data is not None:
                    thing.inference_at = (
                        item.start if thing.inference_at is None else thing.inference_at
                    )
                    thing.inferences.append(
                        {"rules": rules, **({"data": data} if data is not None else {})}
                    )
                self.inference = thing.key[1]
                self.relation_lines(item.relations, ("i", thing.key[1]))
            else:
                key = self.statement(item)
                thing.pcs.append((key[1], item.start, isinstance(previous, Inference)))
            previous = item

    def walk(self, elements: list[Element]) -> None:
        for index, element in enumerate(elements):
            if isinstance(element, FrontMatter):
                self.front = self.yaml(element.token, block=True)
                self.front_at = element.token.start
            elif isinstance(element, Heading):
                self.heading(element)
            elif isinstance(element, Statement):
                self.statement(element)
            elif isinstance(element, Argument):
                self.argument(element)
            elif isinstance(element, Pcs):
                before = elements[index - 1] if index else None
                if isinstance(before, Gap) and index > 1:
                    before = elements[index - 2]
                self.pcs(element, before)
            elif isinstance(element, ListItems):
                for item in element.items:
                    if isinstance(item, Argument):
                        self.argument(item)
                    else:
                        self.statement(item)
        self.transform()

    def transform(self) -> None:
        """Argdown's own rewriting of relations of reconstructed arguments."""
        kept: list[_Rel] = []
        # Looked up, not searched: a relation a kept one repeats, and the
        # statements each statement attacks or contradicts (by title).
        seen: set[tuple[_Key, _Key, str]] = set()
        opposed: dict[_Key, set[str]] = {}
        for rel in self.relations:
            source = self.things.get(rel.source)
            if source is not None and source.pcs:
                # An argument's outgoing relations are its main conclusion's.
                rel = attrs.evolve(rel, source=("s", source.pcs[-1][0]))
                if rel.source == rel.target:
                    continue  # an argument's relation to its own conclusion says nothing more
                if (rel.source, rel.target, rel.type) in seen:
                    continue
            target = self.things.get(rel.target)
            if target is not None and target.pcs and rel.type == "undercut":
                rel = attrs.evolve(rel, target=("i", rel.target[1]))
            kept.append(rel)
            seen.add((rel.source, rel.target, rel.type))
            if rel.source[0] == "s" and rel.target[0] == "s":
                if rel.type in ("attack", "contradictory"):
                    opposed.setdefault(rel.source, set()).add(rel.target[1])
                if rel.type == "contradictory":
                    opposed.setdefault(rel.target, set()).add(rel.source[1])
        final: list[_Rel] = []
        for rel in kept:
            target = self.things.get(rel.target)
            if rel.source[0] == "s" and rel.type == "attack" and target is not None and target.pcs:
                # An attack on an argument that attacks (or contradicts) one of
                # its premises already says so.
                premises = {title for title, _, conclusion in target.pcs if not conclusion}
                if not premises.isdisjoint(opposed.get(rel.source, ())):
                    continue
            final.append(rel)
        self.relations = final


def _without_tags(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the tags that end it (they are the node's tags), stripped."""
    # Each tag's start, by where the text before its end stops once stripped:
    # tags are peeled off the end one lookup at a time.
    ending: dict[int, list[int]] = {}
    for start, stop in spans:
        ending.setdefault(_stripped_end(text, stop), []).append(start)
    end = _stripped_end(text, len(text))
    while True:
        peeled = next((start for start in ending.get(end, ()) if start < end), None)
        if peeled is None:
            return text[:end].strip()
        end = _stripped_end(text, peeled)


def _stripped_end(text: str, end: int) -> int:
    """`len(text[:end].rstrip())`, without the copy."""
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _slug(title: str) -> str:
    return _NOT_ID.sub("-", title).strip("-.")[:100]


class _Ids:
    def __init__(self) -> None:
        self.taken: set[str] = set()
        # The last number tried for each wanted id: those below stay taken, so
        # a thousand "Discussion" headings do not count up from 2 each time.
        self.counted: dict[str, int] = {}

    def make(self, title: str, prefix: str) -> str:
        if _ID_OK(title):
            wanted = title  # an argmap id (up to 128 characters) comes back as it was
        else:
            slug = _slug(title)
            wanted = slug if slug and _ID_OK(slug) else f"{prefix}-{slug}" if slug else prefix
        candidate, n = wanted, self.counted.get(wanted, 1)
        while candidate in self.taken:
            n += 1
            suffix = f"-{n}"
            candidate = wanted[: _ID_LENGTH - len(suffix)] + suffix
        self.counted[wanted] = n
        self.taken.add(candidate)
        return candidate


def _kind_of(
    node: str,
    attacks: Mapping[str, list[str]],
    undercuts: Mapping[str, list[str]],
    supports: Mapping[str, list[str]],
    backed: set[str],
    attack_relations: set[str],
) -> NodeKind:
    """The kind a node gets on import, from its relations (docs/interchange.md)."""
    attacked = attacks.get(node, [])
    undercut = undercuts.get(node, [])
    return kind_by_role(
        attacks=bool(attacked or undercut),
        answers_an_attack=any(t in attacks or t in undercuts for t in attacked)
        or any(r in attack_relations for r in undercut),
        supports=bool(supports.get(node)),
        is_backed=node in backed,
    )


def _with_kinds(
    nodes: list[Node], given: Mapping[str, NodeKind | None], relations: list[Relation]
) -> list[Node]:
    """The nodes with their kinds: the one data gave, else the one their relations suggest."""
    attacks: dict[str, list[str]] = {}
    undercuts: dict[str, list[str]] = {}
    supports: dict[str, list[str]] = {}
    backed: set[str] = set()
    for r in relations:
        if r.kind is RelationKind.UNDERCUTS:
            undercuts.setdefault(r.source, []).append(r.target)
            continue
        (attacks if r.kind is RelationKind.ATTACKS else supports).setdefault(r.source, []).append(
            r.target
        )
        backed.add(r.target)
    attack_ids = {r.id for r in relations if r.kind is RelationKind.ATTACKS and r.id}
    return [
        attrs.evolve(
            n,
            kind=given.get(n.id)
            or _kind_of(n.id, attacks, undercuts, supports, backed, attack_ids),
        )
        for n in nodes
    ]


@attrs.define
class _Notices:
    """Counts of what the map holds elsewhere or cannot hold, and where each first occurs."""

    counts: dict[str, int] = attrs.Factory(dict)
    first: dict[str, int] = attrs.Factory(dict)

    def add(self, what: str, at: int, count: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + count
        self.first.setdefault(what, at)


class _Mapper:
    """Argdown's model to an argument map, by the rules in docs/interchange.md."""

    def __init__(self, built: _Builder, title: str) -> None:
        self.b = built
        self.title = title
        self.ids = _Ids()
        self.kept = _Notices()
        self.missing = _Notices()
        self.meta: dict[str, Any] = {}
        self.places: dict[tuple[str, int], int] = {}
        self.sources: list[Any] = []
        self.failed = False
        self.titles: dict[str, str] = {}
        self.arguments: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self.data: dict[str, Any] = {}
        self.kinds: dict[str, NodeKind | None] = {}

    def run(self) -> ArgumentMap | None:
        title, description = self.front_matter()
        sections, section_ids = self.sections()
        node_ids: dict[_Key, str] = {}
        for key in self.b.things:
            name = self.ids.make(key[1], "statement" if key[0] == "s" else "argument")
            node_ids[key] = name
            if name != key[1]:
                self.titles[name] = key[1]
            if key[0] == "a":
                self.arguments.append(name)
        nodes = [
            self.node(key, thing, node_ids[key], section_ids)
            for key, thing in self.b.things.items()
        ]
        if self.failed:
            return None
        relations = self.relations(node_ids)
        nodes = _with_kinds(nodes, self.kinds, relations)
        inferences = {node_ids[k]: t.inferences for k, t in self.b.things.items() if t.inferences}
        for field, value in (
            ("titles", self.titles),
            ("arguments", self.arguments),
            ("texts", self.texts),
            ("data", self.data),
            ("inferences", inferences),
        ):
            if value:
                self.meta[field] = value
        self.notices()
        return ArgumentMap(
            title=title,
            description=description,
            sources=tuple(self.sources),
            sections=tuple(sections),
            nodes=tuple(nodes),
            relations=tuple(relations),
            metadata={"argdown": self.meta} if self.meta else {},
        )

    def sections(self) -> tuple[list[Section], dict[int, str]]:
        """The headings over statements or arguments as sections; section ids by heading."""
        used = {t.section for t in self.b.things.values() if t.section is not None}
        section_ids: dict[int, str] = {}
        sections: list[Section] = []
        taken = _Ids()
        levels: dict[str, Any] = {}
        empty: list[str] = []
        repeated: dict[tuple[str, str], str] = {}
        for index, heading in enumerate(self.b.sections):
            data = heading.data or {}
            if data.get("argmap") == "relations":
                continue  # the heading argmap's export writes over its relations
            if index not in used:
                empty.append(heading.title)
                self.kept.add("heading", heading.start)
                continue
            wanted = data.get("id")
            again = repeated.get((wanted, heading.title)) if isinstance(wanted, str) else None
            if again is not None:  # the same id and title again: the same section
                section_ids[index] = again
                continue
            name = taken.make(
                wanted if isinstance(wanted, str) and _ID_OK(wanted) else heading.title, "section"
            )
            if isinstance(wanted, str):
                repeated[(wanted, heading.title)] = name
            section_ids[index] = name
            self.places[("sections", len(sections))] = heading.start
            sections.append(Section(id=name, title=heading.title or f"Section {len(sections) + 1}"))
            extra = {k: v for k, v in data.items() if k != "id"}
            if heading.level != 1 or extra:
                levels[name] = {"level": heading.level, **({"data": extra} if extra else {})}
                if heading.level != 1:
                    self.kept.add("heading level", heading.start)
        if empty:
            self.meta["headings"] = empty
        if levels:
            self.meta["sections"] = levels
        return sections, section_ids

    def node(self, key: _Key, thing: _Thing, name: str, section_ids: Mapping[int, str]) -> Node:
        """The node of a statement or argument (its kind settled later, from the relations)."""
        real = [m for m in thing.members if not m.reference]
        canonical = next(
            (m for m in reversed(real) if m.data and m.data.get("isCanonical")),
            real[-1] if real else None,
        )
        text = _without_tags(canonical.text, canonical.tag_spans) if canonical else ""
        if not text:
            text = key[1]
            self.missing.add(
                "argument without description" if key[0] == "a" else "undefined statement",
                thing.start,
            )
        others: list[str] = []
        for m in real:
            other = _without_tags(m.text, m.tag_spans)
            if m is not canonical and other and other != text and other not in others:
                others.append(other)
        if others:
            self.texts[name] = others
            self.kept.add("further text", thing.start, len(others))
        data = dict(thing.data)
        at = thing.data_at if thing.data_at is not None else thing.start
        self.kinds[name] = self.kind(data.pop("kind", None), key, at)
        attribution = data.pop("attribution", None)
        if attribution is not None and (
            not isinstance(attribution, str) or not attribution.strip()
        ):
            self.refuse(
                at,
                ProblemCode.WRONG_TYPE,
                f"the attribution of {_shown_key(key)}",
                attribution,
                "non-blank text",
            )
            attribution = None
        score = data.pop("base_score", None)
        if score is not None and (
            isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1
        ):
            code = (
                ProblemCode.OUT_OF_RANGE
                if isinstance(score, int | float)
                else ProblemCode.WRONG_TYPE
            )
            self.refuse(
                at, code, f"the base_score of {_shown_key(key)}", score, "a number from 0 to 1"
            )
            score = None
        quotes = self.made(data.pop("quotes"), Quote, "quotes", at) if "quotes" in data else []
        if data:
            self.data[name] = data
            self.kept.add("data", at)
        tags = [t for t in thing.tags if t.strip()]
        if len(tags) != len(thing.tags):
            self.missing.add("blank tag", thing.start, len(thing.tags) - len(tags))
        if thing.inferences:
            self.kept.add("inference", thing.inference_at or thing.start, len(thing.inferences))
        self.places[("nodes", len(self.kinds) - 1)] = thing.start
        return Node(
            id=name,
            kind=NodeKind.CLAIM,
            text=text,
            section=section_ids.get(thing.section) if thing.section is not None else None,
            tags=tuple(tags),
            quotes=tuple(quotes),
            attribution=attribution,
            base_score=None if score is None else float(score),
        )

    def kind(self, kind: Any, key: _Key, at: int) -> NodeKind | None:
        """The kind `{kind: ...}` gives, or None to infer it."""
        if kind is None:
            return None
        if isinstance(kind, str) and kind in {k.value for k in NodeKind}:
            return NodeKind(kind)
        allowed = ", ".join(k.value for k in NodeKind)
        code = ProblemCode.UNKNOWN_KIND if isinstance(kind, str) else ProblemCode.WRONG_TYPE
        self.refuse(at, code, f"the kind of {_shown_key(key)}", kind, f"one of: {allowed}")
        return None

    def refuse(self, at: int, code: ProblemCode, what: str, value: Any, expected: str) -> None:
        self.b.problem(at, code, f"{what} is {describe_value(value)}; expected {expected}")
        self.failed = True

    def made(self, value: Any, kind: type, field: str, at: int) -> list[Any]:
        """A list of `kind` (Source or Quote) from data; a located problem for what does not fit."""
        if not isinstance(value, list):
            self.b.problem(
                at,
                ProblemCode.WRONG_TYPE,
                f"expected {field} as a list, found {describe_value(value)}",
            )
            self.failed = True
            return []
        made = []
        names = {f.name for f in attrs.fields(kind)}
        for index, item in enumerate(value):
            try:
                if not isinstance(item, dict):
                    raise TypeError(f"expected a mapping, found {describe_value(item)}")
                unknown = sorted(set(item) - names)
                if unknown:
                    raise TypeError(
                        f"unknown field {unknown[0]!r}; expected: {', '.join(sorted(names))}"
                    )
                made.append(kind(**item))
            except (TypeError, ValueError) as error:
                self.b.problem(at, ProblemCode.WRONG_TYPE, f"{field}[{index}]: {error}")
                self.failed = True
        return made

    def front_matter(self) -> tuple[str, str | None]:
        front = self.b.front
        title, description = self.title, None
        if front is None:
            return title, description
        if not isinstance(front, dict):
            self.b.problem(
                self.b.front_at,
                ProblemCode.WRONG_TYPE,
                f"expected the front matter to be a YAML mapping, found {describe_value(front)}",
            )
            return title, description
        rest = dict(front)
        for field in ("title", "description"):
            value = rest.pop(field, None)
            if value is None:
                continue
            if isinstance(value, str) and value.strip():
                if field == "title":
                    title = value
                else:
                    description = value
            else:
                self.b.problem(
                    self.b.front_at,
                    ProblemCode.WRONG_TYPE,
                    f"the front matter's {field} is {describe_value(value)}; "
                    "expected non-blank text",
                )
        if "sources" in rest:
            self.sources = self.made(rest.pop("sources"), Source, "sources", self.b.front_at)
        if rest:
            self.meta["frontmatter"] = rest
            self.kept.add("front matter key", self.b.front_at, len(rest))
        return title, description

    def relations(self, node_ids: Mapping[_Key, str]) -> list[Relation]:
        b = self.b
        out: list[Relation] = []
        seen: set[tuple[str, str, RelationKind, str | None]] = set()
        inference_ids: dict[str, str] = {}
        made: list[str] = []

        def derived(relation_id: str) -> str:
            made.append(relation_id)
            return relation_id

        def add(
            source: str,
            target: str,
            kind: RelationKind,
            at: int,
            id: str | None = None,
            argument: str | None = None,
        ) -> None:
            if (source, target, kind, argument) in seen:
                return
            seen.add((source, target, kind, argument))
            self.places[("relations", len(out))] = at
            out.append(Relation(source=source, target=target, kind=kind, id=id, argument=argument))

        for key, thing in b.things.items():
            if not thing.pcs:
                continue
            name = node_ids[key]
            conclusion_title, conclusion_at, _ = thing.pcs[-1]
            premises: list[tuple[str, int]] = []
            for title, at, is_conclusion in thing.pcs[:-1]:
                if is_conclusion:
                    self.missing.add("intermediary conclusion", at)
                if title != conclusion_title and title not in (p for p, _ in premises):
                    premises.append((title, at))
            linked = name if len(premises) > 1 else None
            for number, (title, at) in enumerate(premises, 1):
                add(
                    node_ids[("s", title)],
                    name,
                    RelationKind.SUPPORTS,
                    at,
                    id=derived(self.ids.make(f"{name[:100]}.premise-{number}", "relation")),
                    argument=linked,
                )
            inference_ids[key[1]] = derived(self.ids.make(f"{name[:100]}.inference", "relation"))
            add(
                name,
                node_ids[("s", conclusion_title)],
                RelationKind.SUPPORTS,
                conclusion_at,
                id=inference_ids[key[1]],
            )
        undercuts: list[_Rel] = []
        for rel in b.relations:
            if rel.type == "undercut":
                undercuts.append(rel)
                continue
            source, target = node_ids[rel.source], node_ids[rel.target]
            if rel.type == "contradictory":
                add(source, target, RelationKind.ATTACKS, rel.start)
                add(target, source, RelationKind.ATTACKS, rel.start)
            else:
                kind = RelationKind.SUPPORTS if rel.type == "support" else RelationKind.ATTACKS
                add(source, target, kind, rel.start)
        made_by: dict[str, list[int]] = {}
        for i, r in enumerate(out):
            made_by.setdefault(r.source, []).append(i)
        for rel in undercuts:
            source = node_ids[rel.source]
            if rel.target[0] == "i":
                add(source, inference_ids[rel.target[1]], RelationKind.UNDERCUTS, rel.start)
            elif rel.target[0] == "a":
                # An argument without premises and conclusion: its inference is each
                # support or attack it makes.
                name = node_ids[rel.target]
                targets = made_by.get(name, [])
                if not targets:
                    self.missing.add(
                        "undercut of an argument that supports or attacks nothing", rel.start
                    )
                for i in targets:
                    if out[i].id is None:
                        out[i] = attrs.evolve(
                            out[i],
                            id=self.ids.make(f"{name[:60]}.to.{out[i].target[:60]}", "relation"),
                        )
                    relation_id = out[i].id
                    assert relation_id is not None
                    add(source, relation_id, RelationKind.UNDERCUTS, rel.start)
            else:
                self.missing.add("undercut of a statement", rel.start)
        if made:
            self.meta["derived"] = made
        return out

    def notices(self) -> None:
        kept_words = {
            "front matter key": "front matter key{s}",
            "heading": "heading{s} with no statement or argument under it",
            "heading level": "heading{s} below the first level (argmap sections are flat)",
            "further text": "further text{s} of statements defined more than once",
            "data": "node{s} with data argmap has no field for",
            "inference": "inference{s} (rules and data)",
        }
        for what, count in self.kept.counts.items():
            self.b.problem(
                self.kept.first[what],
                ProblemCode.ARGDOWN_KEPT_IN_METADATA,
                f"{plural(count, kept_words[what])}: kept in metadata.argdown, "
                "not part of the argument map",
                Severity.WARNING,
            )
        missing_words = {
            "argument without description": (
                "argument{s} without a description",
                "its title stands as its text",
            ),
            "undefined statement": (
                "statement{s} only referred to, never defined",
                "its title stands as its text",
            ),
            "intermediary conclusion": (
                "intermediary conclusion{s}",
                "argmap has no inner steps: all of an argument's premises and intermediary "
                "conclusions support the argument, which supports its main conclusion",
            ),
            "undercut of a statement": (
                "undercut{s} of a statement",
                "argmap undercuts relations, not nodes; not represented",
            ),
            "undercut of an argument that supports or attacks nothing": (
                "undercut{s} of an argument that supports or attacks nothing",
                "there is no inference to undercut; not represented",
            ),
            "blank tag": ("blank tag{s}", "not represented"),
        }
        for what, count in self.missing.counts.items():
            noun, why = missing_words[what]
            self.b.problem(
                self.missing.first[what],
                ProblemCode.ARGDOWN_NOT_REPRESENTED,
                f"{plural(count, noun)}: {why}",
                Severity.WARNING,
            )


def _shown_key(key: _Key) -> str:
    return f"[{key[1]}]" if key[0] == "s" else f"<{key[1]}>"


def check_text(
    text: str | bytes,
    *,
    file: str | None = None,
    title: str | None = None,
    sources_root: str | os.PathLike[str] | None = None,
) -> Report:
    """Read Argdown text into a checked map, with every problem located in the text.

    Args:
        text: Argdown, as text or UTF-8 bytes.
        file: the file's name, for problems (and the title when the front matter has none).
        title: the map's title when the front matter has none.
        sources_root: read the front matter's sources only from inside this
            folder (docs/security.md); their paths are relative to the file's folder.

    Returns:
        A `Report`: the map (None if there is an error) and every problem:
        syntax errors, data that does not fit, the warnings that count what
        went to `metadata.argdown` or could not be represented, and the
        problems of the map built, each at its Argdown line and column.
    """
    try:
        text = _decode(text, file)
    except ValidationError as error:
        return Report(map=None, problems=error.problems)
    default_title = title or (Path(file).stem if file else "Argdown map")
    if not text.strip():
        return Report(
            map=None,
            problems=(
                Problem(
                    path="$",
                    code=ProblemCode.EMPTY_DOCUMENT,
                    message="the file is empty; expected Argdown text (statements, arguments, "
                    "relations)",
                    file=file,
                    line=1,
                    column=1,
                ),
            ),
        )
    builder = _Builder(text, file)
    try:
        elements = parse(text)
    except ArgdownTooDeepError as error:
        builder.problem(
            error.offset, ProblemCode.TOO_DEEP, f"{error.found}; expected {error.expected}"
        )
        return Report(map=None, problems=tuple(builder.problems))
    except ArgdownSyntaxError as error:
        builder.problem(error.offset, ProblemCode.SYNTAX_ERROR, _syntax_message(text, error))
        return Report(map=None, problems=tuple(builder.problems))
    builder.walk(elements)
    mapper = _Mapper(builder, default_title)
    built = mapper.run() if not builder.errors_so_far() else None
    problems = sorted(builder.problems, key=lambda p: (p.line or 0, p.column or 0))
    if built is None or any(p.severity is Severity.ERROR for p in problems):
        return Report(map=None, problems=tuple(problems))
    from .._codec import unstructure_map

    report = _check_document(
        unstructure_map(built),
        early=[],
        base=Path(file).parent if file else Path.cwd(),
        root=root_folder(sources_root),
    )
    located = [builder.locate(p, mapper.places) for p in report.problems]
    # One list in the order of the text (problems with no place last).
    everything = sorted(
        [*problems, *located], key=lambda p: (p.line is None, p.line or 0, p.column or 0)
    )
    return Report(map=report.map, problems=tuple(everything))


def _syntax_message(text: str, error: ArgdownSyntaxError) -> str:
    head = text.lstrip()[:200]
    hint = ""
    if head.startswith("{") or re.match(r"argmap\s*:", head):
        hint = " (this looks like argmap's JSON or YAML: read it with --from json or --from yaml)"
    elif "@include(" in text:
        hint = (
            " (@include is a feature of Argdown's command line, not of its parser: "
            "join the files first)"
        )
    return (
        f"not Argdown as Argdown's parser reads it: found {error.found}; "
        f"expected {error.expected}{hint}"
    )


def loads(text: str | bytes, *, title: str | None = None) -> ArgumentMap:
    """Read a map from Argdown text (docs/interchange.md#argdown has the rules).

    Args:
        text: Argdown, as text or UTF-8 bytes.
        title: the map's title when the front matter has none.

    Returns:
        The map.

    Raises:
        ValidationError: the text is not Argdown, or the map is invalid; lists every problem.
    """
    return check_text(text, title=title).unwrap()


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a map from an Argdown file.

    Args:
        path: the `.argdown` file.

    Returns:
        The map; its title is the front matter's, else the file's name.

    Raises:
        ValidationError: the file is not Argdown, or the map is invalid.
        OSError: the file cannot be read, or is not a regular file.
    """
    name = os.fspath(path)
    try:  # only a regular file: a FIFO would wait for a writer, /dev/zero never end
        data = _read_regular_file(Path(name), MAX_MAP_BYTES)
    except _TooLargeError as error:
        raise ValidationError(
            [Problem(path="$", code=ProblemCode.TOO_LARGE, message=str(error), file=name)]
        ) from None
    return check_text(data, file=name).unwrap()


# Writing.


def _text(value: str) -> str:
    """Text as Argdown reads it back: white space flattened, syntax characters escaped."""
    flat = " ".join(value.split())
    escaped = _escape(flat, "\\[]<>{}#@*_/=")
    # `.x.` and `:x:` are Argdown's shortcodes; where one (or an escape inside one)
    # would be read, every `.` and `:` is escaped.
    for i, char in enumerate(escaped):
        if char in ".:":
            m = SPECIAL.match(escaped, i)
            if m and ("\\" in m.group() or _shortcode(m.group()) is not None):
                return _escape(flat, "\\[]<>{}#@*_/=.:")
    return escaped


def _escape(value: str, chars: str) -> str:
    return "".join("\\" + c if c in chars else c for c in value)


def _yaml_string(value: str) -> str:
    # JSON's string is YAML's double-quoted one; the characters that would end
    # Argdown's data or front matter, or break a YAML line, are escaped too.
    out = json.dumps(value, ensure_ascii=False)
    for char, escape in (
        ("=", "\\x3d"),
        ("{", "\\x7b"),
        ("}", "\\x7d"),
        ("\x85", "\\x85"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        out = out.replace(char, escape)
    return out


def _fields(value: Source | Quote) -> dict[str, Any]:
    return {k: v for k, v in attrs.asdict(value).items() if v is not None}


def _yaml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key) else _yaml_string(key)


def _yaml_flow(value: Any) -> str:
    """`value` (mappings, lists, text, numbers) as YAML flow that Argdown's data reads.

    Anything else (a map built in code may hold it in metadata) is written as its text.
    """
    if value is None or isinstance(value, bool):
        return "null" if value is None else str(value).lower()
    if isinstance(value, Mapping):
        items = (f"{_yaml_key(str(k))}: {_yaml_flow(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_yaml_flow(v) for v in value) + "]"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
        text = repr(value)
        # YAML 1.1 (PyYAML) reads `1e-05` as text: a float needs its point.
        return text if "." in text or "e" not in text else text.replace("e", ".0e", 1)
    return _yaml_string(value if isinstance(value, str) else str(value))


def _tag(tag: str) -> str | None:
    # Argdown reads `#(...)` up to the first `)`, with no escapes.
    body = re.sub(r"[\r\n]", " ", tag.replace(")", ""))
    return f"#({body})" if body.strip() else None


def _meta(argument_map: ArgumentMap, key: str) -> Mapping[str, Any]:
    """`metadata.argdown[key]` where it is a mapping (what an Argdown import kept)."""
    meta = argument_map.metadata.get("argdown")
    found = meta.get(key) if isinstance(meta, Mapping) else None
    return found if isinstance(found, Mapping) else {}


def _names(argument_map: ArgumentMap) -> tuple[dict[str, str], set[str]]:
    meta = argument_map.metadata.get("argdown")
    meta = meta if isinstance(meta, Mapping) else {}
    titles = meta.get("titles")
    arguments = meta.get("arguments")
    return (
        {k: v for k, v in titles.items() if isinstance(v, str)}
        if isinstance(titles, Mapping)
        else {},
        {a for a in arguments if isinstance(a, str)} if isinstance(arguments, list) else set(),
    )


_UNTITLABLE = re.compile("[\\]>\n\r\u2028\u2029]")


def _ref(node_id: str, titles: Mapping[str, str], arguments: set[str]) -> str:
    title = titles.get(node_id, node_id)
    # A title Argdown could not read back as one (it came from metadata): the id instead.
    if not title.strip() or title.startswith("-") or _UNTITLABLE.search(title):
        title = node_id
    if node_id not in arguments:
        return f"[{title}]"
    # `<+`, `<-`, `<_` at the start of a line are relations: such an argument keeps its id,
    # or becomes a statement if its id starts so too.
    if title[0] in "+-_":
        title = node_id
    return f"[{title}]" if title[0] == "_" else f"<{title}>"


def _refs(
    argument_map: ArgumentMap, titles: Mapping[str, str], arguments: set[str]
) -> dict[str, str]:
    """How each node is named in Argdown (`[title]` or `<title>`), no two alike."""
    plain = {n.id: _ref(n.id, {}, arguments) for n in argument_map.nodes}
    used = {plain[n.id] for n in argument_map.nodes if n.id not in titles}
    refs: dict[str, str] = {}
    for node in argument_map.nodes:
        if node.id not in titles:
            refs[node.id] = plain[node.id]  # reserved above
            continue
        ref = _ref(node.id, titles, arguments)
        for candidate in (ref, plain[node.id]):
            if candidate not in used:
                break
        else:  # its title and its id are another node's names (inconsistent metadata)
            n = 2
            while (candidate := f"{plain[node.id][:-1]}~{n}{plain[node.id][-1]}") in used:
                n += 1
        refs[node.id] = candidate
        used.add(candidate)
    return refs


def _statement(
    node: Node, refs: Mapping[str, str], arguments: set[str], extra: Mapping[str, Any]
) -> str:
    tags = "".join(f" {t}" for t in map(_tag, node.tags) if t)
    data: dict[str, Any] = {"kind": node.kind.value}
    if node.attribution:
        data["attribution"] = node.attribution
    if node.base_score is not None:
        data["base_score"] = node.base_score
    if node.quotes:
        data["quotes"] = [_fields(quote) for quote in node.quotes]
    more = extra.get(node.id)
    if isinstance(more, Mapping):
        data.update({k: v for k, v in more.items() if k not in data})
    written = _yaml_flow(data)[1:-1]
    ref = refs[node.id]
    if node.id in arguments and node.text == ref[1:-1]:
        return f"{ref}{tags} {{{written}}}"  # an argument without a description
    return f"{ref}: {_text(node.text)}{tags} {{{written}}}"


def dumps(argument_map: ArgumentMap) -> str:
    """Write a map as Argdown text that Argdown's tools (and `loads`) read back.

    Args:
        argument_map: the map.

    Returns:
        The text: front matter, statements under their section headings, then
        the supports and attacks under their targets (docs/interchange.md#argdown
        says what Argdown cannot hold).
    """
    expect_map(argument_map)
    lines = ["===", f"title: {_yaml_string(argument_map.title)}"]
    if argument_map.description:
        lines.append(f"description: {_yaml_string(argument_map.description)}")
    if argument_map.sources:
        lines.append("sources:")
        lines += [f"  - {_yaml_flow(_fields(source))}" for source in argument_map.sources]
    for key, value in _meta(argument_map, "frontmatter").items():
        if key not in ("title", "description", "sources"):
            lines.append(f"{_yaml_key(key)}: {_yaml_flow(value)}")
    lines += ["===", ""]
    titles, arguments = _names(argument_map)
    refs = _refs(argument_map, titles, arguments)

    def name(node_id: str) -> str:
        return refs.get(node_id) or _ref(node_id, {}, arguments)

    extra = _meta(argument_map, "data")
    undercut_by = _writable_undercuts(argument_map, arguments)
    undercuts = sum(1 for r in argument_map.relations if r.kind is RelationKind.UNDERCUTS) - sum(
        map(len, undercut_by.values())
    )
    if undercuts:
        lines += [
            f"// argmap: {plural(undercuts, 'undercut')} not written "
            "(Argdown undercuts join arguments, not statements)",
            "",
        ]
    sections = {s.id: s for s in argument_map.sections}
    levels = _meta(argument_map, "sections")
    texts = _meta(argument_map, "texts")
    pcs = _structures(argument_map, arguments)
    inferences = _meta(argument_map, "inferences")
    current: str | None = None
    # Argdown has no way back out of a heading: nodes without a section come
    # first, then each section's nodes under one heading, sections in order of first use.
    order = {id: i for i, id in enumerate(dict.fromkeys(n.section for n in argument_map.nodes))}
    for node in sorted(argument_map.nodes, key=lambda n: (n.section is not None, order[n.section])):
        if node.section != current and node.section is not None:
            lines += ["", _heading(node.section, sections.get(node.section), levels), ""]
            current = node.section
        ref = refs[node.id]
        for other in texts.get(node.id, ()) if isinstance(texts.get(node.id), list) else ():
            if isinstance(other, str) and other.strip():
                lines += [f"{ref}: {_text(other)}", ""]
        lines += [_statement(node, refs, arguments, extra), ""]
        if node.id in pcs:
            premises, conclusion = pcs[node.id]
            steps = inferences.get(node.id)
            lines += [f"({i}) {name(p)}" for i, p in enumerate(premises, 1)]
            lines += _inference(steps[0] if isinstance(steps, list) and len(steps) == 1 else None)
            lines += [f"({len(premises) + 1}) {name(conclusion)}", ""]
    headings = argument_map.metadata.get("argdown", {})
    empty = headings.get("headings") if isinstance(headings, Mapping) else None
    for title in empty if isinstance(empty, list) else ():
        if isinstance(title, str) and title.strip():
            lines += ["", f"# {_text(title)}", ""]
    if argument_map.relations:
        lines += ["", '# Relations {argmap: "relations"}', ""]
    derived = _derived(argument_map)
    written = {  # the relations the premise-conclusion structures above say
        r.id
        for r in argument_map.relations
        if r.id in derived and (r.source in pcs or r.target in pcs)
    }
    for node in argument_map.nodes:
        incoming = [
            r
            for r in argument_map.incoming(node.id)
            if r.kind is not RelationKind.UNDERCUTS and r.id not in written
        ]
        if not incoming:
            continue
        lines.append(name(node.id))
        for relation in incoming:
            sign = "+" if relation.kind is RelationKind.SUPPORTS else "-"
            lines.append(f"  {sign} {name(relation.source)}")
        lines.append("")
    for argument, undercutters in undercut_by.items():
        lines.append(name(argument))
        lines += [f"  <_ {name(source)}" for source in undercutters]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _heading(section_id: str, section: Section | None, levels: Mapping[str, Any]) -> str:
    """A section's heading, at the level an Argdown import kept, with its id (and data)."""
    kept = levels.get(section_id)
    kept = kept if isinstance(kept, Mapping) else {}
    level = kept.get("level")
    level = level if isinstance(level, int) and 1 <= level <= 6 else 1
    data = kept.get("data")
    data = {"id": section_id, **(data if isinstance(data, Mapping) else {})}
    title = _text(section.title if section else section_id)
    return f"{'#' * level} {title} {_yaml_flow(data)}"


def _derived(argument_map: ArgumentMap) -> set[str]:
    meta = argument_map.metadata.get("argdown")
    found = meta.get("derived") if isinstance(meta, Mapping) else None
    return {id for id in found if isinstance(id, str)} if isinstance(found, list) else set()


def _structures(argument_map: ArgumentMap, arguments: set[str]) -> dict[str, tuple[list[str], str]]:
    """The premise-conclusion structures an import made: argument → (premises, conclusion)."""
    derived = _derived(argument_map)
    premises: dict[str, list[str]] = {}
    conclusions: dict[str, str] = {}
    for r in argument_map.relations:
        if r.id not in derived or r.kind is not RelationKind.SUPPORTS:
            continue
        if r.target in arguments:
            premises.setdefault(r.target, []).append(r.source)
        elif r.source in arguments:
            conclusions[r.source] = r.target
    # A structure needs a premise: `----` first is not Argdown. (An import
    # makes none when the premise was the conclusion itself.) Its relation to
    # its conclusion is then written among the relations.
    return {a: (premises[a], c) for a, c in conclusions.items() if a in arguments and a in premises}


def _inference(step: Any) -> list[str]:
    """The lines of an inference: `----`, or its rules and data between `--` lines."""
    if not isinstance(step, Mapping):
        return ["----"]
    given = step.get("rules")
    given = given if isinstance(given, list) else []
    rules = [r for r in given if isinstance(r, str) and r.strip()]
    data = step.get("data")
    # In an inference, `,` separates rules and `--` ends it.
    body = ", ".join(_escape(_text(rule), ",-") for rule in rules)
    if isinstance(data, Mapping):
        body = f"{body} {_yaml_flow(dict(data))}".strip()
    return ["--", body, "--"] if body else ["----"]


def _writable_undercuts(argument_map: ArgumentMap, arguments: set[str]) -> dict[str, list[str]]:
    """Undercuts Argdown can say: of the one support or attack an argument (from Argdown) makes.

    Argdown undercuts an argument's inference; an argument without premises and
    conclusion infers what it supports or attacks, so when that is one relation,
    `<_` under the argument says exactly the undercut of that relation.
    """
    made: dict[str, list[Relation]] = {}
    for r in argument_map.relations:
        if r.kind is not RelationKind.UNDERCUTS and r.source in arguments:
            made.setdefault(r.source, []).append(r)
    single = {its[0].id: argument for argument, its in made.items() if len(its) == 1}
    by: dict[str, list[str]] = {}
    for r in argument_map.relations:
        if r.kind is RelationKind.UNDERCUTS and r.target in single:
            by.setdefault(single[r.target], []).append(r.source)
    return by


def dump(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write the Argdown text of a map to `path`, atomically.

    Relative source paths are rewritten to stay reachable from `path`'s folder.
    """
    moved = relocate(argument_map, base=base_of(argument_map), destination=path)
    write_atomic(path, dumps(moved).encode("utf-8"))
