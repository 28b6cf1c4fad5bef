"""`argmap evaluate`: which nodes of a map stand, under a semantics of your choice."""

from __future__ import annotations

import argparse

from ..analysis import SEMANTICS, SUPPORT_RULES, evaluate
from ._common import ANALYSIS_OUTPUT, MAP_HELP, Exit, add_output_format, load_valid, print_result

__all__ = ["DESCRIPTION", "HELP", "add_arguments", "run"]


HELP = "which nodes stand: extension or gradual semantics"

DESCRIPTION = (
    "Evaluate a map under an argumentation semantics and print each node's "
    "status (accepted, rejected, undecided) or strength. See docs/analysis.md."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `argmap evaluate`'s own arguments to its `parser`."""
    parser.add_argument("file", metavar="MAP", help=MAP_HELP)
    parser.add_argument(
        "--semantics",
        choices=SEMANTICS,
        default="grounded",
        help="default: grounded",
    )
    parser.add_argument(
        "--supports",
        choices=SUPPORT_RULES,
        default="evidential",
        help="how supports enter extension semantics (default: evidential)",
    )
    add_output_format(parser, help=ANALYSIS_OUTPUT)


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap evaluate` as parsed into `args`; the exit code (0, 1 or 2)."""
    m = load_valid(args.file, args)
    if isinstance(m, int):
        return m
    print_result(evaluate(m, args.semantics, supports=args.supports), args)
    return Exit.OK
