"""MkDocs hooks for argmap's documentation site (mkdocs.yml names this file).

- `index.md` is the README, its links turned into links within the site;
- repository files a page links to outside `docs/` (the schema, the seed text,
  the example map) are published under `files/`, so that every link resolves
  and `mkdocs build --strict` can refuse the ones that do not;
- `<!-- argmap-help -->` in a page becomes each command's `--help`, so the CLI
  reference is the parser's own text.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import posixpath
import re
from pathlib import Path
from typing import Any

__all__ = ["on_files", "on_page_markdown"]

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PUBLISHED = "files"
README_MARKER = "<!-- README -->"
HELP_MARKER = "<!-- argmap-help -->"

_LINK = re.compile(r"(\]\()([^)\s#]+)([^)]*\))")
log = logging.getLogger("mkdocs.plugins.argmap")


def _is_local(target: str) -> bool:
    return "://" not in target and not target.startswith(("mailto:", "/"))


def _repository_target(page_dir: Path, target: str) -> Path | None:
    """The repository file a relative link points at, when it lies outside docs/."""
    if not _is_local(target):
        return None
    path = (page_dir / target).resolve()
    if path.is_relative_to(DOCS) or not path.is_relative_to(ROOT):
        return None
    return path


def _linked_files(markdown: str, page_dir: Path) -> set[Path]:
    found = set()
    for match in _LINK.finditer(markdown):
        path = _repository_target(page_dir, match.group(2))
        if path is not None:
            found.add(path)
    return found


def _readme_as_index() -> str:
    # The README's links are written from the repository root.
    def relink(match: re.Match[str]) -> str:
        target = match.group(2)
        if _is_local(target) and target.startswith("docs/"):
            target = target.removeprefix("docs/")
        elif _is_local(target):
            target = posixpath.join(PUBLISHED, target)
        return f"{match.group(1)}{target}{match.group(3)}"

    return _LINK.sub(relink, (ROOT / "README.md").read_text(encoding="utf-8"))


def on_files(files: Any, config: Any) -> Any:
    """Publish the repository files that pages (and the README) link to."""
    from mkdocs.structure.files import File

    wanted = _linked_files((ROOT / "README.md").read_text(encoding="utf-8"), ROOT)
    for page in DOCS.rglob("*.md"):
        wanted |= _linked_files(page.read_text(encoding="utf-8"), page.parent)
    for path in sorted(wanted):
        if not path.is_file():
            log.warning("a page links to %s, which is not a file", path.relative_to(ROOT))
            continue
        uri = posixpath.join(PUBLISHED, path.relative_to(ROOT).as_posix())
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def _command_help() -> str:
    from argmap.cli import COMMANDS, main

    os.environ["COLUMNS"] = "88"
    parts = []
    for name in COMMANDS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            main([name, "--help"])
        parts.append(f"### `argmap {name}`\n\n```text\n{out.getvalue().rstrip()}\n```\n")
    return "\n".join(parts)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill the README and `--help` markers; point links outside docs/ at `files/`."""
    if README_MARKER in markdown:
        markdown = markdown.replace(README_MARKER, _readme_as_index())
    if HELP_MARKER in markdown:
        markdown = markdown.replace(HELP_MARKER, _command_help())
    page_dir = (DOCS / page.file.src_uri).parent

    def relink(match: re.Match[str]) -> str:
        path = _repository_target(page_dir, match.group(2))
        if path is None:
            return match.group(0)
        published = DOCS / PUBLISHED / path.relative_to(ROOT)
        target = os.path.relpath(published, page_dir).replace(os.sep, "/")
        return f"{match.group(1)}{target}{match.group(3)}"

    return _LINK.sub(relink, markdown)
