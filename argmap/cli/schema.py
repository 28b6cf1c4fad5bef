"""`argmap schema`: print the JSON Schema of the file format."""

from __future__ import annotations

import argparse
import sys

from ..schema import schema_text
from ._common import EXIT_OK, Subparsers

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Subparsers) -> None:
    """Add the `schema` command to the command line's `subparsers`."""
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the file format",
        description="Print the published JSON Schema (Draft 2020-12) of the argmap file format.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema; the exit code (0)."""
    sys.stdout.write(schema_text())
    return EXIT_OK
