"""Writing diagrams: formats, Graphviz present, missing or failing, atomic output, notebooks."""

from __future__ import annotations

import struct
import warnings
from pathlib import Path

import attrs
import pytest

from argmap import ArgumentMap, FormatError, Node, RenderError
from argmap.drawing import (
    FORMATS,
    RenderWarning,
    format_for,
    render,
    render_bytes,
    to_dot,
)
from argmap.drawing import layout as layout_module
from argmap.drawing import output as output_module

from .maps import small
from .svg import parse_svg

MAGIC = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}


@pytest.fixture
def no_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PATH on which no Graphviz executable can be found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def fake_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """Put a `dot` on PATH that runs `script` (a shell script body) instead of Graphviz."""
    folder = tmp_path / "fake-bin"
    folder.mkdir()
    dot = folder / "dot"
    dot.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    dot.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.svg", "svg"), ("a.PNG", "png"), ("a.pdf", "pdf"), ("a.dot", "dot"), ("a.gv", "dot")],
)
def test_the_format_comes_from_the_suffix(name: str, expected: str) -> None:
    assert format_for(name) == expected


def test_an_explicit_format_wins_over_the_suffix() -> None:
    assert format_for("diagram.txt", "svg") == "svg"


@pytest.mark.parametrize(("name", "format"), [("a.jpg", None), ("a", None), ("a.svg", "jpg")])
def test_an_unknown_format_is_refused_naming_the_allowed_ones(
    name: str, format: str | None
) -> None:
    with pytest.raises(FormatError, match="dot, pdf, png, svg"):
        format_for(name, format)


def test_an_unknown_suffix_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(FormatError):
        render(small(), tmp_path / "map.jpg")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("no_graphviz")
def test_dot_output_needs_no_graphviz(tmp_path: Path) -> None:
    written = render(small(), tmp_path / "map.dot")
    assert written == tmp_path / "map.dot"
    assert written.read_text(encoding="utf-8") == to_dot(small())


