"""Argdown import: real Argdown agrees with Argdown's own parser; bad input is located."""

from __future__ import annotations

import json
import os
import re
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
from argmap.loader import Report
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
    chosen = marked or real
    return chosen[-1] if chosen else None


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

    ours = {
        (r.source, r.target, r.kind)
        for r in m.relations
        if r.kind is not RelationKind.UNDERCUTS and r.id not in derived
    }
    theirs = set()
    for r in reference["relations"]:
        if r["relationType"] == "undercut":
            continue  # compared below
        source, target = end(r["from"], r["fromType"]), end(r["to"], r["toType"])
        # Argdown's strict mode (a front matter setting argmap does not apply) calls a
        # support between statements `entails`, and an attack `contrary`, one for both ways.
        kind = r["relationType"]
        if kind in ("support", "entails"):
            theirs.add((source, target, RelationKind.SUPPORTS))
        elif kind == "attack":
            theirs.add((source, target, RelationKind.ATTACKS))
        elif kind == "contrary":
            theirs.add((source, target, RelationKind.ATTACKS))
            if (target, source, RelationKind.ATTACKS) in ours:
                theirs.add((target, source, RelationKind.ATTACKS))
        elif kind == "contradictory":
            theirs |= {
                (source, target, RelationKind.ATTACKS),
                (target, source, RelationKind.ATTACKS),
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


# The mapping rules of docs/interchange.md, on the fixture of every construct.


@pytest.fixture(scope="module")
def constructs() -> Report:
    return argdown.check_text(CONSTRUCTS.read_bytes(), file="constructs.argdown")


def test_a_premise_conclusion_structure_is_a_linked_argument_into_the_argument(
    constructs: Report,
) -> None:
    m = constructs.unwrap()
    into = [r for r in m.incoming("Health") if r.kind is RelationKind.SUPPORTS]
    assert [r.source for r in into] == ["Air", "Untitled-1", "Lives", "Untitled-2"]
    assert {r.argument for r in into} == {"Health"}
    assert [r.target for r in m.outgoing("Health")] == ["T"]
    assert m.relation("Health.inference").target == "T"


def test_undercuts_target_the_inference_or_the_arguments_own_relations(
    constructs: Report,
) -> None:
    m = constructs.unwrap()
    undercuts = {(r.source, r.target) for r in m.relations if r.kind is RelationKind.UNDERCUTS}
    # `<_` under a conclusion undercuts its inference; `<_` under an argument with no
    # premise-conclusion structure undercuts what that argument attacks.
    assert ("Rights", "Health.inference") in undercuts
    assert ("Exaggerated", "Trade.to.T") in undercuts
    assert m.relation("Trade.to.T").kind is RelationKind.ATTACKS


def test_a_contradiction_is_two_attacks(constructs: Report) -> None:
    m = constructs.unwrap()
    pairs = {(r.source, r.target) for r in m.relations if r.kind is RelationKind.ATTACKS}
    assert {("Access", "Transit"), ("Transit", "Access")} <= pairs


def test_kinds_are_inferred_and_data_overrides_them(constructs: Report) -> None:
    m = constructs.unwrap()
    assert m.node("Air").kind is argmap.NodeKind.EVIDENCE  # {kind: "evidence"}
    assert m.node("Loose").kind is argmap.NodeKind.REBUTTAL  # {kind: "rebuttal"}
    assert m.node("Untitled-1").kind is argmap.NodeKind.EVIDENCE  # supports, nothing backs it
    assert m.node("Rights").kind is argmap.NodeKind.OBJECTION  # undercuts a support
    assert m.node("Listed").kind is argmap.NodeKind.CLAIM


def test_titles_sections_texts_and_tags(constructs: Report) -> None:
    m = constructs.unwrap()
    assert m.title == "Every construct, once"
    assert [(s.id, s.title) for s in m.sections] == [
        ("Thesis", "Thesis"),
        ("Reconstructions", "Reconstructions"),
        ("Odd-corners", "Odd corners"),
    ]
    # The last definition is the text; the trailing tag is a tag, not text.
    assert m.node("T").text == "The centres of cities should be car-free."
    assert m.node("T").tags == ("policy",)
    assert m.node("Noise").text == "Traffic noise harms sleep 😢 #not-a-tag."
    assert m.node("Untitled-1").text == ("Air pollution kills thousands every year, see the WHO.")
    meta = m.metadata["argdown"]
    assert meta["titles"]["Listed-argument"] == "Listed argument"
    assert meta["texts"]["T"] == ["Cities should ban cars from their centres."]
    assert meta["inferences"]["Health"] == [
        {"rules": ["Modus ponens ∧ generalisation"], "data": {"uses": [1, 2]}}
    ]
    assert meta["frontmatter"] == {"author": "argmap's tests"}
    # `{isCanonical: true}` chooses the text; data may be written as a YAML block.
    assert m.node("Canon").text == "The second text."
    assert meta["texts"]["Canon"] == ["The first text.", "The third text."]
    assert m.node("Block").kind is argmap.NodeKind.EVIDENCE
    assert m.node("Mentions").text == "As @[Noise] says, and @<Health> shows, 👍 ❓"
    assert meta["sections"]["Odd-corners"] == {"level": 2, "data": {"isGroup": True}}


def test_nothing_is_dropped_silently(constructs: Report) -> None:
    notices = {
        (p.line, p.message.split(":")[0])
        for p in constructs.problems
        if p.code.startswith("argdown-")
    }
    assert notices == {
        (1, "1 front matter key"),
        (12, "3 further texts of statements defined more than once"),
        (21, "2 headings below the first level (argmap sections are flat)"),
        (27, "1 inference (rules and data)"),
        (30, "1 intermediary conclusion"),
        (43, "1 statement only referred to, never defined"),
        (46, "2 nodes with data argmap has no field for"),
        (50, "1 undercut of a statement"),
    }
    assert all(p.severity is argmap.Severity.WARNING for p in constructs.problems)


def _content(m: argmap.ArgumentMap) -> tuple[list[Any], list[Any]]:
    """Nodes and relations, an undercut's target named by the ends of the relation it targets."""
    ends = {r.id: (r.source, r.target) for r in m.relations if r.id}
    return (
        # White space inside texts is flattened on export (the documented loss).
        sorted((n.id, n.kind, " ".join(n.text.split()), n.tags, n.section) for n in m.nodes),
        sorted(
            (r.source, ends[r.target] if r.kind is RelationKind.UNDERCUTS else (r.target,), r.kind)
            for r in m.relations
        ),
    )


@pytest.mark.parametrize("path", [*FILES, CONSTRUCTS], ids=lambda p: p.name)
def test_argdown_argmap_argdown_argmap_keeps_the_map(path: Path) -> None:
    first = argdown.loads(path.read_bytes())
    again = argdown.loads(argdown.dumps(first))
    assert _content(again) == _content(first)
    assert again.title == first.title

    # What argmap has no field for comes back too: front matter, data, inference rules,
    # heading levels, further texts, the premise-conclusion structures.
    def kept(m: argmap.ArgumentMap) -> dict[str, Any]:
        meta = dict(m.metadata.get("argdown", {}))
        meta["arguments"] = sorted(meta.get("arguments", []))
        return meta

    assert kept(again) == kept(first)


def test_a_structure_whose_premise_is_its_conclusion_is_written_as_relations() -> None:
    # The premise and the conclusion are one statement: the import keeps no
    # premise, and a structure without one (`----` first) is not Argdown.
    text = "<A>: x\n\n(1) [T]: p\n----\n(2) [T]: q\n  - [Doubt]\n"
    first = argdown.loads(text)
    written = argdown.dumps(first)
    assert "----" not in written
    again = argdown.check_text(written)
    assert again.map is not None, [str(p) for p in again.errors]
    ends = [(r.source, r.target, r.kind) for r in first.relations]
    assert [(r.source, r.target, r.kind) for r in again.map.relations] == ends
    assert ("A", "T", argmap.RelationKind.SUPPORTS) in ends


def test_argdown_argmap_argdown_keeps_titles_and_arguments() -> None:
    first = argdown.loads(CONSTRUCTS.read_text(encoding="utf-8"))
    text = argdown.dumps(first)
    assert "<Listed argument>: An argument in a list." in text
    assert "[Only referred to]: Only referred to" in text
    # `<Health>`'s one support is its inference: its undercut can be said in Argdown.
    assert "<Health>\n  <_ [Rights]" in text
    assert "<Trade>\n  <_ <Exaggerated>\n  <_ [T]" in text
    assert "not written" not in text


# Bad input: located problems, never a traceback.


def _problems(text: str | bytes) -> list[tuple[int | None, int | None, str, str]]:
    report = argdown.check_text(text, file="x.argdown")
    assert report.map is None
    return [(p.line, p.column, p.code, p.message) for p in report.errors]


def test_syntax_errors_say_where_what_was_found_and_what_was_expected() -> None:
    [(line, column, code, message)] = _problems("[a]: A.\n  + [b]: B.\n[c]: C.\n")
    assert (line, column, code) == (3, 1, "syntax-error")
    assert "found '[c]:'" in message
    assert "expected a relation, or the end of the indented block" in message


def test_a_premise_conclusion_structure_needs_an_inference() -> None:
    [(line, column, code, message)] = _problems("(1) A.\n(2) B.\n")
    assert (line, column, code) == (3, 1, "syntax-error")
    assert "expected an inference line (-- or ----) before the conclusion" in message


def test_a_lone_backslash_is_located() -> None:
    [(line, column, code, message)] = _problems("[a]: A \\\n")
    assert (line, column, code) == (1, 8, "syntax-error")
    assert "backslash" in message


def test_an_unknown_kind_is_located_at_its_data() -> None:
    [(line, column, code, message)] = _problems('[a]: A.\n\n[b]: B. {kind: "clam"}\n  + [a]\n')
    assert (line, column, code) == (3, 9, "unknown-kind")
    assert "'clam'" in message
    assert "expected one of: claim, evidence" in message


def test_bad_yaml_data_is_located_in_the_argdown_text() -> None:
    [(line, column, code, _)] = _problems("[a]: A. {kind: claim, kind: evidence}\n")
    assert (line, code) == (1, "duplicate-key")
    assert column is not None
    assert column > 9


def test_problems_of_the_map_point_at_the_argdown_line() -> None:
    [(line, column, code, _)] = _problems("[a]: A.\n  + [a]\n")
    assert (line, column, code) == (2, 3, "self-relation")


def test_empty_and_undecodable_files() -> None:
    assert _problems("\n  \n")[0][2] == "empty-document"
    assert _problems(b"[a]: \xff\n")[0][:3] == (1, 6, "not-utf8")


def test_argmaps_own_json_read_as_argdown_gets_a_hint() -> None:
    [(_, _, code, message)] = _problems('{"argmap": "1.1", "title": "x", "nodes": []}\n')
    assert code == "syntax-error"
    assert "--from json" in message


# The command line reads Argdown with no other change.


def test_convert_validate_and_render_read_argdown(tmp_path: Path) -> None:
    from argmap.cli import main

    source = tmp_path / "map.argdown"
    source.write_text("[a]: A.\n  + [b]: B.\n", encoding="utf-8")
    assert main(["validate", str(source)]) == 0
    assert main(["convert", str(source), "-o", str(tmp_path / "map.json")]) == 0
    assert argmap.load(tmp_path / "map.json").node("b").kind is argmap.NodeKind.EVIDENCE
    renamed = tmp_path / "map.txt"
    renamed.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["convert", str(renamed), "--from", "argdown", "-o", str(tmp_path / "b.yaml")]) == 0
    assert main(["render", str(source), "-o", str(tmp_path / "map.dot")]) == 0
    assert "digraph" in (tmp_path / "map.dot").read_text(encoding="utf-8")
    (tmp_path / "bad.argdown").write_text("(1) A.\n", encoding="utf-8")
    assert main(["validate", str(tmp_path / "bad.argdown")]) == 1


