"""A caller's mistake in an argument is a TypeError or ValueError that says what was wrong."""

from __future__ import annotations

import pathlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import argmap
from argmap import analysis, drawing, page
from argmap.formats import aif, argdown, graphs, mermaid
from argmap.model import LintSettings
from tests.conftest import NATO_MAP

NATO = argmap.load(NATO_MAP)

# Each function that takes a map, called with `x` where the map goes.
TAKES_A_MAP: dict[str, Callable[[Any], object]] = {
    "diff (first)": lambda x: argmap.diff(x, NATO),
    "diff (second)": lambda x: argmap.diff(NATO, x),
    "evaluate": lambda x: argmap.evaluate(x),
    "lint": lambda x: argmap.lint(x),
    "summary": lambda x: argmap.summary(x),
    "analysis.summary": lambda x: analysis.summary(x),
    "framework": lambda x: analysis.framework(x),
    "strengths": lambda x: analysis.strengths(x),
    "focus": lambda x: argmap.focus(x, "a"),
    "select": lambda x: argmap.select(x),
    "render": lambda x: argmap.render(x, "never-written.svg"),
    "render_bytes": lambda x: drawing.render_bytes(x, format="svg"),
    "to_dot": lambda x: argmap.to_dot(x),
    "to_html": lambda x: page.to_html(x),
    "to_report": lambda x: page.to_report(x),
    "to_dict": lambda x: argmap.to_dict(x),
    "dumps": lambda x: argmap.dumps(x),
    "dump": lambda x: argmap.dump(x, "never-written.yaml"),
    "formats.dumps": lambda x: argmap.formats.dumps(x, "aif"),
    "aif.to_data": lambda x: aif.to_data(x),
    "argdown.dumps": lambda x: argdown.dumps(x),
    "mermaid.dumps": lambda x: mermaid.dumps(x),
    "to_networkx": lambda x: graphs.to_networkx(x),
    "dumps_graphml": lambda x: graphs.dumps_graphml(x),
}


@pytest.mark.parametrize("name", sorted(TAKES_A_MAP))
@pytest.mark.parametrize(
    ("given", "hint"),
    [
        (None, ""),
        ({"argmap": "1.1", "title": "t", "nodes": []}, "argmap.from_dict"),
        ("map.yaml", "argmap.load"),
        (NATO.nodes[0], ""),
    ],
)
def test_a_function_given_no_map_says_what_it_got(
    name: str, given: object, hint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TypeError, match=f"expected an ArgumentMap, got {type(given).__name__}"):
        TAKES_A_MAP[name](given)
    if hint:
        with pytest.raises(TypeError, match=hint):
            TAKES_A_MAP[name](given)
    assert not list(tmp_path.iterdir())  # nothing written


@pytest.mark.parametrize(
    "solve",
    [
        analysis.grounded_extension,
        analysis.grounded_labelling,
        analysis.complete_extensions,
        analysis.preferred_extensions,
        analysis.stable_extensions,
        lambda x: analysis.extensions(x, "preferred"),
    ],
)
def test_an_extension_function_given_a_map_points_to_framework(
    solve: Callable[[Any], object],
) -> None:
    with pytest.raises(TypeError, match=r"expected a Framework, got ArgumentMap.*framework\(m\)"):
        solve(NATO)


@pytest.mark.parametrize(
    ("format", "expected"),
    [
        ("yml", "cannot read the format 'yml' (did you mean 'yaml'?)"),
        ("aif", "cannot read the format 'aif'; expected one of: json, yaml"),
        ("JSON", "cannot read the format 'JSON'"),
        (None, "cannot read the format null"),
    ],
)
def test_loads_refuses_a_format_it_does_not_read(format: Any, expected: str) -> None:
    # It read every name but "json" as YAML.
    with pytest.raises(argmap.FormatError) as raised:
        argmap.loads('{"argmap": "1.1", "title": "t", "nodes": []}', format=format)
    assert str(raised.value).startswith(expected)


