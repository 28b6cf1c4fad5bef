"""`argmap schema`: print the JSON Schema of the file format.

Print the published JSON Schema (Draft 2020-12) of the argmap file format.
"""

from __future__ import annotations

import argparse
import sys

from ..schema import schema_text
from ._common import Exit

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`argmap schema` takes no arguments: it reads no map."""


def run(args: argparse.Namespace) -> int:
    """Print the schema; the exit code (0)."""
    sys.stdout.write(schema_text())
    return Exit.OK
