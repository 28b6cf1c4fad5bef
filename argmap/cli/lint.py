"""`argmap lint`: argument-quality findings (unanswered objections, circular support, ...).

Print the map's lint findings, each with its code, node and quote; exit 1 when
there are any. Codes in the map's lint.ignore are left out. What each code
means: docs/lints.md.
"""

from __future__ import annotations

import argparse

from ..analysis import LintCode, lint
from ._common import (
    ANALYSIS_OUTPUT,
    Exit,
    add_map,
    add_output_format,
    load_valid,
    print_result,
    say,
)

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `argmap lint`'s arguments to its `parser`."""
    add_map(parser)
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE[,CODE...]",
        help=f"leave out these codes ({', '.join(LintCode)})",
    )
    add_output_format(parser, help=ANALYSIS_OUTPUT)


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap lint` as parsed into `args`: 0 clean, 1 findings or invalid, 2 usage."""
    codes = [code.strip() for item in args.ignore for code in item.split(",") if code.strip()]
    unknown = [code for code in codes if code not in set(LintCode)]
    if unknown:
        say(
            f"argmap lint: unknown lint code {unknown[0]!r} (known: {', '.join(LintCode)})",
            error=True,
        )
        return Exit.USAGE
    m = load_valid(args.file, args)
    if isinstance(m, int):
        return m
    findings = lint(m, ignore=codes)
    print_result(findings, args)
    return Exit.INVALID if findings else Exit.OK
