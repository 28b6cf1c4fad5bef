"""Analysis of whole maps: flattening, gradual strengths, summary, lints, diff, ICCMA."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
import argmap.strategies
from argmap import ArgumentMap, Node, Quote, Relation
from argmap.analysis import (
    Framework,
    LintCode,
    diff,
    dumps_iccma,
    evaluate,
    framework,
    lint,
    loads_iccma,
    strengths,
    summary,
)

NATO = Path(__file__).resolve().parents[2] / "examples" / "nato_indo_pacific" / "map.yaml"


def build(
    nodes: dict[str, str], *relations: tuple[str, str, str] | tuple[str, str, str, str]
) -> ArgumentMap:
    return ArgumentMap(
        title="t",
        nodes=[Node(id=i, kind=k, text=f"{i}.") for i, k in nodes.items()],
        relations=[
            Relation(source=r[0], kind=r[1], target=r[2], id=r[3] if len(r) == 4 else None)
            for r in relations
        ],
    )


def test_an_undercut_defeats_the_attack_it_targets() -> None:
    m = build(
        {"c": "claim", "o": "objection", "u": "rebuttal"},
        ("o", "attacks", "c", "r1"),
        ("u", "undercuts", "r1"),
    )
    assert evaluate(m).status() == {"c": "accepted", "o": "accepted", "u": "accepted"}
    without = m.without_relation(m.relations[1])
    assert evaluate(without).status()["c"] == "rejected"


def test_evidential_support_needs_one_accepted_supporter() -> None:
    m = build(
        {"r": "recommendation", "c": "claim", "o": "objection"},
        ("c", "supports", "r"),
        ("o", "attacks", "c"),
    )
    assert evaluate(m).status() == {"r": "rejected", "c": "rejected", "o": "accepted"}
    assert evaluate(m, supports="ignore").status()["r"] == "accepted"
    fw = framework(m)
    assert ("support:r", "r") in fw.attacks


def test_circular_support_alone_grounds_nothing() -> None:
    m = build({"a": "claim", "b": "claim"}, ("a", "supports", "b"), ("b", "supports", "a"))
    assert evaluate(m).status() == {"a": "undecided", "b": "undecided"}
    assert [f.code for f in lint(m)].count(LintCode.CIRCULAR_SUPPORT) == 2


def test_dfquad_by_hand() -> None:
    # Base 0.5: one attacker of 0.5 gives 0.5 - 0.5*0.5 = 0.25; a supporter of
    # 0.5 beside it cancels it; two supporters aggregate to 1 - 0.5*0.5 = 0.75.
    m = build({"c": "claim", "o": "objection"}, ("o", "attacks", "c"))
    assert strengths(m).values["c"] == 0.25
    m2 = build(
        {"c": "claim", "o": "objection", "e": "evidence"},
        ("o", "attacks", "c"),
        ("e", "supports", "c"),
    )
    assert strengths(m2).values["c"] == 0.5
    m3 = build(
        {"c": "claim", "e": "evidence", "f": "evidence"},
        ("e", "supports", "c"),
        ("f", "supports", "c"),
    )
    assert strengths(m3).values["c"] == 0.5 + 0.5 * 0.75
    assert strengths(m, base={"c": 1.0, "o": 1.0}).values["c"] == 0.0


def test_quadratic_energy_by_hand() -> None:
    m = build({"c": "claim", "o": "objection"}, ("o", "attacks", "c"))
    # E = -0.5, h(0.5) = 0.25 / 1.25 = 0.2, strength 0.5 - 0.5*0.2 = 0.4.
    assert strengths(m, "quadratic-energy").values["c"] == pytest.approx(0.4)


@st.composite
def bipolar_maps(draw: st.DrawFn) -> ArgumentMap:
    n = draw(st.integers(1, 8))
    ids = [f"n{i}" for i in range(n)]
    edges = draw(
        st.lists(
            st.tuples(
                st.sampled_from(ids), st.sampled_from(["supports", "attacks"]), st.sampled_from(ids)
            ),
            max_size=16,
            unique_by=lambda e: (e[0], e[2]),
        )
    )
    acyclic = draw(st.booleans())
    if acyclic:
        edges = [e for e in edges if ids.index(e[0]) < ids.index(e[2])]
    return build(dict.fromkeys(ids, "claim"), *edges)


def naive(m: ArgumentMap, semantics: str) -> dict[str, float]:
    """Jacobi iteration from the definitions, as many rounds as nodes (exact on acyclic maps)."""
    values = {n.id: 0.5 for n in m.nodes}
    for _ in range(len(m.nodes) + 1):
        new = {}
        for n in m.nodes:
            att = [values[r.source] for r in m.incoming(n.id) if r.kind.value == "attacks"]
            sup = [values[r.source] for r in m.incoming(n.id) if r.kind.value == "supports"]
            if semantics == "dfquad":
                va = 1 - __import__("math").prod(1 - v for v in att)
                vs = 1 - __import__("math").prod(1 - v for v in sup)
                new[n.id] = 0.5 - 0.5 * (va - vs) if va >= vs else 0.5 + 0.5 * (vs - va)
            else:
                e = sum(sup) - sum(att)
                h = max(e, 0) ** 2 / (1 + max(e, 0) ** 2)
                hn = max(-e, 0) ** 2 / (1 + max(-e, 0) ** 2)
                new[n.id] = 0.5 - 0.5 * hn + 0.5 * h
        values = new
    return values


@settings(max_examples=200, deadline=None)
@given(bipolar_maps(), st.sampled_from(["dfquad", "quadratic-energy"]))
def test_gradual_matches_the_definitions(m: ArgumentMap, semantics: str) -> None:
    result = strengths(m, semantics)  # type: ignore[arg-type]
    assert all(0.0 <= v <= 1.0 for v in result.values.values())
    if result.converged:
        expected = naive(m, semantics)
        cyclic = any(ids_before(m, r) for r in m.relations)
        if not cyclic:
            assert result.values == pytest.approx(expected)


def ids_before(m: ArgumentMap, r: Relation) -> bool:
    order = [n.id for n in m.nodes]
    return order.index(r.source) >= order.index(r.target)


def test_summary_of_nato() -> None:
    s = summary(argmap.load(NATO))
    assert s.nodes == 41
    assert s.unanswered_objections == (
        "shift-unclear",
        "ukraine-monopolizes",
        "european-reluctance",
        "trump-risk",
        "ip-not-priority",
    )
    assert "unanswered objections" in str(s)


def test_lints_name_node_and_quote_and_can_be_ignored() -> None:
    m = argmap.load(NATO)
    findings = lint(m)
    first = findings.findings[0]
    assert first.code is LintCode.UNANSWERED_OBJECTION
    assert first.node == "shift-unclear"
    assert first.quote is not None
    assert first.quote.startswith("However")
    quiet = lint(m, ignore=["unanswered-objection", LintCode.UNSUPPORTED_CLAIM])
    assert {f.code for f in quiet.findings} == {LintCode.ATTRIBUTION_ONLY_SUPPORT}
    with pytest.raises(ValueError, match="no-such-code"):
        lint(m, ignore=["no-such-code"])


def test_lints_on_small_maps() -> None:
    m = ArgumentMap(
        title="t",
        nodes=[
            Node(id="e", kind="evidence", text="E."),
            Node(id="s", kind="claim", text="S.", attribution="A speaker"),
            Node(id="c", kind="claim", text="C."),
        ],
        relations=[
            Relation(source="s", target="c", kind="supports"),
            Relation(source="e", target="s", kind="supports"),
            Relation(source="e", target="e", kind="attacks"),
        ],
    )
    codes = {(f.code, f.node) for f in lint(m)}
    assert (LintCode.UNQUOTED_EVIDENCE, "e") in codes
    assert (LintCode.SELF_ATTACK, "e") in codes
    assert (LintCode.ATTRIBUTION_ONLY_SUPPORT, "c") in codes


def test_diff_finds_renames_changes_and_acceptance() -> None:
    m = argmap.load(NATO)
    assert not diff(m, m)
    assert diff(m, m).as_dict()["equal"] is True
    objection = m.node("shift-unclear")
    edited = m.without_node("shift-unclear").with_node(attrs.evolve(objection, id="unclear"))
    edited = edited.with_node(attrs.evolve(m.node("thesis"), text="A new thesis."))
    edited = edited.with_relation(
        Relation(source="unclear", target="washington-focus", kind="attacks")
    )
    found = diff(m, edited)
    assert found.nodes_renamed == (("shift-unclear", "unclear"),)
    assert not found.nodes_added
    assert not found.nodes_removed
    assert [(c.where, c.field) for c in found.changes] == [("thesis", "text")]
    assert found.relations_added == ("unclear attacks washington-focus",)
    assert "! thesis" not in str(found)  # thesis was already rejected
    quoted = attrs.evolve(
        m.node("thesis"), quotes=(*m.node("thesis").quotes, Quote(source="article", text="x y"))
    )
    assert [c.field for c in diff(m, m.with_node(quoted)).changes] == ["quote added"]


def test_diff_reports_acceptance_changes() -> None:
    a = build({"c": "claim", "o": "objection", "u": "rebuttal"}, ("o", "attacks", "c"))
    b = a.with_relation(Relation(source="u", target="o", kind="attacks"))
    found = diff(a, b)
    assert [(x.node, x.old, x.new) for x in found.acceptance] == [
        ("c", "rejected", "accepted"),
        ("o", "accepted", "rejected"),
    ]


@pytest.mark.parametrize("fmt", ["i23", "apx", "tgf"])
def test_iccma_round_trip(fmt: str) -> None:
    fw = framework(argmap.load(NATO))
    back = loads_iccma(dumps_iccma(fw, fmt), fmt)  # type: ignore[arg-type]
    if fmt == "i23":
        assert len(back.arguments) == len(fw.arguments)
        assert len(back.attacks) == len(fw.attacks)
    else:
        assert back == fw


@pytest.mark.parametrize("fmt", ["apx", "tgf"])
def test_names_that_are_not_text_are_refused_by_the_formats_that_write_names(fmt: str) -> None:
    # They solve all the same; the writers failed with "argument of type 'int' is not iterable".
    fw = Framework(arguments=[1, 2], attacks=[(1, 2)])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"argument 1 is int \(name them with str, or write i23"):
        dumps_iccma(fw, fmt)  # type: ignore[arg-type]
    assert dumps_iccma(fw, "i23") == "p af 2\n1 2\n"


def test_iccma_readers_tolerate_comments_and_spacing() -> None:
    apx = "% a comment\narg( a ).arg(b) .\n\n att(a , b).  % trailing\n"
    assert loads_iccma(apx, "apx") == Framework.of([("a", "b")])
    tgf = "a\n b \n#\na  b\n"
    assert loads_iccma(tgf, "tgf") == Framework.of([("a", "b")])
    i23 = "# first\np af 2\n\n1 2 \n# end\n"
    assert loads_iccma(i23, "i23").attacks == (("1", "2"),)
    with pytest.raises(ValueError, match="line 2"):
        loads_iccma("p af 2\n1 x\n", "i23")
    with pytest.raises(ValueError, match="line 1"):
        loads_iccma("arg(a)\n", "apx")


def test_base_scores_and_lint_settings_in_files(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        'argmap: "1.0"\ntitle: T\nlint: {ignore: [unsupported-claim]}\nnodes:\n'
        '  - {id: c, kind: claim, text: "C.", base_score: 0.8}\n'
        '  - {id: o, kind: objection, text: "O."}\n'
        "relations:\n  - {from: o, to: c, kind: attacks}\n",
        encoding="utf-8",
    )
    m = argmap.load(path)
    assert strengths(m).values["c"] == pytest.approx(0.8 - 0.8 * 0.5)
    assert LintCode.UNSUPPORTED_CLAIM not in {f.code for f in lint(m)}
    assert argmap.loads(argmap.dumps(m), format="yaml") == m
    bad = path.read_text(encoding="utf-8").replace("0.8", "1.5").replace("unsupported", "unknown")
    path.with_name("bad.yaml").write_text(bad, encoding="utf-8")
    problems = argmap.check(path.with_name("bad.yaml")).errors
    assert {p.path for p in problems} >= {"$.nodes[0].base_score", "$.lint.ignore[0]"}


def test_the_schema_knows_every_lint_code() -> None:
    schema = argmap.json_schema()
    assert schema["properties"]["lint"]["properties"]["ignore"]["items"]["enum"] == [
        code.value for code in LintCode
    ]


def test_lint_codes_are_documented() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "lints.md").read_text(encoding="utf-8")
    documented = [line.split("`")[1] for line in text.splitlines() if line.startswith("| `")]
    assert documented == [code.value for code in LintCode]


def test_solver_answers_map_back_to_the_map() -> None:
    from argmap.analysis import preferred_extensions, read_solver_answer

    fw = framework(argmap.load(NATO))
    # What a solver would print for the preferred extensions, as i23 numbers.
    number = {name: k for k, name in enumerate(fw.arguments, start=1)}
    answer = "".join(
        "w " + " ".join(str(number[a]) for a in sorted(e)) + "\n" for e in preferred_extensions(fw)
    )
    assert read_solver_answer(answer, fw) == preferred_extensions(fw)
    with pytest.raises(ValueError, match="line 1"):
        read_solver_answer(f"w {len(fw.arguments) + 1}\n", fw)


def test_a_linked_argument_supports_only_with_all_its_premises() -> None:
    m = ArgumentMap(
        title="t",
        nodes=[
            Node(id="c", kind="claim", text="C."),
            Node(id="p", kind="evidence", text="P."),
            Node(id="q", kind="evidence", text="Q."),
            Node(id="o", kind="objection", text="O."),
        ],
        relations=[
            Relation(source="p", target="c", kind="supports", argument="pq"),
            Relation(source="q", target="c", kind="supports", argument="pq"),
        ],
    )
    assert evaluate(m).status()["c"] == "accepted"
    attacked = m.with_relation(Relation(source="o", target="q", kind="attacks"))
    assert evaluate(attacked).status() == {
        "c": "rejected",
        "p": "accepted",
        "q": "rejected",
        "o": "accepted",
    }
    # As two separate supports, p alone would carry c.
    separate = attacked.without_relation(attacked.relations[1]).with_relation(
        Relation(source="q", target="c", kind="supports")
    )
    separate = separate.without_relation(separate.relations[0]).with_relation(
        Relation(source="p", target="c", kind="supports")
    )
    assert evaluate(separate).status()["c"] == "accepted"


@settings(max_examples=50, deadline=None)
@given(argmap.strategies.argument_maps(max_nodes=10))
def test_every_analysis_runs_on_any_valid_map(m: ArgumentMap) -> None:
    assert not diff(m, m)
    for semantics in ("grounded", "preferred", "stable", "dfquad", "quadratic-energy"):
        result = evaluate(m, semantics)
        assert [n.id for n in result.nodes] == [n.id for n in m.nodes]
        assert str(result)
    assert all(f.node in {n.id for n in m.nodes} for f in lint(m))
    assert summary(m).nodes == len(m.nodes)
    fw = framework(m)
    assert loads_iccma(dumps_iccma(fw, "tgf"), "tgf") == fw
