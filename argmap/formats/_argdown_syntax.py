"""Argdown text to a syntax tree, token by token as Argdown's own parser does it.

A port of the lexer and grammar of `@argdown/core` 1.7 (chevrotain): the same
tokens in the same order (the first that matches wins), the same indentation
rule for relations, the same rules. Problems are located (offset in the text)
and reported, never raised as anything but `ArgdownSyntaxError`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Generic, TypeVar, Union

import attrs

__all__ = [
    "MAX_DEPTH",
    "SPECIAL",
    "TAG",
    "ArgdownSyntaxError",
    "ArgdownTooDeepError",
    "Element",
    "Token",
    "freestyle_text",
    "parse",
]

# JavaScript's `.`, `\s` and `\S`, spelled out: Python's differ at the edges.
_DOT = "[^\n\r\u2028\u2029]"
_WS = " \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_S = f"[{_WS}]"
_NS = f"[^{_WS}]"
_ANY = "[\\s\\S]"
_COMMENT = rf"(?:<!--[^\u2028\u2029]*?-->)|(?:/\*[^\u2028\u2029]*?\*/)|(?://{_DOT}*?(?=\r\n|\n|\r))"
_RE_COMMENT = re.compile(_COMMENT)
_RE_COMMENT_AFTER_EMPTYLINE = re.compile(rf"(?:{_COMMENT})(?:[ \t]*\r\n|\n|\r)*")
_RE_COMMENT_AFTER_NEWLINE = re.compile(
    rf"(?:{_COMMENT})(?:[ \t]*(?:\r\n|\n|\r)(?![ \t]*(?:\r\n|\n|\r)))?"
)
_TAG_BODY = r"(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))"
TAG = re.compile("#" + _TAG_BODY)
SPECIAL = re.compile(rf"(?:\.{_NS}+?\.[ \t]?)|(?::{_NS}+?:[ \t]?)")
_END = r"(?:[ \t]|(?=\n|\r|\)|\}|_|\.|,|!|\?|;|:|-|\*|\Z))"

_PLAIN: dict[str, re.Pattern[str]] = {
    "FrontMatter": re.compile(rf"===+{_ANY}*?===+"),
    "Data": re.compile(rf"\{{(?:(?!\}}{_S}[^,}}])(?:{_DOT}|\n))*\}}(?!{_S}*(?:,|\}}))"),
    "EscapedChar": re.compile(rf"\\{_DOT}(?: )*"),
    "SpecialChar": SPECIAL,
    "Newline": re.compile(r"[ \t]*(?:\r\n|\n|\r)"),
    "Link": re.compile(r"\[[^\]]+?\]\([^)]+?\)[ \t]?"),
    "Tag": re.compile("#" + _TAG_BODY + r"[ \t]?"),
    "StatementDefinition": re.compile(rf"\[{_DOT}+?\]:"),
    "StatementReference": re.compile(rf"\[[^-]{_DOT}*?\]"),
    "StatementMention": re.compile(rf"@\[{_DOT}+?\][ \t]?"),
    "ArgumentDefinition": re.compile(rf"<{_DOT}+?>:"),
    "ArgumentReference": re.compile(rf"<[^-]{_DOT}*?>"),
    "ArgumentMention": re.compile(rf"@<{_DOT}+?>[ \t]?"),
    "Spaces": re.compile(r"[ \t]+"),
    "Freestyle": re.compile(r"[^\\@#*_\[\],.:;</>\-\r\n(){}]+"),
    "UnusedControlChar": re.compile(r"[@#*_\[\],.:;</>\-(){}][ \t]?"),
    "InferenceEnd": re.compile(r"-{2,}"),
    "ListDelimiter": re.compile(","),
}
_RELATIONS = {
    "IncomingSupport": re.compile(r"([' \t]*)(\+>)"),
    "IncomingAttack": re.compile(r"([' \t]*)(->)"),
    "OutgoingSupport": re.compile(r"([' \t]*)(<?\+)"),
    "OutgoingAttack": re.compile(r"([' \t]*)(<?-)"),
    "Contradiction": re.compile(r"([' \t]*)(><)"),
    "IncomingUndercut": re.compile(r"([' \t]*)(_>)"),
    "OutgoingUndercut": re.compile(rf"([' \t]*)(<_|(?:_(?={_S})))"),
}
RELATION_TOKENS = frozenset(_RELATIONS)
_EMPTYLINE = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r)){2,}")
_INFERENCE_START = re.compile(r"[' \t]*-{2}")
_HEADING = re.compile(r"(#+)(?: )")
_STATEMENT_NUMBER = re.compile(r"[' \t]*\(([0-9]+)\)")
_ORDERED = re.compile(rf"([' \t]*)[0-9]+\.(?={_S})")
_UNORDERED = re.compile(rf"([' \t]*)\*(?={_S})")
_EMPHASIS = {
    # name: (start pattern, end pattern)
    "AsteriskBold": (re.compile(rf"\*\*(?!{_S})"), re.compile(r"\*\*" + _END)),
    "UnderscoreBold": (re.compile(rf"__(?!{_S})"), re.compile(r"__" + _END)),
    "AsteriskItalic": (re.compile(rf"\*(?!{_S})"), re.compile(r"\*" + _END)),
    "UnderscoreItalic": (re.compile(rf"_(?!{_S})"), re.compile(r"_" + _END)),
}
_SKIPPED = frozenset({"Comment", "Spaces"})


class ArgdownSyntaxError(Exception):
    """Text that Argdown's grammar does not accept: where, what was found, what was expected."""

    def __init__(self, offset: int, found: str, expected: str) -> None:
        super().__init__(f"found {found}; expected {expected}")
        self.offset = offset
        self.found = found
        self.expected = expected


