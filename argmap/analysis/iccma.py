"""Frameworks in the ICCMA competition formats: i23, apx and tgf.

- **i23** (ICCMA 2023): a header `p af N`, then one attack `i j` a line,
  arguments numbered 1..N; lines starting with `#` are comments.
- **apx** (ASPARTIX): facts `arg(a).` and `att(a,b).`, any spacing, `%`
  comments; names are written as given (node ids hold only letters, digits,
  `_`, `.`, `-`, and an auxiliary argument's `:`).
- **tgf** (trivial graph format): argument names a line, `#`, then attacks
  `a b` a line.

Readers skip blank lines and comments (`#` and `%` lines in i23 and apx)
and report the line of anything else they cannot read as a `ValueError`.
"""

from __future__ import annotations

import re
from typing import Literal

from .._wording import check_format, cut
from .framework import Framework

__all__ = ["ICCMA_FORMATS", "IccmaFormat", "dumps_iccma", "loads_iccma", "read_solver_answer"]

IccmaFormat = Literal["i23", "apx", "tgf"]
ICCMA_FORMATS: tuple[IccmaFormat, ...] = ("i23", "apx", "tgf")
"""The ICCMA file formats `dumps_iccma` writes and `loads_iccma` reads."""

_APX = re.compile(r"\s*(arg|att)\s*\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*")


def dumps_iccma(fw: Framework, fmt: IccmaFormat = "i23") -> str:
    """The framework as text in an ICCMA format. In i23 argument k is the k-th of `fw.arguments`.

    Examples:
        >>> print(dumps_iccma(Framework.of([("a", "b")]), "apx"), end="")
        arg(a).
        arg(b).
        att(a,b).
    """
    check_format(fmt, ICCMA_FORMATS, doing="write")
    if fmt == "i23":
        number = {name: k for k, name in enumerate(fw.arguments, start=1)}
        lines = [f"p af {len(fw.arguments)}"]
        lines += [f"{number[s]} {number[t]}" for s, t in fw.attacks]
    elif fmt == "apx":
        _check_text_names(fw, fmt)
        for name in fw.arguments:
            if not name or any(c in name for c in ",() \t\n%"):
                raise ValueError(f"argument {name!r} cannot be written in apx")
        lines = [f"arg({a})." for a in fw.arguments]
        lines += [f"att({s},{t})." for s, t in fw.attacks]
    else:
        _check_text_names(fw, fmt)
        for name in fw.arguments:
            if not name or name == "#" or any(c.isspace() for c in name):
                raise ValueError(f"argument {name!r} cannot be written in tgf")
        lines = [*fw.arguments, "#"]
        lines += [f"{s} {t}" for s, t in fw.attacks]
    return "\n".join(lines) + "\n"


def _check_text_names(fw: Framework, fmt: IccmaFormat) -> None:
    # A framework's names are text (its type says so); made of other values
    # (ints, say), they solve all the same, but a format that writes names must say which.
    other = next((name for name in fw.arguments if not isinstance(name, str)), None)
    if other is not None:
        raise TypeError(
            f"{fmt} writes arguments by name, and names are text: argument {other!r} is "
            f"{type(other).__name__} (name them with str, or write i23, which numbers them)"
        )


def loads_iccma(text: str, fmt: IccmaFormat = "i23") -> Framework:
    """A framework read from ICCMA text; i23 arguments are named "1".."N".

    Examples:
        >>> loads_iccma("p af 3\\n# a comment\\n1 2\\n  2   3 \\n").attacks
        (('1', '2'), ('2', '3'))
    """
    check_format(fmt, ICCMA_FORMATS, doing="read")
    if fmt == "i23":
        return _read_i23(text)
    if fmt == "apx":
        return _read_apx(text)
    return _read_tgf(text)


# The most arguments an i23 header may declare: each is made as a name, and a
# header alone could otherwise ask for more than memory holds.
_MOST_ARGUMENTS = 10_000_000


