"""`argmap evaluate`: which nodes stand: extension or gradual semantics.

Evaluate a map under an argumentation semantics and print each node's status
(accepted, rejected, undecided) or strength. See docs/analysis.md.
"""

from __future__ import annotations

import argparse

from ..analysis import SEMANTICS, SUPPORT_RULES, evaluate
from ._common import ANALYSIS_OUTPUT, Exit, add_map, add_output_format, load_valid, print_result

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `argmap evaluate`'s arguments to its `parser`."""
    add_map(parser)
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