MAX_DEPTH = 64
"""How deep relations (indentation levels) and bold/italic may nest, as argmap's own format."""


class ArgdownTooDeepError(ArgdownSyntaxError):
    """Relations or emphasis nested more than `MAX_DEPTH` levels deep."""


@attrs.define
class Token:
    """One token: its type, its text and where it starts and ends (offsets)."""

    type: str
    image: str
    start: int
    end: int


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] = []
        self.indents = [0]
        self.ranges: list[str] = []
        self.last_skipped_end = -1
        self.modes = ["default"]

    def last(self) -> str | None:
        return self.tokens[-1].type if self.tokens else None

    def at_line_start(self, emptyline: bool = True) -> bool:
        last = self.last()
        return last is None or last == "Newline" or (emptyline and last == "Emptyline")

    def push(self, type: str, start: int, end: int) -> None:
        self.tokens.append(Token(type, self.text[start:end], start, end))

    def dedent_all(self, at: int) -> None:
        while len(self.indents) > 1:
            self.push("Dedent", at, at)
            self.indents.pop()

    def indent_to(self, level: int, at: int) -> None:
        if level > self.indents[-1]:
            self.indents.append(level)
            self.push("Indent", at, at)
            return
        while len(self.indents) > 1 and level < self.indents[-1]:
            self.indents.pop()
            self.push("Dedent", at, at)

    def match(self, type: str, pos: int) -> int | None:
        text = self.text
        m: re.Match[str] | None
        if type == "Comment":
            if self.last() == "Emptyline":
                m = _RE_COMMENT_AFTER_EMPTYLINE.match(text, pos)
            elif self.last() == "Newline":
                m = _RE_COMMENT_AFTER_NEWLINE.match(text, pos)
            else:
                m = _RE_COMMENT.match(text, pos)
        elif type == "Emptyline":
            if self.last() == "Emptyline":
                return None
            m = _EMPTYLINE.match(text, pos)
            if m and m.end() < len(text):
                self.dedent_all(pos)
        elif type in _RELATIONS:
            if not self.at_line_start():
                return None
            m = _RELATIONS[type].match(text, pos)
            if m:
                self.indent_to(len(m.group(1)), pos)
        elif type == "InferenceStart":
            if not self.at_line_start(emptyline=False):
                return None
            m = _INFERENCE_START.match(text, pos)
            if m:
                self.dedent_all(pos)
        elif type == "HeadingStart":
            if not self.at_line_start():
                return None
            m = _HEADING.match(text, pos)
        elif type == "StatementNumber":
            if not self.at_line_start():
                return None
            m = _STATEMENT_NUMBER.match(text, pos)
            if m:
                self.dedent_all(pos)
        elif type in ("OrderedListItem", "UnorderedListItem"):
            if not self.at_line_start():
                return None
            m = (_ORDERED if type == "OrderedListItem" else _UNORDERED).match(text, pos)
            if m:
                self.indent_to(len(m.group(1)) + 1, pos)
        elif type.endswith("Start") and type[:-5] in _EMPHASIS:
            m = _EMPHASIS[type[:-5]][0].match(text, pos)
            if m:
                self.ranges.append(type[:-5])
        elif type.endswith("End") and type[:-3] in _EMPHASIS:
            name = type[:-3]
            if not self.ranges or self.ranges[-1] != name or not self.tokens:
                return None
            if self.last_skipped_end > self.tokens[-1].end:
                return None
            m = _EMPHASIS[name][1].match(text, pos)
            if m:
                self.ranges.pop()
        else:
            m = _PLAIN[type].match(text, pos)
        return m.end() if m and m.end() > pos else None

    def run(self) -> list[Token]:
        pos = 0
        text = self.text
        # A pattern with no closer left in the text cannot match: asking anyway
        # would scan to the end at every opener (quadratic on hostile input).
        closers = {
            "Data": text.rfind("}"),
            "Comment": max(text.rfind("*/"), text.rfind("-->"), text.rfind("\n"), text.rfind("\r")),
            "FrontMatter": text.rfind("==="),
        }
        while pos < len(text):
            mode = self.modes[-1]
            for type in _candidates(mode, text[pos]):
                if type in closers and closers[type] <= pos:
                    continue
                end = self.match(type, pos)
                if end is None:
                    continue
                if type in _SKIPPED:
                    self.last_skipped_end = end
                else:
                    self.push(type, pos, end)
                if type == "InferenceStart":
                    self.modes.append("inference")
                elif type == "InferenceEnd":
                    self.modes.pop()
                pos = end
                break
            else:
                found = repr(text[pos])
                if text[pos] == "\\":
                    found = "a backslash at the end of a line"
                raise ArgdownSyntaxError(pos, found, "Argdown text")
        if self.tokens and self.tokens[-1].type == "Emptyline":
            self.tokens.pop()
        self.dedent_all(len(text))
        return self.tokens


