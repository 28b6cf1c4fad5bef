"""The typed fast path agrees with the wordy path, and never accepts what the schema refuses."""

from __future__ import annotations

import copy
import datetime
import enum
import json
import re
import sys
from pathlib import Path
from typing import Any
from unittest.mock import patch

import attrs
import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Problem, Severity, _codec, to_dict
from argmap._plain import plain_json
from argmap._typed import DROPPED, STRUCTS, load_typed
from argmap.loader import Report, _check_data, _check_document, _check_text
from argmap.model import ID_PATTERN, TEXT_PATTERN
from argmap.schema import json_schema, validate_data
from argmap.strategies import BrokenDocument, argument_maps, broken_documents

HERE = Path(__file__).parent
SOURCE = "The alliance grew. Since the 1990s it has looked east, and since the 1990s west."


def _no_sources(rows: list[tuple[int, str, str]]) -> dict[str, str] | None:
    return {} if not rows else None


def _wordy(text: str, base: Path = HERE) -> Report:
    return _check_text(text, format="json", file=None, base=base, typed=False)


def _agree(text: str, base: Path = HERE) -> ArgumentMap | None:
    """Load `text` both ways; assert they agree, and return the fast path's map (or None)."""
    fast = load_typed(text, lambda rows: _texts(rows, base))
    # A file's bytes take the same path as its text, to the same map or refusal.
    as_bytes = text.encode("utf-8", "surrogatepass")
    assert load_typed(as_bytes, lambda rows: _texts(rows, base)) == fast
    wordy = _wordy(text, base)
    if fast is not None:
        # Accepted: the wordy path finds nothing at all, and builds the very same map.
        assert wordy.problems == ()
        assert wordy.map == fast
        assert _types(wordy.map) == _types(fast)
        assert validate_data(json.loads(text)) == []
    # Given a list for warnings, a map the wordy path only warns about may be
    # taken: then the map is the wordy path's, and so are the warnings, word for word.
    warned = _warned(text, base)
    if warned is not None:
        assert wordy.map == warned.map
        assert _types(wordy.map) == _types(warned.map)
        unplaced = [attrs.evolve(p, line=None, column=None) for p in wordy.problems]
        assert _in_order(unplaced) == _in_order(list(warned.problems))
        assert all(p.severity is Severity.WARNING for p in warned.problems)
    else:
        assert fast is None
    return fast


def _warned(text: str, base: Path = HERE) -> Report | None:
    """The fast path's map and warnings (not yet placed), or None if it declines."""
    warnings: list[Problem] = []
    taken = load_typed(text, lambda rows: _texts(rows, base), warnings)
    # Warnings dropped (load, loads): the same map taken, or not, without making them.
    assert load_typed(text, lambda rows: _texts(rows, base), DROPPED) == taken
    if taken is None:
        assert warnings == []  # a declined map says nothing
        return None
    return Report(map=taken, problems=tuple(warnings))


def _in_order(problems: list[Problem]) -> list[Problem]:
    # Both paths' problems are put in the document's order once placed.
    return sorted(problems, key=lambda p: (p.path, p.code))


def _texts(rows: list[tuple[int, str, str]], base: Path) -> dict[str, str] | None:
    from argmap.loader import _source_texts

    return _source_texts(rows, base, None)


def _types(value: object) -> object:
    """The value with every leaf replaced by its type: equal maps may hide 6 vs 6.0."""
    if isinstance(value, tuple | list):
        return [_types(item) for item in value]
    if isinstance(value, dict):
        return {key: _types(item) for key, item in value.items()}
    fields = getattr(type(value), "__attrs_attrs__", None)
    if fields is not None:
        return {f.name: _types(getattr(value, f.name)) for f in fields}
    return type(value)