@pytest.mark.usefixtures("no_graphviz")
def test_missing_graphviz_says_which_executable_and_how_to_install_it(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_text("older diagram", encoding="utf-8")
    with pytest.raises(RenderError) as caught:
        render(small(), target)
    message = str(caught.value)
    assert "'dot' was not found" in message
    assert "apt-get install graphviz" in message
    assert "brew install graphviz" in message
    assert target.read_text(encoding="utf-8") == "older diagram"


def test_a_graphviz_failure_is_a_render_error_with_its_message_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.svg"
    target.write_text("older diagram", encoding="utf-8")
    fake_graphviz(tmp_path, monkeypatch, "echo 'Error: layout exploded' >&2\nexit 1")
    with pytest.raises(RenderError, match="layout exploded"):
        render(small(), target)
    assert target.read_text(encoding="utf-8") == "older diagram"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_graphviz_warnings_reach_the_caller_as_render_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_graphviz(tmp_path, monkeypatch, "echo '<svg/>'\necho 'Warning: odd font' >&2")
    with pytest.warns(RenderWarning, match="odd font"):
        data = render_bytes(small(), format="svg")
    assert data == b"<svg/>\n"


@pytest.mark.exe
@pytest.mark.parametrize("format", sorted(FORMATS - {"dot"}))
def test_each_format_is_written_through_graphviz(tmp_path: Path, format: str) -> None:
    target = render(small(), tmp_path / f"map.{format}")
    assert target.read_bytes().startswith(MAGIC[format])


@pytest.mark.exe
def test_an_svg_holds_every_node_edge_cluster_and_the_legend() -> None:
    drawing = parse_svg(render_bytes(small(), format="svg"))
    assert {"c", "e", "o", "b", "@r:r1"} <= set(drawing.nodes)
    assert sorted(drawing.clusters) == ["cluster@legend", "cluster_s1", "cluster_s2"]
    assert drawing.clusters["cluster_s1"].texts == ("First part",)
    assert drawing.title == ("Small",)
    assert drawing.nodes["e"].href == "https://example.org/p?a=1&b=2"
    assert drawing.nodes["e"].tooltip == "\u201ccats purr\u201d\n\u2014 The Paper, A. Author"


@pytest.mark.exe
def test_ids_that_are_dot_keywords_or_hold_dashes_and_dots_come_out_as_written() -> None:
    names = ["node", "edge", "graph", "strict", "subgraph", "a-b.c", "_", "x--y"]
    m = ArgumentMap(title="Ids", nodes=[Node(id=n, kind="claim", text=n) for n in names])
    drawing = parse_svg(render_bytes(m, format="svg", legend=False))
    assert set(drawing.nodes) == set(names)


def _png_width(data: bytes) -> int:
    width: int = struct.unpack(">I", data[16:20])[0]
    return width


@pytest.mark.exe
def test_dpi_sets_the_resolution_of_png_output() -> None:
    low = _png_width(render_bytes(small(), format="png", dpi=50))
    high = _png_width(render_bytes(small(), format="png", dpi=100))
    assert 1.9 < high / low < 2.1


@pytest.mark.exe
def test_a_large_map_is_drawn_with_sfdp_and_the_caller_is_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(layout_module, "LARGE_MAP", 3)
    with pytest.warns(
        RenderWarning,
        match="4 nodes and 3 relations, a layout cost of 4, more than 3: laid out with 'sfdp'",
    ):
        drawing = parse_svg(render_bytes(small(), format="svg"))
    assert {"c", "e", "o", "b"} <= set(drawing.nodes)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_bytes(small(), format="svg", engine="dot")


@pytest.mark.exe
def test_a_map_shows_itself_in_a_notebook_as_svg() -> None:
    bundle = small()._repr_mimebundle_()
    assert bundle["text/plain"] == "ArgumentMap 'Small': 4 nodes, 3 relations"
    assert "c" in parse_svg(bundle["image/svg+xml"].encode("utf-8")).nodes
    assert "image/svg+xml" not in small()._repr_mimebundle_(exclude={"image/svg+xml"})
    assert "image/svg+xml" not in small()._repr_mimebundle_(include={"text/plain"})


@pytest.mark.usefixtures("no_graphviz")
def test_without_graphviz_a_notebook_shows_the_map_as_text_saying_why() -> None:
    bundle = small()._repr_mimebundle_()
    assert list(bundle) == ["text/plain"]
    assert bundle["text/plain"].startswith("ArgumentMap 'Small': 4 nodes, 3 relations (no diagram:")
    assert "apt-get install graphviz" in bundle["text/plain"]


def test_an_unwritable_output_is_refused_before_graphviz_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_graphviz(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("Graphviz ran for an output that cannot be written")

    monkeypatch.setattr(output_module, "run_graphviz", no_graphviz)
    with pytest.raises(FileNotFoundError, match="no such folder"):
        render(small(), tmp_path / "missing" / "map.svg")
    with pytest.raises(IsADirectoryError):
        render(small(), tmp_path)


@pytest.mark.exe
def test_a_map_without_sections_is_drawn_with_one_run_of_graphviz(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Sections are laid out alone and arranged (a second run of Graphviz to
    # measure them); a map with none has nothing to arrange but its legend.
    runs: list[str] = []
    real = layout_module.run_graphviz

    def counted(source: str, **options: object) -> bytes:
        runs.append(str(options["format"]))
        return real(source, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(output_module, "run_graphviz", counted)
    monkeypatch.setattr("argmap.drawing.pagefit.run_graphviz", counted)
    sectioned = small()
    render_bytes(sectioned, format="svg")
    assert runs == ["json0", "svg"]
    runs.clear()
    plain = attrs.evolve(
        sectioned, sections=(), nodes=[attrs.evolve(n, section=None) for n in sectioned.nodes]
    )
    svg = parse_svg(render_bytes(plain, format="svg"))
    assert runs == ["svg"]
    assert {"c", "e", "o", "b"} <= set(svg.nodes)