_INDENT = "' \t"
_FIRST: dict[str, str] = {
    "Comment": "</",
    "FrontMatter": "=",
    "Data": "{",
    "EscapedChar": "\\",
    "SpecialChar": ".:",
    "Emptyline": " \t\r\n",
    "Newline": " \t\r\n",
    "InferenceStart": _INDENT + "-",
    "IncomingSupport": _INDENT + "+",
    "IncomingAttack": _INDENT + "-",
    "OutgoingSupport": _INDENT + "<+",
    "OutgoingAttack": _INDENT + "<-",
    "Contradiction": _INDENT + ">",
    "IncomingUndercut": _INDENT + "_",
    "OutgoingUndercut": _INDENT + "<_",
    "HeadingStart": "#",
    "StatementNumber": _INDENT + "(",
    "OrderedListItem": _INDENT + "0123456789",
    "UnorderedListItem": _INDENT + "*",
    "AsteriskBoldEnd": "*",
    "UnderscoreBoldEnd": "_",
    "AsteriskItalicEnd": "*",
    "UnderscoreItalicEnd": "_",
    "AsteriskBoldStart": "*",
    "UnderscoreBoldStart": "_",
    "AsteriskItalicStart": "*",
    "UnderscoreItalicStart": "_",
    "Link": "[",
    "Tag": "#",
    "StatementDefinition": "[",
    "StatementReference": "[",
    "StatementMention": "@",
    "ArgumentDefinition": "<",
    "ArgumentReference": "<",
    "ArgumentMention": "@",
    "Spaces": " \t",
    "UnusedControlChar": "@#*_[],.:;</>-(){}",
    "InferenceEnd": "-",
    "ListDelimiter": ",",
}
_NOT_FREESTYLE = "\\@#*_[],.:;</>-\r\n(){}"


@functools.cache
def _candidates(mode: str, char: str) -> tuple[str, ...]:
    """The token types of `mode` that can start with `char`, in the order they are tried."""
    order = _DEFAULT_MODE if mode == "default" else _INFERENCE_MODE
    return tuple(
        t for t in order if (char not in _NOT_FREESTYLE if t == "Freestyle" else char in _FIRST[t])
    )


