"""Text for Graphviz: wrapping, and escaping that no text can break out of.

What "drawn as written" means, exactly (`wrap_text`):

- A line break in the text (`\\n`, `\\r\\n`, `\\u2028`, ...) is kept; blank lines are dropped.
- Other whitespace (spaces, tabs, ...) separates words; between two words on
  one line it is drawn as a single space, and a line is only ever broken there.
  No-break spaces (U+00A0, U+2007, U+202F) are not breaks: they are drawn as written.
- A word longer than the width is cut into pieces of the width, never inside
  what draws as one character: a letter and its combining marks, an emoji joined
  with U+200D or with modifiers, a flag (a pair of regional indicators, or a tag
  sequence), a Hangul syllable spelt in jamo. (Not covered: Indic conjuncts.)
- Characters XML cannot hold are drawn visibly: the C0 controls that are not
  white space to Python, and DEL, as their Control Pictures (U+2400-U+2421);
  unpaired surrogates and U+FFFE/U+FFFF as U+FFFD.

Every other character (quotes, backslashes, `<>&`, braces, `|`, `&amp;`
written literally, emoji, right-to-left scripts) is drawn as itself.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "dot_tooltip",
    "dot_url",
    "drawable",
    "html_attribute",
    "html_text",
    "is_html_plain",
    "link_target",
    "one_line",
    "wrap_text",
]

_NO_BREAK = "\u00a0\u2007\u202f"
# Whitespace other than the no-break spaces: `\s` is exactly what str.isspace() accepts.
_BREAKS = re.compile(rf"[^\S{_NO_BREAK}]+")
# Controls, surrogates and noncharacters: what XML (so SVG) cannot hold.
_UNDRAWABLE_CHARACTERS = "\x00-\x08\x0e-\x1b\x7f\ud800-\udfff\ufffe\uffff"
_UNDRAWABLE = re.compile(f"[{_UNDRAWABLE_CHARACTERS}]")
# A text drawn as it is on one line: no white space (so no line break) and nothing undrawable.
_ONE_PIECE = re.compile(f"[^\\s{_UNDRAWABLE_CHARACTERS}]+").fullmatch
_JOINER = "\u200d"
_LINK_SCHEMES = ("http://", "https://")
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f\s]")
_SPECIAL = re.compile("[&<>\"'\\\\\n]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def drawable(text: str) -> str:
    """`text` with the characters XML cannot hold replaced by visible stand-ins."""
    # Printable text (most is) holds none: each undrawable character is a control,
    # a surrogate or a noncharacter, none of which Python calls printable.
    if text.isprintable() or _UNDRAWABLE.search(text) is None:
        return text
    return _UNDRAWABLE.sub(_picture, text)


def _words(paragraph: str) -> list[str]:
    if "\u00a0" in paragraph or "\u2007" in paragraph or "\u202f" in paragraph:
        return [word for word in _BREAKS.split(paragraph) if word]
    return paragraph.split()


def _is_regional(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _jamo(char: str) -> str:
    """The Hangul syllable type of `char` (L, V, T, LV, LVT), or "" for other characters."""
    code = ord(char)
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97F:
        return "L"
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return "V"
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return "T"
    if 0xAC00 <= code <= 0xD7A3:
        return "LV" if (code - 0xAC00) % 28 == 0 else "LVT"
    return ""


_JAMO_HOLDS = {
    ("L", "L"), ("L", "V"), ("L", "LV"), ("L", "LVT"),
    ("LV", "V"), ("LV", "T"), ("V", "V"), ("V", "T"),
    ("LVT", "T"), ("T", "T"),
}  # fmt: skip


def _holds_on(word: str, index: int) -> bool:
    """Whether a cut before `word[index]` would split what draws as one character."""
    before, char = word[index - 1], word[index]
    if before == _JOINER or char == _JOINER:
        return True
    if unicodedata.category(char) in ("Mn", "Mc", "Me", "Sk"):
        return True
    if "\U000e0020" <= char <= "\U000e007f":  # emoji tag sequences (England's flag)
        return True
    if _is_regional(char) and _is_regional(before):
        # Flags are pairs of regional indicators: cut only between pairs.
        run = 0
        while index - run - 1 >= 0 and _is_regional(word[index - run - 1]):
            run += 1
        return run % 2 == 1
    return (_jamo(before), _jamo(char)) in _JAMO_HOLDS


def _pieces(word: str, width: int) -> list[str]:
    pieces = []
    start = 0
    while len(word) - start > width:
        cut = start + width
        while cut > start + 1 and _holds_on(word, cut):
            cut -= 1
        if cut == start + 1 and _holds_on(word, cut):
            # One cluster longer than the width: the line runs to its end.
            cut = start + width
            while cut < len(word) and _holds_on(word, cut):
                cut += 1
        pieces.append(word[start:cut])
        start = cut
    if start < len(word):
        pieces.append(word[start:])
    return pieces


def wrap_text(text: str, width: int) -> list[str]:
    """The lines `text` is drawn as, at most `width` characters each (see the module doc)."""
    if len(text) <= width and _ONE_PIECE(text) is not None:  # an id, a word: drawn as it is
        return [text]
    return _wrapped(text, width)


def _wrapped(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in drawable(text).splitlines():
        words = _words(paragraph)
        if not words:
            continue
        line = words[0]
        if len(line) > width:
            *full, line = _pieces(line, width)
            lines.extend(full)
        for word in words[1:]:
            if len(line) + 1 + len(word) <= width:
                line = f"{line} {word}"
            elif len(word) > width:
                lines.append(line)
                *full, line = _pieces(word, width)
                lines.extend(full)
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def one_line(text: str) -> str:
    """`text` on one line: drawable, whitespace runs (line breaks too) as single spaces."""
    # Printable text (most is) has no white space but the space, and nothing
    # undrawable: with single spaces between words and none at the ends, it is
    # already on one line.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(_words(drawable(text)))


_HTML_ESCAPES = (
    ("&", "&amp;"),  # first: the others add ampersands
    ("<", "&lt;"),
    (">", "&gt;"),
    ('"', "&quot;"),
    ("]", "&#93;"),
    ("\\", "\\\\"),
)


_HTML_SPECIAL = re.compile("[" + re.escape("".join(plain for plain, _ in _HTML_ESCAPES)) + "]")


def is_html_plain(text: str) -> bool:
    """Whether `html_text` leaves `text` (and so any part of it) as it is."""
    return _HTML_SPECIAL.search(text) is None


def html_text(text: str) -> str:
    """`text` (no line breaks) escaped for an HTML-like label.

    Graphviz reads backslash escapes (`\\N`, `\\G`, ...) even in HTML-like
    labels, after decoding entities, so a backslash is doubled rather than
    written as `&#92;`. And Graphviz 2.43 fails on a line of nothing but `]`
    (or glues it to the next), so `]` is written `&#93;`.
    """
    return _replaced(text, _HTML_ESCAPES)


def _replaced(text: str, replacements: tuple[tuple[str, str], ...]) -> str:
    """`text` with each character of `replacements` written as it says, in that order."""
    for plain, escaped in replacements:
        if plain in text:
            text = text.replace(plain, escaped)
    return text


def html_attribute(value: str) -> str:
    """`value` escaped for an attribute inside an HTML-like label."""
    return html_text(value)


def link_target(url: str) -> str | None:
    """Where a link to `url` goes: http(s) URLs only, spaces and controls %-encoded; else None.

    Other schemes (`javascript:`, `file:`, ...) are not linked: an SVG is
    often shown inside a web page.
    """
    if not url.lower().startswith(_LINK_SCHEMES):
        return None
    return drawable(_URL_UNSAFE.sub(_percent, url))


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def dot_url(url: str) -> str:
    """`url` as a quoted DOT string that Graphviz writes into SVG's `href` as written.

    Graphviz copies a URL into SVG without escaping it, after reading its
    backslash escapes (`\\N`, `\\\\`). So every character with a meaning to DOT,
    XML or those escapes (`&<>"'\\` and line breaks) is written as an XML
    character reference, which Graphviz leaves alone.
    """
    return f'"{_SPECIAL.sub(_reference, drawable(url))}"'


# What dot_tooltip writes for each special character (`&` first: the others add some).
_TOOLTIP_ESCAPES = tuple(
    (char, "&#92;" * 4 if char == "\\" else f"&#{ord(char)};") for char in "&<>\"'\\\n"
)


def dot_tooltip(text: str) -> str:
    """`text` as a quoted DOT string that Graphviz shows as a tooltip, as written.

    Graphviz decodes character references in a tooltip, then reads backslash
    escapes twice (once dropping the backslash of any `\\x`, once for `\\N`
    and `\\\\`), then escapes it for SVG. So a backslash is written as four,
    and as references (`&#92;`) so that none can escape the closing quote.
    """
    return f'"{_replaced(drawable(text), _TOOLTIP_ESCAPES)}"'
