"""Reading maps: the whole pipeline, every problem at once, located in the file."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from unittest.mock import patch

import pytest
import yaml

import argmap
from argmap import Severity, ValidationError
from tests.conftest import NATO_MAP, NATO_TEXT

GOOD_YAML = """\
argmap: "1.0"
title: A small map
sources:
  - {id: art, path: art.txt}
nodes:
  - id: thesis
    kind: claim
    text: Cooperation since the 1990s paved the way.
    quotes:
      - {source: art, text: "paving the way"}
  - {id: proof, kind: evidence, text: Piracy patrols.}
relations:
  - {from: proof, to: thesis, kind: supports}
"""

ART = "These interactions nevertheless allowed NATO states to gain experience, paving the way."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "art.txt").write_text(ART, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(GOOD_YAML, encoding="utf-8")
    return tmp_path


def test_load_reads_a_map_and_anchors_its_quotes_relative_to_the_file(folder: Path) -> None:
    m = argmap.load(folder / "map.yaml")
    (quote,) = m.node("thesis").quotes
    assert (quote.start, quote.end) == (ART.index("paving"), ART.index("paving") + 14)
    assert ART[quote.start : quote.end] == quote.text


def test_json_and_yaml_hold_the_same_tree(folder: Path) -> None:
    m = argmap.load(folder / "map.yaml")
    (folder / "map.json").write_text(argmap.dumps(m, format="json"), encoding="utf-8")
    assert argmap.load(folder / "map.json") == m


def test_loads_and_from_dict_resolve_sources_against_base(folder: Path) -> None:
    m = argmap.loads(GOOD_YAML, base=folder)
    assert m.node("thesis").quotes[0].anchored
    import yaml

    assert argmap.from_dict(yaml.safe_load(GOOD_YAML), base=folder) == m
    assert argmap.loads(GOOD_YAML.encode(), base=folder) == m


def test_every_problem_comes_at_once_with_file_line_column_and_path(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        textwrap.dedent(
            """\
            argmap: "1.0"
            title: Faults
            nodes:
              - {id: a, kind: clam, text: x}
              - {id: b, kind: claim, text: y, colour: red}
              - {id: a, kind: evidence, text: z}
            relations:
              - {from: b, to: ghost, kind: supports}
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        argmap.load(bad)
    found = [(p.line, p.column, p.code, p.path) for p in caught.value.errors]
    assert found == [
        (4, 19, "unknown-kind", "$.nodes[0].kind"),
        (5, 43, "unknown-field", "$.nodes[1].colour"),
        (6, 10, "duplicate-id", "$.nodes[2].id"),
        (8, 19, "dangling-reference", "$.relations[0].to"),
    ]
    assert all(p.file == str(bad) for p in caught.value.problems)
    assert f"{bad}:4:19: unknown-kind $.nodes[0].kind: " in str(caught.value)


def test_semantic_checks_run_even_where_the_schema_failed(tmp_path: Path) -> None:
    text = json.dumps(
        {
            "argmap": "1.0",
            "title": "t",
            "nodes": [{"id": "a", "kind": "claim", "text": 5}, {"id": "a", "kind": "claim"}],
        },
        indent=1,
    )
    with pytest.raises(ValidationError) as caught:
        argmap.loads(text, format="json")
    assert {p.code for p in caught.value.problems} == {
        "wrong-type",
        "missing-field",
        "duplicate-id",
    }
    assert all(p.line is not None for p in caught.value.problems)


