"""The cycle collector around loading: paused while a map is made, as it was afterwards."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator

import pytest

import argmap
from argmap import _collector
from argmap._collector import collector_paused


@pytest.fixture
def collector() -> Iterator[None]:
    """Leave the collector as the test found it, frozen objects included."""
    was_enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    yield
    if gc.get_freeze_count() > frozen:
        gc.unfreeze()
    (gc.enable if was_enabled else gc.disable)()


def _map_text(nodes: int) -> str:
    return json.dumps(
        {
            "argmap": "1.1",
            "title": "Chain",
            "nodes": [{"id": f"n{i}", "kind": "claim", "text": f"C {i}."} for i in range(nodes)],
            "relations": [
                {"from": f"n{i + 1}", "to": f"n{i}", "kind": "supports"} for i in range(nodes - 1)
            ],
        }
    )


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("format", ["json", "yaml"])
def test_many_objects_made_in_a_pause_leave_no_young_generation_to_walk(
    format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_collector, "_MANY", 100)
    text = _map_text(200)
    gc.enable()
    m = argmap.loads(text, format=format)  # type: ignore[arg-type]
    assert len(m.nodes) == 200
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    # The map's objects went to the oldest generation, not walked by young collections.
    oldest = gc.get_objects(generation=2)
    assert any(item is m.nodes[-1] for item in oldest)
    assert any(item is m.relations[-1] for item in oldest)


@pytest.mark.usefixtures("collector")
def test_a_program_s_frozen_objects_stay_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_collector, "_MANY", 100)
    kept = [[index] for index in range(1000)]  # tracked objects, frozen below
    gc.enable()
    gc.freeze()
    frozen = gc.get_freeze_count()
    argmap.loads(_map_text(200), format="json")
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()
    assert len(kept) == 1000


@pytest.mark.usefixtures("collector")
def test_a_collector_the_program_turned_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        made = [[index] for index in range(50_000)]
    assert not gc.isenabled()
    assert len(made) == 50_000
    gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()
