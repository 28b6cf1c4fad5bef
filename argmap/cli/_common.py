"""What every command shares: exit codes, problem printing, reading a map, opening outputs.

Exit codes: 0 all is well, 1 invalid input (or a failed render), 2 usage
errors and files that cannot be read. A person never sees a traceback for a
mistake in their input.
"""

from __future__ import annotations

import argparse
import enum
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TextIO

from .._atomic import OutputRefusedError, check_output, write_atomic
from .._sources import base_of, source_files
from ..errors import ArgmapError, Problem, Severity
from ..formats import READABLE, check_file
from ..loader import Report
from ..model import ArgumentMap

__all__ = [
    "ANALYSIS_OUTPUT",
    "OUTPUT_FORMATS",
    "STDOUT",
    "Exit",
    "add_drawing_options",
    "add_map",
    "add_output",
    "add_output_format",
    "add_reading_options",
    "count",
    "drawing_options",
    "fail",
    "load_valid",
    "print_problems",
    "print_result",
    "read_for_output",
    "read_map",
    "say",
    "silence",
    "unreadable",
    "write_output",
]


class Exit(enum.IntEnum):
    """The command line's exit codes."""

    OK = 0
    """All is well (for `lint`: no findings; for `diff`: the maps are equal)."""
    INVALID = 1
    """Invalid input, a failed render, findings, or a difference."""
    USAGE = 2
    """Usage errors, files that cannot be read, refused outputs."""


STDOUT = "-"
"""The output name that means standard output."""


OUTPUT_FORMATS = ("text", "json")
"""How a command's report can be printed: `--output-format`."""

ANALYSIS_OUTPUT = "text: a table for people; json: one object, for machines"
"""What `--output-format` says in the analysis commands' help."""


def add_output(parser: argparse.ArgumentParser, *, help: str) -> None:
    """The required `-o/--output OUT` (`-` for standard output)."""
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=f"{help}; - for stdout"
    )


