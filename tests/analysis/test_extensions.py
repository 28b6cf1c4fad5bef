"""Extension semantics against a brute-force reference, Dung's examples and python-argumentation."""

from __future__ import annotations

from itertools import combinations, pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis import (
    Framework,
    complete_extensions,
    extensions,
    grounded_extension,
    grounded_labelling,
    preferred_extensions,
    stable_extensions,
)


def reference(fw: Framework) -> dict[str, set[frozenset[str]]]:
    """Every semantics by the definitions, over all subsets of the arguments."""
    args = fw.arguments
    attackers: dict[str, set[str]] = {a: set() for a in args}
    for s, t in fw.attacks:
        attackers[t].add(s)

    def attacks(group: frozenset[str], target: str) -> bool:
        return bool(attackers[target] & group)

    def defends(group: frozenset[str], a: str) -> bool:
        return all(attacks(group, b) for b in attackers[a])

    subsets = [frozenset(c) for k in range(len(args) + 1) for c in combinations(args, k)]
    conflict_free = [s for s in subsets if not any(attacks(s, a) for a in s)]
    admissible = [s for s in conflict_free if all(defends(s, a) for a in s)]
    complete = [s for s in admissible if {a for a in args if defends(s, a)} == s]
    preferred = [s for s in admissible if not any(s < t for t in admissible)]
    stable = [s for s in conflict_free if all(attacks(s, a) for a in args if a not in s)]
    grounded = [s for s in complete if all(s <= t for t in complete)]
    return {
        "complete": set(complete),
        "preferred": set(preferred),
        "stable": set(stable),
        "grounded": set(grounded),
    }


@st.composite
def frameworks(draw: st.DrawFn, most: int = 10) -> Framework:
    n = draw(st.integers(0, most))
    names = [f"a{i}" for i in range(n)]
    pairs = [(s, t) for s in names for t in names]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    return Framework(arguments=names, attacks=chosen)


@settings(max_examples=300, deadline=None)
@given(frameworks())
def test_every_semantics_matches_the_brute_force_reference(fw: Framework) -> None:
    expected = reference(fw)
    for semantics in ("grounded", "complete", "preferred", "stable"):
        found = extensions(fw, semantics)
        assert len(found) == len(set(found)), semantics
        assert set(found) == expected[semantics], semantics
    # As documented: the grounded extension first (it was not, in a fifth of these).
    assert complete_extensions(fw)[0] == grounded_extension(fw)


@settings(max_examples=40, deadline=None)
@given(frameworks(most=12))
def test_twelve_arguments(fw: Framework) -> None:
    expected = reference(fw)
    assert set(preferred_extensions(fw)) == expected["preferred"]
    assert set(stable_extensions(fw)) == expected["stable"]


def test_dung_1995_nixon_diamond() -> None:
    # Dung 1995, example 2 (Nixon diamond): A and B attack each other.
    fw = Framework.of([("A", "B"), ("B", "A")])
    assert grounded_extension(fw) == frozenset()
    assert set(preferred_extensions(fw)) == {frozenset("A"), frozenset("B")}
    assert set(stable_extensions(fw)) == {frozenset("A"), frozenset("B")}
    assert set(complete_extensions(fw)) == {frozenset(), frozenset("A"), frozenset("B")}


def test_dung_1995_reinstatement_chain() -> None:
    fw = Framework.of([("a", "b"), ("b", "c")])
    assert grounded_labelling(fw) == {"a": "in", "b": "out", "c": "in"}
    assert preferred_extensions(fw) == (frozenset("ac"),)


def test_odd_cycle_has_no_stable_extension() -> None:
    fw = Framework.of([("a", "b"), ("b", "c"), ("c", "a")])
    assert stable_extensions(fw) == ()
    assert preferred_extensions(fw) == (frozenset(),)


def test_floating_reinstatement() -> None:
    # d is sceptically preferred, yet not grounded.
    fw = Framework.of([("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    assert grounded_extension(fw) == frozenset()
    assert set(preferred_extensions(fw)) == {frozenset("ad"), frozenset("bd")}


def test_grounded_does_not_recurse_on_a_long_chain() -> None:
    names = [f"x{i}" for i in range(200_000)]
    fw = Framework.of(pairwise(names))
    labels = grounded_labelling(fw)
    assert labels["x0"] == "in"
    assert labels["x199999"] == "out"  # odd position: attacked by an accepted argument


def test_an_odd_cycle_listed_last_is_labelled_before_what_it_attacks() -> None:
    # Thirty objections attacked by a 3-cycle listed after them: labelled in
    # the order given, the cycle came last and the search tried 3^30
    # labellings of the objections first (it never ended). Each strongly
    # connected part is now labelled before the parts it attacks.
    objections = [f"o{i}" for i in range(30)]
    attacks = [(o, "claim") for o in objections] + [("x0", o) for o in objections]
    attacks += [("x0", "x1"), ("x1", "x2"), ("x2", "x0")]
    fw = Framework(arguments=["claim", *objections, "x0", "x1", "x2"], attacks=attacks)
    assert complete_extensions(fw) == (frozenset(),)
    assert preferred_extensions(fw) == (frozenset(),)
    assert stable_extensions(fw) == ()


def test_frameworks_reject_unknown_and_repeated_names() -> None:
    with pytest.raises(ValueError, match="names 'z'"):
        Framework(arguments=["a"], attacks=[("a", "z")])
    with pytest.raises(ValueError, match="named twice"):
        Framework(arguments=["a", "a"], attacks=[])
    with pytest.raises(ValueError, match="unknown semantics"):
        extensions(Framework.of([]), "ideal")  # type: ignore[arg-type]


py_arg = pytest.importorskip("py_arg", reason="python-argumentation is a test-only extra")


@settings(max_examples=100, deadline=None)
@given(frameworks(most=8))
def test_agrees_with_python_argumentation(fw: Framework) -> None:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
    from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

    objects = {a: Argument(a) for a in fw.arguments}
    af = AbstractArgumentationFramework(
        "af", list(objects.values()), [Defeat(objects[s], objects[t]) for s, t in fw.attacks]
    )

    def names(found: object) -> set[frozenset[str]]:
        return {frozenset(a.name for a in e) for e in found}  # type: ignore[attr-defined]

    assert frozenset(a.name for a in get_grounded_extension(af)) == grounded_extension(fw)
    assert names(get_preferred_extensions(af)) == set(preferred_extensions(fw))
    assert names(get_stable_extensions(af)) == set(stable_extensions(fw))
