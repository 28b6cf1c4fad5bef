"""The `argmap` command: validate maps, print the schema, convert, render.

Exit codes: 0 all is well, 1 invalid input (or a failed render), 2 usage
errors and files that cannot be read. A person never sees a traceback for a
mistake in their input.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from ._sources import base_of, source_files
from .atomic import OutputRefusedError, check_output, write_atomic
from .drawing import command as render_command
from .errors import ArgmapError, Problem, Severity
from .loader import Report, check
from .page import command as report_command
from .schema import schema_text
from .syntax import FORMATS, format_for
from .writer import encode_map

STDOUT = "-"
"""The output name that means standard output."""

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Validate, convert and draw argument maps.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check map files and print every problem found",
        description="Check map files against the schema and argmap's rules; print one "
        "problem a line (file:line:col: code $.path: message).",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="a .json, .yaml or .yml map")
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="how to print problems (json: one array of objects, for machines)",
    )
    validate.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on any)"
    )
    validate.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print errors only, not warnings (with --strict: the failing warnings too)",
    )
    add_reading_options(validate)
    validate.set_defaults(func=_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the file format",
        description="Print the published JSON Schema (Draft 2020-12) of the argmap file format.",
    )
    schema.set_defaults(func=_schema)

    convert = commands.add_parser(
        "convert",
        help="rewrite a map as JSON or YAML",
        description="Load and check a map, then write it in the format of OUTPUT's suffix "
        "(with quote offsets filled in).",
    )
    convert.add_argument("file", metavar="FILE")
    convert.add_argument(
        "-o", "--output", required=True, metavar="OUTPUT", help="the file to write; - for stdout"
    )
    convert.add_argument("--to", choices=FORMATS, help="output format (default: from suffix)")
    add_reading_options(convert)
    convert.set_defaults(func=_convert)

    render_command.add_parser(commands)
    report_command.add_parser(commands)
    return parser


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """`--from` and `--sources-root`, for the commands that read a map."""
    parser.add_argument(
        "--from",
        dest="input_format",
        choices=FORMATS,
        metavar="FORMAT",
        help=f"the map's format ({', '.join(FORMATS)}; default: from the file's suffix)",
    )
    parser.add_argument(
        "--sources-root",
        metavar="DIR",
        help="read source texts only from inside DIR (symbolic links resolved); "
        "for maps you did not write (see docs/security.md)",
    )


def read_map(name: str, args: argparse.Namespace) -> Report:
    """Check the map file `name` with the reading options in `args`."""
    return check(name, format=args.input_format, sources_root=args.sources_root)


def keep_for(name: str, report: Report) -> list[str | os.PathLike[str]]:
    """The files an output must never be: the map read and its sources."""
    kept: list[str | os.PathLike[str]] = [name]
    if report.map is not None:
        kept += source_files(report.map, base_of(report.map))
    return kept


def write_output(name: str, data: bytes, *, keep: Sequence[str | os.PathLike[str]]) -> None:
    """Write `data` to the output `name` (`-`: standard output) by argmap's output rules."""
    if name == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_atomic(name, data, keep=keep)


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


def _print_problems(problems: Sequence[Problem], *, quiet: bool, strict: bool = False) -> None:
    for problem in problems:
        if quiet and problem.severity is Severity.WARNING and not strict:
            continue
        say(problem, error=True)


def _validate(args: argparse.Namespace) -> int:
    results: list[dict[str, object]] = []
    status = EXIT_OK
    for name in args.files:
        try:
            report = read_map(name, args)
        except (OSError, ArgmapError) as error:
            message = _unreadable(name, error)
            if args.format == "json":
                results.append({"file": name, "valid": False, "error": message, "problems": []})
            else:
                say(f"{name}: {message}", error=True)
            status = max(status, EXIT_USAGE)
            continue
        failing = report.problems if args.strict else report.errors
        valid = not failing
        if not valid:
            status = max(status, EXIT_INVALID)
        if args.format == "json":
            results.append(
                {
                    "file": name,
                    "valid": valid,
                    "problems": [p.to_dict() for p in report.problems],
                }
            )
        else:
            _print_problems(report.problems, quiet=args.quiet, strict=args.strict)
            if valid:
                assert report.map is not None
                nodes, relations = len(report.map.nodes), len(report.map.relations)
                warned = len(report.warnings)
                extra = f", {warned} warning{'s' if warned != 1 else ''}" if warned else ""
                say(f"{name}: valid ({nodes} nodes, {relations} relations{extra})")
            else:
                count = len(failing)
                say(f"{name}: invalid ({count} problem{'s' if count != 1 else ''})", error=True)
    if args.format == "json":
        # The verdict is the exit code, whether or not a reader takes it all.
        say(json.dumps(results, indent=2, ensure_ascii=False))
    return status


def _unreadable(name: str, error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return "cannot read: no such file"
    if isinstance(error, IsADirectoryError):
        return "cannot read: it is a directory, not a map file"
    if isinstance(error, PermissionError):
        return "cannot read: permission denied"
    if isinstance(error, OSError):
        return f"cannot read: {error.strerror or error}"
    return str(error)


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    try:
        chosen = format_for(Path(args.output).name, args.to)
    except ArgmapError as error:
        say(f"argmap convert: {error}", error=True)
        return EXIT_USAGE
    try:
        if args.output != STDOUT:
            check_output(args.output, keep=[args.file])
    except OSError as error:
        say(f"argmap convert: {refusal(args.output, error, map_file=args.file)}", error=True)
        return EXIT_USAGE
    try:
        report = read_map(args.file, args)
    except (OSError, ArgmapError) as error:
        say(f"{args.file}: {_unreadable(args.file, error)}", error=True)
        return EXIT_USAGE
    _print_problems(report.problems, quiet=False)
    if report.map is None:
        return EXIT_INVALID
    destination = Path.cwd() / STDOUT if args.output == STDOUT else args.output
    data = encode_map(report.map, format=chosen, base=base_of(report.map), destination=destination)
    try:
        write_output(args.output, data, keep=keep_for(args.file, report))
    except OSError as error:
        say(f"argmap convert: {refusal(args.output, error, map_file=args.file)}", error=True)
        return EXIT_USAGE
    if args.output != STDOUT:
        say(f"wrote {args.output}")
    return EXIT_OK


def refusal(name: str, error: OSError, *, map_file: str) -> str:
    """Why the output `name` was not written, in a sentence."""
    if isinstance(error, OutputRefusedError) and error.kept is not None:
        what = "the input file" if error.kept == map_file else "a source text of the map,"
        alias = "" if os.path.normpath(error.kept) == os.path.normpath(name) else f" (as {name})"
        return f"refusing to overwrite {what} {error.kept}{alias}; choose another output"
    if isinstance(error, OutputRefusedError):
        return f"refusing to write {name}: {error.strerror}"
    return f"cannot write {name}: {error.strerror or error}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: `sys.argv[1:]`); return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return int(exit.code or 0)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # A reader such as `head` went away before the output was all written:
        # not a success. (validate keeps its verdict: it never gets here.)
        silence(sys.stdout)
        return EXIT_USAGE
    return code
