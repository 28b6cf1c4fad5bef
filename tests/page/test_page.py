"""The HTML page and the report as text: quotes marked, nothing fetched, nothing dropped."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.page import html_to_pdf, to_html, to_report
from argmap.page._assets import script_json
from argmap.page._sources import Passage, mark_up

from ..conftest import NATO_MAP

MARK = re.compile(r'<mark class="quote"[^>]*data-q="([^"]*)"[^>]*>(.*?)</mark>', re.DOTALL)


def marked(page: str) -> dict[str, str]:
    """Each quote key with the text of all the marks that carry it, in order."""
    found: dict[str, str] = {}
    for keys, text in MARK.findall(page):
        for key in keys.split():
            found[key] = found.get(key, "") + html.unescape(text)
    return found


def small_map() -> argmap.ArgumentMap:
    return argmap.ArgumentMap(
        title="Small <b>map</b>",
        sources=[argmap.Source(id="a", title="A"), argmap.Source(id="b", title="B")],
        nodes=[
            argmap.Node(
                id="c",
                kind="claim",
                text="Cats <script>alert(1)</script> rule.",
                quotes=[argmap.Quote(source="a", text="cats are good")],
            ),
            argmap.Node(
                id="e",
                kind="evidence",
                text="They purr.",
                quotes=[
                    argmap.Quote(source="a", text="good company"),
                    argmap.Quote(source="b", text="a purr & a </script>"),
                ],
            ),
        ],
        relations=[argmap.Relation(source="e", target="c", kind="supports")],
    )


@pytest.fixture(scope="module")
def nato() -> argmap.ArgumentMap:
    return argmap.load(NATO_MAP)


@pytest.mark.exe
def test_every_nato_quote_is_marked_verbatim_in_the_page(nato: argmap.ArgumentMap) -> None:
    page = to_html(nato)
    found = marked(page)
    for number, node in enumerate(nato.nodes, start=1):
        for index, quote in enumerate(node.quotes, start=1):
            assert found[f"q{number}-{index}"] == quote.text
    assert len(page) < 400_000


@pytest.mark.exe
def test_the_page_names_no_resource_outside_itself(nato: argmap.ArgumentMap) -> None:
    page = to_html(nato)
    assert "default-src 'none'" in page  # the browser refuses any request the page might make
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!#|data:)""", page)
    assert not re.search(r"url\(|@import", page)


@pytest.mark.exe
def test_overlapping_quotes_and_sources_without_text() -> None:
    m = small_map()
    page = to_html(m, texts={"a": "Some say cats are good company indeed."})
    found = marked(page)
    assert found == {
        "q1-1": "cats are good",
        "q2-1": "good company",
        "q2-2": "a purr & a </script>",
    }
    assert '<mark class="quote" tabindex="0" role="button" data-q="q1-1 q2-1" data-n="c e">' in page
    assert "The text of this source is not available" in page
    assert "<script>alert(1)</script>" not in page
    assert "Small &lt;b&gt;map&lt;/b&gt;" in page
    assert page.count("</script>") == 2  # the data and the code; no text closes them early


def test_mark_up_cuts_at_every_quote_boundary() -> None:
    def passage(key: str, start: int, end: int) -> Passage:
        return Passage(key=key, node=key, number=1, source="s", text="", start=start, end=end)

    text = "abcdefgh"
    out = mark_up(text, [passage("x", 1, 5), passage("y", 3, 7), passage("z", 3, 3)])
    pieces = re.findall(r'data-q="([^"]*)"[^>]*>([^<]*)<', out)
    assert pieces == [("x", "bc"), ("x y", "de"), ("y", "fg")]
    assert re.sub(r"<[^>]*>", "", out) == text


def test_script_json_cannot_close_its_element() -> None:
    text = script_json({"t": "</script><!-- & >"})
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text