def test_bad_quotes_and_sources_are_located() -> None:
    text = '===\ntitle: t\nsources: [{id: "s", colour: red}]\n===\n\n[a]: A. {quotes: [1]}\n'
    found = [(line, code) for line, _, code, _ in _problems(text)]
    assert found == [(1, "wrong-type"), (6, "wrong-type")]


_PIECES = st.sampled_from(
    [
        "[a]: ", "<A>: ", "<A>", "[a]", "\n  + ", "\n  - ", "\n  -> ", "\n  +> ", "\n  _> ",
        "\n  <_ ", "\n  >< ", "\n\n", "\n(1) ", "\n--\n", "\n----\n", "{kind: claim}",
        '{kind: "clam"}', "{quotes: [1]}", "# H\n\n", "===\ntitle: t\n===\n\n", "text ",
        "#tag ", "**b** ", "_i_ ", "\n* ", "\n1. ", "// c\n", "/* c */", "{a: *x}", ".^. ",
        "\\", "\n    + [b]",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=14).map("".join) | st.text("[]<>{}()#@*_-+ \n:.\\ab"))
def test_any_text_gets_a_report_never_a_traceback(text: str) -> None:
    report = argdown.check_text(text, file="f.argdown")
    assert report.map is not None or report.errors
    assert all(p.line is not None for p in report.errors if p.code == "syntax-error")


