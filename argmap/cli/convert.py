"""`argmap convert`: rewrite a map as JSON or YAML."""

from __future__ import annotations

import argparse
from pathlib import Path

from .._atomic import check_output
from .._sources import base_of
from .._syntax import FORMATS, format_for
from ..errors import ArgmapError
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


def add_parser(subparsers: Subparsers) -> None:
    """Add the `convert` command to the command line's `subparsers`."""
    parser = subparsers.add_parser(
        "convert",
        help="rewrite a map as JSON or YAML",
        description="Load and check a map, then write it in the format of OUTPUT's suffix "
        "(with quote offsets filled in).",
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUTPUT", help="the file to write; - for stdout"
    )
    parser.add_argument("--to", choices=FORMATS, help="output format (default: from suffix)")
    add_reading_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap convert` as parsed into `args`; the exit code (0, 1 or 2)."""
    try:
        chosen = format_for(Path(args.output).name, args.to)
    except ArgmapError:
        say(
            f"argmap convert: cannot tell the format of {args.output!r} from its suffix; "
            f"use a suffix (.json, .yaml, .yml) or --to ({', '.join(FORMATS)})",
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
    data = encode_map(report.map, format=chosen, base=base_of(report.map), destination=destination)
    try:
        write_output(args.output, data, keep=keep_for(args.file, report))
    except OSError as error:
        say(f"argmap convert: {refusal(args.output, error, map_file=args.file)}", error=True)
        return EXIT_USAGE
    if args.output != STDOUT:
        say(f"wrote {args.output}")
    return EXIT_OK
