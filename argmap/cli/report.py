"""`argmap report`: write a report: the diagram, then every node with its quotes (PDF or HTML).

Write the document a reader checks the map against: the diagram, then every
node numbered in map order with its text, attribution and verbatim quotes
(source and character offsets). PDF is printed by headless Chromium.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .._wording import unknown_suffix
from ..analysis import evaluate
from ..errors import RenderError
from ..page import html_to_pdf, to_report
from ..page._sources import source_texts
from ._common import (
    Exit,
    add_drawing_options,
    add_map,
    add_output,
    drawing_options,
    fail,
    read_for_output,
    write_output,
)

__all__ = ["REPORT_FORMATS", "add_arguments", "report_format", "run"]

_PROG = "argmap report"

REPORT_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}
"""Report file suffixes and the format each one means."""


def report_format(output: str, chosen: str | None) -> str:
    """The report's format: `chosen`, else OUT's suffix; `ValueError` naming the choices."""
    if chosen is not None:
        return chosen
    found = REPORT_FORMATS.get(Path(output).suffix.lower())
    if found is None:
        raise unknown_suffix(
            output, REPORT_FORMATS, ("pdf", "html"), what="report format", naming="--format"
        )
    return found


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `argmap report`'s arguments to its `parser`."""
    add_map(parser)
    add_output(parser, help="the .pdf or .html file")
    parser.add_argument("--format", choices=("html", "pdf"), help="default: from OUT's suffix")
    add_drawing_options(parser, status_help="add each node's status under this semantics")


def _fail(message: str, code: int) -> int:
    return fail(_PROG, message, code)


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap report` as parsed into `args`; the exit code (0, 1 or 2)."""
    try:
        chosen = report_format(args.output, args.format)
    except ValueError as error:
        return _fail(str(error), Exit.USAGE)
    read = read_for_output(_PROG, args)
    if isinstance(read, int):
        return read
    the_map, keep = read
    try:
        page = to_report(
            the_map,
            texts=source_texts(the_map, sources_root=args.sources_root),
            status=None if args.status is None else evaluate(the_map, args.status).status(),
            status_by=args.status,
            **drawing_options(args),
        )
        data = html_to_pdf(page) if chosen == "pdf" else page.encode("utf-8")
    except RenderError as error:
        return _fail(str(error), Exit.INVALID)
    return write_output(_PROG, args, data, keep=keep)
