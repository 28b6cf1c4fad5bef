"""Fuzzing in the suite: mutated map files and hostile output targets.

The byte-mutation fuzz feeds valid JSON and YAML maps, damaged a few bytes at
a time, to `argmap.loads` and to `argmap validate`: the only outcomes allowed
are a map, a `ValidationError`, or exit codes 0-2, never another exception.
The output property writes to every kind of target and checks that nothing
but the named output ever changes. Both are derandomized in CI (the `ci`
profile) and run a few hundred inputs; `HYPOTHESIS_PROFILE=thorough` runs more.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.formats import aif, argdown
from tests.conftest import NATO_MAP

# A few hundred in CI and by default; the `thorough` profile's count when larger.
EXAMPLES = max(300, settings().max_examples)

SMALL_YAML = """\
argmap: "1.0"
title: Cats
description: "A map with \\"quotes\\", unicode — and a list."
sections:
  - {id: s1, title: One}
sources:
  - id: art
    title: Article
nodes:
  - id: c
    kind: claim
    text: Cats are good company.
    section: s1
    tags: [pets, "x: y"]
  - id: e
    kind: evidence
    text: |
      They purr,
      often.
    quotes:
      - {source: art, text: purr, start: 3, end: 7}
  - id: o
    kind: objection
    text: They scratch.
relations:
  - {id: r1, from: e, to: c, kind: supports}
  - {from: o, to: r1, kind: undercuts}
metadata:
  n: [1, 2.5, -3e4, true, null, {deep: [[]]}]
"""

SEEDS: dict[str, bytes] = {
    "small.yaml": SMALL_YAML.encode("utf-8"),
    "small.json": argmap.dumps(argmap.loads(SMALL_YAML), format="json").encode("utf-8"),
    "nato.json": argmap.dumps(argmap.load(NATO_MAP), format="json").encode("utf-8")[:6000],
}

# Bytes and tokens that have broken parsers before: YAML tags, anchors and
# aliases, merge keys, flow brackets, NUL, BOM, CR, huge numbers, surrogates.
TOKENS = [
    b"!!int ",
    b"!!timestamp ",
    b"!!binary ",
    b"!!python/object ",
    b"&a ",
    b"*a",
    b"<<: ",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b'"',
    b"'",
    b"\\u",
    b"\\ud800",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\r",
    b"\r\n",
    b"\t",
    b"\xff",
    b"0x" + b"f" * 40,
    b"9" * 5000,
    b"NaN",
    b"-Infinity",
    b"1e999",
    b"---\n",
    b"? ",
    b"%YAML 1.1\n",
]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "insert", "token", "delete", "repeat"]))
        if action == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "insert":
            data[at:at] = bytes([draw(st.integers(0, 255))])
        elif action == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        else:
            size = draw(st.integers(1, 64))
            data[at:at] = data[at : at + size]
    return name, bytes(data)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_maps_load_or_raise_validation_error(case: tuple[str, bytes]) -> None:
    name, data = case
    try:
        argmap.loads(data, format="json" if name.endswith(".json") else "yaml")
    except argmap.ValidationError as error:
        problems = error.problems
    else:
        problems = ()
    for problem in problems:
        assert str(problem)  # every problem can be printed


@settings(max_examples=EXAMPLES // 3, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(), st.sampled_from(["validate", "convert", "render"]))
def test_mutated_map_files_give_exit_codes_not_tracebacks(
    case: tuple[str, bytes], command: str
) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        argv = {
            "validate": ["validate", str(path)],
            "convert": ["convert", str(path), "-o", str(Path(folder) / "out.yaml")],
            "render": ["render", str(path), "-o", str(Path(folder) / "out.dot")],
        }[command]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(argv) in (0, 1, 2)


# -- maps edited anywhere into any value ------------------------------------------------------

_AIF = (
    '{"nodes": [{"nodeID": "1", "type": "I", "text": "Cats purr."},'
    ' {"nodeID": "2", "type": "I", "text": "Cats are good company."},'
    ' {"nodeID": "3", "type": "RA", "text": "Default Inference", "scheme": "Example"},'
    ' {"nodeID": "4", "type": "L", "text": "Ann : Cats purr."},'
    ' {"nodeID": "5", "type": "YA", "text": "Asserting"}],'
    ' "edges": [{"edgeID": "a", "fromID": "1", "toID": "3"},'
    ' {"edgeID": "b", "fromID": "3", "toID": "2"},'
    ' {"edgeID": "c", "fromID": "4", "toID": "5"}, {"edgeID": "d", "fromID": "5", "toID": "1"}],'
    ' "locutions": [{"nodeID": "4", "personID": "1"}]}'
)
_ARGDOWN = """\
[Company]: Cats are good company.

<Purring>: Cats purr.

(1) Cats purr.
(2) What purrs is good company.
-- Modus ponens {uses: [1, 2]} --
(3) [Company]
"""

# Documents whose every part a hand may edit: a native map, and maps as the AIF and
# Argdown imports make them (so that their metadata has the shape the writers read).
DOCUMENTS = [
    argmap.to_dict(argmap.loads(SMALL_YAML)),
    argmap.to_dict(aif.loads(_AIF)),
    argmap.to_dict(argdown.loads(_ARGDOWN)),
]

# Any JSON value, and values that have broken argmap before (a number Python will
# not write out once one is added to it; kinds and ids where other types belong).
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
    | st.sampled_from([10**4300 - 1, "supports", "undercuts", "claim", "e", "r1", "1"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


def _places(value: object, at: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The path of every value in a document, the document's own first."""
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*at, index))
    return found


