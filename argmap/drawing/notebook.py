"""How a map shows itself in Jupyter: SVG when Graphviz is there, a line of text when not."""

from __future__ import annotations

from collections.abc import Iterable

from .._expect import expect_map
from .._wording import plural
from ..errors import RenderError
from ..model import ArgumentMap
from .output import render_bytes

__all__ = ["mimebundle", "summary"]

_SVG = "image/svg+xml"
_TEXT = "text/plain"


def summary(m: ArgumentMap) -> str:
    """One line about the map: its title and how many nodes and relations it has."""
    expect_map(m)
    return (
        f"ArgumentMap {m.title!r}: {plural(len(m.nodes), 'node')}, "
        f"{plural(len(m.relations), 'relation')}"
    )


def mimebundle(
    m: ArgumentMap,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
) -> dict[str, str]:
    """The map as Jupyter's `_repr_mimebundle_` wants it; no SVG when Graphviz is missing."""
    bundle = {_TEXT: summary(m)}
    wanted = (include is None or _SVG in include) and (exclude is None or _SVG not in exclude)
    if wanted:
        try:
            bundle[_SVG] = render_bytes(m, format="svg").decode("utf-8")
        except RenderError as error:
            # The text stands in for the picture, and says why there is none.
            bundle[_TEXT] += f" (no diagram: {error})"
    return bundle
