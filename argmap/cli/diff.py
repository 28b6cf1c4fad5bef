"""`argmap diff`: nodes, relations, quotes and acceptance changed between two maps.

Compare two versions of a map: nodes and relations added and removed, renamed
ids, changed text, kinds and quotes, and whose grounded acceptance changed.
Exit 0 when equal, 1 when different, 2 when a map cannot be read or is invalid.
"""

from __future__ import annotations

import argparse

from ..analysis import diff
from ._common import (
    ANALYSIS_OUTPUT,
    Exit,
    add_output_format,
    add_reading_options,
    load_valid,
    print_result,
)

__all__ = ["add_arguments", "run"]

EXIT_DIFFERENT = Exit.INVALID  # like diff(1)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `argmap diff`'s arguments to its `parser`."""
    parser.add_argument("old", metavar="OLD", help="the earlier map")
    parser.add_argument("new", metavar="NEW", help="the later map")
    add_reading_options(parser)
    add_output_format(parser, help=ANALYSIS_OUTPUT)


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap diff` as parsed into `args`; the exit code (0, 1 or 2)."""
    old = load_valid(args.old, args)
    new = load_valid(args.new, args)
    if isinstance(old, int) or isinstance(new, int):
        # Like diff(1): trouble is 2, whatever kind of trouble.
        return Exit.USAGE
    found = diff(old, new)
    print_result(found, args)
    return EXIT_DIFFERENT if found else Exit.OK
