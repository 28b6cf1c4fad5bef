"""Printing an HTML page to PDF with headless Chromium (Debian's `chromium`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import RenderError

__all__ = ["CHROMIUM_FLAGS", "find_chromium", "html_to_pdf"]

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

    Raises `RenderError` when Chromium is missing, fails or takes longer than `timeout` s.
    """
    chromium = find_chromium()
    if chromium is None:
        raise RenderError(
            "writing PDF needs Chromium, which was not found on PATH "
            "(apt-get install chromium, or set ARGMAP_CHROMIUM); write .html instead"
        )
    with tempfile.TemporaryDirectory(prefix="argmap-pdf-") as folder:
        where = Path(folder)
        source, target = where / "report.html", where / "report.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={where / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=timeout, check=False, cwd=folder
            )
        except subprocess.TimeoutExpired:
            raise RenderError(f"Chromium took more than {timeout:g} s to print the PDF") from None
        except OSError as error:
            raise RenderError(f"cannot run Chromium ({chromium}): {error}") from None
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise RenderError(
                f"Chromium could not print the PDF (exit {done.returncode}): " + " | ".join(tail)
            )
        return target.read_bytes()