def count(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected an integer >= {minimum}, got {text!r}")
        return value

    return parse


def add_drawing_options(parser: argparse.ArgumentParser, *, status_help: str) -> None:
    """`--status`, `--theme`, `--rankdir` and `--width`: what every drawing command takes."""
    # Imported here: the commands that draw nothing start without them.
    from ..analysis import SEMANTICS
    from ..drawing import DEFAULT_WIDTH, RANKDIRS, THEMES

    parser.add_argument(
        "--status",
        choices=SEMANTICS,
        metavar="SEMANTICS",
        help=f"{status_help} ({', '.join(SEMANTICS)}; docs/analysis.md)",
    )
    parser.add_argument("--theme", choices=sorted(THEMES), default="default")
    parser.add_argument(
        "--rankdir",
        choices=sorted(RANKDIRS),
        default="BT",
        help="direction of support: BT (default) puts conclusions on top",
    )
    parser.add_argument(
        "--width",
        type=count(1),
        default=DEFAULT_WIDTH,
        metavar="N",
        help=f"characters per line of node text (default {DEFAULT_WIDTH})",
    )


def drawing_options(args: argparse.Namespace) -> dict[str, Any]:
    """The options `add_drawing_options` read, less `--status`, as keyword arguments."""
    return {"theme": args.theme, "rankdir": args.rankdir, "width": args.width}


def add_output_format(
    parser: argparse.ArgumentParser, *, help: str, old: str | None = None
) -> None:
    """`--output-format text|json`; `old`, an earlier spelling, still works with a note."""
    parser.add_argument("--output-format", choices=OUTPUT_FORMATS, default="text", help=help)
    if old is not None:
        parser.add_argument(
            old,
            choices=OUTPUT_FORMATS,
            dest="output_format",
            action=_Deprecated,
            help=argparse.SUPPRESS,
        )


class _Deprecated(argparse.Action):
    """An option's old spelling: stores as the new one and says so on stderr."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        say(
            f"{parser.prog}: note: {option_string} is deprecated and will be removed in the "
            "next version; use --output-format",
            error=True,
        )
        setattr(namespace, self.dest, values)


def fail(prog: str, message: str, code: int) -> int:
    """Print `prog: message` to stderr; the exit `code`."""
    say(f"{prog}: {message}", error=True)
    return code


def read_for_output(
    prog: str, args: argparse.Namespace
) -> tuple[ArgumentMap, list[str | os.PathLike[str]]] | int:
    """For commands that write `args.output` from the map `args.file`: the map and what to keep.

    What to keep: the files the output must never be (the map read and its
    sources), for `write_output`. The output is refused before anything is read
    if it is the map itself, and before anything is made if it is one of the
    sources. The map is read (with `--from`, `--sources-root`) and its problems,
    warnings too, are printed. Otherwise the exit code: 1 for a map with
    errors, 2 for unreadable files and refused outputs.
    """
    refused = _refused(prog, args, keep=[args.file])
    if refused is not None:
        return refused
    try:
        report = read_map(args.file, args)
    except (OSError, ArgmapError) as error:
        return fail(prog, f"{args.file}: {unreadable(args.file, error)}", Exit.USAGE)
    # Warnings too: worth seeing before a drawing or a conversion.
    print_problems(report.problems, quiet=False)
    if report.map is None:
        return Exit.INVALID
    sources = source_files(report.map, base_of(report.map))
    # The map itself was checked above; now its sources, if it has any.
    refused = _refused(prog, args, keep=sources) if sources else None
    if refused is not None:
        return refused
    return report.map, [args.file, *sources]


def _refused(
    prog: str, args: argparse.Namespace, *, keep: Sequence[str | os.PathLike[str]]
) -> int | None:
    """Exit 2 after saying why, if `args.output` may not be written; else None."""
    try:
        if args.output != STDOUT:
            check_output(args.output, keep=keep)
    except OSError as error:
        return fail(prog, _refusal(args.output, error, map_file=args.file), Exit.USAGE)
    return None


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


class _Result(Protocol):
    def as_dict(self) -> object: ...


def print_result(result: _Result, args: argparse.Namespace) -> None:
    """Print an analysis `result` as `--output-format` says: text, or its `as_dict()` as JSON."""
    if args.output_format == "json":
        say(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        say(result)


def add_map(parser: argparse.ArgumentParser, *, many: bool = False) -> None:
    """The map read: `MAP` (`args.file`; with `many`, one or more: `args.files`).

    With it come the options that say how to read it (`add_reading_options`).
    """
    name, nargs = ("files", "+") if many else ("file", None)
    parser.add_argument(
        name,
        nargs=nargs,
        metavar="MAP",
        help="a map file: argmap JSON or YAML, AIF, Argdown (see --from)",
    )
    add_reading_options(parser)


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """`--from` and `--sources-root`, for the commands that read a map."""
    parser.add_argument(
        "--from",
        dest="input_format",
        choices=READABLE,
        metavar="FORMAT",
        help=f"the map's format ({', '.join(READABLE)}; default: from the file's suffix, "
        "a .json file's start telling argmap JSON from AIF)",
    )
    parser.add_argument(
        "--sources-root",
        metavar="DIR",
        help="read source texts only from inside DIR (symbolic links resolved); "
        "for maps you did not write (see docs/security.md)",
    )


def read_map(name: str, args: argparse.Namespace) -> Report:
    """Check the map file `name` with the reading options in `args`."""
    return check_file(name, format=args.input_format, sources_root=args.sources_root)


def write_output(
    prog: str,
    args: argparse.Namespace,
    data: bytes,
    *,
    keep: Sequence[str | os.PathLike[str]],
) -> int:
    """Write `data` to `args.output` (`-`: standard output) by argmap's output rules.

    A file written is named on stdout (`wrote OUT`). Returns the exit code: 0,
    or 2 after saying why the output was not written.
    """
    try:
        if args.output == STDOUT:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return Exit.OK
        write_atomic(args.output, data, keep=keep)
    except OSError as error:
        return fail(prog, _refusal(args.output, error, map_file=args.file), Exit.USAGE)
    say(f"wrote {args.output}")
    return Exit.OK


def say(text: object, *, error: bool = False) -> None:
    """Print a line to stdout (or stderr); a reader that went away silences the stream."""
    stream = sys.stderr if error else sys.stdout
    try:
        print(text, file=stream)
        stream.flush()
    except BrokenPipeError:
        silence(stream)


def silence(stream: TextIO) -> None:
    """Send what is still to be written to `stream` nowhere (its reader has gone)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def print_problems(problems: Sequence[Problem], *, quiet: bool, strict: bool = False) -> None:
    """Print `problems` to stderr, one a line; `quiet` leaves out warnings unless `strict`."""
    for problem in problems:
        if quiet and problem.severity is Severity.WARNING and not strict:
            continue
        say(problem, error=True)


def unreadable(name: str, error: BaseException) -> str:
    """Why the map file `name` could not be read, in a phrase (`cannot read: ...`).

    An error about another file (one argmap itself reads, say) names that file.
    """
    if not isinstance(error, OSError):
        return str(error)
    filename = None if error.filename is None else os.fsdecode(error.filename)
    other = filename is not None and os.path.abspath(filename) != os.path.abspath(name)
    where = f" {filename}" if other else ""
    if isinstance(error, FileNotFoundError):
        return f"cannot read{where}: no such file"
    if isinstance(error, IsADirectoryError) and not other:
        return "cannot read: it is a directory, not a map file"
    if isinstance(error, PermissionError):
        return f"cannot read{where}: permission denied"
    return f"cannot read{where}: {error.strerror or error}"


def _refusal(name: str, error: OSError, *, map_file: str) -> str:
    """Why the output `name` was not written, in a sentence."""
    if isinstance(error, OutputRefusedError) and error.kept is not None:
        what = "the input file" if error.kept == map_file else "a source text of the map,"
        alias = "" if os.path.normpath(error.kept) == os.path.normpath(name) else f" (as {name})"
        return f"refusing to overwrite {what} {error.kept}{alias}; choose another output"
    if isinstance(error, OutputRefusedError):
        return f"refusing to write {name}: {error.strerror}"
    return f"cannot write {name}: {error.strerror or error}"