@pytest.mark.parametrize(("given", "hint"), [(pathlib.Path("map.yaml"), "argmap.load"), (None, "")])
def test_loads_given_no_text_says_what_it_got(given: object, hint: str) -> None:
    with pytest.raises(TypeError, match=f"text must be str or bytes, got {type(given).__name__}"):
        argmap.loads(given)  # type: ignore[arg-type]
    if hint:
        with pytest.raises(TypeError, match=hint):
            argmap.loads(given)  # type: ignore[arg-type]


@pytest.mark.parametrize("call", [argmap.load, argmap.check])
@pytest.mark.parametrize(
    "text",
    [
        '{"argmap": "1.1", "title": "t", "nodes": []}',
        "argmap: '1.1'\ntitle: t\nnodes: []\n",
        "{" + '"x": 1, ' * 5000 + "}",  # a name too long for the OS, not just not found
    ],
)
def test_map_text_given_as_a_file_name_points_to_loads(
    call: Callable[[str], object], text: str
) -> None:
    # The OS's error, with a hint and the text cut short (it held all of it).
    with pytest.raises(OSError, match=r"argmap\.loads reads text") as raised:
        call(text)
    assert len(str(raised.value)) < 200
    assert raised.value.filename == (text if len(text) <= 60 else text[:59] + "…")


@pytest.mark.parametrize("name", ["missing.json", "{draft} map.json"])
def test_a_missing_file_name_is_told_as_the_os_tells_it(tmp_path: Path, name: str) -> None:
    with pytest.raises(FileNotFoundError) as raised:
        argmap.load(str(tmp_path / name))
    assert "argmap.loads" not in str(raised.value)
    assert raised.value.filename == str(tmp_path / name)


def test_lint_refuses_a_single_code_as_text_and_names_the_codes() -> None:
    # A string was read letter by letter: "'u' is not a valid LintCode".
    with pytest.raises(TypeError, match="not a string"):
        argmap.lint(NATO, ignore="unsupported-claim")
    with pytest.raises(ValueError, match=r"'unsuported-claim' \(did you mean 'unsupported-claim'"):
        argmap.lint(NATO, ignore=["unsuported-claim"])
    assert all(
        finding.code != "unsupported-claim"
        for finding in argmap.lint(NATO, ignore=["unsupported-claim"])
    )


@pytest.mark.parametrize("lint", [{"ignore": ["self-attack"]}, "self-attack", ["self-attack"]])
def test_a_maps_lint_settings_must_be_lint_settings(lint: object) -> None:
    # Accepted, they broke dumps, validate and lint later with an AttributeError.
    with pytest.raises(TypeError, match=r"'lint' must be an argmap\.model\.LintSettings or None"):
        argmap.ArgumentMap(title="t", lint=lint)  # type: ignore[arg-type]
    made = argmap.ArgumentMap(title="t", lint=LintSettings(ignore=["self-attack"]))
    assert argmap.to_dict(made)["lint"] == {"ignore": ["self-attack"]}


@pytest.mark.parametrize("count", ["10000001", "100000000000", "9" * 5000])
def test_an_iccma_header_cannot_ask_for_more_arguments_than_memory_holds(count: str) -> None:
    # It made every name it declared: a 20-byte header hung the reader.
    with pytest.raises(ValueError, match="argmap reads frameworks of up to 10,000,000"):
        analysis.loads_iccma(f"p af {count}\n1 2\n")


@pytest.mark.parametrize(
    ("size", "error"),
    [
        ((0, 0), ValueError),
        ((-1, 5), ValueError),
        ((1, 99_999), ValueError),
        (("a", "b"), TypeError),
        (100, TypeError),
        ((1, 2, 3), TypeError),
    ],
)
def test_a_screenshot_size_is_two_ints_in_range(size: Any, error: type[Exception]) -> None:
    # (0, 0) made Chromium wait out the whole timeout.
    from argmap.page.chromium import html_to_png

    with pytest.raises(error, match="size must be"):
        html_to_png("<p>x</p>", size=size)


