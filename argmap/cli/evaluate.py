"""`argmap evaluate`: which nodes of a map stand, under a semantics of your choice."""

from __future__ import annotations

import argparse
import json

from ..analysis import SEMANTICS, SUPPORT_RULES, evaluate
from ..errors import ArgmapError
from ..model import ArgumentMap
from ._common import (
    MAP_HELP,
    Exit,
    add_output_format,
    print_problems,
    read_map,
    say,
    unreadable,
)

__all__ = ["ANALYSIS_OUTPUT", "DESCRIPTION", "HELP", "add_arguments", "load_valid", "run"]


ANALYSIS_OUTPUT = "text: a table for people; json: one object, for machines"
"""What `--output-format` says in the analysis commands' help."""


def load_valid(name: str, args: argparse.Namespace) -> ArgumentMap | int:
    """The valid map in the file `name`, or the exit code after saying why not (1 or 2)."""
    try:
        report = read_map(name, args)
    except (OSError, ArgmapError) as error:
        say(f"{name}: {unreadable(name, error)}", error=True)
        return Exit.USAGE
    if report.map is None or report.errors:
        print_problems(report.problems, quiet=True)
        say(f"{name}: invalid; `argmap validate {name}` says more", error=True)
        return Exit.INVALID
    return report.map


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
    result = evaluate(m, args.semantics, supports=args.supports)
    if args.output_format == "json":
        say(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        say(result)
    return Exit.OK
