"""The wording room: every place that refuses a name or a value says it the same way."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from argmap import DrawOptions, Problem, ValidationError
from argmap.analysis import evaluate
from argmap.drawing import focus, select, to_dot
from argmap.drawing.theme import NodeStyle

from .drawing.maps import small


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: select(small(), kinds=["clam"]),
            ValueError,
            "unknown node kind 'clam' (did you mean 'claim'?); expected one of: claim, "
            "evidence, objection, rebuttal, recommendation",
        ),
        (
            lambda: DrawOptions(engine="dto"),
            ValueError,
            "unknown engine 'dto' (did you mean 'dot'?); expected one of: dot, fdp, neato, sfdp",
        ),
        (
            lambda: DrawOptions(theme="monochrom"),
            ValueError,
            "unknown theme 'monochrom' (did you mean 'monochrome'?); expected one of: ",
        ),
        (
            lambda: NodeStyle(label="C", shape="elipse", fill="white", line="black"),
            ValueError,
            "unknown shape 'elipse' (did you mean 'ellipse'?); expected one of: ",
        ),
        (
            lambda: to_dot(small(), rankdr="LR"),
            TypeError,
            "unknown drawing option 'rankdr' (did you mean 'rankdir'?); expected one of: ",
        ),
        (
            lambda: evaluate(small(), semantics="groundd"),
            ValueError,
            "unknown semantics 'groundd' (did you mean 'grounded'?); expected one of: ",
        ),
        (
            lambda: focus(small(), "cc"),
            KeyError,
            "no node with id 'cc' (did you mean 'c'?)",
        ),
    ],
)
def test_a_refused_choice_names_the_closest_and_every_allowed_one(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        call()
    text = raised.value.args[0]
    assert text.startswith(message)


def test_a_validation_error_counts_its_problems_in_words() -> None:
    one = ValidationError([Problem(path="$", code="too-deep", message="m")])
    assert str(one).startswith("1 problem found\n")
    two = ValidationError([*one.problems, *one.problems])
    assert str(two).startswith("2 problems found\n")
