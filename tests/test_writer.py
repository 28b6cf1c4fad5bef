"""Writing maps: deterministic text, exact round trips, atomic saves."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, Node, Relation
from tests.conftest import NATO_MAP


def tiny() -> ArgumentMap:
    return ArgumentMap(
        title="Tiny",
        nodes=[
            Node(id="c", kind="claim", text="Cats are good company.", tags=["pets"]),
            Node(id="e", kind="evidence", text='They purr: "prrr" & <relax>.'),
        ],
        relations=[Relation(source="e", target="c", kind="supports")],
    )


def test_to_dict_writes_the_file_format_with_defaults_left_out() -> None:
    assert argmap.to_dict(tiny()) == {
        "argmap": "1.1",
        "title": "Tiny",
        "nodes": [
            {"id": "c", "kind": "claim", "text": "Cats are good company.", "tags": ["pets"]},
            {"id": "e", "kind": "evidence", "text": 'They purr: "prrr" & <relax>.'},
        ],
        "relations": [{"from": "e", "to": "c", "kind": "supports"}],
    }


def test_relation_fields_come_in_reading_order() -> None:
    m = tiny().with_relation(Relation(source="c", target="e", kind="supports", id="r"))
    assert list(argmap.to_dict(m)["relations"][1]) == ["id", "from", "to", "kind"]


@pytest.mark.parametrize("format", ["json", "yaml"])
def test_dumps_is_deterministic_and_round_trips(format: str) -> None:
    text = argmap.dumps(tiny(), format=format)  # type: ignore[arg-type]
    assert text == argmap.dumps(tiny(), format=format)  # type: ignore[arg-type]
    assert argmap.loads(text, format=format) == tiny()  # type: ignore[arg-type]


def test_json_output_is_readable_unicode_with_a_final_newline() -> None:
    m = tiny().with_node(Node(id="u", kind="claim", text="NATO’s “turn” — 中文"))
    text = argmap.dumps(m, format="json")
    assert "NATO’s “turn” — 中文" in text
    assert text.endswith("}\n")
    assert json.loads(text)["argmap"] == "1.1"


def test_the_nato_map_round_trips_through_both_formats(tmp_path: Path) -> None:
    m = argmap.load(NATO_MAP)
    for suffix in (".json", ".yaml"):
        copy = NATO_MAP.parent / f".roundtrip-test{suffix}"
        try:
            argmap.dump(m, copy)
            assert argmap.load(copy) == m
        finally:
            copy.unlink(missing_ok=True)


def test_dump_picks_the_format_from_the_suffix(tmp_path: Path) -> None:
    argmap.dump(tiny(), tmp_path / "m.json")
    assert json.loads((tmp_path / "m.json").read_text("utf-8"))["title"] == "Tiny"
    argmap.dump(tiny(), tmp_path / "m.yml")
    assert (tmp_path / "m.yml").read_text("utf-8").startswith("argmap: '1.1'\n")
    with pytest.raises(argmap.FormatError):
        argmap.dump(tiny(), tmp_path / "m.txt")
    assert not (tmp_path / "m.txt").exists()


def test_a_failed_save_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.yaml"
    target.write_text("old contents", encoding="utf-8")

    def broken_replace(src: str, dst: str, **folders: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        argmap.dump(tiny(), target)
    assert target.read_text(encoding="utf-8") == "old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml"]


def test_saving_keeps_an_existing_files_permissions(tmp_path: Path) -> None:
    target = tmp_path / "m.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    argmap.dump(tiny(), target)
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "new.yaml"
    argmap.dump(tiny(), fresh)
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


def test_saving_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    argmap.dump(tiny(), link)
    assert link.is_symlink()
    assert argmap.load(real) == tiny()


def test_json_text_is_exactly_json_dumps_of_to_dict() -> None:
    # The text `dumps` has always written, and what bench/bench_load.py compares it with.
    m = argmap.load(NATO_MAP)
    expected = json.dumps(argmap.to_dict(m), ensure_ascii=False, indent=2) + "\n"
    assert argmap.dumps(m, format="json") == expected
    assert argmap.dumps(tiny(), format="json") == (
        json.dumps(argmap.to_dict(tiny()), ensure_ascii=False, indent=2) + "\n"
    )
