"""Headless Chromium (Debian's `chromium`): an HTML page printed to PDF, or a screenshot of it."""

from __future__ import annotations

import numbers
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import RenderError

__all__ = ["CHROMIUM_FLAGS", "find_chromium", "html_to_pdf", "html_to_png"]

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # as root Chromium's sandbox refuses to start; the page is our own
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
)
"""Flags for a quiet, offline headless Chromium that also runs as root."""

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The Chromium to use: `$ARGMAP_CHROMIUM`, else the first of chromium, chromium-browser,
    google-chrome on PATH; None if there is none."""
    chosen = os.environ.get("ARGMAP_CHROMIUM")
    if chosen:
        return shutil.which(chosen)
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(page: str, *, timeout: float = 120.0) -> bytes:
    """`page` (a self-contained HTML document) printed to PDF by headless Chromium.

    Args:
        page: the HTML document, e.g. from `to_report`.
        timeout: seconds Chromium may take.

    Returns:
        The PDF's bytes.

    Raises:
        RenderError: Chromium is missing, fails, or takes longer than `timeout`.
    """
    return _run(page, "report.pdf", ["--no-pdf-header-footer"], "--print-to-pdf", timeout)


_MOST_PIXELS = 16_384  # a generous bound on a window's side: more is surely a mistake


def html_to_png(
    page: str, *, size: tuple[int, int] = (1400, 820), fragment: str = "", timeout: float = 120.0
) -> bytes:
    """A screenshot (PNG) of `page` in a `size` window, opened at `#fragment` if given.

    The interactive page reads `#node=ID` to start with that node chosen.
    Raises `RenderError` as `html_to_pdf`; `TypeError` or `ValueError` for a
    `size` that is not two ints from 1 to 16,384.
    """
    if (
        isinstance(size, str | bytes)
        or not isinstance(size, Sequence)
        or len(size) != 2
        or not all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in size)
    ):
        raise TypeError(f"size must be (width, height), two ints, got {size!r}")
    width, height = size
    if not (0 < width <= _MOST_PIXELS and 0 < height <= _MOST_PIXELS):
        raise ValueError(f"size must be 1 to {_MOST_PIXELS} pixels each way, got {size!r}")
    extra = [f"--window-size={width},{height}", "--hide-scrollbars", "--virtual-time-budget=2000"]
    return _run(page, "page.png", extra, "--screenshot", timeout, fragment=fragment)


def _run(
    page: str, name: str, extra: list[str], option: str, timeout: float, *, fragment: str = ""
) -> bytes:
    chromium = find_chromium()
    if chromium is None:
        raise RenderError(
            "this needs Chromium, which was not found on PATH "
            "(apt-get install chromium, or set ARGMAP_CHROMIUM); write .html instead"
        )
    with tempfile.TemporaryDirectory(prefix="argmap-chromium-") as folder:
        where = Path(folder)
        source, target = where / "page.html", where / name
        source.write_text(page, encoding="utf-8")
        url = source.as_uri() + (f"#{fragment}" if fragment else "")
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={where / 'profile'}",
            *extra,
            f"{option}={target}",
            url,
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=timeout, check=False, cwd=folder
            )
        except subprocess.TimeoutExpired:
            raise RenderError(f"Chromium took more than {timeout:g} s") from None
        except OSError as error:
            raise RenderError(f"cannot run Chromium ({chromium}): {error}") from None
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise RenderError(
                f"Chromium could not write {name} (exit {done.returncode}): " + " | ".join(tail)
            )
        return target.read_bytes()
