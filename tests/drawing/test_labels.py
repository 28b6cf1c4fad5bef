"""Wrapping and escaping, without Graphviz: the rules `wrap_text` promises, and no break-outs."""

from __future__ import annotations

import html
import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.drawing import wrap_text
from argmap.drawing.labels import (
    _holds_on,
    dot_tooltip,
    dot_url,
    drawable,
    html_text,
    link_target,
    one_line,
)
from argmap.strategies import HOSTILE_CHARACTERS, texts

_BREAKABLE = re.compile(r"[^\S\u00a0\u2007\u202f]")
widths = st.integers(1, 40)
any_text = texts() | st.text(min_size=1)


def test_wrap_text_breaks_at_spaces_and_fills_lines_greedily() -> None:
    assert wrap_text("the cat sat on the mat", 7) == ["the cat", "sat on", "the mat"]


def test_wrap_text_keeps_line_breaks_and_drops_blank_lines() -> None:
    assert wrap_text("one\ntwo\r\n\n\nthree\u2028four", 40) == ["one", "two", "three", "four"]


def test_wrap_text_draws_any_run_of_spaces_and_tabs_as_one_space() -> None:
    assert wrap_text("  a \t  b   ", 40) == ["a b"]


def test_wrap_text_never_breaks_at_a_no_break_space_and_keeps_it() -> None:
    assert wrap_text("10\u00a0km away", 5) == ["10\u00a0km", "away"]


def test_wrap_text_cuts_a_word_longer_than_the_width_into_pieces() -> None:
    assert wrap_text("ab abcdefghij cd", 4) == ["ab", "abcd", "efgh", "ij", "cd"]


def test_wrap_text_never_cuts_a_letter_from_its_combining_marks() -> None:
    word = "e\u0301" * 5  # é written as e + combining acute
    assert all(not line.startswith("\u0301") for line in wrap_text(word, 3))


def test_wrap_text_never_cuts_an_emoji_joined_with_zwj() -> None:
    scientist = "\U0001f469\u200d\U0001f52c"
    lines = wrap_text("ab" + scientist, 3)
    assert scientist in lines


def test_wrap_text_draws_what_xml_cannot_hold_visibly() -> None:
    assert wrap_text("a\x00b\x1bc\x7f d\ud800\ufffe", 40) == ["a\u2400b\u241bc\u2421 d\ufffd\ufffd"]


@given(any_text, widths)
def test_wrap_text_lines_fit_the_width_and_hold_no_stray_spaces(text: str, width: int) -> None:
    for line in wrap_text(text, width):
        assert line
        # Longer than the width only where the whole line draws as one character.
        assert len(line) <= width or all(_holds_on(line, i) for i in range(1, len(line)))
        assert line == line.strip(" ")
        assert "  " not in line
        assert not _BREAKABLE.search(line.replace(" ", ""))


@given(any_text, widths)
def test_wrap_text_loses_and_adds_nothing_but_breakable_whitespace(text: str, width: int) -> None:
    drawn = "".join(wrap_text(text, width)).replace(" ", "")
    assert drawn == _BREAKABLE.sub("", drawable(text))


@given(st.lists(st.text(alphabet="abc\u00e9\u05e9", min_size=1, max_size=8), min_size=1), widths)
def test_wrap_text_fills_each_line_before_starting_the_next(words: list[str], width: int) -> None:
    lines = wrap_text(" ".join(words), width)
    if all(len(word) <= width for word in words):
        for line, following in itertools.pairwise(lines):
            assert len(line) + 1 + len(following.split(" ")[0]) > width


def _unhtml(escaped: str) -> str:
    return html.unescape(escaped.replace("\\\\", "\\"))


@given(any_text)
def test_html_text_round_trips_and_leaves_no_markup_or_lone_backslash(text: str) -> None:
    line = one_line(text)
    escaped = html_text(line)
    assert not set(escaped) & set('<>"]')
    assert re.fullmatch(r"(?:[^&]|&(?:amp|lt|gt|quot|#93);)*", escaped)
    assert "\\" not in escaped.replace("\\\\", "")
    assert _unhtml(escaped) == line


@given(any_text)
def test_dot_tooltip_holds_no_quote_backslash_or_markup_and_round_trips(text: str) -> None:
    quoted = dot_tooltip(text)
    inner = quoted[1:-1]
    assert quoted[0] == quoted[-1] == '"'
    assert not set(inner) & set('"\\<>\n')
    # Graphviz decodes references, then reads backslash escapes twice.
    assert html.unescape(inner).replace("\\\\\\\\", "\\") == drawable(text)


@given(st.text(alphabet=HOSTILE_CHARACTERS, max_size=20))
def test_dot_url_holds_no_quote_backslash_or_markup_and_round_trips(rest: str) -> None:
    url = "https://example.org/" + rest
    quoted = dot_url(url)
    assert not set(quoted[1:-1]) & set('"\\<>\n')
    assert html.unescape(quoted[1:-1]) == url


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
        ("HTTP://example.org/a b", "HTTP://example.org/a%20b"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("example.org", None),
    ],
)
def test_only_http_links_are_followed_with_spaces_percent_encoded(
    url: str, target: str | None
) -> None:
    assert link_target(url) == target


@pytest.mark.parametrize(
    ("word", "width", "lines"),
    [
        ("🇺🇸🇬🇧🇫🇷", 3, ["🇺🇸", "🇬🇧", "🇫🇷"]),
        ("\u1100\u1161\u11a8" * 3, 4, ["\u1100\u1161\u11a8"] * 3),
        (
            "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f" * 2,
            4,
            ["🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"] * 2,
        ),
        ("e\u0301e\u0301", 1, ["e\u0301", "e\u0301"]),
        ("👍🏽👍🏽", 1, ["👍🏽", "👍🏽"]),
    ],
)
def test_what_draws_as_one_character_is_never_cut(word: str, width: int, lines: list[str]) -> None:
    assert wrap_text(word, width) == lines
