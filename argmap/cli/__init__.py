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

from ._common import Exit, silence

__all__ = ["COMMANDS", "Command", "command", "main"]


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
COMMANDS: tuple[str, ...] = (
    "validate",
    "schema",
    "convert",
    "render",
    "evaluate",
    "lint",
    "diff",
    "report",
)
"""The commands' names; each names a module of this package that is a `Command`."""


def command(name: str) -> Command:
    """The module of the command `name` (one of `COMMANDS`), imported on first use."""
    return cast(Command, importlib.import_module(f"{__name__}.{name}"))


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Validate, convert and draw argument maps.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # A command's module (and all it imports) is loaded only when it runs, or
    # when a listing or a mistake needs every command's line; `--version`
    # needs none (argparse acts on it before it asks for a command).
    first = argv[0] if argv else None
    names = (first,) if first in COMMANDS else () if first == "--version" else COMMANDS
    for name in names:
        module = command(name)
        summary, _, description = inspect.cleandoc(module.__doc__ or "").partition("\n")
        help = summary.removeprefix(f"`argmap {name}`: ").removesuffix(".")
        sub = subparsers.add_parser(name, help=help, description=description.strip())
        sub.set_defaults(func=module.run)
        module.add_arguments(sub)
    return parser


class _Version(argparse.Action):
    """`--version`: the installed version, read from the metadata only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from .. import __version__

        print(f"argmap {__version__}")  # on standard output, as argparse's own action does
        parser.exit()


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
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(arguments)
    try:
        args = parser.parse_args(arguments)
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
