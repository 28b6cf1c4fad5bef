"""`argmap report`: the command line's way to write a map's report (PDF or HTML)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .._atomic import check_output
from ..analysis import SEMANTICS, evaluate
from ..drawing import DEFAULT_WIDTH, RANKDIRS, THEMES
from ..errors import RenderError
from ..page import html_to_pdf, to_report
from ..page._sources import source_texts
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    STDOUT,
    Subparsers,
    add_reading_options,
    fail,
    keep_for,
    read_for_output,
    refusal,
    write_output,
)

__all__ = ["REPORT_FORMATS", "add_parser", "report_format", "run"]

_PROG = "argmap report"

REPORT_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}
"""Report file suffixes and the format each one means."""


def report_format(output: str, chosen: str | None) -> str:
    """The report's format: `chosen`, else OUT's suffix; `ValueError` naming the choices."""
    if chosen is not None:
        return chosen
    found = REPORT_FORMATS.get(Path(output).suffix.lower())
    if found is None:
        raise ValueError(
            f"cannot tell the report format of {output!r}; use a suffix "
            f"({', '.join(REPORT_FORMATS)}) or --format pdf|html"
        )
    return found


def add_parser(subparsers: Subparsers) -> None:
    """Add the `report` command to the command line's `subparsers`."""
    parser = subparsers.add_parser(
        "report",
        help="write a report: the diagram, then every node with its quotes (PDF or HTML)",
        description="Write the document a reader checks the map against: the diagram, "
        "then every node numbered in map order with its text, attribution and verbatim "
        "quotes (source and character offsets). PDF is printed by headless Chromium.",
    )
    parser.add_argument("file", metavar="FILE", help="a .json, .yaml or .yml map")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the .pdf or .html file; - for stdout"
    )
    parser.add_argument("--format", choices=("html", "pdf"), help="default: from OUT's suffix")
    parser.add_argument(
        "--status",
        choices=SEMANTICS,
        metavar="SEMANTICS",
        help="add each node's status under these semantics (" + ", ".join(SEMANTICS) + ")",
    )
    parser.add_argument("--theme", choices=sorted(THEMES), default="default")
    parser.add_argument("--rankdir", choices=sorted(RANKDIRS), default="BT")
    parser.add_argument(
        "--width", type=int, default=DEFAULT_WIDTH, metavar="N", help="characters per line"
    )
    add_reading_options(parser)
    parser.set_defaults(func=run)


def _fail(message: str, code: int) -> int:
    return fail(_PROG, message, code)


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap report` as parsed into `args`; the exit code (0, 1 or 2)."""
    to_stdout = args.output == STDOUT
    try:
        chosen = report_format(args.output, args.format)
    except ValueError as error:
        return _fail(str(error), EXIT_USAGE)
    if args.width < 1:
        return _fail(f"--width must be at least 1, got {args.width}", EXIT_USAGE)
    read = read_for_output(_PROG, args)
    if isinstance(read, int):
        return read
    report, the_map = read
    keep = keep_for(args.file, report)
    try:
        if not to_stdout:
            check_output(args.output, keep=keep)
        page = to_report(
            the_map,
            texts=source_texts(the_map, sources_root=args.sources_root),
            status=None if args.status is None else evaluate(the_map, args.status).status(),
            status_by=args.status,
            theme=args.theme,
            rankdir=args.rankdir,
            width=args.width,
        )
        data = html_to_pdf(page) if chosen == "pdf" else page.encode("utf-8")
        write_output(args.output, data, keep=keep)
    except RenderError as error:
        return _fail(str(error), EXIT_INVALID)
    except OSError as error:
        return _fail(refusal(args.output, error, map_file=args.file), EXIT_USAGE)
    if not to_stdout:
        print(f"wrote {args.output}")
    return EXIT_OK