_DEFAULT_MODE = (
    "Comment",
    "FrontMatter",
    "Data",
    "EscapedChar",
    "SpecialChar",
    "Emptyline",
    "Newline",
    "InferenceStart",
    *_RELATIONS,
    "HeadingStart",
    "StatementNumber",
    "OrderedListItem",
    "UnorderedListItem",
    "AsteriskBoldEnd",
    "UnderscoreBoldEnd",
    "AsteriskItalicEnd",
    "UnderscoreItalicEnd",
    "AsteriskBoldStart",
    "UnderscoreBoldStart",
    "AsteriskItalicStart",
    "UnderscoreItalicStart",
    "Link",
    "Tag",
    "StatementDefinition",
    "StatementReference",
    "StatementMention",
    "ArgumentDefinition",
    "ArgumentReference",
    "ArgumentMention",
    "Spaces",
    "Freestyle",
    "UnusedControlChar",
)
_INFERENCE_MODE = (
    "Comment",
    "Newline",
    "EscapedChar",
    "SpecialChar",
    "InferenceEnd",
    "Data",
    "ListDelimiter",
    "Spaces",
    "Freestyle",
    "UnusedControlChar",
)


# The syntax tree: what the model builder needs, in the order of the text.


@attrs.define
class Emphasis:
    """Bold or italic text: its content and the token that closed it."""

    content: list[Part]
    end: Token


Part = Union[Token, Emphasis]  # noqa: UP007  (a runtime alias)


@attrs.define
class Relation:
    """A relation line: its token (`+`, `->`, ...) and the statement or argument it names."""

    token: Token
    member: Statement | Argument


_Title = TypeVar("_Title", str, str | None)


@attrs.define
class _Member(Generic[_Title]):
    """What statements and arguments both are: a title (or none), text, data and relations."""

    start: int
    title: _Title
    reference: bool
    content: list[Part] = attrs.Factory(list)
    data: Token | None = None
    relations: list[Relation] = attrs.Factory(list)


@attrs.define
class Statement(_Member[str | None]):
    """A statement: `[title]: text`, `[title]` or untitled text, with data and relations."""


@attrs.define
class Argument(_Member[str]):
    """An argument: `<title>: text` or `<title>`, with data and relations."""


@attrs.define
class Inference:
    """The `--` line(s) between premises and a conclusion: rules, data, undercuts."""

    start: int
    rules: list[list[Token]] = attrs.Factory(list)
    data: Token | None = None
    relations: list[Relation] = attrs.Factory(list)


@attrs.define
class Pcs:
    """A premise-conclusion structure: numbered statements and inferences, in order."""

    start: int
    items: list[Statement | Inference] = attrs.Factory(list)


@attrs.define
class Heading:
    """A heading `# ...`: its level, content and data."""

    start: int
    level: int
    content: list[Part] = attrs.Factory(list)
    data: Token | None = None


@attrs.define
class ListItems:
    """An ordered or unordered list of statements or arguments."""

    start: int
    items: list[Statement | Argument] = attrs.Factory(list)


@attrs.define
class FrontMatter:
    """The `===` YAML block at the top."""

    token: Token


@attrs.define
class Gap:
    """An empty line between top-level elements (Argdown attaches a PCS across one)."""

    start: int


Element = Union[Heading, Statement, Argument, Pcs, ListItems, FrontMatter, Gap]  # noqa: UP007

_CONTENT = frozenset(
    {
        "Freestyle",
        "UnusedControlChar",
        "EscapedChar",
        "SpecialChar",
        "Link",
        "AsteriskBoldStart",
        "UnderscoreBoldStart",
        "AsteriskItalicStart",
        "UnderscoreItalicStart",
        "Tag",
        "ArgumentMention",
        "StatementMention",
        "Newline",
    }
)
_FREESTYLE = frozenset({"Freestyle", "UnusedControlChar", "EscapedChar", "SpecialChar"})
_WORDS = {
    "EOF": "the end of the text",
    "Emptyline": "an empty line",
    "Newline": "a line break",
    "Indent": "an indented line",
    "Dedent": "the end of an indented block",
    "Data": "data {...}",
    "FrontMatter": "front matter (===)",
    "InferenceStart": "an inference line (--)",
    "InferenceEnd": "the end of an inference (--)",
    "StatementNumber": "a numbered statement (1)",
    "HeadingStart": "a heading",
}


def _describe(token: Token | None) -> str:
    if token is None:
        return "the end of the text"
    if token.type in _RELATIONS:
        return f"the relation {token.image.strip()!r}"
    word = _WORDS.get(token.type)
    shown = token.image.strip()
    if word:
        return word
    return f"{shown[:30]!r}" if shown else token.type


