"""The page's HTML, CSS and JavaScript, kept as package data and filled in here."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from ..drawing import render_bytes
from ..model import ArgumentMap

__all__ = ["asset", "diagram", "fill", "script_json", "svg_body"]

_SLOT = re.compile(r"\{\{([a-z_]+)\}\}")


def asset(name: str) -> str:
    """The text of the package data file `assets/<name>`."""
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def fill(template: str, values: Mapping[str, str]) -> str:
    """`template` with each `{{name}}` replaced in one pass (so values are never re-read)."""

    def value(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _SLOT.sub(value, template)


def script_json(data: Any) -> str:
    """`data` as JSON that is safe inside a `<script>` element (no `<`, `>` or `&`)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)


def svg_body(svg: bytes) -> str:
    """Graphviz's SVG without its XML declaration, doctype and comments, for inlining in HTML."""
    text = _PROLOG.sub("", svg.decode("utf-8"), count=1)
    return re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)


def diagram(m: ArgumentMap, **options: Any) -> str:
    """The map's SVG for inlining, each node's header numbered as the page and report number it."""
    return svg_body(render_bytes(m, format="svg", numbered=True, **options))
