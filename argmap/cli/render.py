"""`argmap render`: draw a map as SVG, PNG, PDF or DOT.

Draw a map file with Graphviz (DOT output needs no Graphviz). The format comes
from OUT's suffix unless --format says. Large maps, where dot would take about
20 s, are laid out with sfdp unless --engine says.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from typing import Any

from ..analysis import evaluate
from ..drawing import ENGINES, LARGE_MAP
from ..drawing.focus import focus, restrict, select
from ..drawing.output import FORMATS, format_for, render_bytes
from ..drawing.pagefit import PAGES
from ..errors import FormatError, RenderError, RenderWarning
from ..model import ArgumentMap, NodeKind
from ..page import to_html
from ..page._sources import source_texts
from ._common import (
    Exit,
    add_drawing_options,
    add_map,
    add_output,
    count,
    drawing_options,
    fail,
    read_for_output,
    write_output,
)

__all__ = ["add_arguments", "run"]

_PROG = "argmap render"


def _kinds(text: str) -> list[NodeKind]:
    kinds = []
    for part in text.split(","):
        name = part.strip()
        try:
            kinds.append(NodeKind(name))
        except ValueError:
            allowed = ", ".join(kind.value for kind in NodeKind)
            raise argparse.ArgumentTypeError(
                f"unknown node kind {name!r}; expected a comma-separated list of {allowed}"
            ) from None
    return kinds


def _page_name(given: str) -> str:
    """The paper's name as `PAGES` spells it, whatever the case given (a4, Letter)."""
    return next((name for name in PAGES if name.lower() == given.lower()), given)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `argmap render`'s arguments to its `parser`."""
    add_map(parser)
    add_output(parser, help="the file to write")
    parser.add_argument(
        "--format", choices=sorted({*FORMATS, "html"}), help="default: from OUT's suffix"
    )
    parser.add_argument(
        "--engine",
        choices=sorted(ENGINES),
        help="Graphviz layout (default: dot; sfdp when the map's layout cost, its nodes "
        f"weighted up for relations beyond one a node, passes {LARGE_MAP:,})",
    )
    add_drawing_options(
        parser,
        status_help="mark each node accepted/rejected/undecided (or its strength) under "
        "this semantics, evaluated on the whole map",
    )
    parser.add_argument(
        "--legend",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="draw a legend of shapes and lines (default: yes)",
    )
    parser.add_argument("--dpi", type=count(1), metavar="N", help="PNG resolution (default 150)")
    parser.add_argument(
        "--page",
        type=_page_name,
        choices=list(PAGES),
        help="lay the map out to fit this page and draw it that size (direction, wrapping "
        "and the arrangement of sections are chosen for the largest text)",
    )
    parser.add_argument(
        "--landscape", action="store_true", help="with --page: the page turned sideways"
    )
    parser.add_argument("--focus", metavar="ID", help="draw only the nodes near node ID")
    parser.add_argument(
        "--depth",
        type=count(0),
        metavar="K",
        help="with --focus: how many relation steps away (default 1)",
    )
    parser.add_argument(
        "--kinds",
        type=_kinds,
        metavar="KIND,...",
        help="draw only nodes of these kinds (" + ", ".join(k.value for k in NodeKind) + ")",
    )
    parser.add_argument(
        "--section",
        action="append",
        metavar="ID",
        help="draw only the nodes of this section (repeat for more)",
    )


def _fail(message: str, code: int) -> int:
    return fail(_PROG, message, code)


def _view(m: ArgumentMap, args: argparse.Namespace) -> ArgumentMap:
    # Kinds and sections are checked against the whole map; with a focus, the
    # view is the nodes near ID that are also of those kinds and sections.
    view = m
    if args.kinds is not None or args.section is not None:
        view = select(m, kinds=args.kinds, sections=args.section)
    if args.focus is not None:
        around = focus(m, args.focus, depth=1 if args.depth is None else args.depth)
        near = {node.id for node in around.nodes}
        view = restrict(view, [node.id for node in view.nodes if node.id in near])
    return view


def _chosen_format(args: argparse.Namespace) -> str:
    # --format html or an .html OUT: the interactive page (argmap.page).
    if args.format == "html" or (
        args.format is None and args.output.lower().endswith((".html", ".htm"))
    ):
        return "html"
    return format_for(args.output, args.format)


def _page(
    whole: ArgumentMap, view: ArgumentMap, root: str | None, options: dict[str, Any]
) -> bytes:
    # A view is a new map: its source texts are read beside the map loaded,
    # and given for the sources the view still has.
    kept = {source.id for source in view.sources}
    texts = {i: t for i, t in source_texts(whole, sources_root=root).items() if i in kept}
    return to_html(view, texts=texts, **options).encode("utf-8")


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap render` as parsed into `args`; the exit code (0, 1 or 2)."""
    if args.depth is not None and args.focus is None:
        return _fail("--depth needs --focus ID", Exit.USAGE)
    if args.landscape and args.page is None:
        return _fail("--landscape needs --page A4|A3|letter", Exit.USAGE)
    try:
        chosen = _chosen_format(args)
    except FormatError as error:
        return _fail(str(error), Exit.USAGE)
    if chosen == "html" and args.page is not None:
        return _fail("--page is for svg, png, pdf and dot, not the HTML page", Exit.USAGE)
    read = read_for_output(_PROG, args)
    if isinstance(read, int):
        return read
    the_map, keep = read
    try:
        view = _view(the_map, args)
    except KeyError as error:
        return _fail(str(error.args[0]), Exit.USAGE)
    except ValueError as error:
        return _fail(str(error), Exit.USAGE)
    if not the_map.nodes:
        print(f"{_PROG}: note: the map has no nodes; the drawing is empty", file=sys.stderr)
    elif not view.nodes:
        print(f"{_PROG}: note: no node is left to draw in this view", file=sys.stderr)
    failure = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RenderWarning)
        try:
            options = {**drawing_options(args), "engine": args.engine, "legend": args.legend}
            if chosen == "html":
                data = _page(the_map, view, args.sources_root, options)
            else:
                if args.status is not None:
                    # Evaluated on the whole map: a focus view shows where its
                    # nodes stand in the argument, not in the excerpt.
                    standing = evaluate(the_map, args.status).status()
                    options["status"] = {n.id: standing[n.id] for n in view.nodes}
                if args.page is not None:
                    options.update(page=args.page, landscape=args.landscape)
                data = render_bytes(view, format=chosen, dpi=args.dpi, **options)
        except RenderError as error:
            failure = str(error)
    for warning in caught:
        print(f"{_PROG}: note: {warning.message}", file=sys.stderr)
    if failure is not None:
        return _fail(failure, Exit.INVALID)
    return write_output(_PROG, args, data, keep=keep)