@given(
    argument_maps(),
    st.sampled_from(["compact", "indented", "ascii", "spaced", "escaped colons"]),
)
def test_both_paths_agree_on_every_generated_map(m: ArgumentMap, layout: str) -> None:
    document = to_dict(m)
    if layout == "compact":
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    elif layout == "indented":
        text = json.dumps(document, ensure_ascii=False, indent=2)
    elif layout == "ascii":
        text = json.dumps(document)
    elif layout == "escaped colons":
        # Every colon in a string written as an escape (json writes NUL as one, so
        # the only NULs are the separators).
        text = json.dumps(document, separators=(",", "\0"))
        text = text.replace(":", "\\u003a").replace("\0", ":")
    else:
        text = json.dumps(document, separators=(" , ", " : "), indent="\t")
    fast = _agree(text)
    wordy = _wordy(text)
    if wordy.problems == ():
        # A map without a single remark is the common case the fast path is for.
        assert fast == m
    if not wordy.errors:
        # And a map with only warnings (generated ones cite sources without a path).
        warned = _warned(text)
        assert warned is not None
        assert warned.map == m


@given(argument_maps(), st.booleans())
def test_maps_built_by_columns_are_the_maps_built_object_by_object(
    m: ArgumentMap, tied: bool
) -> None:
    # Big maps are built column by column: the same maps, small ones made to.
    document = to_dict(m)
    if tied:
        _without_warnings(document)
    text = json.dumps(document, ensure_ascii=False)
    with patch.object(_codec, "_BY_COLUMNS", 0):
        _agree(text)


def _without_warnings(document: dict[str, Any]) -> None:
    for node in document["nodes"]:
        node.pop("quotes", None)
    document.pop("sources", None)
    sections = {node.get("section") for node in document["nodes"]}
    document["sections"] = [s for s in document.get("sections", []) if s["id"] in sections]
    if not document["sections"]:
        del document["sections"]


@given(argument_maps(max_nodes=6))
def test_both_paths_agree_on_maps_without_warnings(m: ArgumentMap) -> None:
    # Generated maps cite sources without a path (a warning); without them,
    # and with the isolated nodes tied in, most maps draw no remark at all.
    document = to_dict(m)
    _without_warnings(document)
    text = json.dumps(document, ensure_ascii=False)
    fast = _agree(text)
    if _wordy(text).problems == ():
        assert fast is not None


@given(broken_documents(), st.booleans())
def test_the_fast_path_declines_every_broken_document(broken: BrokenDocument, ascii: bool) -> None:
    text = json.dumps(broken.document, ensure_ascii=ascii)
    assert load_typed(text, _no_sources) is None
    assert broken.path in {p.path for p in _wordy(text).errors}


# Faults the schema or the checks refuse, put into the text of a valid map;
# each must send the map down the wordy path.
_VALID = {
    "argmap": "1.1",
    "title": "Map: a test",
    "description": "What it covers",
    "sections": [{"id": "s1", "title": "One"}],
    "nodes": [
        {
            "id": "a",
            "kind": "claim",
            "text": "A: first",
            "section": "s1",
            "tags": ["x", "y"],
            "attribution": "Someone",
            "base_score": 0.5,
        },
        {"id": "b", "kind": "evidence", "text": "B", "section": "s1"},
        {"id": "c", "kind": "objection", "text": "C"},
        {"id": "d", "kind": "rebuttal", "text": "D"},
    ],
    "relations": [
        {"id": "r1", "from": "b", "to": "a", "kind": "supports", "scheme": "example"},
        {"from": "c", "to": "a", "kind": "attacks"},
        {"from": "d", "to": "r1", "kind": "undercuts"},
    ],
    "lint": {"ignore": ["self-attack"]},
    "metadata": {"k": [1, 2.5, None, {"z": "a:b"}]},
}


def test_the_valid_example_takes_the_fast_path() -> None:
    text = json.dumps(_VALID)
    m = _agree(text)
    assert m is not None
    assert m.metadata == _VALID["metadata"]


def _set(path: str, value: object) -> Any:
    def change(document: dict[str, Any]) -> None:
        *parts, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = document
        for part in parts:
            target = target[part]
        target[last] = value

    return change


def _delete(path: str) -> Any:
    def change(document: dict[str, Any]) -> None:
        *parts, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = document
        for part in parts:
            target = target[part]
        del target[last]

    return change


