"""`argmap lint`: what a careful reader of the map would query (docs/lints.md)."""

from __future__ import annotations

import argparse
import json

from ..analysis import LintCode, lint
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    add_output_format,
    add_reading_options,
    say,
)
from .evaluate import ANALYSIS_OUTPUT, load_valid

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Subparsers) -> None:
    """Add the `lint` command to the command line's `subparsers`."""
    parser = subparsers.add_parser(
        "lint",
        help="argument-quality findings (unanswered objections, circular support, ...)",
        description="Print the map's lint findings, each with its code, node and quote; "
        "exit 1 when there are any. Codes in the map's lint.ignore are left out.",
    )
    parser.add_argument("file", metavar="MAP", help="a .json, .yaml or .yml map")
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE[,CODE...]",
        help=f"leave out these codes ({', '.join(LintCode)})",
    )
    add_output_format(parser, help=ANALYSIS_OUTPUT)
    add_reading_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap lint` as parsed into `args`: 0 clean, 1 findings or invalid, 2 usage."""
    codes = [code.strip() for item in args.ignore for code in item.split(",") if code.strip()]
    unknown = [code for code in codes if code not in set(LintCode)]
    if unknown:
        say(
            f"argmap lint: unknown lint code {unknown[0]!r} (known: {', '.join(LintCode)})",
            error=True,
        )
        return EXIT_USAGE
    m = load_valid(args.file, args)
    if isinstance(m, int):
        return m
    findings = lint(m, ignore=codes)
    if args.output_format == "json":
        say(json.dumps(findings.as_dict(), indent=2, ensure_ascii=False))
    else:
        say(findings)
    return EXIT_INVALID if findings else EXIT_OK