@st.composite
def edited_documents(draw: st.DrawFn) -> dict[str, object]:
    document: dict[str, object] = copy.deepcopy(draw(st.sampled_from(DOCUMENTS)))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(_places(document)[1:]))
        parent: Any = document
        for part in where[:-1]:
            parent = parent[part]
        if isinstance(parent, dict) and draw(st.booleans()):
            del parent[where[-1]]
        else:
            parent[where[-1]] = draw(json_values)
    return document


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(edited_documents())
def test_a_map_edited_anywhere_into_any_value_is_a_map_or_problems(
    document: dict[str, object],
) -> None:
    # Several faults at once (one fault alone rarely breaks anything): read as
    # JSON text and as data, a map or a ValidationError; a map that loads is
    # written to every format without an error.
    maps: list[argmap.ArgumentMap] = []
    loads: list[Callable[[], argmap.ArgumentMap]] = [
        lambda: argmap.from_dict(copy.deepcopy(document)),
        lambda: argmap.loads(json.dumps(document), format="json"),
    ]
    for load in loads:
        try:
            maps.append(load())
        except argmap.ValidationError as error:
            problems = error.problems
            assert all(str(problem) for problem in problems)  # each can be printed
            assert len(set(problems)) == len(problems)  # and is told once
    for m in maps[-1:]:
        for name in ("json", "yaml", "aif", "argdown", "mermaid"):
            assert argmap.formats.dumps(m, format=name)
        assert argmap.to_dot(m)


# -- outputs -----------------------------------------------------------------------------------

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
TARGETS = [
    "regular",
    "new",
    "missing-folder",
    "symlink",
    "dangling-symlink",
    "folder",
    "fifo",
    "the-input",
    "a-source",
    "hard-link-to-a-source",
    "symlink-to-the-input",
    *(["device", "planted-link"] if ROOT else []),
]


def snapshot(folder: Path) -> dict[str, tuple[object, ...]]:
    """Every entry under `folder`: its kind and what it holds (content hash, link target...)."""
    seen: dict[str, tuple[object, ...]] = {}
    for here, folders, files in os.walk(folder):
        for name in folders + files:
            path = os.path.join(here, name)
            info = os.lstat(path)
            mode = info.st_mode
            if stat.S_ISREG(mode):
                digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
                seen[path] = ("file", digest, stat.S_IMODE(mode), info.st_ino)
            elif stat.S_ISLNK(mode):
                seen[path] = ("link", os.readlink(path), info.st_uid)
            else:
                seen[path] = (stat.S_IFMT(mode), info.st_rdev, stat.S_IMODE(mode), info.st_ino)
    return seen


def make_target(folder: Path, kind: str, map_file: Path) -> tuple[Path, set[str]]:
    """The output path for `kind`, and the paths that may change when writing it."""
    out = folder / "out" / "result.json"
    out.parent.mkdir()
    elsewhere = folder / "elsewhere.json"
    elsewhere.write_text("untouched", encoding="utf-8")
    allowed = {str(out)}
    if kind == "regular":
        out.write_text("old", encoding="utf-8")
    elif kind == "missing-folder":
        out = folder / "nowhere" / "result.json"
        allowed = set()
    elif kind == "symlink":
        out.symlink_to(elsewhere)
        allowed = {str(elsewhere)}
    elif kind == "dangling-symlink":
        out.symlink_to(folder / "out" / "made.json")
        allowed = {str(folder / "out" / "made.json")}
    elif kind == "folder":
        out.mkdir()
        allowed = set()
    elif kind == "fifo":
        os.mkfifo(out)
        allowed = set()  # nobody reads it: refused
    elif kind == "the-input":
        out, allowed = map_file, set()
    elif kind == "a-source":
        out, allowed = map_file.parent / "article.txt", set()
    elif kind == "hard-link-to-a-source":
        os.link(map_file.parent / "article.txt", out)
        allowed = set()
    elif kind == "symlink-to-the-input":
        out.symlink_to(map_file)
        allowed = set()
    elif kind == "device":
        os.mknod(out, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        allowed = set()  # written into: its entry stays as it was
    elif kind == "planted-link":
        shared = folder / "shared"
        shared.mkdir()
        shared.chmod(0o1777)
        out = shared / "result.json"
        out.symlink_to(elsewhere)
        os.lchown(out, 4242, 4242)
        allowed = set()
    return out, allowed


@settings(max_examples=EXAMPLES // 3, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(TARGETS),
    st.sampled_from(["convert", "render", "dump"]),
)
def test_nothing_but_the_named_output_ever_changes(kind: str, how: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        maps = folder / "maps"
        maps.mkdir()
        (maps / "article.txt").write_text("Cats purr when content.", encoding="utf-8")
        map_file = maps / "m.yaml"
        map_file.write_text(
            SMALL_YAML.replace("    title: Article\n", "    path: article.txt\n").replace(
                "start: 3, end: 7", "start: 5, end: 9"
            ),
            encoding="utf-8",
        )
        out, allowed = make_target(folder, kind, map_file)
        before = snapshot(folder)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            if how == "dump":
                with contextlib.suppress(OSError):
                    argmap.dump(argmap.load(map_file), out, format="json")
                if kind in ("the-input", "symlink-to-the-input"):
                    allowed = {str(map_file)}  # saving a map back where it came from is fine
            else:
                options = ["--to", "json"] if how == "convert" else ["--format", "dot"]
                assert main([how, str(map_file), "-o", str(out), *options]) in (0, 2)
        after = snapshot(folder)
        changed = {
            path
            for path in before.keys() | after.keys()
            if before.get(path) != after.get(path) and not Path(path).name.startswith(".")
        }
        assert changed <= allowed, (kind, how, changed)
        leftovers = [p for p in after if Path(p).name.endswith(".tmp")]
        assert not leftovers
