"""Shortcuts taken for speed in drawing give what the long way gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.drawing import labels
from argmap.model import ArgumentMap, Node, NodeKind, Quote, Source

# Characters that each take some branch of wrapping: white space of every kind,
# no-break spaces, line breaks, controls, surrogates, joiners, combining marks.
awkward = st.sampled_from(
    [
        *(" ", "\t", "\n", "\r", "\x0b", "\x1c", "\x85", "\u2028", "\xa0", "\u202f", "\x01"),
        *("\x7f", "\ud800", "\ufffe", "\u200d", "\u0301", "é", "😀", "🇫", "a", "b", "-", "_", "."),
    ]
)


@given(st.text(awkward, max_size=12), st.integers(min_value=1, max_value=14))
def test_a_short_word_is_wrapped_as_the_long_way_wraps_it(text: str, width: int) -> None:
    assert labels.wrap_text(text, width) == labels._wrapped(text, width)


@given(st.from_regex(r"[A-Za-z_][A-Za-z0-9_.\-]{0,40}", fullmatch=True))
def test_an_id_is_wrapped_as_the_long_way_wraps_it(name: str) -> None:
    for width in (5, 30):
        assert labels.wrap_text(name, width) == labels._wrapped(name, width)


def test_a_source_cited_by_many_quotes_is_cited_alike_in_each_tooltip() -> None:
    sources = (
        Source(id="talk", title="The talk", author="A. B.", url="https://example.org/t"),
        Source(id="page", title="A page", url="javascript:alert(1)"),
    )
    nodes = tuple(
        Node(
            id=f"n{i}",
            kind=NodeKind.CLAIM,
            text=f"claim {i}",
            quotes=(
                Quote(source="page", text=f"said {i}"),
                Quote(source="talk", text=f"heard {i}"),
            ),
        )
        for i in range(3)
    )
    dot = argmap.to_dot(ArgumentMap(title="t", nodes=nodes, sources=sources))
    for i in range(3):
        assert (
            f'tooltip="&#8220;said {i}&#8221;&#10;&#8212; A page&#10;'
            f'&#8220;heard {i}&#8221;&#10;&#8212; The talk, A. B." URL="https://example.org/t"'
        ) in dot.encode("ascii", "xmlcharrefreplace").decode()


SPECIAL = re.compile(r"""[&<>"'\\\n]""")


def tooltip_the_long_way(text: str) -> str:
    """Each special character replaced once, in one pass (what dot_tooltip promises)."""

    def reference(match: re.Match[str]) -> str:
        return "&#92;" * 4 if match.group() == "\\" else f"&#{ord(match.group())};"

    return '"' + SPECIAL.sub(reference, labels.drawable(text)) + '"'


@given(st.text(st.sampled_from(list("&<>\"'\\\n#;9a\x01\ud800é")), max_size=12))
def test_a_tooltip_is_escaped_as_one_pass_would(text: str) -> None:
    assert labels.dot_tooltip(text) == tooltip_the_long_way(text)


@given(st.text())
def test_printable_text_is_drawn_as_it_is_and_other_text_mended(text: str) -> None:
    assert labels.drawable(text) == labels._UNDRAWABLE.sub(labels._picture, text)


@given(st.text(awkward, max_size=12))
def test_text_on_one_line_is_what_the_long_way_makes_of_it(text: str) -> None:
    assert labels.one_line(text) == " ".join(labels._words(labels.drawable(text)))


html_awkward = st.sampled_from([*"&<>\"]\\ \n\x01a'", "\ud800", "\u2028"])


@given(st.text(html_awkward, max_size=12), st.integers(min_value=1, max_value=6))
def test_plain_text_wraps_to_lines_that_need_no_escaping(text: str, width: int) -> None:
    lines = labels.wrap_text(text, width)
    escaped = [labels.html_text(line) for line in lines]
    assert labels.is_html_plain(text) == all(map(labels.is_html_plain, [text, *lines]))
    if labels.is_html_plain(text):
        assert escaped == lines


@given(st.text(min_size=1, max_size=12).filter(str.isidentifier))
def test_a_short_identifier_is_shown_as_it_is(name: str) -> None:
    width = len(name)
    assert "<BR/>".join(map(labels.html_text, labels.wrap_text(name, width))) == name


def test_a_quote_is_cited_by_the_source_the_map_finds_for_it() -> None:
    sources = (Source(id="s", title="First"), Source(id="s", title="Second"))
    quotes = (Quote(source="s", text="said"), Quote(source="gone", text="lost"))
    node = Node(id="n", kind=NodeKind.CLAIM, text="claim", quotes=quotes)
    m = ArgumentMap(title="t", nodes=(node,), sources=sources)
    dot = argmap.to_dot(m).encode("ascii", "xmlcharrefreplace").decode()
    title = m.source("s").title
    assert f"&#8220;said&#8221;&#10;&#8212; {title}&#10;&#8220;lost&#8221;&#10;&#8212; gone" in dot
