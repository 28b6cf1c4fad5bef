"""The `argmap` command: one module per command, each with `add_parser` and `run`.

Exit codes: 0 all is well, 1 invalid input (or a failed render), 2 usage
errors and files that cannot be read. Nothing in argmap imports this package:
the command line sits on top of the library.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import ModuleType

from .. import __version__
from ._common import EXIT_USAGE, silence

__all__ = ["COMMANDS", "main"]

# One line registers a command: its module's name, in the order `--help` lists them.
COMMANDS: tuple[ModuleType, ...] = tuple(
    importlib.import_module(f"{__name__}.{name}")
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
)
"""The command modules; each has `add_parser(subparsers)` (setting `func=run`) and `run(args)`."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Validate, convert and draw argument maps.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
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
        return EXIT_USAGE
    return code