def test_argmaps_own_load_and_dump_refuse_a_name_that_says_aif(tmp_path: Path) -> None:
    # dump wrote argmap's JSON into x.aif.json, which AIF readers then refused.
    target = tmp_path / "x.aif.json"
    with pytest.raises(argmap.FormatError, match=r"names an AIF file.*argmap\.formats"):
        argmap.dump(NATO, target)
    assert not target.exists()
    target.write_text(aif.dumps(NATO), encoding="utf-8")
    with pytest.raises(argmap.FormatError, match="names an AIF file"):
        argmap.load(target)
    assert argmap.formats.load(target).nodes  # the AIF reader reads it
    argmap.dump(NATO, tmp_path / "y.aif.json", format="json")  # unless the format is named


@pytest.mark.parametrize(
    ("semantics", "options", "error", "words"),
    [
        ("dfquad", {"supports": "xyz"}, ValueError, "unknown support rule 'xyz'"),
        ("grounded", {"supports": "xyz"}, ValueError, "unknown support rule 'xyz'"),
        ("grounded", {"base": {}}, ValueError, "base scores are for the gradual semantics"),
        ("dfquad", {"base": 0.5}, TypeError, "base must be a mapping"),
        ("dfquad", {"base": {"ID": "0.5"}}, TypeError, "must be a number, got '0.5'"),
        ("dfquad", {"base": {"ID": True}}, TypeError, "must be a number, got True"),
        ("dfquad", {"base": {"ID": 1.5}}, ValueError, r"must be in \[0, 1\]"),
    ],
)
def test_evaluate_checks_every_option_it_is_given(
    semantics: str, options: dict[str, Any], error: type[Exception], words: str
) -> None:
    # A support rule was taken unchecked by the gradual semantics, base scores were
    # ignored by the extension ones, and a score as text failed in a comparison.
    first = NATO.nodes[0].id
    if "base" in options and isinstance(options["base"], dict):
        options = {"base": {first if k == "ID" else k: v for k, v in options["base"].items()}}
    with pytest.raises(error, match=words):
        argmap.evaluate(NATO, semantics, **options)
    assert argmap.evaluate(NATO, "dfquad", base={first: 1}).nodes[0].strength == 1.0


def test_lookups_and_edits_say_what_they_were_given_instead() -> None:
    # A node where its id goes gave a KeyError holding the node's whole repr.
    node: Any = NATO.nodes[0]
    look_ups: list[Callable[[Any], object]] = [
        NATO.node,
        NATO.without_node,
        lambda x: argmap.focus(NATO, x),
    ]
    for look_up in look_ups:
        with pytest.raises(TypeError, match=r"a node id is text, got Node \(give its \.id\)"):
            look_up(node)
    with pytest.raises(TypeError, match="a node id is text, got an object with 0 fields"):
        NATO.node({})  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="no node with id 'zzz'"):
        NATO.node("zzz")
    with pytest.raises(TypeError, match="expected a Node, got str"):
        NATO.with_node("a")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Relation, got str"):
        NATO.with_relation("r")  # type: ignore[arg-type]


def test_a_relation_is_removed_by_its_id_too() -> None:
    named = next(r for r in NATO.relations if r.id is not None)
    assert NATO.without_relation(named.id) == NATO.without_relation(named)  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="no relation with id 'zzz'"):
        NATO.without_relation("zzz")


