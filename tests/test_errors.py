"""Problem codes are data: one enum, the documented table, and nothing else reportable."""

from __future__ import annotations

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
