"""Argdown export, read back by Argdown's own parser (`argdown json`) when it is installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.formats import argdown
from argmap.formats.argdown import _Ids
from argmap.strategies import HOSTILE_CHARACTERS, argument_maps

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


def _after_round_trip(m: argmap.ArgumentMap) -> dict[str, object]:
    """What argmap → Argdown → argmap keeps of `m`, by the losses docs/interchange.md lists."""

    def tags(node: argmap.Node) -> list[str]:
        kept = [t.replace(")", "").replace("\r", " ").replace("\n", " ") for t in node.tags]
        return list(dict.fromkeys(t for t in kept if t.strip()))

    used = dict.fromkeys(n.section for n in m.nodes if n.section is not None)
    titles = {s.id: " ".join(s.title.split()) for s in m.sections}
    return {
        "title": m.title,
        "description": m.description,
        "sources": m.sources,
        "sections": [(s, titles[s]) for s in used],
        "nodes": sorted(
            (
                n.id,
                n.kind,
                " ".join(n.text.split()),
                n.section,
                tags(n),
                n.attribution,
                n.quotes,
                n.base_score,
            )
            for n in m.nodes
        ),
        "relations": sorted(
            {
                (r.source, r.target, r.kind)
                for r in m.relations
                if r.kind is not argmap.RelationKind.UNDERCUTS
            }
        ),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_argmap_argdown_argmap_keeps_what_argdown_can_hold(m: argmap.ArgumentMap) -> None:
    report = argdown.check_text(argdown.dumps(m))
    assert report.map is not None, [str(p) for p in report.errors]
    assert _after_round_trip(report.map) == _after_round_trip(m)
    assert report.map.metadata == {}
    assert not [p for p in report.problems if p.code.startswith("argdown-")]


def test_ids_up_to_the_longest_come_back_as_they_were() -> None:
    # Ids of 101 to 128 characters were cut to 100 on the way back, and collided.
    long = [("n" * 100) + "x", "n" * 127, "n" * 128, ("n" * 127) + "b"]
    nodes = [argmap.Node(id=i, kind="claim", text=f"Claim {n}.") for n, i in enumerate(long)]
    m = argmap.ArgumentMap(title="Long ids", nodes=tuple(nodes))
    back = argdown.loads(argdown.dumps(m))
    assert [n.id for n in back.nodes] == long
    # A repeat is numbered within the longest id the format takes.
    ids = _Ids()
    first, second = ids.make("z" * 128, "s"), ids.make("z" * 128, "s")
    assert (first, second) == ("z" * 128, "z" * 126 + "-2")
    assert re.fullmatch(argmap.model.ID_PATTERN, second)


def test_quotes_and_sources_come_back_anchored(tmp_path: Path) -> None:
    m = argmap.load(NATO)
    out = tmp_path / "deeper" / "nato.argdown"
    out.parent.mkdir()
    argdown.dump(m, out)  # source paths rewritten to stay reachable from `out`
    back = argdown.load(out)
    assert back.sources[0].path != m.sources[0].path
    assert [n.quotes for n in back.nodes if n.quotes] == [n.quotes for n in m.nodes if n.quotes]
    assert all(q.anchored for n in back.nodes for q in n.quotes)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(max_nodes=8), st.data())
def test_titles_from_metadata_never_merge_or_break_nodes(
    m: argmap.ArgumentMap, data: st.DataObject
) -> None:
    # Argdown titles kept by an import (or put in metadata by hand) are used where
    # Argdown reads them back as titles, unique; else the node's id stands.
    ids = [n.id for n in m.nodes]
    hostile = st.text(alphabet=HOSTILE_CHARACTERS + "ab", min_size=1, max_size=10)
    titles = {i: data.draw(hostile) for i in ids if data.draw(st.booleans())}
    arguments = [i for i in ids if data.draw(st.booleans())]
    m = attrs.evolve(m, metadata={"argdown": {"titles": titles, "arguments": arguments}})
    back = argdown.check_text(argdown.dumps(m)).unwrap()
    assert len(back.nodes) == len(m.nodes)
    assert sorted(" ".join(n.text.split()) for n in back.nodes) == sorted(
        " ".join(n.text.split()) for n in m.nodes
    )


@pytest.mark.parametrize("rules", [5, None, "ab", {"r": 1}])
def test_inference_rules_of_another_shape_are_written_as_if_absent(rules: object) -> None:
    def made(step: dict[str, object]) -> argmap.ArgumentMap:
        return argmap.from_dict(
            {
                "argmap": "1.1",
                "title": "t",
                "nodes": [
                    {"id": "A", "kind": "claim", "text": "a"},
                    {"id": "p", "kind": "evidence", "text": "p"},
                    {"id": "c", "kind": "claim", "text": "c"},
                ],
                "relations": [
                    {"id": "d1", "from": "p", "to": "A", "kind": "supports"},
                    {"id": "d2", "from": "A", "to": "c", "kind": "supports"},
                ],
                "metadata": {
                    "argdown": {
                        "arguments": ["A"],
                        "derived": ["d1", "d2"],
                        "inferences": {"A": [step]},
                    }
                },
            }
        )

    assert argdown.dumps(made({"rules": rules})) == argdown.dumps(made({}))