def test_front_matter_sources_are_confined_by_sources_root(tmp_path: Path) -> None:
    (tmp_path / "inside").mkdir()
    (tmp_path / "secret.txt").write_text("The secret words.", encoding="utf-8")
    source = tmp_path / "inside" / "map.argdown"
    source.write_text(
        '===\ntitle: t\nsources:\n  - {id: "s", path: "../secret.txt"}\n===\n\n'
        '[a]: A. {quotes: [{source: "s", text: "secret words"}]}\n',
        encoding="utf-8",
    )
    anchored = argdown.check_text(source.read_bytes(), file=str(source))
    assert anchored.unwrap().node("a").quotes[0].start == 4
    confined = argdown.check_text(
        source.read_bytes(), file=str(source), sources_root=tmp_path / "inside"
    )
    assert [p.code for p in confined.errors] == ["source-outside-root"]


def test_nesting_deeper_than_64_levels_is_a_problem_not_a_recursion_error() -> None:
    deep = "[r]: R.\n" + "".join("  " * (i + 1) + f"+ [a{i}]: A.\n" for i in range(100))
    [(line, column, code, message)] = _problems(deep)
    assert (line, column, code) == (66, 1, "too-deep")
    assert "relations nested more than 64 levels deep" in message
    sixty = "[r]: R.\n" + "".join("  " * (i + 1) + f"+ [a{i}]: A.\n" for i in range(60))
    assert len(argdown.loads(sixty).relations) == 60


