"""`argmap convert`: rewrite a map in another format (argmap JSON/YAML, AIF, Mermaid, GraphML)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .._atomic import check_output
from .._sources import base_of
from .._syntax import Format
from ..errors import ArgmapError
from ..formats import FORMATS, format_for
from ..writer import encode_map
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    STDOUT,
    Subparsers,
    add_reading_options,
    keep_for,
    print_problems,
    read_map,
    refusal,
    say,
    unreadable,
    write_output,
)

__all__ = ["add_parser", "run"]

WRITABLE = tuple(name for name, f in FORMATS.items() if f.write is not None)


def add_parser(subparsers: Subparsers) -> None:
    """Add the `convert` command to the command line's `subparsers`."""
    parser = subparsers.add_parser(
        "convert",
        help="rewrite a map in another format",
        description="Load and check a map, then write it in the format of OUTPUT's suffix "
        "(with quote offsets filled in).",
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUTPUT", help="the file to write; - for stdout"
    )
    parser.add_argument(
        "--to",
        choices=WRITABLE,
        metavar="FORMAT",
        help=f"output format ({', '.join(WRITABLE)}; default: from OUTPUT's suffix)",
    )
    add_reading_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap convert` as parsed into `args`; the exit code (0, 1 or 2)."""
    try:
        chosen = format_for(Path(args.output).name, args.to, reading=False)
    except ArgmapError:
        suffixes = ", ".join(s for name in WRITABLE for s in FORMATS[name].suffixes)
        say(
            f"argmap convert: cannot tell the format of {args.output!r} from its suffix; "
            f"use a suffix ({suffixes}) or --to ({', '.join(WRITABLE)})",
            error=True,
        )
        return EXIT_USAGE
    try:
        if args.output != STDOUT:
            check_output(args.output, keep=[args.file])
    except OSError as error:
        say(f"argmap convert: {refusal(args.output, error, map_file=args.file)}", error=True)
        return EXIT_USAGE
    try:
        report = read_map(args.file, args)
    except (OSError, ArgmapError) as error:
        say(f"{args.file}: {unreadable(args.file, error)}", error=True)
        return EXIT_USAGE
    print_problems(report.problems, quiet=False)
    if report.map is None:
        return EXIT_INVALID
    destination = Path.cwd() / STDOUT if args.output == STDOUT else args.output
    if chosen.name == "json" or chosen.name == "yaml":
        native: Format = "json" if chosen.name == "json" else "yaml"
        data = encode_map(
            report.map, format=native, base=base_of(report.map), destination=destination
        )
    else:
        assert chosen.write is not None  # format_for chose a writable format
        data = chosen.write(report.map).encode("utf-8")
    try:
        write_output(args.output, data, keep=keep_for(args.file, report))
    except OSError as error:
        say(f"argmap convert: {refusal(args.output, error, map_file=args.file)}", error=True)
        return EXIT_USAGE
    if args.output != STDOUT:
        say(f"wrote {args.output}")
    return EXIT_OK