def test_a_theme_refuses_what_graphviz_would_choke_on_or_ignore() -> None:
    # An empty label became <B></B>, a Graphviz syntax error at render; a header
    # size over 255 was ignored by Graphviz; a dict for a style gave attrs' raw error.
    theme = argmap.THEMES["default"]
    with pytest.raises(ValueError, match="'label' must be non-blank text"):
        attrs.evolve(theme.claim, label="")
    with pytest.raises(ValueError, match="'label' must be non-blank text"):
        attrs.evolve(theme.supports, label=" ")
    with pytest.raises(ValueError, match=r"'header_size' must be a number from 0\.01 to 255"):
        attrs.evolve(theme, header_size=1000)
    with pytest.raises(TypeError, match="'claim' must be a NodeStyle, got dict"):
        attrs.evolve(theme, claim={})  # type: ignore[arg-type]


def test_a_colour_graphviz_does_not_know_reaches_the_caller_as_a_warning() -> None:
    theme = argmap.THEMES["default"]
    odd = attrs.evolve(theme, claim=attrs.evolve(theme.claim, fill="notacolour"))
    with pytest.warns(argmap.RenderWarning, match="notacolour is not a known color"):
        drawing.render_bytes(NATO, format="svg", theme=odd)


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"texts": {"article": 1}}, TypeError, "the text of source 'article' must be str"),
        ({"texts": "hello"}, TypeError, "texts must map source ids to texts"),
        ({"texts": {"artcle": "x"}}, ValueError, r"'artcle' \(did you mean 'article'\?\)"),
        ({"sources_root": "/no/such/folder"}, NotADirectoryError, "is not a folder"),
    ],
)
def test_the_page_checks_the_texts_and_the_root_it_is_given(
    options: dict[str, Any], error: type[Exception], words: str
) -> None:
    # A text that was no str failed deep inside; an unknown id or a root that
    # is no folder was passed over in silence.
    for make in (page.to_html, page.to_report):
        with pytest.raises(error, match=words):
            make(NATO, **options)
    with pytest.raises(TypeError, match="status_by names how the status was found"):
        page.to_report(NATO, status_by=1)  # type: ignore[arg-type]


@pytest.mark.parametrize("answer", ["Segmentation fault\n", "", "\n\n"])
def test_a_solver_answer_that_is_no_answer_is_an_error_not_no_extension(answer: str) -> None:
    # A crash's message read as () — the answer 'NO' gives.
    fw = analysis.Framework.of([("a", "b")])
    with pytest.raises(ValueError, match="not an ICCMA answer"):
        analysis.read_solver_answer(answer, fw)
    assert analysis.read_solver_answer("NO\n", fw) == ()
    assert analysis.read_solver_answer("w 1\n", fw) == (frozenset({"a"}),)


def test_load_given_a_map_points_to_check() -> None:
    # It checked the map against the working folder, finding no source.
    with pytest.raises(TypeError, match=r"argmap\.check or validate checks a map"):
        argmap.load(NATO)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "write",
    [
        lambda name: argmap.render(NATO, name + "out.svg/"),
        lambda name: argmap.dump(NATO, name + "out.yaml/"),
        lambda name: aif.dump(NATO, name + "out.aif.json/"),
    ],
)
def test_an_output_name_ending_in_a_slash_names_a_folder(
    write: Callable[[str], object], tmp_path: Path
) -> None:
    # Path("out.svg/") drops the slash: render wrote out.svg.
    with pytest.raises(IsADirectoryError, match="names a folder"):
        write(f"{tmp_path}/")
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_no_file_can_be_made_in_is_named_not_the_temporary_file() -> None:
    # /proc exists but takes no new file: the error named '.x.yaml.4c2614f5.tmp',
    # a file the caller never asked for.
    with pytest.raises(OSError, match="cannot make a file in its folder") as raised:
        argmap.dump(NATO, "/proc/argmap-test.yaml")
    assert raised.value.filename == "/proc/argmap-test.yaml"


def test_base_scores_may_be_numpy_numbers() -> None:
    import numpy as np

    first = NATO.nodes[0].id
    scores: list[Any] = [np.float64(0.5), np.int64(1), 1]
    for score in scores:
        assert argmap.evaluate(NATO, "dfquad", base={first: score}).nodes[0] is not None