EXAMPLES = os.environ.get("ARGDOWN_EXAMPLES")
_AT = re.compile(r"At (\d+):(\d+)")


@needs_argdown
@pytest.mark.skipif(
    not EXAMPLES,
    reason="set ARGDOWN_EXAMPLES to a folder of .argdown files (e.g. the examples and tests of "
    "github.com/christianvoigt/argdown) to compare them with Argdown's own parser",
)
def test_more_argdown_files_agree_with_argdown(tmp_path: Path) -> None:
    assert EXAMPLES is not None
    assert ARGDOWN is not None
    files = sorted(Path(EXAMPLES).glob("*.argdown"))
    assert files, f"no .argdown files in {EXAMPLES}"
    for path in files:
        run = subprocess.run(
            [ARGDOWN, "json", str(path), str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        exported = tmp_path / f"{path.stem}.json"
        report = argdown.check_text(path.read_bytes(), file=str(path))
        if exported.exists():
            _agrees(report.unwrap(), json.loads(exported.read_text(encoding="utf-8")))
            exported.unlink()
            continue
        # Argdown refuses the file: so does argmap, at Argdown's first place if it names one.
        assert report.errors, path.name
        place = _AT.search(run.stdout + run.stderr)
        if place and report.errors[0].code == "syntax-error":
            expected = (int(place.group(1)), int(place.group(2)))
            assert (report.errors[0].line, report.errors[0].column) == expected, path.name


_MAP_PIECES = st.sampled_from(
    [
        "[a]: x ", "[b c]: y ", "<A>: y ", "<B b>", "\n  + [a]", "\n  - <A>", "\n  -> [d]",
        "\n  +> <B b>", "\n  _> <A>", "\n  <_ [a]", "\n  >< [e]", "\n\n",
        "\n\n(1) [p]\n(2) q\n--\nr, s {u: 1}\n--\n(3) [c]",
        "\n\n(1) p\n----\n(2) [c]\n----\n(3) [d]",
        "{kind: claim}", "{isCanonical: true}", "# H\n\n", "## H2 {isGroup: true}\n\n", "#tag ",
        "#(t t) ", "**b** ", "text.", ":+1: ", "\\# ", "\n* [l]: i", "// c\n", "[a]: other text ",
    ]
)  # fmt: skip


@given(st.lists(_MAP_PIECES, max_size=12).map("".join))
def test_any_argdown_read_written_and_read_again_is_the_same_map(text: str) -> None:
    first = argdown.check_text(text)
    if first.map is None:
        return
    again = argdown.check_text(argdown.dumps(first.map))
    assert again.map is not None, [str(p) for p in again.errors]
    assert _content(again.map) == _content(first.map)


def test_load_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.argdown"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        argdown.load(fifo)
