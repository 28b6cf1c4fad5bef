"""`to_report`: the diagram, then every node numbered with its text, quotes and attribution."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping

from .._expect import expect_map
from ..drawing import DEFAULT_WIDTH, Theme
from ..model import ArgumentMap
from ._assets import asset, diagram, fill
from ._sources import Passage, passages, source_texts

__all__ = ["to_report"]


def to_report(
    m: ArgumentMap,
    *,
    texts: Mapping[str, str] | None = None,
    sources_root: str | os.PathLike[str] | None = None,
    status: Mapping[str, str | float] | None = None,
    status_by: str | None = None,
    engine: str | None = None,
    theme: str | Theme = "default",
    rankdir: str = "BT",
    width: int = DEFAULT_WIDTH,
) -> str:
    """The map as a printable HTML report the reader can check the map against.

    First the diagram, each node's header numbered, then each node in map
    order under that number (its place in `m.nodes`, from 1), with its kind,
    section, text and attribution, and each of its quotes verbatim with its
    source and character offsets (found in the source text when the map did
    not record them). `status` (node id → "accepted" / "rejected" /
    "undecided" or a strength in [0, 1], as an evaluation gives) adds each
    node's status, in the diagram and the list; `status_by` names how it was
    found (e.g. "grounded" semantics). `texts`, `sources_root` and the
    drawing options as `to_html`. Everything is inlined.

    Returns:
        The report, one self-contained HTML document (`html_to_pdf` prints it).

    Raises:
        RenderError: Graphviz's `dot` is missing or fails. (A source that
            cannot be read, or lies outside `sources_root`, is no error: its
            quotes are shown on their own.)
        ValueError: `texts` names a source the map does not have.
        TypeError: `texts` is no mapping of source ids to str.
        NotADirectoryError: `sources_root` is no folder.
    """
    expect_map(m)
    if status_by is not None and not isinstance(status_by, str):
        raise TypeError(f"status_by names how the status was found, got {status_by!r}")
    svg = diagram(
        m, engine=engine, theme=theme, rankdir=rankdir, width=width, legend=True, status=status
    )
    placed = passages(m, source_texts(m, texts, sources_root=sources_root))
    by_node: dict[str, list[Passage]] = {}
    for p in placed:
        by_node.setdefault(p.node, []).append(p)
    sources = {s.id: s for s in m.sources}
    sections = {s.id: s.title for s in m.sections}
    items = []
    for number, node in enumerate(m.nodes, start=1):
        facts = [f'<span class="kind">{html.escape(node.kind.value)}</span>']
        if node.section is not None:
            facts.append(f"section: {html.escape(sections.get(node.section, node.section))}")
        if status is not None and node.id in status:
            facts.append(
                f'<span class="status">status: {html.escape(_status(status[node.id]))}</span>'
            )
        parts = [
            f'<li id="n{number}" value="{number}"><p class="head"><b>{number}.</b> '
            f"<code>{html.escape(node.id)}</code> · {' · '.join(facts)}</p>",
            f'<p class="text">{html.escape(node.text)}</p>',
        ]
        if node.attribution is not None:
            parts.append(f'<p class="who">Attributed to: {html.escape(node.attribution)}</p>')
        for p in by_node.get(node.id, []):
            source = sources.get(p.source)
            name = source.title or source.id if source is not None else p.source
            where = f"characters {p.start}–{p.end}" if p.start is not None else "offsets not known"
            parts.append(
                f"<blockquote><p>“{_unbroken(p.text)}”</p><footer>{html.escape(name)}, "
                f"{where}</footer></blockquote>"
            )
        if not node.quotes:
            parts.append('<p class="note">No quote.</p>')
        items.append("".join(parts) + "</li>")
    description = (
        "" if m.description is None else f'<p class="description">{html.escape(m.description)}</p>'
    )
    if status is not None and status_by is not None:
        description += f'<p class="note">Statuses: {html.escape(status_by)} semantics.</p>'

    return fill(
        asset("report.html"),
        {
            "title": html.escape(m.title),
            "style": asset("report.css"),
            "description": description,
            "svg": svg,
            "nodes": "".join(items),
        },
    )


_HYPHENATED = re.compile(r"\S*-\S*")


def _unbroken(text: str) -> str:
    # A line broken after a hyphen reads back from the PDF as one word without
    # it (pdftotext and copy-paste join the halves): hyphenated words stay whole.
    out, at = [], 0
    for match in _HYPHENATED.finditer(text):
        out.append(html.escape(text[at : match.start()]))
        out.append(f'<span class="whole">{html.escape(match.group())}</span>')
        at = match.end()
    out.append(html.escape(text[at:]))
    return "".join(out)


def _status(value: str | float) -> str:
    return value if isinstance(value, str) else f"strength {value:.2f}"
