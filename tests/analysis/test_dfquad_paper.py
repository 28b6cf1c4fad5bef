"""DF-QuAD against its definitions in Rago, Toni, Aurisicchio and Baroni (KR 2016).

The paper ("Discontinuity-Free Decision Support with Quantitative Argumentation
Debates") defines, for an argument with base score v0:

- the strength aggregation F over a sequence of strengths: F() = 0, F(v) = v,
  F(v1, v2) = v1 + v2 − v1·v2, and F(v1, …, vn) = F(F(v1, …, vn−1), vn); that
  is 1 − ∏(1 − vi);
- the combination C(v0, va, vs) = v0 − v0·|vs − va| when va ≥ vs, and
  v0 + (1 − v0)·|vs − va| when va < vs;
- the strength σ(a) = C(v0(a), F(σ of a's attackers), F(σ of a's supporters)).

The worked example below is derived by hand from those definitions (the
arithmetic is in the docstring); the properties are the ones the paper states:
an argument with neither attackers nor supporters keeps its base score, equal
aggregated attack and support leave it at its base score, strength never
falls when a supporter is added nor rises when an attacker is added, and an
attacker or supporter of strength 0 changes nothing (there is no discontinuity
at 0, unlike the earlier QuAD).
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Node, Relation
from argmap.analysis import strengths


def debate(relations: list[tuple[str, str, str]], ids: list[str]) -> ArgumentMap:
    return ArgumentMap(
        title="t",
        nodes=[Node(id=i, kind="claim", text=f"{i}.") for i in ids],
        relations=[Relation(source=s, kind=k, target=t) for s, k, t in relations],
    )


def test_worked_example_by_hand() -> None:
    """A decision debate of seven arguments, strengths by hand from the definitions.

    Base scores: a 0.5 (the answer), s1 0.8, s2 0.6, d1 0.4, d2 0.9, e 0.5, f 0.2.
    s1 and s2 support a; d2 attacks a; d1 attacks s2; e supports d2; f attacks d2.

    - s1, d1, e, f have neither attackers nor supporters: σ = base score.
    - s2: va = F(0.4) = 0.4, vs = F() = 0, va ≥ vs:
      σ(s2) = 0.6 − 0.6·0.4 = 0.36.
    - d2: va = F(0.2) = 0.2, vs = F(0.5) = 0.5, va < vs:
      σ(d2) = 0.9 + (1 − 0.9)·0.3 = 0.93.
    - a: vs = F(0.8, 0.36) = 0.8 + 0.36 − 0.8·0.36 = 0.872, va = F(0.93) = 0.93,
      va ≥ vs: σ(a) = 0.5 − 0.5·(0.93 − 0.872) = 0.5 − 0.029 = 0.471.
    """
    m = debate(
        [
            ("s1", "supports", "a"),
            ("s2", "supports", "a"),
            ("d2", "attacks", "a"),
            ("d1", "attacks", "s2"),
            ("e", "supports", "d2"),
            ("f", "attacks", "d2"),
        ],
        ["a", "s1", "s2", "d1", "d2", "e", "f"],
    )
    base = {"a": 0.5, "s1": 0.8, "s2": 0.6, "d1": 0.4, "d2": 0.9, "e": 0.5, "f": 0.2}
    result = strengths(m, "dfquad", base=base)
    expected = {"a": 0.471, "s1": 0.8, "s2": 0.36, "d1": 0.4, "d2": 0.93, "e": 0.5, "f": 0.2}
    assert result.converged
    assert result.values == pytest.approx(expected, abs=1e-12)


def test_aggregation_is_the_papers_recursive_f() -> None:
    """Three supporters of 0.5: F(F(0.5, 0.5), 0.5) = F(0.75, 0.5) = 0.75 + 0.5 − 0.375 = 0.875.

    With base 0.2 and no attackers: σ = 0.2 + 0.8·0.875 = 0.9.
    """
    m = debate([(s, "supports", "a") for s in ("x", "y", "z")], ["a", "x", "y", "z"])
    assert strengths(m, base={"a": 0.2}).values["a"] == pytest.approx(0.9, abs=1e-12)


def test_a_zero_strength_attacker_changes_nothing() -> None:
    """An attacker of strength 0 leaves the base score; one of strength ε moves it by base·ε."""
    m = debate([("o", "attacks", "a")], ["a", "o"])
    assert strengths(m, base={"a": 0.7, "o": 0.0}).values["a"] == 0.7
    assert strengths(m, base={"a": 0.7, "o": 1e-6}).values["a"] == pytest.approx(0.7 - 0.7e-6)


def test_equal_attack_and_support_keep_the_base_score() -> None:
    m = debate([("o", "attacks", "a"), ("s", "supports", "a")], ["a", "o", "s"])
    assert strengths(m, base={"a": 0.3, "o": 0.65, "s": 0.65}).values["a"] == 0.3


scores = st.floats(0.0, 1.0, allow_nan=False)


@st.composite
def acyclic_debates(draw: st.DrawFn) -> tuple[ArgumentMap, dict[str, float]]:
    """Trees and DAGs: each relation goes from a later argument to an earlier one."""
    n = draw(st.integers(1, 8))
    ids = [f"n{i}" for i in range(n)]
    relations = [
        (ids[j], draw(st.sampled_from(["supports", "attacks"])), ids[i])
        for j in range(1, n)
        for i in draw(st.sets(st.integers(0, j - 1), max_size=2))
    ]
    base = {i: draw(scores) for i in ids}
    return debate(relations, ids), base


@settings(max_examples=150, deadline=None)
@given(acyclic_debates(), scores, st.sampled_from(["supports", "attacks"]))
def test_strength_is_monotone_in_supporters_and_attackers(
    case: tuple[ArgumentMap, dict[str, float]], added: float, kind: str
) -> None:
    m, base = case
    before = strengths(m, base=base).values
    for node in m.nodes:
        if not m.incoming(node.id):
            assert before[node.id] == base[node.id]
        assert 0.0 <= before[node.id] <= 1.0
    target = m.nodes[0].id
    grown = debate(
        [(r.source, r.kind.value, r.target) for r in m.relations] + [("new", kind, target)],
        [n.id for n in m.nodes] + ["new"],
    )
    after = strengths(grown, base={**base, "new": added}).values[target]
    if kind == "supports":
        assert after >= before[target] - 1e-12
    else:
        assert after <= before[target] + 1e-12
    if added == 0.0:
        assert math.isclose(after, before[target], abs_tol=1e-12)
