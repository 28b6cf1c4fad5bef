"""An argument map as DOT: nodes, relations, undercut junctions, section clusters, legend.

The DOT lines are written here directly, with argmap's own escaping, and
handed to `graphviz.Digraph(body=...)`: the Digraph API quotes every
attribute of every call and costs many times more on large maps.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import graphviz

from .._collector import collector_paused
from .._expect import expect_map
from .._wording import describe_relation
from ..errors import RenderError, RenderWarning
from ..model import ArgumentMap, Node, NodeKind, Relation, RelationKind
from .labels import (
    dot_tooltip,
    dot_url,
    html_attribute,
    html_text,
    is_html_plain,
    link_target,
    one_line,
    wrap_text,
)
from .layout import overlap_attributes, resolve_engine
from .options import DEFAULT_STAGGER, DEFAULT_WIDTH, RANKDIRS, DrawOptions, options_from
from .pagefit import LEGEND, MARGIN, ROUTED_LIMIT, compose, page_size
from .theme import EdgeStyle, NodeStyle

__all__ = [
    "DEFAULT_STAGGER",
    "DEFAULT_WIDTH",
    "MAX_STRING",
    "RANKDIRS",
    "junction_name",
    "make_digraph",
    "status_text",
    "to_dot",
    "to_graphviz",
]


_MAX_LABEL_LINES = 32_000


def junction_name(relation_id: str) -> str:
    """The Graphviz name of the point that splits relation `relation_id` for its undercuts."""
    return f"@r:{relation_id}"


MAX_STRING = 16_000
"""Characters of one DOT string argmap writes at most (Graphviz reads at most 16,384)."""


def _quoter(safe: str, what: str, expected: str) -> Callable[[str], str]:
    """Quotes a name for DOT once all of it matches `safe`; else `RenderError` saying
    that argmap cannot draw `what` (the name) and what was `expected`."""
    matches = re.compile(safe).fullmatch

    def quote(name: str) -> str:
        if not isinstance(name, str) or not matches(name):
            raise RenderError(f"cannot draw {what} {name!r}: expected {expected}")
        return f'"{name}"'

    return quote


# Map ids match model.ID_PATTERN, and argmap's own names add only "@" and ":",
# so quoting alone keeps keywords (node, edge, ...) and "-", "." safe. The
# check is repeated here because a model built with attrs' validators off
# (or mutated through object.__setattr__) must not write raw DOT.
_quote_id = _quoter(
    r"[A-Za-z0-9_.\-@:]{1,300}",
    "the id",
    "letters, digits, '_', '.', '-' (validate the map first)",
)
_quote_font = _quoter(
    r"[A-Za-z0-9 ,_\-]{1,200}",
    "with the font name",
    "letters, digits, spaces, ',', '_' and '-'",
)


def _node_attributes(style: NodeStyle) -> str:
    return (
        f'shape={style.shape} style="{style.style}" fillcolor="{style.fill}" '
        f'color="{style.line}" fontcolor="{style.text}" penwidth="{style.penwidth:g}"'
    )


def _edge_attributes(style: EdgeStyle) -> str:
    return (
        f'color="{style.color}" style="{style.style}" arrowhead="{style.arrowhead}" '
        f'penwidth="{style.penwidth:g}"'
    )


class _Drawing:
    """The state of one conversion: the map, the choices, and the lines written so far."""

    def __init__(self, m: ArgumentMap, options: DrawOptions, *, engine: str) -> None:
        self.map = m
        self.theme = theme = options.theme
        self.engine = engine
        self.rankdir = rankdir = options.rankdir
        self.width = options.width
        self.legend = options.legend
        self.title = options.title
        self.title_chars = 4 * options.width  # characters a line of the title holds
        self.stagger = options.stagger if engine == "dot" else 1
        self.status = options.status or {}
        self.numbers = (
            {node.id: index for index, node in enumerate(m.nodes, start=1)}
            if options.numbered
            else {}
        )
        self.pointed_at: set[str] = set()
        self.fans: dict[tuple[bool, str], int] = {}
        self.turns: dict[tuple[bool, str], int] = {}
        self.lines: list[str] = []
        self.notes: list[str] = []
        self.citations: dict[str, tuple[str, str | None]] = {}
        self.quoted_ids: dict[str, str] = {}
        # Graphviz reads a cluster's labelloc in rank order, so "b" is the top under BT.
        self.cluster_labelloc = "b" if rankdir == "BT" else "t"
        self.node_attributes = {k: _node_attributes(theme.node_style(k)) for k in NodeKind}
        self.edge_attributes = {k: _edge_attributes(theme.edge_style(k)) for k in RelationKind}
        size = theme.header_size
        self.heads = {
            kind: (
                '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
                f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{size}" '
                f'COLOR="{html_attribute(theme.node_style(kind).accent)}"><B>'
                f"{html_text(one_line(theme.node_style(kind).label))}</B></FONT></TD>"
                f'<TD WIDTH="10"></TD><TD ALIGN="RIGHT"><FONT POINT-SIZE="{size}" '
                f'COLOR="{html_attribute(theme.muted)}">'
            )
            for kind in NodeKind
        }

    # -- checks -------------------------------------------------------------

    def split_relations(self) -> set[str]:
        """Ids of the relations an undercut targets; `RenderError` for dangling references."""
        m = self.map
        nodes: set[str] = set()
        for node in m.nodes:
            if node.id in nodes:
                raise RenderError(f"two nodes have the id {node.id!r}; validate the map first")
            nodes.add(node.id)
        relations: set[str] = set()
        for relation in m.relations:
            if relation.id is not None:
                if relation.id in relations:
                    raise RenderError(
                        f"two relations have the id {relation.id!r}; validate the map first"
                    )
                relations.add(relation.id)
        split: set[str] = set()
        for relation in m.relations:
            if relation.source not in nodes:
                raise RenderError(
                    f"relation {describe_relation(relation)}: no node {relation.source!r}; "
                    "validate the map first"
                )
            if relation.kind is RelationKind.UNDERCUTS:
                if relation.target not in relations:
                    raise RenderError(
                        f"relation {describe_relation(relation)}: no relation {relation.target!r} "
                        "to undercut; validate the map first"
                    )
                split.add(relation.target)
            elif relation.target not in nodes:
                raise RenderError(
                    f"relation {describe_relation(relation)}: no node {relation.target!r}; "
                    "validate the map first"
                )
        return split

    # -- statements ---------------------------------------------------------

    def graph_attributes(self) -> None:
        theme = self.theme
        add = self.lines.append
        add(f'\tlayout={self.engine} rankdir={self.rankdir} bgcolor="{theme.background}"')
        add("\tpad=0.3 outputorder=edgesfirst")
        if self.engine == "dot":
            add("\tnewrank=true nodesep=0.3 ranksep=0.5")
        else:
            add(f"\t{overlap_attributes(len(self.map.nodes))}")
        self.lines += self.defaults()

    def defaults(self) -> list[str]:
        """The font of the whole drawing and the node and edge defaults."""
        theme = self.theme
        font = _quote_font(theme.font)
        return [
            f"\tfontname={font}",
            f'\tnode [fontname={font} fontsize="{theme.font_size:g}" margin="0.1,0.05"]',
            f'\tedge [fontname={font} fontsize="{theme.header_size + 1:g}" arrowsize=0.8]',
        ]

    def node(self, node: Node, indent: str) -> str:
        width = self.width
        kind = node.kind
        lines = wrap_text(node.text, width)
        if len(lines) > _MAX_LABEL_LINES:
            # Graphviz draws such a label with no text at all, and says nothing.
            raise RenderError(
                f"the text of node {node.id!r} wraps to {len(lines):,} lines; Graphviz draws "
                f"at most {_MAX_LABEL_LINES:,} in a label (shorten it, or draw it wider)"
            )
        # Wrapping adds no character that HTML escapes: plain text, plain lines.
        escaped = lines if is_html_plain(node.text) else [html_text(line) for line in lines]
        longest = max(escaped, key=len, default="")
        if len(longest) > MAX_STRING:
            raise RenderError(
                f"a line of node {node.id!r}'s text is {len(longest):,} characters once "
                f"written for Graphviz, which reads at most 16,384 in one piece (draw it "
                "narrower, or break the text)"
            )
        text = "<BR/>".join(escaped)
        name = node.id
        if len(name) <= width and name.isidentifier():
            shown = name  # one piece, and nothing in it that HTML escapes
        else:
            shown = "<BR/>".join(html_text(line) for line in wrap_text(name, width))
        number = self.numbers.get(name)
        if number is not None:
            shown = f"<B>{number}</B>\u2002{shown}"
        label = (
            f"{self.heads[kind]}{shown}</FONT></TD></TR>"
            f"{self.status_row(name)}"
            f'<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT">{text}</TD></TR></TABLE>>'
        )
        extra = ""
        if node.quotes or node.attribution is not None or node.tags:
            tooltip, url = self.tooltip(node)
            quoted = dot_tooltip(tooltip)
            if len(quoted) > MAX_STRING:
                quoted = self.shortened_tooltip(node, tooltip)
            extra = f" tooltip={quoted}"
            if url is not None:
                link = dot_url(url)
                if len(link) > MAX_STRING:
                    self.notes.append(
                        f"node {node.id!r}: its source's URL is {len(url):,} characters, "
                        "more than Graphviz reads in one string; drawn without the link"
                    )
                else:
                    extra += f" URL={link} target=_blank"
        quoted = self.quote_id(name)  # checked: safe inside the id's quotes too
        return (
            f'{indent}{quoted} [id="node-{name}" {self.node_attributes[kind]} label={label}{extra}]'
        )

    def status_row(self, name: str) -> str:
        """A header row with the node's status in words and a sign, or nothing."""
        state = self.status.get(name)
        if state is None:
            return ""
        return (
            f'<TR><TD COLSPAN="3" ALIGN="LEFT"><FONT POINT-SIZE="{self.theme.header_size}">'
            f"<B>{html_text(status_text(state))}</B></FONT></TD></TR>"
        )

    def shortened_tooltip(self, node: Node, tooltip: str) -> str:
        """The quoted tooltip cut to what Graphviz reads, ending in "…", with a note."""
        keep = len(tooltip)
        quoted = dot_tooltip(tooltip)
        while len(quoted) > MAX_STRING:
            # Escapes can make a character longer; shrink in proportion, then recheck.
            keep = max(0, keep * MAX_STRING // len(quoted) - 16)
            quoted = dot_tooltip(tooltip[:keep] + "\u2026")
        self.notes.append(
            f"node {node.id!r}: its tooltip (quotes and sources) is {len(tooltip):,} "
            f"characters; shortened to {keep:,} and '…', as Graphviz reads at most 16,384"
        )
        return quoted

    def tooltip(self, node: Node) -> tuple[str, str | None]:
        """What a node's tooltip says (its quotes and their sources), and its link."""
        lines = []
        url = None
        for quote in node.quotes:
            lines.append(f"\u201c{one_line(quote.text)}\u201d")
            cited, link = self.citation(quote.source)
            lines.append(cited)
            if url is None:
                url = link
        if node.attribution is not None:
            lines.append(f"Attributed to: {one_line(node.attribution)}")
        if node.tags:
            lines.append("Tags: " + ", ".join(one_line(tag) for tag in node.tags))
        return "\n".join(lines), url

    def quote_id(self, name: str) -> str:
        """`_quote_id(name)`, remembered: a node's id is written for it and for its relations."""
        quoted = self.quoted_ids.get(name) if isinstance(name, str) else None
        if quoted is None:
            quoted = _quote_id(name)
            self.quoted_ids[name] = quoted
        return quoted

    def citation(self, source_id: str) -> tuple[str, str | None]:
        """A tooltip's line for a quote's source, and its link; worked out once a source."""
        found = self.citations.get(source_id)
        if found is None:
            try:
                source = self.map.source(source_id)
            except KeyError:
                found = (f"\u2014 {source_id}", None)
            else:
                cited = [source.title or source.id, source.author, source.date]
                found = (
                    "\u2014 " + ", ".join(one_line(part) for part in cited if part),
                    None if source.url is None else link_target(source.url),
                )
            self.citations[source_id] = found
        return found

    def junction(self, relation: Relation, indent: str) -> str:
        color = self.theme.edge_style(relation.kind).color
        return (
            f"{indent}{_quote_id(junction_name(relation.id or ''))} "
            f'[shape=point width=0.09 color="{color}" label="" '
            f"tooltip={dot_tooltip(describe_relation(relation))}]"
        )

    def relation(self, relation: Relation, split: set[str]) -> Iterable[str]:
        attributes = self.edge_attributes[relation.kind]
        tail = self.quote_id(relation.source)
        if relation.kind is RelationKind.UNDERCUTS:
            head = _quote_id(junction_name(relation.target))
        else:
            head = self.quote_id(relation.target)
        first = attributes
        key = (relation.kind is RelationKind.UNDERCUTS, relation.target)
        if key in self.fans and relation.source not in self.pointed_at:
            turn = self.turns.get(key, 0)
            self.turns[key] = turn + 1
            if turn % self.stagger:
                first = f"{attributes} minlen={1 + turn % self.stagger}"
        if relation.id is not None and relation.id in split:
            middle = _quote_id(junction_name(relation.id))
            yield f"\t{tail} -> {middle} [{first} arrowhead=none]"
            yield f"\t{middle} -> {head} [{attributes}]"
        else:
            yield f"\t{tail} -> {head} [{first}]"

    def cluster(self, name: str, title: str, indent: str) -> None:
        theme = self.theme
        label = "<BR/>".join(html_text(line) for line in wrap_text(title, 3 * self.width))
        add = self.lines.append
        add(f"{indent}subgraph {_quote_id(name)} {{")
        add(
            f"{indent}\tlabel=<<B>{label}</B>> labelloc={self.cluster_labelloc} labeljust=l "
            'style="rounded,filled" '
            f'fillcolor="{theme.cluster_fill}" color="{theme.cluster_line}" '
            f'fontcolor="{theme.cluster_text}" fontsize="{theme.font_size + 2:g}" penwidth=1'
        )

    def section_order(self) -> tuple[dict[str | None, list[Node]], list[str]]:
        """The nodes of each section (None: outside sections), and the sections in order."""
        m = self.map
        by_section: dict[str | None, list[Node]] = {}
        for node in m.nodes:
            by_section.setdefault(node.section, []).append(node)
        titles = {section.id for section in m.sections}
        order = [s.id for s in m.sections if s.id in by_section]
        order += [s for s in by_section if s is not None and s not in titles]
        return by_section, order

    def sections(self, split: set[str]) -> None:
        m = self.map
        by_section, _ = self.section_order()
        section_of = {node.id: node.section for node in m.nodes}
        junctions: dict[str | None, list[Relation]] = {}
        for relation in m.relations:
            if relation.id is not None and relation.id in split:
                # A junction joins its cluster when both ends of its relation are in one.
                tail = section_of.get(relation.source)
                undercut = relation.kind is RelationKind.UNDERCUTS
                head = None if undercut else section_of.get(relation.target)
                junctions.setdefault(tail if tail == head else None, []).append(relation)
        titles = {section.id: section.title for section in m.sections}
        order = [s.id for s in m.sections if s.id in by_section or s.id in junctions]
        order += [s for s in by_section if s is not None and s not in titles]
        add = self.lines.append
        for section in order:
            self.cluster(f"cluster_{section}", titles.get(section, section), "\t")
            for node in by_section.get(section, ()):
                add(self.node(node, "\t\t"))
            for relation in junctions.get(section, ()):
                add(self.junction(relation, "\t\t"))
            add("\t}")
        for node in by_section.get(None, ()):
            add(self.node(node, "\t"))
        for relation in junctions.get(None, ()):
            add(self.junction(relation, "\t"))

    def block_bodies(self) -> dict[str | None, list[str]]:
        """The lines of each block `pagefit` lays out alone: sections, the rest, the legend."""
        by_section, order = self.section_order()
        titles = {section.id: section.title for section in self.map.sections}
        saved, self.lines = self.lines, []
        bodies: dict[str | None, list[str]] = {}
        for section in order:
            self.cluster(f"cluster_{section}", titles.get(section, section), "\t")
            self.lines += [self.node(node, "\t\t") for node in by_section[section]]
            self.lines.append("\t}")
            bodies[section], self.lines = self.lines, []
        if None in by_section:
            bodies[None] = [self.node(node, "\t") for node in by_section[None]]
        if self.legend:
            self.legend_cluster()
            if self.lines:
                bodies[LEGEND] = self.lines
        self.lines = saved
        return bodies

    def legend_cluster(self) -> None:
        m = self.map
        kinds = {node.kind for node in m.nodes}
        relation_kinds = {relation.kind for relation in m.relations}
        if not kinds and not relation_kinds:
            return
        theme = self.theme
        add = self.lines.append
        self.cluster("cluster@legend", "Legend", "\t")
        # One row, kept in order by invisible edges: the node kinds, then the relation kinds.
        row: list[tuple[str, str]] = []
        for kind in NodeKind:
            if kind in kinds:
                node_style = theme.node_style(kind)
                name = f'"@legend:{kind.value}"'
                add(
                    f"\t\t{name} [{self.node_attributes[kind]} "
                    f'label=<<FONT POINT-SIZE="{theme.header_size}" '
                    f'COLOR="{html_attribute(node_style.accent)}">'
                    f"<B>{html_text(one_line(node_style.label))}</B></FONT>>]"
                )
                row.append((name, name))
        point = 'shape=point width=0.01 style=invis label=""'
        for relation_kind in RelationKind:
            if relation_kind in relation_kinds:
                edge_style = theme.edge_style(relation_kind)
                tail = f'"@legend:{relation_kind.value}:from"'
                head = f'"@legend:{relation_kind.value}:to"'
                add(f"\t\t{tail} [{point}]")
                add(f"\t\t{head} [{point}]")
                add(
                    f"\t\t{tail} -> {head} [{self.edge_attributes[relation_kind]} minlen=2 "
                    f'label=<<FONT COLOR="{html_attribute(theme.cluster_text)}">'
                    f"{html_text(one_line(edge_style.label))}</FONT>>]"
                )
                row.append((tail, head))
        if self.status:
            strengths = any(not isinstance(v, str) for v in self.status.values())
            words = [_SIGNS[w] for w in _SIGNS if w in set(self.status.values())]
            if strengths:
                words.append("\u25a0\u25a0\u25a0\u25a1\u25a1 strength")
            name = '"@legend:status"'
            add(
                f'\t\t{name} [shape=plaintext label=<<FONT POINT-SIZE="{theme.header_size}">'
                f"<B>Status:</B> {html_text(' · '.join(words))}</FONT>>]"
            )
            row.append((name, name))
        names = dict.fromkeys(name for pair in row for name in pair)
        add(f"\t\t{{rank=same {' '.join(names)}}}")
        for (_, left), (right, _) in itertools.pairwise(row):
            add(f"\t\t{left} -> {right} [style=invis]")
        add("\t}")

    def title_text(self) -> str | None:
        """The map's title as a DOT label, or None when no title is drawn."""
        if not self.title:
            return None
        lines = wrap_text(self.map.title, self.title_chars)
        text = "<BR/>".join(html_text(line) for line in lines)
        return f'<<FONT POINT-SIZE="{self.theme.title_size}"><B>{text}</B></FONT>>'

    def title_label(self) -> None:
        text = self.title_text()
        if text is not None:
            self.lines.append(f"\tlabel={text} labelloc=t labeljust=c")

    def wide_fans(self, targets: set[str]) -> dict[tuple[bool, str], int]:
        """Targets with at least `stagger` leaves (nodes not in `targets`) pointing at them.

        Like Graphviz's `unflatten -l`, those leaves take turns at 1, 2, ...
        rows below their target, so that a wide row of evidence folds up.
        Narrow fans are left alone: longer edges cost `dot` time on big maps.
        """
        fans: dict[tuple[bool, str], int] = {}
        for relation in self.map.relations:
            if relation.source not in targets:
                key = (relation.kind is RelationKind.UNDERCUTS, relation.target)
                fans[key] = fans.get(key, 0) + 1
        return {key: count for key, count in fans.items() if count >= self.stagger}

    def prepare(self) -> set[str]:
        """Check the map's references; the ids of the relations split for undercuts."""
        split = self.split_relations()
        if self.stagger > 1:
            undercuts = RelationKind.UNDERCUTS
            self.pointed_at = {r.target for r in self.map.relations if r.kind is not undercuts}
            self.fans = self.wide_fans(self.pointed_at)
        return split

    def draw(self) -> list[str]:
        split = self.prepare()
        self.graph_attributes()
        self.sections(split)
        for relation in self.map.relations:
            self.lines.extend(self.relation(relation, split))
        if self.legend:
            self.legend_cluster()
        # Last, so that clusters do not inherit it as their label.
        self.title_label()
        return [line + "\n" for line in self.lines]


_SIGNS = {"accepted": "\u2714 accepted", "rejected": "\u2718 rejected", "undecided": "? undecided"}


def status_text(state: str | float) -> str:
    """How a node's status reads in its header: a sign and a word, or its strength."""
    if isinstance(state, str):
        return _SIGNS[state]
    filled = round(state * 5)
    bar = "\u25a0" * filled + "\u25a1" * (5 - filled)
    return f"{bar} {state:.2f}"


def to_graphviz(
    m: ArgumentMap, options: DrawOptions | None = None, **overrides: Any
) -> graphviz.Digraph:
    """The map as a `graphviz.Digraph`, without running Graphviz.

    Args:
        m: the map.
        options: a `DrawOptions` (default: `DrawOptions()`).
        **overrides: any `DrawOptions` field (`theme`, `engine`, `rankdir`,
            `width`, `legend`, `title`, `stagger`, `status`, `numbered`,
            `page`, `landscape`), replacing the one in `options`. A `page`
            runs Graphviz's `dot` to measure the sections it arranges.

    Returns:
        The digraph; its `.source` is the DOT text.

    Raises:
        RenderError: the map refers to nodes or relations it does not have, or
            holds what Graphviz cannot read.
        ValueError, TypeError: an option is unknown or out of range.
    """
    return make_digraph(m, options_from(options, overrides), stacklevel=3)


def to_dot(m: ArgumentMap, options: DrawOptions | None = None, **overrides: Any) -> str:
    """The map's DOT source (options as `to_graphviz`); needs no Graphviz executables."""
    source: str = make_digraph(m, options_from(options, overrides), stacklevel=3).source
    return source


def make_digraph(
    m: ArgumentMap, options: DrawOptions, *, stacklevel: int, arrange: bool = False
) -> graphviz.Digraph:
    """`to_graphviz`, for the render functions: `stacklevel` blames their caller for warnings.

    With `arrange` (or a page), `dot` lays each section out alone and they are
    arranged in rows (see `pagefit`): that runs Graphviz.
    """
    expect_map(m)
    chosen = resolve_engine(
        options.engine, len(m.nodes), len(m.relations), stacklevel=stacklevel + 1
    )
    lines: list[str] = []
    notes: list[str] = []
    if (options.page is not None or arrange) and chosen == "dot":
        page = (
            None if options.page is None else page_size(options.page, landscape=options.landscape)
        )
        drawings: list[_Drawing] = []

        def make(rankdir: str, width: int) -> _Drawing:
            drawing = _Drawing(m, attrs.evolve(options, rankdir=rankdir, width=width), engine="dot")
            drawings.append(drawing)
            return drawing

        try:
            fitted, _ = compose(make, options.rankdir, options.width, page=page)
        except RenderError:
            if page is not None:
                raise
            fitted = []  # drawn in one pass instead, which reports what is wrong
        if fitted:
            # Every candidate notes the same (tooltips, links): say it once.
            notes = list(dict.fromkeys(drawings[0].notes))
            lines = [line + "\n" for line in fitted]
    if not lines:
        drawing = _Drawing(m, options, engine=chosen)
        # Drawing makes many short-lived objects and no cycles: the cycle
        # collector would only walk the map's objects again and again.
        with collector_paused():
            lines = drawing.draw()
        notes = drawing.notes
        if options.page is not None:
            width, height = page_size(options.page, landscape=options.landscape)
            # Scaled down to fit inside the page less its margins.
            room = f"{(width - 2 * MARGIN) / 72:.4f},{(height - 2 * MARGIN) / 72:.4f}"
            lines.append(f'\tsize="{room}"\n')
            if chosen == "dot" and m.nodes:
                notes.append(
                    f"the map has more than {ROUTED_LIMIT} relations between its sections, "
                    "too many to arrange the sections for the page: laid out in one pass "
                    f"and scaled down to fit {options.page}"
                )
    for note in notes:
        warnings.warn(note, RenderWarning, stacklevel=stacklevel)
    # Named, so that the SVG's root <title> is not Graphviz's "%3"; a constant,
    # so that no text of the map needs the graphviz package's quoting.
    return graphviz.Digraph(name="argmap", body=lines, engine=chosen)
