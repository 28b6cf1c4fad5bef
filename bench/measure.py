"""What the benchmarks share: timing by median, and writing a section of docs/performance.md."""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = [
    "ROOT",
    "baseline_parser",
    "child_json",
    "child_output",
    "median_seconds",
    "write_section",
]

ROOT = Path(__file__).resolve().parent.parent


def baseline_parser(doc: str, *, runs: int) -> argparse.ArgumentParser:
    """A benchmark's options: `--runs`, `--baseline` (another checkout) and `--write`."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--baseline", type=Path, help="another argmap checkout to time alongside")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    return parser


def child_output(command: list[str], **options: Any) -> str:
    """Run `command` in a fresh process (`options` as for `subprocess.run`); what it printed."""
    done = subprocess.run(command, check=True, capture_output=True, text=True, **options)
    output: str = done.stdout
    return output


def child_json(command: list[str], **options: Any) -> Any:
    """`child_output`, read as JSON."""
    return json.loads(child_output(command, **options))


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median time of `runs` calls of `action`, each after a full collection."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def write_section(heading: str, body: str) -> None:
    """Replace the section `heading` (`## ...`) of docs/performance.md with `body`."""
    path = ROOT / "docs" / "performance.md"
    text = path.read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    rest = "" if end < 0 else text[end:]
    path.write_text(text[:start] + body.rstrip() + "\n" + rest, encoding="utf-8")
