"""Argdown import: real Argdown agrees with Argdown's own parser; bad input is located."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import RelationKind
from argmap.formats import argdown
from argmap.strategies import argument_maps
from tests.test_argdown import ARGDOWN

CONSTRUCTS = Path(__file__).resolve().parent / "argdown" / "constructs.argdown"

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


def _agrees(m: argmap.ArgumentMap, reference: dict[str, Any]) -> None:
    """`m` has Argdown's statements, arguments, texts, tags and relations (documented rules)."""
    names = _names(m)
    assert {t for k, t in names if k == "s"} == set(reference["statements"])
    assert {t for k, t in names if k == "a"} == set(reference["arguments"])
    for kind, group in (("s", reference["statements"]), ("a", reference["arguments"])):
        for title, thing in group.items():
            node = m.node(names[(kind, title)])
            expected = _text(_canonical(thing["members"])) or title
            assert node.text == expected, title
            assert list(node.tags) == thing.get("tags", []), title
    derived = set(m.metadata.get("argdown", {}).get("derived", []))

    def end(title: str, type: str) -> str:
        return names[("a" if type == "argument" else "s", title)]

    theirs = set()
    for r in reference["relations"]:
        if r["relationType"] not in ("support", "attack", "contradictory"):
            continue
        source, target = end(r["from"], r["fromType"]), end(r["to"], r["toType"])
        if r["relationType"] == "support":
            theirs.add((source, target, RelationKind.SUPPORTS))
        elif r["relationType"] == "attack":
            theirs.add((source, target, RelationKind.ATTACKS))
        else:
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
    # Undercuts of a statement cannot be represented (a counted warning says so).
    undercutters = {
        end(r["from"], r["fromType"])
        for r in reference["relations"]
        if r["relationType"] == "undercut" and r["toType"] != "equivalence-class"
    }
    assert {r.source for r in m.relations if r.kind is RelationKind.UNDERCUTS} == undercutters


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_shared_corpus_agrees_with_argdowns_own_export(path: Path) -> None:
    m, reference = _read(path)
    _agrees(m, reference)


def _argdown_json(tmp_path: Path, texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Argdown's own JSON export (`argdown json`) of each text, by name."""
    assert ARGDOWN is not None
    for name, text in texts.items():
        (tmp_path / f"{name}.argdown").write_text(text, encoding="utf-8")
    subprocess.run(
        [ARGDOWN, "json", "*.argdown", "out"],
        cwd=tmp_path,
        check=True,
        timeout=300,
        capture_output=True,
    )
    return {
        name: json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))
        for name in texts
    }


needs_argdown = pytest.mark.skipif(
    ARGDOWN is None, reason="Argdown's CLI (npm @argdown/cli) is not installed"
)


@needs_argdown
def test_every_construct_agrees_with_argdowns_own_export(tmp_path: Path) -> None:
    text = CONSTRUCTS.read_text(encoding="utf-8")
    reference = _argdown_json(tmp_path, {"constructs": text})["constructs"]
    _agrees(argdown.loads(text), reference)


@needs_argdown
@settings(max_examples=1, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(argument_maps(max_nodes=8), min_size=15, max_size=15))
def test_argdown_reads_argmaps_export_as_argmap_does(maps: list[argmap.ArgumentMap]) -> None:
    # One run of Argdown's CLI for a batch of exported maps, hostile texts and all.
    with tempfile.TemporaryDirectory() as folder:
        texts = {f"m{i}": argdown.dumps(m) for i, m in enumerate(maps)}
        references = _argdown_json(Path(folder), texts)
    for name, text in texts.items():
        _agrees(argdown.loads(text), references[name])
