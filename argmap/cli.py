"""The `argmap` command: validate maps, print the schema, convert, render.

Exit codes: 0 all is well, 1 invalid input (or a failed render), 2 usage
errors and files that cannot be read. A person never sees a traceback for a
mistake in their input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .drawing import command as render_command
from .errors import ArgmapError, Problem, Severity
from .loader import check
from .schema import schema_text
from .syntax import FORMATS, format_for
from .writer import save_map

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
        "-q", "--quiet", action="store_true", help="print errors only, not warnings"
    )
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
    convert.add_argument("-o", "--output", required=True, metavar="OUTPUT")
    convert.add_argument("--to", choices=FORMATS, help="output format (default: from suffix)")
    convert.set_defaults(func=_convert)

    render_command.add_parser(commands)
    return parser


def _print_problems(problems: Sequence[Problem], *, quiet: bool) -> None:
    for problem in problems:
        if quiet and problem.severity is Severity.WARNING:
            continue
        print(problem, file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    results: list[dict[str, object]] = []
    status = EXIT_OK
    for name in args.files:
        try:
            report = check(name)
        except (OSError, ArgmapError) as error:
            message = _unreadable(name, error)
            if args.format == "json":
                results.append({"file": name, "valid": False, "error": message, "problems": []})
            else:
                print(f"{name}: {message}", file=sys.stderr)
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
            _print_problems(report.problems, quiet=args.quiet)
            if valid:
                assert report.map is not None
                nodes, relations = len(report.map.nodes), len(report.map.relations)
                warned = len(report.warnings)
                extra = f", {warned} warning{'s' if warned != 1 else ''}" if warned else ""
                print(f"{name}: valid ({nodes} nodes, {relations} relations{extra})")
            else:
                count = len(failing)
                print(
                    f"{name}: invalid ({count} problem{'s' if count != 1 else ''})",
                    file=sys.stderr,
                )
    if args.format == "json":
        print(json.dumps(results, indent=2, ensure_ascii=False))
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
    source, target = Path(args.file), Path(args.output)
    try:
        chosen = format_for(target.name, args.to)
        if target.exists() and os.path.samefile(source, target):
            print(
                f"argmap convert: refusing to overwrite the input file {args.file}; "
                "choose another OUTPUT",
                file=sys.stderr,
            )
            return EXIT_USAGE
        report = check(source)
    except (OSError, ArgmapError) as error:
        print(f"{args.file}: {_unreadable(args.file, error)}", file=sys.stderr)
        return EXIT_USAGE
    _print_problems(report.problems, quiet=False)
    if report.map is None:
        return EXIT_INVALID
    try:
        save_map(report.map, target, format=chosen, base=source.parent, keep=[source])
    except OSError as error:
        print(f"{args.output}: cannot write: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {args.output}")
    return EXIT_OK


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
        # A reader such as `head` went away; nothing left to say to it.
        sys.stderr.close()
        return EXIT_OK
    return code