def test_a_missing_source_file_is_reported_at_its_path(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(GOOD_YAML, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        argmap.load(tmp_path / "map.yaml")
    (problem,) = caught.value.errors
    assert (problem.code, problem.path, problem.line) == (
        "source-not-found",
        "$.sources[0].path",
        4,
    )
    assert "art.txt" in problem.message
    assert "relative to the map file" in problem.message


def test_a_file_many_sources_name_is_looked_at_once_a_path(tmp_path: Path) -> None:
    # 100,000 sources naming one file cost 1.5 s when each was looked up anew.
    (tmp_path / "one.txt").write_text("One shared text.", encoding="utf-8")
    named = ["one.txt"] * 30 + ["./one.txt", "gone.txt", "gone.txt"]
    rows = [(index, f"s{index}", path) for index, path in enumerate(named)]
    looked: list[str] = []
    status = argmap.loader._status

    def counting(path: Path) -> object:
        looked.append(path.name)
        return status(path)

    with patch.object(argmap.loader, "_status", counting):
        texts, problems = argmap.loader._read_source_rows(rows, tmp_path, None)
    # Each path as written looked at once; the file then read once (its reading
    # asks again, just before it opens it).
    assert sorted(looked) == ["gone.txt", "one.txt", "one.txt", "one.txt"]
    assert texts == {f"s{index}": "One shared text." for index in range(31)}
    assert [(p.code, p.path) for p in problems] == [
        ("source-not-found", "$.sources[31].path"),
        ("source-not-found", "$.sources[32].path"),
    ]
    assert "'gone.txt'" in problems[1].message


def test_a_source_that_is_not_utf8_is_reported(folder: Path) -> None:
    (folder / "art.txt").write_bytes(b"caf\xe9")
    with pytest.raises(ValidationError, match="source-unreadable"):
        argmap.load(folder / "map.yaml")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty-document"),
        (b"\x00\x01\x02\xff\xfe binary", "not-utf8"),
        ("título: 1".encode("latin-1"), "not-utf8"),
        (b"nodes: [unclosed", "syntax-error"),
        (b"- just\n- a list\n", "wrong-type"),
        (b"\x00\x00\x00", "syntax-error"),
    ],
)
def test_bad_files_give_one_clear_problem_each(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as caught:
        argmap.load(path)
    assert caught.value.problems[0].code == code
    assert caught.value.problems[0].file == str(path)
    assert caught.value.problems[0].line is not None


def test_not_utf8_says_where_the_bad_byte_is(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"title: ok\ntext: caf\xe9\n")
    with pytest.raises(ValidationError) as caught:
        argmap.load(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, 10)
    assert "0xe9" in problem.message


def test_a_byte_order_mark_is_accepted(folder: Path) -> None:
    path = folder / "bom.json"
    path.write_bytes(
        b"\xef\xbb\xbf" + argmap.dumps(argmap.load(folder / "map.yaml"), format="json").encode()
    )
    assert argmap.load(path).title == "A small map"


def test_files_that_cannot_be_opened_raise_the_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        argmap.load(tmp_path / "missing.yaml")
    with pytest.raises(IsADirectoryError):
        argmap.load(tmp_path)


def test_an_unknown_suffix_needs_an_explicit_format(folder: Path) -> None:
    path = folder / "map.txt"
    path.write_text(GOOD_YAML, encoding="utf-8")
    with pytest.raises(argmap.FormatError, match="name the format"):
        argmap.load(path)
    assert argmap.load(path, format="yaml").title == "A small map"


def test_validation_error_is_a_value_error_and_an_argmap_error() -> None:
    with pytest.raises(ValueError, match="'title'"):
        argmap.loads("argmap: '1.0'")
    assert issubclass(ValidationError, argmap.ArgmapError)


def test_validate_checks_a_map_built_in_code_and_anchors_its_quotes(folder: Path) -> None:
    m = argmap.ArgumentMap(
        title="Built",
        sources=[argmap.Source(id="art", path="art.txt")],
        nodes=[
            argmap.Node(
                id="a",
                kind="claim",
                text="x",
                quotes=[argmap.Quote(source="art", text="gain experience")],
            )
        ],
    )
    checked = argmap.validate(m, base=folder)
    assert checked.node("a").quotes[0].start == ART.index("gain experience")
    assert not m.node("a").quotes[0].anchored
    broken = m.with_node(argmap.Node(id="b", kind="claim", text="y", section="nowhere"))
    with pytest.raises(ValidationError, match=r"\$\.nodes\[1\]\.section"):
        argmap.validate(broken, base=folder)


def test_check_reports_warnings_without_failing(folder: Path) -> None:
    (folder / "map.yaml").write_text(
        GOOD_YAML + "sections:\n  - {id: unused, title: Unused}\n", encoding="utf-8"
    )
    report = argmap.check(folder / "map.yaml")
    assert report.ok
    assert report.map is not None
    assert [(p.code, p.severity, p.line) for p in report.problems] == [
        ("unused-section", Severity.WARNING, 15)
    ]
    assert report.unwrap() is report.map


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_load_and_loads_do_not_look_up_warnings_they_do_not_return(
    folder: Path, suffix: str
) -> None:
    # Placing a warning in a big text costs a scan of it; load and loads keep
    # only the map, so they skip it (check places every warning, as above).
    text = GOOD_YAML + "sections:\n  - {id: unused, title: Unused}\n"
    if suffix == ".json":
        text = json.dumps(yaml.safe_load(text))
    path = folder / f"remarked{suffix}"
    path.write_text(text, encoding="utf-8")
    checked = argmap.check(path)
    assert [(p.code, p.line is not None) for p in checked.problems] == [("unused-section", True)]
    with patch.object(argmap.loader, "locate", side_effect=AssertionError("looked up")):
        assert argmap.load(path) == checked.map
        assert argmap.loads(text, format="yaml", base=folder) == checked.map
        if suffix == ".json":
            assert argmap.loads(text, format="json", base=folder) == checked.map


def test_warnings_ride_along_with_errors_without_counting_as_them(tmp_path: Path) -> None:
    report = argmap.check(
        argmap.ArgumentMap(
            title="t",
            sections=[argmap.Section(id="s", title="S")],
            nodes=[argmap.Node(id="a", kind="claim", text="x", section="gone")],
        )
    )
    assert not report.ok
    assert [p.code for p in report.errors] == ["dangling-reference"]
    assert [p.code for p in report.warnings] == ["unused-section"]
    with pytest.raises(ValidationError) as caught:
        report.unwrap()
    assert str(caught.value).startswith("1 problem found")


def test_a_huge_number_of_problems_keeps_the_message_short() -> None:
    nodes = [{"id": "a", "kind": "claim", "text": "x"}] * 500
    with pytest.raises(ValidationError) as caught:
        argmap.from_dict({"argmap": "1.0", "title": "t", "nodes": nodes})
    assert len(caught.value.problems) >= 499
    assert "and 479 more" in str(caught.value)
    assert len(str(caught.value).splitlines()) == 22


def test_the_nato_example_loads_with_every_quote_anchored() -> None:
    m = argmap.load(NATO_MAP)
    article = NATO_TEXT.read_text(encoding="utf-8")
    quotes = [q for n in m.nodes for q in n.quotes]
    assert quotes
    assert all(q.anchored for q in quotes)
    assert all(article[q.start : q.end] == q.text for q in quotes)


def test_problems_without_lines_come_in_document_order() -> None:
    nodes = [{"id": f"n{i}", "kind": "claim", "text": "x"} for i in range(12)]
    nodes[2]["kind"] = nodes[10]["kind"] = "clam"
    with pytest.raises(ValidationError) as caught:
        argmap.from_dict({"argmap": "1.0", "title": "t", "nodes": nodes})
    assert [p.path for p in caught.value.errors] == ["$.nodes[2].kind", "$.nodes[10].kind"]


def test_from_dict_accepts_any_mapping_and_sequence() -> None:
    from collections import OrderedDict

    node = OrderedDict(id="a", kind="claim", text="x")
    m = argmap.from_dict({"argmap": "1.0", "title": "t", "nodes": (node, dict(node, id="b"))})
    assert [n.id for n in m.nodes] == ["a", "b"]
    with pytest.raises(ValidationError, match="duplicate-id"):
        argmap.from_dict({"argmap": "1.0", "title": "t", "nodes": (node, node)})


def test_values_json_cannot_hold_are_problems_at_their_paths() -> None:
    import datetime

    document = {
        "argmap": "1.0",
        "title": "t",
        "nodes": [{"id": "a", "kind": "claim", "text": "x"}],
        "metadata": {"when": datetime.date(2024, 7, 10), "n": float("nan"), 1: "x", "s": {1}},
    }
    with pytest.raises(ValidationError) as caught:
        argmap.from_dict(document)
    found = {(p.code, p.path) for p in caught.value.problems}
    assert found == {
        ("wrong-type", "$.metadata.when"),
        ("wrong-type", "$.metadata.n"),
        ("wrong-type", "$.metadata"),
        ("wrong-type", "$.metadata.s"),
    }


def test_metadata_built_in_code_is_checked_too() -> None:
    m = argmap.ArgumentMap(title="t", metadata={"n": float("inf")})
    with pytest.raises(ValidationError, match=r"\$\.metadata\.n"):
        argmap.validate(m)


def test_lone_surrogates_in_json_text_are_a_problem_not_a_crash() -> None:
    text = '{"argmap": "1.0", "title": "\\ud83d", "nodes": [], "metadata": {"\\udc00": 1}}'
    with pytest.raises(ValidationError) as caught:
        argmap.loads(text, format="json")
    assert {(p.code, p.path) for p in caught.value.problems} == {
        ("bad-text", "$.title"),
        ("bad-text", '$.metadata["\\udc00"]'),
    }


def test_problems_found_while_parsing_do_not_hide_the_others() -> None:
    text = textwrap.dedent(
        """\
        argmap: "1.0"
        title: t
        nodes:
          - {id: a, kind: clam, text: x, text: y}
        relations:
          - {from: a, to: ghost, kind: supports}
        """
    )
    with pytest.raises(ValidationError) as caught:
        argmap.loads(text)
    assert [p.code for p in caught.value.errors] == [
        "unknown-kind",
        "duplicate-key",
        "dangling-reference",
    ]


def test_metadata_may_not_nest_without_bound(tmp_path: Path) -> None:
    deep: dict[str, object] = {}
    current = deep
    for _ in range(100):
        current["d"] = {}
        current = current["d"]  # type: ignore[assignment]
    path = tmp_path / "deep.json"
    path.write_text(
        json.dumps({"argmap": "1.0", "title": "t", "nodes": [], "metadata": deep}), "utf-8"
    )
    with pytest.raises(ValidationError) as caught:
        argmap.load(path)
    assert [p.code for p in caught.value.problems] == ["too-deep"]


@pytest.mark.parametrize(("depth", "allowed"), [(61, True), (62, False)])
def test_metadata_nests_as_deep_in_text_as_in_data(depth: int, allowed: bool) -> None:
    # At most 64 levels from the document's root (docs/format.md), read from
    # JSON text, from YAML or from data alike: the text path let one more through.
    nested: object = []
    for _ in range(depth):
        nested = [nested]
    document = {"argmap": "1.0", "title": "t", "nodes": [], "metadata": {"m": nested}}
    readers: list[Callable[[], argmap.ArgumentMap]] = [
        lambda: argmap.from_dict(document),
        lambda: argmap.loads(json.dumps(document), format="json"),
        lambda: argmap.loads(json.dumps(document), format="yaml"),
    ]
    for read in readers:
        if allowed:
            assert read().metadata == document["metadata"]
        else:
            with pytest.raises(ValidationError) as caught:
                read()
            assert [p.code for p in caught.value.problems] == ["too-deep"]


def test_an_empty_map_round_trips() -> None:
    m = argmap.ArgumentMap(title="Nothing yet")
    assert argmap.loads(argmap.dumps(m)) == m
    assert argmap.validate(m) == m


def test_offsets_written_as_whole_floats_are_verified_as_ints(folder: Path) -> None:
    start = ART.index("paving the way")
    text = GOOD_YAML.replace(
        'text: "paving the way"}',
        f'text: "paving the way", start: {start - 1}.0, end: {start + 13}.0}}',
    )
    with pytest.raises(ValidationError, match="quote-offset-mismatch"):
        argmap.loads(text, base=folder)
    good = GOOD_YAML.replace(
        'text: "paving the way"}',
        f'text: "paving the way", start: {start}.0, end: {start + 14}.0}}',
    )
    (quote,) = argmap.loads(good, base=folder).node("thesis").quotes
    assert (quote.start, quote.end) == (start, start + 14)
    assert type(quote.start) is int


def test_a_relation_cannot_undercut_itself() -> None:
    document = {
        "argmap": "1.0",
        "title": "t",
        "nodes": [{"id": "o", "kind": "objection", "text": "x"}],
        "relations": [{"id": "u", "from": "o", "to": "u", "kind": "undercuts"}],
    }
    with pytest.raises(ValidationError, match="self-relation"):
        argmap.from_dict(document)


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="not a regular file"):
        argmap.load("/dev/zero", format="json")
    source = GOOD_YAML.replace("path: art.txt", "path: /dev/zero")
    with pytest.raises(ValidationError, match="not a regular file"):
        argmap.loads(source, base=tmp_path)


