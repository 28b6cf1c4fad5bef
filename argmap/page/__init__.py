"""The map beside its words: an interactive HTML page and a printable report.

`to_html` makes one self-contained page (diagram, source texts with every
quote marked, search, pan and zoom); `to_report` the document a reader checks
the map against (diagram, then every node numbered with its verbatim quotes),
which `html_to_pdf` prints with headless Chromium. Both need Graphviz's `dot`.
"""

from .chromium import CHROMIUM_FLAGS, find_chromium, html_to_pdf, html_to_png
from .html import to_html
from .report import to_report

__all__ = [
    "CHROMIUM_FLAGS",
    "find_chromium",
    "html_to_pdf",
    "html_to_png",
    "to_html",
    "to_report",
]
