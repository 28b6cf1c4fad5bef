"""Hostile and odd input gets located problems, never a traceback (issue #7's reproductions)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap

YAML = 'argmap: "1.0"\ntitle: {title}\nnodes: []\n'


def codes(error: argmap.ValidationError) -> list[str]:
    return [p.code for p in error.problems]


def quoting(*paths: str, **quote: object) -> argmap.ArgumentMap:
    """A map built in code: one source per path, one node quoting each."""
    return argmap.ArgumentMap(
        title="t",
        sources=[argmap.Source(id=f"s{i}", path=p) for i, p in enumerate(paths)],
        nodes=[
            argmap.Node(
                id=f"n{i}",
                kind="claim",
                text="x",
                quotes=[argmap.Quote(source=f"s{i}", **{"text": "x", **quote})],  # type: ignore[arg-type]
            )
            for i in range(len(paths))
        ],
    )


def test_a_repeated_key_then_a_syntax_error_is_one_located_syntax_error() -> None:
    text = '{"argmap":"1.0","title":"t","nodes":[{"id":"a","id":"b","kind":"claim","text":"x"},]}'
    with pytest.raises(argmap.ValidationError) as caught:
        argmap.loads(text, format="json")
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column) == ("syntax-error", 1, 84)


def test_a_repeated_key_and_nan_is_still_refused() -> None:
    text = '{"argmap":"1.0","title":"t","title":"u","nodes":[],"metadata":{"x":NaN}}'
    with pytest.raises(argmap.ValidationError) as caught:
        argmap.loads(text, format="json")
    assert codes(caught.value) == ["syntax-error"]


@pytest.mark.parametrize(
    "value", ["!!int hello", "!!float x", "!!bool maybe", "!!timestamp hello", "!!int 0x"]
)
def test_a_yaml_tag_that_does_not_fit_its_value_is_a_problem(value: str) -> None:
    with pytest.raises(argmap.ValidationError) as caught:
        argmap.loads(YAML.format(title=value))
    assert caught.value.problems[0].code == "yaml-tag"
    assert caught.value.problems[0].line == 2


def test_a_timestamp_or_binary_value_hides_no_other_problem() -> None:
    text = (
        'argmap: "1.0"\ntitle: t\ndate: !!timestamp 2026-03-01\nblob: !!binary aGVsbG8=\n'
        "nodes:\n  - id: a\n    kind: clam\n    text: x\n"
        "relations:\n  - {from: a, to: zz, kind: supports}\n"
    )
    with pytest.raises(argmap.ValidationError) as caught:
        argmap.loads(text)
    found = codes(caught.value)
    assert "too-deep" not in found
    assert {"unknown-kind", "dangling-reference", "unknown-field"} <= set(found)
    assert found.count("wrong-type") == 2


def test_integers_past_pythons_digit_limit_are_problems_everywhere() -> None:
    for value in ["1" + "0" * 5000, "0x" + "f" * 4000]:
        text = f'argmap: "1.0"\ntitle: t\nnodes: []\nmetadata:\n  big: {value}\n'
        with pytest.raises(argmap.ValidationError) as caught:
            argmap.loads(text)
        assert codes(caught.value) == ["out-of-range"]
        assert caught.value.problems[0].path == "$.metadata.big"
    with pytest.raises(argmap.ValidationError) as caught:
        argmap.loads(
            '{"argmap": "1.0", "title": "t", "nodes": [], "n": 1%s}' % ("0" * 5000), format="json"
        )
    assert codes(caught.value) == ["syntax-error"]
    assert (caught.value.problems[0].line, caught.value.problems[0].column) == (1, 51)


def test_a_nul_byte_in_a_source_path_is_reported_not_raised(tmp_path: Path) -> None:
    report = argmap.check(quoting("a\0b"), base=tmp_path)
    assert [p.code for p in report.errors] == ["source-not-found"]
    assert "NUL" in report.errors[0].message
    with pytest.raises(OSError, match="NUL"):
        argmap.check(tmp_path / "m\0.yaml")


def test_a_symlink_loop_as_the_map_is_named_as_such(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(OSError, match="symbolic links"):
        argmap.check(loop)


def test_windows_line_endings_in_a_source_are_read_as_newlines(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_bytes(b"First line,\r\nsecond line.\rThird.\r\n")
    text = (
        'argmap: "1.0"\ntitle: t\nsources: [{id: s, path: s.txt}]\n'
        "nodes:\n  - id: n\n    kind: claim\n    text: x\n"
        '    quotes: [{source: s, text: "line,\\nsecond line.\\nThird"}]\n'
    )
    m = argmap.loads(text, base=tmp_path)
    assert (m.nodes[0].quotes[0].start, m.nodes[0].quotes[0].end) == (6, 30)


def confined_map(tmp_path: Path, path: str) -> str:
    return (
        f'argmap: "1.0"\ntitle: t\nsources: [{{id: s, path: "{path}"}}]\n'
        "nodes:\n  - id: n\n    kind: claim\n    text: x\n"
        "    quotes: [{source: s, text: root}]\n"
    )


def test_sources_root_refuses_paths_that_lead_outside_it(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "inside.txt").write_text("the root of it", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("the root of it", encoding="utf-8")
    (root / "sneaky.txt").symlink_to(tmp_path / "outside.txt")
    for path in ["/etc/passwd", "../outside.txt", "sneaky.txt"]:
        report = argmap.check(quoting(path), base=root, sources_root=root)
        assert [p.code for p in report.errors] == ["source-outside-root"], path
    m = argmap.loads(confined_map(tmp_path, "inside.txt"), base=root, sources_root=root)
    assert m.nodes[0].quotes[0].start == 4
    # Without a root, paths lead anywhere readable, as before.
    argmap.loads(confined_map(tmp_path, "../outside.txt"), base=root)


def test_load_accepts_sources_root(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("root", encoding="utf-8")
    target = tmp_path / "m.yaml"
    target.write_text(confined_map(tmp_path, "s.txt"), encoding="utf-8")
    assert argmap.load(target, sources_root=tmp_path).nodes[0].quotes[0].end == 4
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with pytest.raises(argmap.ValidationError, match="source-outside-root"):
        argmap.load(target, sources_root=elsewhere)


def quoting_map(quotes: list[dict[str, object]]) -> str:
    import json

    return json.dumps(
        {
            "argmap": "1.0",
            "title": "t",
            "sources": [{"id": "s", "path": "s.txt"}],
            "nodes": [
                {"id": f"n{i}", "kind": "claim", "text": "x", "quotes": [quote]}
                for i, quote in enumerate(quotes)
            ],
        }
    )


def test_a_quote_found_more_than_once_is_an_ambiguous_quote_warning(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("cats purr. dogs bark. cats purr. cats purr.", encoding="utf-8")
    target = tmp_path / "m.json"
    target.write_text(quoting_map([{"source": "s", "text": "cats purr"}]), encoding="utf-8")
    (warning,) = [p for p in argmap.check(target).warnings if p.code == "ambiguous-quote"]
    assert "3 times" in warning.message
    assert "0, 22, 33" in warning.message
    # Recorded offsets pick the occurrence, without a warning.
    picked = argmap.loads(
        quoting_map([{"source": "s", "text": "cats purr", "start": 22, "end": 31}]),
        format="json",
        base=tmp_path,
    )
    assert picked.nodes[0].quotes[0].start == 22
    assert not [
        p for p in argmap.check(picked, base=tmp_path).warnings if p.code == "ambiguous-quote"
    ]


def test_messages_show_a_bounded_passage_of_a_source(tmp_path: Path) -> None:
    secret = "".join(chr(ord("a") + i % 26) for i in range(5000))
    (tmp_path / "s.txt").write_text(secret, encoding="utf-8")
    wrong = "Z" * 4000
    quotes: list[dict[str, object]] = [
        {"text": wrong, "start": 0, "end": 4000},
        {"text": secret[:3000] + "!"},
    ]
    for quote in quotes:
        report = argmap.check(quoting("s.txt", **quote), base=tmp_path)
        (problem,) = report.errors
        assert len(problem.message) < 400, problem.message


def test_thousands_of_faults_get_few_worded_suggestions(tmp_path: Path) -> None:
    nodes = [{"id": f"node{i}", "kind": "claim", "text": "x"} for i in range(300)]
    relations = [{"from": f"node{i}", "to": f"nodx{i}", "kind": "supports"} for i in range(200)]
    with pytest.raises(argmap.ValidationError) as caught:
        argmap.from_dict({"argmap": "1.0", "title": "t", "nodes": nodes, "relations": relations})
    errors = [p for p in caught.value.problems if p.severity is argmap.Severity.ERROR]
    hinted = [p for p in errors if "did you mean" in p.message]
    assert len(errors) == 200
    assert 0 < len(hinted) <= 25


def test_focus_follows_a_chain_of_a_thousand_undercuts_without_recursing() -> None:
    nodes = [
        argmap.Node(id="a", kind="claim", text="a"),
        argmap.Node(id="b", kind="evidence", text="b"),
        *(argmap.Node(id=f"o{i}", kind="objection", text="o") for i in range(1000)),
    ]
    relations = [
        argmap.Relation(id="r0", source="b", target="a", kind="supports"),
        *(
            argmap.Relation(id=f"r{i + 1}", source=f"o{i}", target=f"r{i}", kind="undercuts")
            for i in range(1000)
        ),
    ]
    m = argmap.ArgumentMap(title="chain", nodes=nodes, relations=relations)
    near = argmap.focus(m, "o999", depth=1)
    assert {"a", "b", "o0", "o998"} <= {n.id for n in near.nodes}


def test_problems_of_a_map_built_in_code_name_the_node() -> None:
    m = argmap.ArgumentMap(
        title="t",
        sources=[argmap.Source(id="s")],
        nodes=[
            argmap.Node(id="a", kind="claim", text="x"),
            argmap.Node(
                id="b", kind="claim", text="y", quotes=[argmap.Quote(source="zz", text="q")]
            ),
        ],
        relations=[argmap.Relation(source="a", target="b", kind="supports")],
    )
    (error,) = argmap.check(m).errors
    assert error.path == "$.nodes[1].quotes[0].source"
    assert error.message.startswith("node 'b': ")


def test_a_yaml_alias_is_reported_where_the_alias_stands() -> None:
    text = (
        'argmap: "1.0"\ntitle: &t Hello\ndescription: *t\nnodes:\n'
        "  - &n {id: a, kind: claim, text: x}\n  - *n\n"
    )
    with pytest.raises(argmap.ValidationError) as caught:
        argmap.loads(text)
    aliases = [(p.path, p.line, p.column) for p in caught.value.problems if p.code == "yaml-alias"]
    assert aliases == [("$.description", 3, 14), ("$.nodes[1]", 6, 5)]
    # The value read as null is not reported a second time by the schema.
    assert codes(caught.value) == ["yaml-alias", "yaml-alias"]


def test_sources_are_read_once_per_file_and_bounded_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap import loader

    (tmp_path / "a.txt").write_text("alpha " * 100, encoding="utf-8")
    (tmp_path / "b.txt").write_text("beta " * 100, encoding="utf-8")
    monkeypatch.setattr(loader, "MAX_TOTAL_SOURCE_BYTES", 700)

    def many(paths: list[str]) -> argmap.Report:
        return argmap.check(quoting(*paths, text="a"), base=tmp_path)

    assert many(["a.txt"] * 50).errors == ()  # 50 × 600 bytes, but one file
    (error,) = many(["a.txt", "b.txt"]).errors
    assert error.code == "source-unreadable"
    assert "together" in error.message


def test_a_quote_with_windows_line_endings_is_told_so(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_bytes(b"First line,\r\nsecond line.\r\n")
    report = argmap.check(quoting("s.txt", text="line,\r\nsecond"), base=tmp_path)
    (error,) = report.errors
    assert error.code == "quote-not-found"
    assert "line endings" in error.message


def test_metadata_nesting_without_end_is_too_deep_not_a_recursion_error() -> None:
    cyclic: dict[str, object] = {}
    cyclic["x"] = cyclic
    deep: dict[str, object] = {}
    current = deep
    for _ in range(5000):
        current["a"] = current = {}
    for metadata in (cyclic, deep):
        m = argmap.ArgumentMap(title="t", metadata=metadata)
        with pytest.raises(argmap.ValidationError, match="too-deep"):
            argmap.dumps(m)
        assert [p.code for p in argmap.check(m).errors] == ["too-deep"]


def test_a_sources_root_that_is_not_a_folder_is_said_once(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError, match="sources root"):
        argmap.check(quoting("s.txt"), sources_root=tmp_path / "nowhere")


@pytest.mark.parametrize("kind", ["[]", '["x:y"]', "{}", "1", "null", "true"])
def test_a_relation_kind_that_is_not_text_beside_a_misfit_is_reported_not_raised(
    kind: str,
) -> None:
    # The misfit (evidence attacking a claim) makes the checks ask whether the
    # node plays its kind in its other relations: one of them has a kind that
    # is no text at all, which the schema reports and the checks must pass by.
    text = (
        '{"argmap": "1.1", "title": "t", "nodes": ['
        '{"id": "a", "kind": "evidence", "text": "A"}, {"id": "b", "kind": "claim", "text": "B"}],'
        ' "relations": [{"from": "a", "to": "b", "kind": "attacks"},'
        f' {{"from": "a", "to": "b", "kind": {kind}, "argument": "g"}}]}}'
    )
    loads: list[Callable[[], object]] = [
        lambda: argmap.loads(text, format="json"),
        lambda: argmap.loads(text, format="yaml"),
        lambda: argmap.from_dict(json.loads(text)),
    ]
    for load in loads:
        with pytest.raises(argmap.ValidationError) as raised:
            load()
        paths = {p.path for p in raised.value.problems}
        assert "$.relations[1].kind" in paths


def test_offsets_whose_sum_python_will_not_write_out_are_reported_not_raised() -> None:
    # start has 4,300 digits, which the parsers allow; start + len(text) has one more.
    text = (
        '{"argmap": "1.1", "title": "t", "sources": [{"id": "s"}], "nodes": [{"id": "a",'
        ' "kind": "claim", "text": "x", "quotes": [{"source": "s", "text": "x",'
        f' "start": {10**4300 - 1}, "end": 0}}]}}]}}'
    )
    with pytest.raises(argmap.ValidationError) as raised:
        argmap.loads(text, format="json")
    [problem] = [p for p in raised.value.problems if p.code == "quote-offset-mismatch"]
    assert problem.path == "$.nodes[0].quotes[0].end"
    assert "a number of more than 4,300 digits" in problem.message
