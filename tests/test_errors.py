"""Problem codes are data: one enum, the documented table, and nothing else reportable."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from argmap import Problem, ProblemCode

CHECKS_DOC = Path(__file__).resolve().parents[1] / "docs" / "checks.md"


def test_the_documented_codes_are_the_enum() -> None:
    text = CHECKS_DOC.read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z0-9-]+)` \| (?:error|warning)", text, flags=re.M)
    assert documented == [code.value for code in ProblemCode]


def test_a_problem_holds_a_declared_code() -> None:
    problem = Problem(path="$", message="m", code="too-deep")
    assert problem.code is ProblemCode.TOO_DEEP
    assert problem.to_dict()["code"] == "too-deep"
    with pytest.raises(ValueError, match="not a valid ProblemCode"):
        Problem(path="$", message="m", code="made-up")


PACKAGE = Path(__file__).resolve().parents[1] / "argmap"
_CODES = frozenset(code.value for code in ProblemCode)


def _spelled_codes(tree: ast.AST) -> list[tuple[int, str]]:
    """Codes written as text: a string equal to a code, a code built by an f-string or looked up."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value in _CODES:
            found.append((node.lineno, repr(node.value)))
        elif isinstance(node, ast.keyword) and node.arg == "code":
            if isinstance(node.value, ast.JoinedStr):
                found.append((node.lineno, ast.unparse(node.value)))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "ProblemCode"
        ):
            # A code looked up from text at run time: built, or read from somewhere.
            found.append((node.lineno, ast.unparse(node)))
    return found


def test_no_module_spells_a_problem_code_as_text() -> None:
    # Every code is a ProblemCode member by name, so that a renamed or
    # mistyped code fails at import (or in mypy), not in a user's report.
    spelled = {
        f"{path.relative_to(PACKAGE.parent)}:{line}: {text}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "errors.py"
        for line, text in _spelled_codes(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert not spelled, sorted(spelled)


@pytest.mark.parametrize(
    "source",
    [
        'Problem(path="$", code="bad-id", message="m")',
        'report(parts, "unused-source", "m")',
        'Problem(path="$", code=f"unused-{what}", message="m")',
        'ProblemCode("too-" + "deep")',
    ],
)
def test_the_scan_finds_codes_spelled_as_text(source: str) -> None:
    assert _spelled_codes(ast.parse(source))