_FAULTS = {
    "null title": _set("title", None),
    "null optional": _set("nodes.0.attribution", None),
    "null section": _set("nodes.1.section", None),
    "unknown field": _set("nodes.0.colour", "red"),
    "unknown top field": _set("extra", 1),
    "missing kind": _delete("nodes.0.kind"),
    "bad kind": _set("nodes.0.kind", "Claim"),
    "bad version": _set("argmap", "2.0"),
    "blank text": _set("nodes.0.text", " \u3000\n"),
    "empty text": _set("nodes.0.text", ""),
    "blank tag": _set("nodes.0.tags", ["x", "\t"]),
    "repeated tag": _set("nodes.0.tags", ["x", "x"]),
    "bad id": _set("nodes.2.id", "1c"),
    "id with space": _set("nodes.2.id", "c d"),
    "id with newline": _set("nodes.2.id", "c\nd"),
    "id ending in newline": _set("nodes.2.id", "c\n"),
    "empty id": _set("nodes.2.id", ""),
    "long id": _set("nodes.2.id", "c" * 129),
    "non-ASCII id": _set("nodes.2.id", "cé"),
    "bad relation id": _set("relations.0.id", "-r"),
    "bad argument id": _set("relations.0.argument", "a b"),
    "score too big": _set("nodes.0.base_score", 1.5),
    "score negative": _set("nodes.0.base_score", -0.1),
    "score as text": _set("nodes.0.base_score", "0.5"),
    "score true": _set("nodes.0.base_score", True),
    "tags as text": _set("nodes.0.tags", "x"),
    "metadata a list": _set("metadata", [1]),
    "lint unknown": _set("lint.ignore", ["no-such-lint"]),
    "lint repeated": _set("lint.ignore", ["self-attack", "self-attack"]),
    "duplicate node": _set("nodes.2.id", "a"),
    "node id = relation id": _set("nodes.2.id", "r1"),
    "duplicate section": _set("sections", [{"id": "s1", "title": "1"}, {"id": "s1", "title": "2"}]),
    "unused section": _set("sections", [{"id": "s1", "title": "1"}, {"id": "s2", "title": "2"}]),
    "dangling section": _set("nodes.1.section", "s9"),
    "dangling from": _set("relations.1.from", "zz"),
    "dangling to": _set("relations.1.to", "zz"),
    "from a relation": _set("relations.1.from", "r1"),
    "self relation": _set("relations.1.to", "c"),
    "support to a relation": _set("relations.1.to", "r1"),
    "undercut of a node": _set("relations.2.to", "a"),
    "undercut by evidence": _set("relations.2.from", "b"),
    "undercut of itself": _set(
        "relations.2", {"id": "u", "from": "d", "to": "u", "kind": "undercuts"}
    ),
    "unusual kind": _set("relations.1.kind", "supports"),
    "repeated relation": _set("relations.2", {"from": "c", "to": "a", "kind": "attacks"}),
    "isolated node": lambda d: d["nodes"].append({"id": "e", "kind": "claim", "text": "E"}),
    "attacking argument": _set("relations.1.argument", "arg"),
    "unused source": _set("sources", [{"id": "src", "title": "T"}]),
    "quote of no source": _set("nodes.0.quotes", [{"source": "src", "text": "x"}]),
    "quote start without end": _set("nodes.0.quotes", [{"source": "src", "text": "x", "start": 0}]),
}


@pytest.mark.parametrize("fault", list(_FAULTS))
def test_each_fault_declines_the_fast_path(fault: str) -> None:
    document = copy.deepcopy(_VALID)
    _FAULTS[fault](document)
    text = json.dumps(document)
    assert load_typed(text, _no_sources) is None
    assert _wordy(text).problems != ()


def _claim_attacks_claim(document: dict[str, Any]) -> None:
    document["nodes"].append({"id": "a2", "kind": "claim", "text": "A2"})
    document["relations"].append({"from": "a", "to": "a2", "kind": "attacks"})


_WARNINGS = {
    # The wordy path warns and loads the map; so, given a list for warnings, does the fast one.
    "claim attacks claim": (_claim_attacks_claim, "kind-mismatch"),
    "isolated node": ("isolated node", "isolated-node"),
    "unused section": ("unused section", "unused-section"),
    "unused source": ("unused source", "unused-source"),
    "no relation at all": (_delete("relations"), "isolated-node"),
}


