"""Argdown export, read back by Argdown's own parser (`argdown json`) when it is installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap.formats import argdown

NATO = Path(__file__).resolve().parents[1] / "examples" / "nato_indo_pacific" / "map.yaml"
_LOCAL = (
    Path(__file__).resolve().parents[1] / ".venv" / "node" / "node_modules" / ".bin" / "argdown"
)
ARGDOWN = (
    os.environ.get("ARGDOWN")
    or (str(_LOCAL) if _LOCAL.exists() else None)
    or shutil.which("argdown")
)


def test_statements_relations_and_the_undercut_count() -> None:
    m = argmap.load(NATO)
    text = argdown.dumps(m)
    assert text.startswith("===\ntitle: ")
    for node in m.nodes:
        assert f"[{node.id}]: " in text
    undercuts = sum(1 for r in m.relations if r.kind is argmap.RelationKind.UNDERCUTS)
    assert f"// argmap: {undercuts} undercuts not written" in text


@pytest.mark.skipif(ARGDOWN is None, reason="Argdown's CLI (npm @argdown/cli) is not installed")
def test_argdown_reads_back_what_argmap_writes(tmp_path: Path) -> None:
    m = argmap.load(NATO)
    (tmp_path / "m.argdown").write_text(argdown.dumps(m), encoding="utf-8")
    assert ARGDOWN is not None
    subprocess.run([ARGDOWN, "json", "m.argdown", "."], cwd=tmp_path, check=True, timeout=120)
    exported = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    statements = exported["statements"]
    assert set(statements) == {n.id for n in m.nodes}
    for node in m.nodes:
        member = statements[node.id]["members"][0]
        assert member["text"].startswith(node.text)
        assert member["data"]["kind"] == node.kind.value
        assert member.get("tags", []) == list(node.tags)
    ours = sorted(
        (r.source, "support" if r.kind is argmap.RelationKind.SUPPORTS else "attack", r.target)
        for r in m.relations
        if r.kind is not argmap.RelationKind.UNDERCUTS
    )
    theirs = sorted((r["from"], r["relationType"], r["to"]) for r in exported["relations"])
    assert theirs == ours
