"""Other formats in and out: AIF, Argdown, Mermaid, GraphML, and argmap's own JSON/YAML."""

from __future__ import annotations

__all__: list[str] = []
