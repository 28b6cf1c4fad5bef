"""`argmap convert`: rewrite a map in another format.

Load and check a map, then write it in the format of OUT's suffix (with quote
offsets filled in).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .._sources import base_of, relocate
from .._syntax import Format
from .._wording import unknown_suffix
from ..errors import ArgmapError
from ..formats import FORMATS, WRITABLE, format_for
from ..writer import encode_map
from ._common import STDOUT, Exit, add_map, add_output, fail, read_for_output, write_output

__all__ = ["add_arguments", "run"]

_PROG = "argmap convert"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `argmap convert`'s arguments to its `parser`."""
    add_map(parser)
    add_output(parser, help="the file to write")
    parser.add_argument(
        "--to",
        choices=WRITABLE,
        metavar="FORMAT",
        help=f"output format ({', '.join(WRITABLE)}; default: from OUT's suffix)",
    )


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap convert` as parsed into `args`; the exit code (0, 1 or 2)."""
    try:
        chosen = format_for(Path(args.output).name, args.to, reading=False)
    except ArgmapError:
        suffixes = [s for name in WRITABLE for s in FORMATS[name].suffixes]
        error = unknown_suffix(args.output, suffixes, WRITABLE, naming="--to")
        return fail(_PROG, str(error), Exit.USAGE)
    read = read_for_output(_PROG, args)
    if isinstance(read, int):
        return read
    the_map, keep = read
    destination = Path.cwd() / STDOUT if args.output == STDOUT else args.output
    if chosen.name == "json" or chosen.name == "yaml":
        native: Format = "json" if chosen.name == "json" else "yaml"
        data = encode_map(the_map, format=native, base=base_of(the_map), destination=destination)
    else:
        assert chosen.write is not None  # format_for chose a writable format
        # Argdown writes sources' paths too: keep them reachable from the output's folder.
        moved = relocate(the_map, base=base_of(the_map), destination=destination)
        data = chosen.write(moved).encode("utf-8")
    return write_output(_PROG, args, data, keep=keep)
