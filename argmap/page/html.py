"""`to_html`: the map beside its source texts, as one self-contained, offline HTML page."""

from __future__ import annotations

import html
import os
from collections.abc import Mapping

import attrs

from .._expect import expect_map
from ..drawing import DEFAULT_WIDTH, Theme
from ..model import ArgumentMap
from ._assets import asset, diagram, fill, script_json
from ._sources import Passage, mark_up, passages, source_texts

__all__ = ["to_html"]


def to_html(
    m: ArgumentMap,
    *,
    texts: Mapping[str, str] | None = None,
    sources_root: str | os.PathLike[str] | None = None,
    engine: str | None = None,
    theme: str | Theme = "default",
    rankdir: str = "BT",
    width: int = DEFAULT_WIDTH,
    legend: bool = True,
) -> str:
    """The map as an interactive HTML page: the diagram on one side, its sources on the other.

    Every quote is marked in its source's text; choosing a node marks its
    quotes and scrolls to them, choosing a marked passage picks out its node,
    a search box dims the nodes that do not match, and the map pans and zooms.
    Everything is inlined: the page makes no network request. `texts` gives
    source texts by source id; without it each source's `path` is read
    (relative to the folder the map was loaded from; with `sources_root`, only
    inside that folder). Drawing options as `argmap.render`.

    Returns:
        The page, one self-contained HTML document.

    Raises:
        RenderError: Graphviz's `dot` is missing or fails. (A source that
            cannot be read, or lies outside `sources_root`, is no error: its
            quotes are shown on their own.)
        ValueError: `texts` names a source the map does not have.
        TypeError: `texts` is no mapping of source ids to str.
        NotADirectoryError: `sources_root` is no folder.
    """
    expect_map(m)
    svg = diagram(m, engine=engine, theme=theme, rankdir=rankdir, width=width, legend=legend)
    known = source_texts(m, texts, sources_root=sources_root)
    placed = passages(m, known)
    keys: dict[str, list[str]] = {}
    for p in placed:
        keys.setdefault(p.node, []).append(p.key)
    data = {
        "nodes": [
            {
                "id": node.id,
                "number": number,
                "kind": node.kind.value,
                "text": node.text,
                "attribution": node.attribution,
                "quotes": keys.get(node.id, []),
                "said": " ".join(q.text for q in node.quotes),
            }
            for number, node in enumerate(m.nodes, start=1)
        ],
        "passages": {p.key: p.source for p in placed},
    }
    return fill(
        asset("page.html"),
        {
            "title": html.escape(m.title),
            "style": asset("page.css"),
            "svg": svg,
            "tabs": _tabs(m),
            "panels": _panels(m, known, placed),
            "data": script_json(data),
            "script": asset("page.js"),
        },
    )


def _tabs(m: ArgumentMap) -> str:
    return "".join(
        f'<button type="button" role="tab" id="tab-{i}" aria-controls="panel-{i}" '
        f'data-source="{html.escape(s.id)}" aria-selected="{"true" if i == 0 else "false"}" '
        f'tabindex="{0 if i == 0 else -1}">{html.escape(s.title or s.id)}</button>'
        for i, s in enumerate(m.sources)
    )


def _panels(m: ArgumentMap, known: Mapping[str, str], placed: list[Passage]) -> str:
    by_source: dict[str, list[Passage]] = {}
    for p in placed:
        by_source.setdefault(p.source, []).append(p)
    out = []
    for i, source in enumerate(m.sources):
        mine = by_source.get(source.id, [])
        text = known.get(source.id)
        body = "" if text is None else f'<div class="source-text">{mark_up(text, mine)}</div>'
        loose = mine if text is None else [p for p in mine if p.start is None]
        if loose:
            why = (
                "The text of this source is not available; its quotes:"
                if text is None
                else "Quotes not found in this text:"
            )
            body += f'<p class="note">{why}</p>' + "".join(
                f"<blockquote>{mark_up(p.text, [_whole(p)])}</blockquote>" for p in loose
            )
        hidden = "" if i == 0 else " hidden"
        out.append(
            f'<section role="tabpanel" id="panel-{i}" aria-labelledby="tab-{i}" '
            f'data-source="{html.escape(source.id)}" tabindex="-1"{hidden}>{body}</section>'
        )
    return "".join(out)


def _whole(p: Passage) -> Passage:
    # A quote shown on its own is marked from its first character to its last.
    return attrs.evolve(p, start=0, end=len(p.text))
