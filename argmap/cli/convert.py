"""`argmap convert`: rewrite a map in another format (JSON, YAML, AIF, Argdown, Mermaid, ...)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .._sources import base_of, relocate
from .._syntax import Format
from .._wording import unknown_suffix
from ..errors import ArgmapError
from ..formats import FORMATS, WRITABLE, format_for
from ..writer import encode_map
from ._common import (
    MAP_HELP,
    STDOUT,
    Exit,
    add_output,
    fail,
    keep_for,
    read_for_output,
    refusal,
    say,
    write_output,
)

__all__ = ["DESCRIPTION", "HELP", "add_arguments", "run"]

_PROG = "argmap convert"


HELP = "rewrite a map in another format"

DESCRIPTION = (
    "Load and check a map, then write it in the format of OUT's suffix "
    "(with quote offsets filled in)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `argmap convert`'s own arguments to its `parser`."""
    parser.add_argument("file", metavar="MAP", help=MAP_HELP)
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
    report, the_map = read
    destination = Path.cwd() / STDOUT if args.output == STDOUT else args.output
    if chosen.name == "json" or chosen.name == "yaml":
        native: Format = "json" if chosen.name == "json" else "yaml"
        data = encode_map(the_map, format=native, base=base_of(the_map), destination=destination)
    else:
        assert chosen.write is not None  # format_for chose a writable format
        # Argdown writes sources' paths too: keep them reachable from the output's folder.
        moved = relocate(the_map, base=base_of(the_map), destination=destination)
        data = chosen.write(moved).encode("utf-8")
    try:
        write_output(args.output, data, keep=keep_for(args.file, report))
    except OSError as error:
        return fail(_PROG, refusal(args.output, error, map_file=args.file), Exit.USAGE)
    if args.output != STDOUT:
        say(f"wrote {args.output}")
    return Exit.OK
