"""`argmap validate`: check map files and print every problem found.

Check map files against the schema and argmap's rules; print one problem a
line (file:line:col: code $.path: message).
"""

from __future__ import annotations

import argparse
import json

from .._wording import plural
from ..errors import ArgmapError
from ._common import Exit, add_map, add_output_format, print_problems, read_map, say, unreadable

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `argmap validate`'s arguments to its `parser`."""
    add_map(parser, many=True)
    add_output_format(
        parser,
        help="how to print problems (json: one array of objects, for machines)",
        old="--format",
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on any)"
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print errors only, not warnings (with --strict: the failing warnings too)",
    )


def run(args: argparse.Namespace) -> int:
    """Carry out `argmap validate` as parsed into `args`; the exit code (0, 1 or 2)."""
    results: list[dict[str, object]] = []
    status = Exit.OK
    for name in args.files:
        try:
            report = read_map(name, args)
        except (OSError, ArgmapError) as error:
            message = unreadable(name, error)
            if args.output_format == "json":
                results.append({"file": name, "valid": False, "error": message, "problems": []})
            else:
                say(f"{name}: {message}", error=True)
            status = max(status, Exit.USAGE)
            continue
        failing = report.problems if args.strict else report.errors
        valid = not failing
        if not valid:
            status = max(status, Exit.INVALID)
        if args.output_format == "json":
            results.append(
                {
                    "file": name,
                    "valid": valid,
                    "problems": [p.to_dict() for p in report.problems],
                }
            )
        else:
            print_problems(report.problems, quiet=args.quiet, strict=args.strict)
            if valid:
                assert report.map is not None
                counts = [
                    plural(len(report.map.nodes), "node"),
                    plural(len(report.map.relations), "relation"),
                ]
                if report.warnings:
                    counts.append(plural(len(report.warnings), "warning"))
                say(f"{name}: valid ({', '.join(counts)})")
            else:
                say(f"{name}: invalid ({plural(len(failing), 'problem')})", error=True)
    if args.output_format == "json":
        # The verdict is the exit code, whether or not a reader takes it all.
        say(json.dumps(results, indent=2, ensure_ascii=False))
    return status
