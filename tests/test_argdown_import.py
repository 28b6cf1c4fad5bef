"""Argdown import: real Argdown agrees with Argdown's own parser; bad input is located."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import RelationKind
from argmap.formats import argdown

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "argdown"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpora/argdown")
FILES = sorted(CORPUS.glob("*.argdown")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(
    not FILES, reason=f"the shared Argdown corpus is not at {CORPUS} (it is not in the repository)"
)


def _canonical(members: list[dict[str, Any]]) -> dict[str, Any] | None:
    # Argdown's rule: the last member that is not a mere reference (or one marked isCanonical).
    real = [m for m in members if not m.get("isReference")]
    marked = [m for m in real if (m.get("data") or {}).get("isCanonical")]
    return (marked or real or [None])[-1]


def _text(member: dict[str, Any] | None) -> str:
    """The reference text with the tags that end it taken off, as the import documents."""
    if member is None:
        return ""
    text: str = member.get("text", "")
    end = len(text.rstrip())
    spans = [(r["start"], r["stop"] + 1) for r in member.get("ranges", []) if r["type"] == "tag"]
    moved = True
    while moved:
        moved = False
        for start, stop in spans:
            if start < end and len(text[:stop].rstrip()) == end:
                end, moved = len(text[:start].rstrip()), True
    return text[:end].strip()


def _read(path: Path) -> tuple[argmap.ArgumentMap, dict[str, Any]]:
    report = argdown.check_text(path.read_bytes(), file=str(path))
    assert report.map is not None, [str(p) for p in report.problems]
    reference = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return report.map, reference


def _names(m: argmap.ArgumentMap) -> dict[tuple[str, str], str]:
    """(\"s\" or \"a\", Argdown title) -> argmap id."""
    meta = m.metadata.get("argdown", {})
    titles = meta.get("titles", {})
    arguments = set(meta.get("arguments", []))
    return {("a" if n.id in arguments else "s", titles.get(n.id, n.id)): n.id for n in m.nodes}


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_statements_and_arguments_agree_with_argdown(path: Path) -> None:
    m, reference = _read(path)
    names = _names(m)
    assert {t for k, t in names if k == "s"} == set(reference["statements"])
    assert {t for k, t in names if k == "a"} == set(reference["arguments"])
    for kind, group in (("s", reference["statements"]), ("a", reference["arguments"])):
        for title, thing in group.items():
            node = m.node(names[(kind, title)])
            expected = _text(_canonical(thing["members"])) or title
            assert node.text == expected, title
            assert list(node.tags) == thing.get("tags", []), title


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_supports_and_attacks_agree_with_argdown(path: Path) -> None:
    m, reference = _read(path)
    names = _names(m)
    derived = set(m.metadata.get("argdown", {}).get("derived", []))

    def end(title: str, type: str) -> str:
        return names[("a" if type == "argument" else "s", title)]

    theirs = set()
    for r in reference["relations"]:
        source, target = end(r["from"], r["fromType"]), end(r["to"], r["toType"])
        if r["relationType"] in ("support", "attack"):
            kind = RelationKind.SUPPORTS if r["relationType"] == "support" else RelationKind.ATTACKS
            theirs.add((source, target, kind))
        elif r["relationType"] == "contradictory":
            theirs |= {
                (source, target, RelationKind.ATTACKS),
                (target, source, RelationKind.ATTACKS),
            }
    ours = {
        (r.source, r.target, r.kind)
        for r in m.relations
        if r.kind is not RelationKind.UNDERCUTS and r.id not in derived
    }
    assert ours == theirs
    undercutters = {
        end(r["from"], r["fromType"])
        for r in reference["relations"]
        if r["relationType"] == "undercut"
    }
    assert {r.source for r in m.relations if r.kind is RelationKind.UNDERCUTS} == undercutters
