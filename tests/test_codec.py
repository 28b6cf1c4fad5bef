"""Structuring without validators: derived from the model, agreeing with it, scoped to a load."""

from __future__ import annotations

import _thread
import json
import threading
import time
from typing import Any

import attrs
from hypothesis import given

import argmap
from argmap import ArgumentMap, Node
from argmap._codec import _RENAMED, structure_map, unstructure_map
from argmap.model import Quote, Relation, Section, Source
from argmap.schema import json_schema
from argmap.strategies import argument_maps

_CLASSES = {
    "source": Source,
    "section": Section,
    "quote": Quote,
    "node": Node,
    "relation": Relation,
}


def _keys(cls: type) -> set[str]:
    renamed = _RENAMED.get(cls, {})
    return {renamed.get(f.name, f.name) for f in attrs.fields(cls)}


def test_every_key_the_schema_allows_is_a_model_field_and_back() -> None:
    # A field added to the schema but not to the model (or the other way)
    # would be dropped, or never read, by `structure_map`.
    schema = json_schema()
    with_fields = {name for name, part in schema["$defs"].items() if "properties" in part}
    assert with_fields == set(_CLASSES), "a new kind of object: add it to _CLASSES"
    for name, cls in _CLASSES.items():
        assert set(schema["$defs"][name]["properties"]) == _keys(cls), name
    assert set(schema["properties"]) - {"argmap"} == _keys(ArgumentMap)


@given(argument_maps())
def test_structuring_gives_the_map_the_model_itself_builds(m: ArgumentMap) -> None:
    built = structure_map(json.loads(json.dumps(unstructure_map(m))))
    assert built == m
    # Same types too (kinds as enums, tuples, offsets as int): equality alone could hide them.
    assert _shape(built) == _shape(m)
    for node in built.nodes:
        attrs.validate(node)
        for quote in node.quotes:
            attrs.validate(quote)


def _shape(value: object) -> object:
    cls: Any = type(value)
    if attrs.has(cls):
        fields = attrs.fields(cls)
        return (type(value), tuple(_shape(getattr(value, f.name)) for f in fields))
    if isinstance(value, tuple):
        return (tuple, tuple(map(_shape, value)))
    return type(value)


def test_offsets_given_as_whole_floats_become_ints() -> None:
    document = {
        "title": "T",
        "sources": [{"id": "s", "title": "S"}],
        "nodes": [
            {
                "id": "n",
                "kind": "claim",
                "text": "x",
                "quotes": [{"source": "s", "text": "ab", "start": 1.0, "end": 3.0}],
            }
        ],
    }
    quote = structure_map(document).nodes[0].quotes[0]
    assert (quote.start, quote.end) == (1, 3)
    assert type(quote.start) is int


def _big_map_text(nodes: int) -> str:
    return json.dumps(
        {
            "argmap": "1.0",
            "title": "Big",
            "nodes": [
                {"id": f"n{i}", "kind": "claim", "text": f"Claim {i}."} for i in range(nodes)
            ],
            "relations": [
                {"from": f"n{i}", "to": f"n{i - 1}", "kind": "supports"} for i in range(1, nodes)
            ],
        }
    )


def test_other_threads_keep_their_validators_while_a_map_loads() -> None:
    # The process-wide attrs switch once let a thread started with `_thread`
    # (invisible to threading.active_count) make invalid nodes during a load.
    text = _big_map_text(5_000)
    loading = threading.Event()
    done = threading.Event()
    outcome = {"made": 0, "refused": 0, "switch seen off": 0}

    def make_invalid_nodes() -> None:
        loading.wait()
        while not done.is_set():
            if attrs.validators.get_disabled():
                outcome["switch seen off"] += 1
            try:
                Node(id='bad id"]; x=[', kind="claim", text="t")
            except ValueError:
                outcome["refused"] += 1
            else:
                outcome["made"] += 1
            time.sleep(0)
        outcome["finished"] = 1

    _thread.start_new_thread(make_invalid_nodes, ())
    loaders = [threading.Thread(target=lambda: argmap.loads(text, format="json")) for _ in range(2)]
    loading.set()
    for thread in loaders:
        thread.start()
    for thread in loaders:
        thread.join()
    done.set()
    deadline = time.monotonic() + 10
    while "finished" not in outcome and time.monotonic() < deadline:
        time.sleep(0.01)
    assert outcome["made"] == 0
    assert outcome["switch seen off"] == 0
    assert outcome["refused"] > 0


def test_maps_load_alike_in_several_threads_at_once() -> None:
    text = _big_map_text(2_000)
    expected = argmap.loads(text, format="json")
    results: list[ArgumentMap] = []
    threads = [
        threading.Thread(target=lambda: results.append(argmap.loads(text, format="json")))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4
