"""The `argmap` command: one module per command (see `Command`), parsers built here.

Exit codes: 0 all is well, 1 invalid input (or a failed render), 2 usage
errors and files that cannot be read. Nothing in argmap imports this package:
the command line sits on top of the library.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import io
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Protocol, cast

from .. import __version__
from ._common import Exit, silence

__all__ = ["COMMANDS", "Command", "main"]


class Command(Protocol):
    """What a command module holds: `add_arguments` and `run`; its docstring is its help.

    The docstring's first line, "`argmap NAME`: what it does.", gives the
    command's line in `argmap --help` (what it does); the paragraphs after it
    are what `argmap NAME --help` says first.
    """

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add the command's arguments to its `parser` (`_common.add_map` for a map read)."""

    def run(self, args: argparse.Namespace) -> int:
        """Carry out the command as parsed into `args`; the exit code."""


# One line registers a command: its module's name, in the order `--help` lists them.
COMMANDS: dict[str, Command] = {
    name: cast(Command, importlib.import_module(f"{__name__}.{name}"))
    for name in (
        "validate",
        "schema",
        "convert",
        "render",
        "evaluate",
        "lint",
        "diff",
        "report",
    )
}
"""The commands by name, each a module that is a `Command`."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Validate, convert and draw argument maps.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        summary, _, description = inspect.cleandoc(command.__doc__ or "").partition("\n")
        help = summary.removeprefix(f"`argmap {name}`: ").removesuffix(".")
        sub = subparsers.add_parser(name, help=help, description=description.strip())
        sub.set_defaults(func=command.run)
        command.add_arguments(sub)
    return parser


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like KeyboardInterrupt, so child processes are ended."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def _terminate_by_exception() -> Iterator[None]:
    # Only the main thread may set handlers; elsewhere (a library calling main
    # from a thread) the process keeps its own.
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: `sys.argv[1:]`); return the exit code."""
    for stream in (sys.stdout, sys.stderr):
        # File names that are not UTF-8 reach Python as lone surrogates; a
        # strict stream (PYTHONIOENCODING=utf-8) would fail on printing them.
        if getattr(stream, "errors", None) == "strict" and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return int(exit.code or 0)
    try:
        with _terminate_by_exception():
            code: int = args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Terminated:
        # Raised inside subprocess.run, which kills and reaps its child (Graphviz) first.
        print("terminated", file=sys.stderr)
        return 128 + signal.SIGTERM
    except BrokenPipeError:
        # A reader such as `head` went away before the output was all written:
        # not a success. (validate keeps its verdict: it never gets here.)
        silence(sys.stdout)
        return Exit.USAGE
    return code