def test_an_oversized_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap import loader

    monkeypatch.setattr(loader, "MAX_MAP_BYTES", 10)
    path = tmp_path / "m.yaml"
    path.write_text(GOOD_YAML, encoding="utf-8")
    report = argmap.check(path)
    assert [p.code for p in report.problems] == ["too-large"]


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "map.yaml"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        argmap.load(fifo)


def test_a_repeated_key_is_placed_at_the_repeat_not_at_the_kept_value() -> None:
    text = '{"argmap": "1.0",\n "title": "t",\n "nodes": [],\n "title": "u",\n "colour": 1}'
    with pytest.raises(ValidationError) as caught:
        argmap.loads(text, format="json")
    placed = {(p.code, p.line, p.column) for p in caught.value.problems}
    assert placed == {("duplicate-key", 4, 2), ("unknown-field", 5, 12)}


def test_text_with_a_lone_surrogate_is_a_problem_not_a_crash() -> None:
    text = json.dumps(
        {"argmap": "1.0", "title": "T\ud800", "nodes": [{"id": "a", "kind": "claim", "text": "x"}]},
        ensure_ascii=False,
    )
    with pytest.raises(ValidationError) as caught:
        argmap.loads(text, format="json")
    assert [p.code for p in caught.value.problems] == ["bad-text"]
    assert caught.value.problems[0].path == "$.title"


def test_loading_text_leaves_no_encoded_copy_on_the_caller_s_string() -> None:
    # The decoder reads UTF-8; a copy it makes for itself of a big non-ASCII
    # `str` would stay attached to the caller's string as long as it lives.
    count = 1000
    text = json.dumps(
        {
            "argmap": "1.0",
            "title": "Débat über Policy — 王 教授",
            "nodes": [
                {"id": f"n{i}", "kind": "claim", "text": f"Thèse {i} «{'x' * 60}»"}
                for i in range(count)
            ],
            "relations": [
                {"from": f"n{i + 1}", "to": f"n{i}", "kind": "supports"} for i in range(count - 1)
            ],
        },
        ensure_ascii=False,
    )
    assert len(text) >= 1 << 16  # big enough for the loader to make the copy itself
    size = sys.getsizeof(text)
    m = argmap.loads(text, format="json")
    assert m.title == "Débat über Policy — 王 教授"
    assert len(m.nodes) == count
    assert sys.getsizeof(text) == size