@pytest.mark.parametrize("remark", list(_WARNINGS))
def test_maps_with_warnings_are_taken_with_the_wordy_warnings(remark: str) -> None:
    edit, code = _WARNINGS[remark]
    document = copy.deepcopy(_VALID)
    (_FAULTS[edit] if isinstance(edit, str) else edit)(document)
    text = json.dumps(document)
    wordy = _wordy(text)
    assert wordy.map is not None
    assert code in {p.code for p in wordy.problems}
    assert load_typed(text, _no_sources) is None  # no list for warnings: declined
    _agree(text)
    warned = _warned(text)
    assert warned is not None
    assert code in {p.code for p in warned.problems}
    # And the loader places them where the wordy path does.
    assert _check_text(text, format="json", file="m.json", base=HERE) == _check_text(
        text, format="json", file="m.json", base=HERE, typed=False
    )


def test_an_unusual_kind_is_an_error_unless_the_node_plays_its_kind_elsewhere() -> None:
    # Evidence does not attack: an error, but a warning where it supports elsewhere.
    document: dict[str, Any] = copy.deepcopy(_VALID)
    document["nodes"].append({"id": "e", "kind": "recommendation", "text": "E"})
    document["relations"] += [
        {"from": "a", "to": "e", "kind": "supports"},
        {"from": "b", "to": "e", "kind": "attacks"},  # b supports a
    ]
    text = json.dumps(document)
    warned = _warned(text)
    assert warned is not None
    assert [(p.path, p.code) for p in warned.problems] == [("$.relations[4].kind", "kind-mismatch")]
    _agree(text)
    document["nodes"].append({"id": "f", "kind": "evidence", "text": "F"})
    document["relations"][4]["from"] = "f"  # f supports nothing
    text = json.dumps(document)
    assert _wordy(text).errors
    assert _warned(text) is None
    _agree(text)


_KINDS = ["claim", "evidence", "objection", "rebuttal", "recommendation"]


