"""The texts a page shows beside the map, and the quotes marked in them."""

from __future__ import annotations

import html
import itertools
import os
import stat
from collections.abc import Mapping

import attrs

from .._sources import OutsideRootError, base_of, confine, read_source_text, root_folder
from .._wording import unknown
from ..loader import MAX_SOURCE_BYTES
from ..model import ArgumentMap

__all__ = ["Passage", "mark_up", "passages", "source_texts"]


def source_texts(
    m: ArgumentMap,
    texts: Mapping[str, str] | None = None,
    *,
    sources_root: str | os.PathLike[str] | None = None,
) -> dict[str, str]:
    """The texts of the map's sources: `texts` given, else each `path` read as the loader reads it.

    Relative paths are read from the folder the map was loaded from; with
    `sources_root`, only files inside it (links resolved). Only regular files
    of at most `MAX_SOURCE_BYTES` are read. A source with no path, or one that
    cannot be read, has no text (its quotes are then listed on their own).
    """
    if texts is not None:
        return _given(m, texts)
    base = base_of(m)
    root = root_folder(sources_root)
    found: dict[str, str] = {}
    for source in m.sources:
        if source.path is None:
            continue
        try:
            path = base / source.path
            if root is not None:
                path = confine(path, root)
            # Asked before opening: opening a FIFO would wait for a writer.
            if not stat.S_ISREG(os.stat(path).st_mode):
                continue
            with open(path, "rb") as stream:
                if os.fstat(stream.fileno()).st_size > MAX_SOURCE_BYTES:
                    continue
                found[source.id] = read_source_text(stream.read(MAX_SOURCE_BYTES + 1))
        except (OSError, OutsideRootError, UnicodeDecodeError, ValueError):
            continue
    return found


@attrs.frozen(kw_only=True)
class Passage:
    """One quote of one node placed in its source: `key` names it on the page."""

    key: str
    node: str
    number: int
    source: str
    text: str
    start: int | None
    end: int | None


def _given(m: ArgumentMap, texts: Mapping[str, str]) -> dict[str, str]:
    """`texts` checked: a text for each of some of the map's sources, by id."""
    if not isinstance(texts, Mapping):
        raise TypeError(f"texts must map source ids to texts, got {type(texts).__name__}")
    ids = [s.id for s in m.sources]
    for source_id, text in texts.items():
        if source_id not in ids:
            raise ValueError(unknown("source id in texts", source_id, ids))
        if not isinstance(text, str):
            kind = type(text).__name__
            raise TypeError(f"the text of source {source_id!r} must be str, got {kind}")
    return {i: texts[i] for i in ids if i in texts}


def passages(m: ArgumentMap, texts: Mapping[str, str]) -> list[Passage]:
    """Every quote of every node, in map order, with its offsets found where they were not known."""
    found = []
    for number, node in enumerate(m.nodes, start=1):
        for index, quote in enumerate(node.quotes):
            start, end = quote.start, quote.end
            text = texts.get(quote.source)
            if text is not None and (start is None or text[start:end] != quote.text):
                at = text.find(quote.text)
                start, end = (at, at + len(quote.text)) if at >= 0 else (None, None)
            found.append(
                Passage(
                    key=f"q{number}-{index + 1}",
                    node=node.id,
                    number=number,
                    source=quote.source,
                    text=quote.text,
                    start=start,
                    end=end,
                )
            )
    return found


def mark_up(text: str, placed: list[Passage]) -> str:
    """`text` as HTML, each stretch covered by quotes in one focusable `<mark>`.

    Quotes may overlap: the text is cut at every quote boundary and each piece
    names all the quotes covering it (`data-q`) and their nodes (`data-n`).
    """
    opening: dict[int, list[Passage]] = {}
    closing: dict[int, list[Passage]] = {}
    for p in placed:
        if p.start is not None and p.end is not None and p.start < p.end:
            opening.setdefault(p.start, []).append(p)
            closing.setdefault(p.end, []).append(p)
    edges = sorted({0, len(text), *opening, *closing})
    active: dict[str, Passage] = {}
    out = []
    for left, right in itertools.pairwise(edges):
        for p in closing.get(left, ()):
            active.pop(p.key, None)
        for p in opening.get(left, ()):
            active[p.key] = p
        piece = html.escape(text[left:right], quote=False)
        if not active:
            out.append(piece)
            continue
        keys = " ".join(active)
        nodes = " ".join(dict.fromkeys(p.node for p in active.values()))
        out.append(
            f'<mark class="quote" tabindex="0" role="button" data-q="{html.escape(keys)}" '
            f'data-n="{html.escape(nodes)}">{piece}</mark>'
        )
    return "".join(out)