class _Parser:
    def __init__(self, tokens: list[Token], length: int) -> None:
        self.tokens = tokens
        self.index = 0
        self.length = length
        self.depth = 0

    def deeper(self, what: str) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            token = self.token()
            raise ArgdownTooDeepError(
                token.start if token else self.length,
                f"{what} nested more than {MAX_DEPTH} levels deep",
                f"at most {MAX_DEPTH} levels",
            )

    def peek(self, ahead: int = 0) -> str:
        at = self.index + ahead
        return self.tokens[at].type if at < len(self.tokens) else "EOF"

    def token(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def fail(self, expected: str) -> ArgdownSyntaxError:
        token = self.token()
        offset = token.start if token is not None else self.length
        return ArgdownSyntaxError(offset, _describe(token), expected)

    def consume(self, type: str, expected: str) -> Token:
        if self.peek() != type:
            raise self.fail(expected)
        token = self.tokens[self.index]
        self.index += 1
        return token

    def accept(self, type: str) -> Token | None:
        if self.peek() == type:
            return self.consume(type, type)
        return None

    def document(self) -> list[Element]:
        elements: list[Element] = []
        self.accept("Newline")
        self.accept("Emptyline")
        if self.peek() == "FrontMatter":
            elements.append(FrontMatter(self.consume("FrontMatter", "front matter")))
            self.accept("Newline")
            gap = self.consume("Emptyline", "an empty line after the front matter")
            elements.append(Gap(gap.start))
        elements.append(self.element())
        while self.peek() == "Emptyline":
            gap = self.consume("Emptyline", "an empty line")
            elements.append(Gap(gap.start))
            elements.append(self.element())
        if self.peek() != "EOF":
            raise self.fail("an empty line between elements (or the end of the text)")
        return elements

    def element(self) -> Element:
        kind = self.peek()
        if kind == "HeadingStart":
            return self.heading()
        if kind == "StatementNumber":
            return self.pcs()
        if kind in ("ArgumentDefinition", "ArgumentReference"):
            return self.argument()
        if kind == "Indent" and self.peek(1) in ("OrderedListItem", "UnorderedListItem"):
            return self.list_items(self.peek(1))
        if kind in _CONTENT or kind in ("StatementReference", "StatementDefinition"):
            return self.statement()
        raise self.fail("a statement, an argument, a heading or a numbered premise")

    def heading(self) -> Heading:
        start = self.consume("HeadingStart", "a heading")
        heading = Heading(start.start, len(start.image) - 1, self.content())
        if self.peek() == "Data" or (self.peek() == "Newline" and self.peek(1) == "Data"):
            self.accept("Newline")
            heading.data = self.consume("Data", "data")
            self.accept("Newline")
        return heading

    def content(self) -> list[Part]:
        parts: list[Part] = []
        while self.peek() in _CONTENT:
            kind = self.peek()
            if kind.endswith("Start"):
                self.deeper("bold and italic text")
                start = self.consume(kind, kind)
                inner = self.content() if self.peek() in _CONTENT else []
                self.depth -= 1
                end = self.consume(
                    kind[:-5] + "End", f"the end of {'bold' if 'Bold' in kind else 'italic'} text"
                )
                del start
                parts.append(Emphasis(inner, end))
            else:
                token = self.tokens[self.index]
                self.index += 1
                parts.append(token)
        if not parts:
            raise self.fail("text")
        return parts

    def statement(self) -> Statement:
        token = self.token()
        statement = Statement(token.start if token else self.length, None, False)
        kind = self.peek()
        if kind == "StatementReference":
            image = self.consume(kind, kind).image
            statement.title, statement.reference = image[1:-1], True
            while self.peek() == "Tag":
                statement.content.append(self.consume("Tag", "a tag"))
            if newline := self.accept("Newline"):
                statement.content.append(newline)
        elif kind == "StatementDefinition":
            statement.title = self.consume(kind, kind).image[1:-2]
            statement.content = self.content()
        else:
            statement.content = self.content()
        self.data_and_relations(statement)
        return statement

    def argument(self) -> Argument:
        kind = self.peek()
        token = self.consume(kind, "an argument")
        if kind == "ArgumentDefinition":
            argument = Argument(token.start, token.image[1:-2], False, self.content())
        else:
            argument = Argument(token.start, token.image[1:-1], True)
            while self.peek() == "Tag":
                argument.content.append(self.consume("Tag", "a tag"))
            self.accept("Newline")
        self.data_and_relations(argument)
        return argument

    def data_and_relations(self, node: Statement | Argument) -> None:
        if self.peek() == "Data":
            node.data = self.consume("Data", "data")
            self.accept("Newline")
        if self.peek() == "Indent":
            node.relations = self.relations(RELATION_TOKENS)

    def relations(self, allowed: frozenset[str]) -> list[Relation]:
        self.deeper("relations")
        self.consume("Indent", "an indented relation")
        relations: list[Relation] = []
        while True:
            kind = self.peek()
            if kind not in allowed:
                break
            token = self.consume(kind, kind)
            member: Statement | Argument
            if kind != "Contradiction" and self.peek() in (
                "ArgumentDefinition",
                "ArgumentReference",
            ):
                member = self.argument()
            else:
                member = self.statement()
            relations.append(Relation(token, member))
        if not relations:
            raise self.fail("a relation (+, -, <+, <-, +>, ->, _>, <_, ><)")
        self.consume(
            "Dedent", "a relation, or the end of the indented block (a line less indented)"
        )
        self.depth -= 1
        return relations

    def pcs(self) -> Pcs:
        token = self.token()
        pcs = Pcs(token.start if token else self.length)
        pcs.items.append(self.pcs_statement())
        tails = 0
        while self.peek() in ("StatementNumber", "InferenceStart"):
            while self.peek() == "StatementNumber":
                pcs.items.append(self.pcs_statement())
            pcs.items.append(self.inference())
            pcs.items.append(self.pcs_statement())
            tails += 1
        if not tails:
            raise self.fail("an inference line (-- or ----) before the conclusion")
        return pcs

    def pcs_statement(self) -> Statement:
        self.consume("StatementNumber", "a numbered statement")
        return self.statement()

    def inference(self) -> Inference:
        start = self.consume(
            "InferenceStart", "an inference line (-- or ----) before the conclusion"
        )
        inference = Inference(start.start)
        if self.peek() in _FREESTYLE or (self.peek() == "Newline" and self.peek(1) in _FREESTYLE):
            self.accept("Newline")
            inference.rules.append(self.freestyle())
            while self.accept("ListDelimiter"):
                inference.rules.append(self.freestyle())
        self.accept("Newline")
        if self.peek() == "Data":
            inference.data = self.consume("Data", "data")
            self.accept("Newline")
        self.consume("InferenceEnd", "the end of the inference (--)")
        self.consume("Newline", "a line break after the inference")
        if self.peek() == "Indent":
            inference.relations = self.relations(frozenset({"OutgoingUndercut"}))
        return inference

    def freestyle(self) -> list[Token]:
        tokens: list[Token] = []
        while self.peek() in _FREESTYLE:
            tokens.append(self.consume(self.peek(), "text"))
        if not tokens:
            raise self.fail("the text of an inference rule")
        return tokens

    def list_items(self, kind: str) -> ListItems:
        indent = self.consume("Indent", "a list")
        items = ListItems(indent.start)
        while self.peek() == kind:
            self.consume(kind, "a list item")
            if self.peek() in ("ArgumentDefinition", "ArgumentReference"):
                items.items.append(self.argument())
            else:
                items.items.append(self.statement())
        self.consume("Dedent", "another list item or the end of the list")
        return items


def parse(text: str) -> list[Element]:
    """The syntax tree of Argdown `text`; `ArgdownSyntaxError` where Argdown's grammar stops."""
    tokens = _Lexer(text).run()
    return _Parser(tokens, len(text)).document()


def freestyle_text(tokens: list[Token], shortcodes: Callable[[str], str | None]) -> str:
    """The text of freestyle tokens: escapes resolved, shortcodes (`.^.`, `:heart:`) replaced."""
    out = []
    for token in tokens:
        if token.type == "EscapedChar":
            out.append(token.image[1:])
        elif token.type == "SpecialChar":
            code = shortcodes(token.image.strip())
            if code is None:
                out.append(token.image)
            else:
                out.append(code + (" " if token.image.endswith(" ") else ""))
        else:
            out.append(token.image)
    return "".join(out)