@given(
    argument_maps(min_nodes=2),
    st.lists(
        st.one_of(
            st.tuples(st.just("relation"), st.sampled_from(["supports", "attacks"]), st.integers()),
            st.tuples(st.just("node"), st.sampled_from(_KINDS), st.integers()),
            st.tuples(st.sampled_from(["section", "source", "cut"]), st.just(""), st.integers()),
        ),
        max_size=4,
    ),
)
def test_both_paths_agree_on_maps_with_remarks(
    m: ArgumentMap, edits: list[tuple[str, str, int]]
) -> None:
    # Unusual relations (warnings, or errors where the node plays its kind
    # nowhere), isolated nodes, unused sections and sources, relations cut.
    document = to_dict(m)
    for number, (what, kind, pick) in enumerate(edits):
        nodes, relations = document["nodes"], document.setdefault("relations", [])
        fresh = f"zz-added-{number}"  # longer than any id `ids()` makes
        if what == "relation":
            source = nodes[pick % len(nodes)]["id"]
            target = nodes[(pick // len(nodes) + 1 + pick) % len(nodes)]["id"]
            if source != target:
                relations.append({"from": source, "to": target, "kind": kind})
        elif what == "node":
            nodes.append({"id": fresh, "kind": kind, "text": "added"})
        elif what == "section":
            document.setdefault("sections", []).append({"id": fresh, "title": "added"})
        elif what == "source":
            document.setdefault("sources", []).append({"id": fresh, "title": "added"})
        elif relations:
            del relations[pick % len(relations)]
    text = json.dumps(document, ensure_ascii=False)
    _agree(text)
    if not _wordy(text).errors:
        assert _warned(text) is not None


def _wordy_data(data: object) -> Report:
    document, problems = plain_json(data)
    return _check_document(document, early=problems, base=HERE)


def _nested(depth: int, value: object = "deep") -> object:
    for _ in range(depth):
        value = [value]
    return value


class _Kind(str, enum.Enum):  # noqa: UP042 (the mixin users write, not StrEnum)
    CLAIM = "claim"  # str() of it is '_Kind.CLAIM'


class _Text(str):
    def __str__(self) -> str:
        return "not the text"


class _Number(float):
    def __float__(self) -> float:
        return 0.25


# Python values plain_json refuses or changes, which JSON text cannot show.
_ODD_VALUES = [
    {1, 2},
    datetime.date(2024, 7, 10),
    float("nan"),
    float("inf"),
    b"bytes",
    {1: "int key"},
    {None: "null key"},
    {"\ud800": "lone surrogate key"},
    "lone \ud800 surrogate",
    "a pair \ud83d\ude00 of surrogates",  # two code points, which json would escape as one
    _Kind.CLAIM,
    _Text("text"),
    _Number(0.5),
    _nested(62, []),  # an empty list 64 levels into the document
    10**40,
    (1, "tuple"),
    _nested(70),
    True,
    6.0,
]


_PLACES = ["metadata", "deep metadata", "title", "base_score", "tags", "start"]


@settings(max_examples=15)
@given(argument_maps())
def test_from_dict_takes_the_fast_path_only_for_what_plain_json_takes(m: ArgumentMap) -> None:
    # from_dict writes plain data out with json and reads it the fast way;
    # values JSON text cannot show must still reach the wordy path's words.
    for odd in _ODD_VALUES:
        for where in _PLACES:
            document = copy.deepcopy(to_dict(m))
            node = document["nodes"][0]
            if where == "metadata":
                document["metadata"] = {"x": odd}
            elif where == "deep metadata":
                document["metadata"] = {"a": [{"b": odd}]}
            elif where == "title":
                document["title"] = odd
            elif where in ("base_score", "tags"):
                node[where] = odd
            elif node.get("quotes"):
                node["quotes"][0]["start"] = odd
            wordy = _wordy_data(document)
            assert _check_data(document, base=HERE) == wordy, (odd, where)
            assert _check_data(document, base=HERE, map_only=True).map == wordy.map


@given(broken_documents())
def test_from_dict_reports_broken_documents_as_the_wordy_path_does(broken: BrokenDocument) -> None:
    assert _check_data(broken.document, base=HERE) == _wordy_data(broken.document)


@settings(max_examples=30)
@given(argument_maps(min_nodes=2), st.booleans())
def test_from_dict_words_warnings_as_the_wordy_path_does(m: ArgumentMap, tuples: bool) -> None:
    # Warnings name their node or relation: from the plain copy, whatever the
    # caller's sequences and text types (tuples, str subclasses).
    document = to_dict(m)
    document["relations"] = [*document.get("relations", []), *_misfit(document["nodes"])]
    document["nodes"].append({"id": _Text("zz-alone"), "kind": "claim", "text": "Alone"})
    if tuples:
        document = {key: tuple(v) if isinstance(v, list) else v for key, v in document.items()}
    assert _check_data(document, base=HERE) == _wordy_data(document)


def _misfit(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    claims = [node["id"] for node in nodes if node["kind"] == "claim"]
    if len(claims) < 2:
        return []
    return [{"from": _Text(claims[0]), "to": claims[1], "kind": "attacks"}]


@pytest.mark.parametrize(
    "text",
    [
        # A key given twice, at each level; the repeat hides in the decoded structs.
        json.dumps(_VALID).replace('"text": "B"', '"text": "X", "text": "B"'),
        json.dumps(_VALID).replace('"text": "B"', '"text": "X:Y", "text": "B"'),
        json.dumps(_VALID).replace(
            '"title": "Map: a test"', '"title": "a", "title": "Map: a test"'
        ),
        json.dumps(_VALID).replace('"ignore"', '"ignore": [], "ignore"'),
        json.dumps(_VALID).replace('"z": "a:b"', '"z": 1, "z": "a:b"'),
        json.dumps(_VALID).replace('"from": "c"', '"from": "c" , "from" :"c"'),
        # Lone surrogates.
        json.dumps(_VALID).replace("A: first", "A \\ud800 first"),
        # Metadata argmap does not read: a number too long, nesting too deep, no number.
        json.dumps(_VALID).replace('"k": [1,', '"k": [' + "9" * 5000 + ","),
        json.dumps(_VALID).replace('"k": [1,', '"k": [' + "[" * 70 + "]" * 70 + ","),
        # The deepest nesting allowed, and one level more.
        json.dumps(_VALID).replace('"k": [1,', '"k": [' + "[" * 61 + "]" * 61 + ","),
        json.dumps(_VALID).replace('"k": [1,', '"k": [' + "[" * 62 + "]" * 62 + ","),
        json.dumps(_VALID).replace('"k": [1,', '"k": [' + '{"a":' * 63 + "1" + "}" * 63 + ","),
        json.dumps(_VALID).replace('"k": [1,', '"k": [1e400,'),
        # Numbers JSON spells as integers only in name.
        json.dumps(_VALID).replace("0.5", "5e-1"),
    ],
)
def test_texts_the_fast_path_must_not_take(text: str) -> None:
    if load_typed(text, _no_sources) is not None:
        # Only a map the wordy path takes without a remark may be taken.
        assert _agree(text) is not None
    else:
        _agree(text)


@pytest.mark.parametrize(
    "replacement",
    [
        '"text": "X", "text": "B"',
        # The lost key's colon, made up for by a colon written as an escape.
        '"text": "X", "text": "B\\u003a"',
        '"text": "X", "text": "B\\u003A"',
        # ... after another escape, or an escaped backslash.
        '"text": "X\\n", "text": "B\\u003a"',
        '"text": "X", "text": "B\\\\\\u003a"',
    ],
)
def test_repeated_keys_decline(replacement: str) -> None:
    text = json.dumps(_VALID).replace('"text": "B"', replacement)
    assert load_typed(text, _no_sources) is None
    assert load_typed(text.encode(), _no_sources) is None
    assert [p.code for p in _wordy(text).problems] == ["duplicate-key"]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("A\\u003a first", "A: first"),
        ("A\\u003A first", "A: first"),
        # A backslash, then the letters u003a: no colon (and the text holds one).
        ("A: \\\\u003a first", "A: \\u003a first"),
        # A backslash, then an escaped colon.
        ("A\\\\\\u003a first", "A\\: first"),
        ("A\\u003a\\u003a\\n\\u003A first", "A::\n: first"),
    ],
)
def test_colons_written_as_escapes_take_the_fast_path(written: str, read: str) -> None:
    # The count of keys counts the escapes too: every colon read has one in the text.
    text = json.dumps(_VALID).replace("A: first", written)
    fast = _agree(text)
    assert fast is not None
    assert fast.nodes[0].text == read
    escaped_key = json.dumps(_VALID).replace('"z": "a:b"', '"z\\u003a": "a\\u003ab"')
    assert _agree(escaped_key) is not None


def test_utf8_bytes_load_as_their_text_does() -> None:
    # A file's bytes go to the decoder as they are (no decoding to text first).
    text = json.dumps(_VALID, ensure_ascii=False).replace("A: first", "Ελλάδα: 安全 «débat» — über")
    from_text = load_typed(text, _no_sources)
    assert from_text is not None
    assert load_typed(text.encode(), _no_sources) == from_text


@pytest.mark.parametrize(
    "data",
    [
        json.dumps(_VALID).replace("A: first", "A \\udc80 first").encode(),
        json.dumps(_VALID).replace("A: first", "A \u00ff first").encode("latin-1"),
        json.dumps(_VALID, ensure_ascii=False).replace("A: first", "A \udc80 first"),
    ],
    ids=["escaped lone surrogate", "not UTF-8", "lone surrogate in text"],
)
def test_text_utf8_cannot_hold_declines(data: str | bytes) -> None:
    assert load_typed(data, _no_sources) is None


def test_quotes_are_anchored_on_the_fast_path_as_on_the_wordy_one(tmp_path: Path) -> None:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    start = SOURCE.index("looked east")
    document = {
        "argmap": "1.0",
        "title": "Quoted",
        "sources": [{"id": "src", "path": "source.txt"}],
        "nodes": [
            {
                "id": "a",
                "kind": "claim",
                "text": "A",
                "quotes": [{"source": "src", "text": "grew"}],
            },
            {
                "id": "b",
                "kind": "evidence",
                "text": "B",
                "quotes": [
                    {"source": "src", "text": "looked east", "start": start, "end": start + 11}
                ],
            },
        ],
        "relations": [{"from": "b", "to": "a", "kind": "supports"}],
    }
    text = json.dumps(document)
    m = _agree(text, tmp_path)
    assert m is not None
    assert m.node("a").quotes[0].start == SOURCE.index("grew")
    assert m.node("b").quotes[0].start == start
    with patch.object(_codec, "_BY_COLUMNS", 0):
        assert _agree(text, tmp_path) == m
    # Whole numbers written as floats are JSON Schema integers: read as ints, the same map.
    for written in (f"{start}.0, ", f"{start}e0, ", f"{start}.000, "):
        floats = text.replace(f'"start": {start}, ', f'"start": {written}', 1)
        assert floats != text
        assert (
            _agree(floats.replace(f'"end": {start + 11}', f'"end": {start + 11}.0'), tmp_path) == m
        )
    assert _agree(text.replace(f'"start": {start}, ', f'"start": {start}.5, '), tmp_path) is None
    # A float beside an integer too long for a float: declined, not an OverflowError.
    huge = text.replace(f'"start": {start}, ', f'"start": {start}.0, ')
    assert _agree(huge.replace(f'"end": {start + 11}', '"end": ' + "9" * 400), tmp_path) is None
    for fault in (
        {"source": "src", "text": "the 1990s"},  # twice in the source: a warning
        {"source": "src", "text": "not there"},
        {"source": "src", "text": "looked east", "start": start + 1, "end": start + 12},
        {"source": "src", "text": "looked east", "start": start, "end": start + 3},
        {"source": "src", "text": "looked east", "start": 6.0, "end": 17.0},
    ):
        document["nodes"][0]["quotes"] = [fault]  # type: ignore[index]
        text = json.dumps(document)
        assert _agree(text, tmp_path) is None
        assert _wordy(text, tmp_path).problems
        if fault["text"] == "the 1990s":
            warned = _warned(text, tmp_path)
            assert warned is not None
            assert [p.code for p in warned.problems] == ["ambiguous-quote"]
    document["sources"] = [{"id": "src", "path": "missing.txt"}]
    assert _agree(json.dumps(document), tmp_path) is None


def test_the_fast_path_is_what_loads_takes() -> None:
    text = json.dumps(_VALID)
    assert argmap.loads(text, format="json") == load_typed(text, _no_sources)


def test_the_typed_structs_hold_every_key_the_schema_allows_and_require_the_same() -> None:
    schema = json_schema()
    parts = {"": schema, "lint": schema["properties"]["lint"], **schema["$defs"]}
    for name, struct in STRUCTS.items():
        fields = msgspec.structs.fields(struct)
        assert {f.encode_name for f in fields} == set(parts[name]["properties"]), name
        required = {f.encode_name for f in fields if f.required}
        assert required == set(parts[name].get("required", ())), name


def test_the_id_and_text_checks_match_the_schema_patterns() -> None:
    # The fast path checks ids by their characters and text with str.isspace.
    from argmap._typed import _ids_ok, _texts_ok

    pattern = re.compile(ID_PATTERN.removeprefix("^").removesuffix("$"))
    samples = ["a", "_", "A-1.b_c", "1a", ".a", "-a", "a b", "a\n", "\na", "", "é", "a" * 128]
    samples.append("a" * 129)
    for sample in samples:
        assert _ids_ok([sample]) == bool(pattern.fullmatch(sample)), sample
        assert _ids_ok(["ok", sample, "fine"]) == bool(pattern.fullmatch(sample)), sample
    text_pattern = re.compile(TEXT_PATTERN)
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        assert _texts_ok([character]) == bool(text_pattern.search(character)), hex(code)
    assert not _texts_ok([""])


def test_quotes_of_a_source_without_a_path_are_taken_with_the_wordy_warning() -> None:
    # As the AIF import makes them: the quotes' source has no text to check against.
    document: dict[str, Any] = copy.deepcopy(_VALID)
    document["sources"] = [{"id": "talk", "title": "A debate"}]
    document["nodes"][0]["quotes"] = [{"source": "talk", "text": "said: so"}]
    document["nodes"][1]["quotes"] = [{"source": "talk", "text": "B", "start": 3, "end": 4}]
    text = json.dumps(document)
    assert load_typed(text, _no_sources) is None  # no list for warnings: declined
    warnings: list[Problem] = []
    taken = load_typed(text, _no_sources, warnings)
    assert taken is not None
    assert [(p.path, p.code) for p in warnings] == [("$.sources[0]", "unverified-quotes")]
    _agree(text)
    # Offsets that disagree with the quote's length are the wordy path's to report.
    document["nodes"][1]["quotes"][0]["end"] = 9
    told: list[Problem] = []
    assert load_typed(json.dumps(document), _no_sources, told) is None
    assert told == []  # a declined map says nothing
    assert "quote-offset-mismatch" in [p.code for p in _wordy(json.dumps(document)).problems]