def _read_i23(text: str) -> Framework:
    count: int | None = None
    attacks: list[tuple[str, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        words = raw.split()
        if not words or words[0].startswith("#"):
            continue
        if count is None:
            if len(words) != 3 or words[0] != "p" or words[1] != "af" or not words[2].isdigit():
                raise ValueError(
                    f"line {number}: expected the header 'p af N', got {raw.strip()!r}"
                )
            digits = words[2].lstrip("0") or "0"
            if len(digits) > len(str(_MOST_ARGUMENTS)) or int(digits) > _MOST_ARGUMENTS:
                raise ValueError(
                    f"line {number}: {cut(words[2], 20)} arguments; argmap reads frameworks "
                    f"of up to {_MOST_ARGUMENTS:,}"
                )
            count = int(words[2])
            continue
        if len(words) != 2 or not all(w.isdigit() for w in words):
            raise ValueError(f"line {number}: expected an attack 'i j', got {raw.strip()!r}")
        i, j = int(words[0]), int(words[1])
        if not (1 <= i <= count and 1 <= j <= count):
            raise ValueError(f"line {number}: arguments are numbered 1 to {count}, got {i} {j}")
        attacks.append((str(i), str(j)))
    if count is None:
        raise ValueError("no 'p af N' header")
    return Framework(arguments=tuple(str(k) for k in range(1, count + 1)), attacks=tuple(attacks))


def _read_apx(text: str) -> Framework:
    arguments: dict[str, None] = {}
    attacks: list[tuple[str, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("%", 1)[0]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        position = 0
        while position < len(line):
            match = _APX.match(line, position)
            if match is None:
                if not line[position:].strip():
                    break
                raise ValueError(
                    f"line {number}: expected arg(a). or att(a,b)., got {line[position:].strip()!r}"
                )
            kind, first, second = match.groups()
            if kind == "arg" and second is None:
                arguments.setdefault(first)
            elif kind == "att" and second is not None:
                attacks.append((first, second))
            else:
                raise ValueError(
                    f"line {number}: wrong number of names in {match.group().strip()!r}"
                )
            position = match.end()
    for source, target in attacks:
        for name in (source, target):
            if name not in arguments:
                raise ValueError(
                    f"attack ({source}, {target}) names {name!r}, declared by no arg()"
                )
    return Framework(arguments=tuple(arguments), attacks=tuple(attacks))


def _read_tgf(text: str) -> Framework:
    arguments: dict[str, None] = {}
    attacks: list[tuple[str, str]] = []
    in_edges = False
    for number, raw in enumerate(text.splitlines(), start=1):
        words = raw.split()
        if not words:
            continue
        if words == ["#"] or (not in_edges and words[0] == "#"):
            in_edges = True
            continue
        if not in_edges:
            arguments.setdefault(words[0])
        elif len(words) >= 2:
            if words[0] not in arguments or words[1] not in arguments:
                raise ValueError(f"line {number}: attack names an argument not listed above '#'")
            attacks.append((words[0], words[1]))
        else:
            raise ValueError(f"line {number}: expected an attack 'a b', got {raw.strip()!r}")
    return Framework(arguments=tuple(arguments), attacks=tuple(attacks))


def read_solver_answer(text: str, fw: Framework) -> tuple[frozenset[str], ...]:
    """The extensions in an ICCMA 2023 solver's answer for `fw` written as i23.

    Each `w` line lists an extension's argument numbers (`w` alone: the empty
    extension); `NO` means there is none. Numbers map back to `fw.arguments`
    by position. Other lines (`YES`, comments) are skipped, but an answer
    with no `w`, `NO` or `YES` line at all (empty, or a crash's message) is
    a `ValueError`, not an answer of no extension.

    Examples:
        >>> fw = Framework.of([("a", "b"), ("b", "a")])
        >>> [sorted(e) for e in read_solver_answer("w 1\\nw 2\\n", fw)]
        [['a'], ['b']]
    """
    found: list[frozenset[str]] = []
    answered = False
    for number, raw in enumerate(text.splitlines(), start=1):
        words = raw.split()
        answered = answered or words in (["NO"], ["YES"])
        if not words or words[0] != "w":
            continue
        members = []
        for word in words[1:]:
            if not word.isdigit() or not 1 <= int(word) <= len(fw.arguments):
                raise ValueError(
                    f"line {number}: expected argument numbers 1 to {len(fw.arguments)}, "
                    f"got {word!r}"
                )
            members.append(fw.arguments[int(word) - 1])
        found.append(frozenset(members))
    if not (found or answered):
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        said = f"its first line is {cut(first, 60)!r}" if first else "it is empty"
        raise ValueError(f"not an ICCMA answer (no 'w', 'NO' or 'YES' line): {said}")
    return tuple(found)