@pytest.mark.exe
def test_report_lists_every_node_numbered_with_quotes_offsets_and_status(
    nato: argmap.ArgumentMap,
) -> None:
    first = nato.nodes[0]
    page = to_report(nato, status={first.id: "accepted", nato.nodes[1].id: 0.25})
    for number, node in enumerate(nato.nodes, start=1):
        assert f'<li id="n{number}" value="{number}">' in page
        assert html.escape(node.text) in page
        for quote in node.quotes:
            shown = re.sub(r'<span class="whole">(.*?)</span>', r"\1", page)
            assert f"“{html.escape(quote.text)}”" in shown
            assert f"characters {quote.start}–{quote.end}" in page
        if node.attribution:
            assert html.escape(node.attribution) in page
    assert "status: accepted" in page
    assert "status: strength 0.25" in page


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.exe
@pytest.mark.browser
def test_report_pdf_text_holds_every_quote(nato: argmap.ArgumentMap, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (apt-get install poppler-utils)")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(html_to_pdf(to_report(nato)))
    text = _words(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
    )
    missing = [
        quote.text for node in nato.nodes for quote in node.quotes if _words(quote.text) not in text
    ]
    assert missing == []


@pytest.mark.exe
def test_cli_render_html_and_report_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, report = tmp_path / "nato.html", tmp_path / "report.html"
    assert main(["render", str(NATO_MAP), "-o", str(page)]) == 0
    assert main(["render", str(NATO_MAP), "-o", str(tmp_path / "x"), "--format", "html"]) == 0
    assert main(["render", str(NATO_MAP), "--focus", "trump-risk", "-o", str(page)]) == 0
    assert '<mark class="quote"' in page.read_text(encoding="utf-8")
    assert main(["report", str(NATO_MAP), "-o", str(report)]) == 0
    assert '<ol class="nodes">' in report.read_text(encoding="utf-8")


def test_cli_report_refuses_unknown_suffixes_and_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(NATO_MAP), "-o", str(tmp_path / "r.txt")]) == 2
    assert "cannot tell the report format" in capsys.readouterr().err
    assert main(["report", str(NATO_MAP), "-o", str(NATO_MAP), "--format", "html"]) == 2
    assert "refusing to overwrite the input file" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "r.html")]) == 2


@pytest.mark.exe
def test_pdf_without_chromium_is_a_worded_render_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ARGMAP_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(argmap.RenderError, match="needs Chromium"):
        html_to_pdf("<p>hi</p>")
    assert main(["report", str(NATO_MAP), "-o", str(tmp_path / "r.pdf")]) == 1
    assert "needs Chromium" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.exe
def test_cli_report_status_comes_from_an_evaluation(tmp_path: Path) -> None:
    from argmap.analysis import evaluate

    out = tmp_path / "r.html"
    assert main(["report", str(NATO_MAP), "-o", str(out), "--status", "grounded"]) == 0
    page = out.read_text(encoding="utf-8")
    expected = evaluate(argmap.load(NATO_MAP), "grounded").status()
    shown = re.findall(r'<li id="n\d+" value="\d+">.*?status: ([a-z]+)</span>', page)
    assert shown == list(expected.values())
    assert "Statuses: grounded semantics." in page


@pytest.mark.exe
def test_source_texts_keep_to_the_sources_root_and_to_regular_files(tmp_path: Path) -> None:
    root, outside = tmp_path / "root", tmp_path / "secret.txt"
    root.mkdir()
    outside.write_text("a secret cats text", encoding="utf-8")
    (root / "link.txt").symlink_to(outside)
    (root / "fifo.txt").write_text("", encoding="utf-8")
    (root / "map.yaml").write_text(
        "argmap: '1.0'\ntitle: T\nsources:\n  - {id: a, path: link.txt}\n"
        "  - {id: f, path: fifo.txt}\n"
        "nodes:\n  - {id: c, kind: claim, text: C., quotes: [{source: a, text: cats}]}\n",
        encoding="utf-8",
    )
    m = argmap.load(root / "map.yaml")
    (root / "fifo.txt").unlink()
    os.mkfifo(root / "fifo.txt")  # since loading: reading it would wait for a writer
    assert "a secret" in to_html(m)
    page = to_html(m, sources_root=root)  # returns: the FIFO is never opened
    assert "a secret" not in page
    assert "The text of this source is not available" in page


@pytest.mark.exe
@pytest.mark.parametrize(
    "command", [["report", "--format", "html"], ["render", "--format", "html"]]
)
def test_page_outputs_follow_the_output_rules(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_output_safety import write_map

    name, *options = command
    m = write_map(tmp_path / "maps")
    assert main([name, str(m), "-o", "-", *options]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    assert "cats purr" in out
    source = tmp_path / "maps" / "article.txt"
    assert main([name, str(m), "-o", str(source), *options]) == 2
    assert "refusing to overwrite a source text" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == "Most cats purr when content."
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    assert main([name, str(m), "-o", str(fifo), *options]) == 2
    assert "no process is reading" in capsys.readouterr().err
