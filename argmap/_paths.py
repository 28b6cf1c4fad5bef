"""JSON paths (`$.nodes[3].quotes[0]`) to the values of a document, written and read back."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

__all__ = ["LONE_SURROGATE", "PathPart", "format_path", "parse_path"]

PathPart = str | int
"""One step into a document: a mapping key or a list index."""

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: a code point that Python strings hold but UTF-8 and JSON text cannot."""
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_STEP = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def format_path(parts: Iterable[PathPart]) -> str:
    """The JSON path of a value: `$`, then `.key`, `["odd key"]` or `[index]` per step.

    Odd keys are written as JSON strings, so a path stays on one line whatever
    the key holds.
    """
    out = ["$"]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _PLAIN_KEY.match(part):
            out.append(f".{part}")
        else:
            quoted = json.dumps(part, ensure_ascii=False)
            if LONE_SURROGATE.search(quoted):
                quoted = json.dumps(part)
            out.append(f"[{quoted}]")
    return "".join(out)


def parse_path(path: str) -> tuple[PathPart, ...]:
    """The steps of a path written by `format_path`; `ValueError` for anything else."""
    if not path.startswith("$"):
        raise ValueError(f"a JSON path starts with '$', got {path!r}")
    parts: list[PathPart] = []
    position = 1
    while position < len(path):
        match = _STEP.match(path, position)
        if match is None:
            raise ValueError(f"cannot read JSON path {path!r} at character {position}")
        key, index, quoted = match.groups()
        if key is not None:
            parts.append(key)
        elif index is not None:
            parts.append(int(index))
        else:
            parts.append(json.loads(quoted))
        position = match.end()
    return tuple(parts)
