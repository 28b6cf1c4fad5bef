"""Big frameworks go through numpy (argmap.analysis._bulk): the same answers, and the same
errors, as the pure-Python code, on frameworks and maps on both sides of the size threshold."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.strategies
from argmap import ArgumentMap, Node, Relation
from argmap.analysis import Framework, _bulk, framework, grounded_labelling, preferred_extensions
from argmap.model import RelationKind

# `argmap.analysis.framework` is also the name of a function there.
framework_module = importlib.import_module("argmap.analysis.framework")
extensions_module = importlib.import_module("argmap.analysis.extensions")


@contextmanager
def bulk_from(size: int) -> Iterator[None]:
    """Frameworks of `size` arguments and attacks or more go through numpy, in the block."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(framework_module, "_BULK_FROM", size)
        yield


def both_ways(make: Callable[[], Framework]) -> tuple[Framework, Framework]:
    """`make()` in pure Python, then through numpy."""
    with bulk_from(sys.maxsize):
        plain = make()
    with bulk_from(0):
        packed = make()
    assert isinstance(plain._index, framework_module._Index)
    assert isinstance(packed._index, framework_module._Packed)
    return plain, packed


def same_answers(plain: Framework, packed: Framework) -> None:
    assert (packed.arguments, packed.attacks) == (plain.arguments, plain.attacks)
    labels = grounded_labelling(packed)
    assert labels == grounded_labelling(plain)
    assert list(labels.items()) == list(grounded_labelling(plain).items())
    assert packed._index.targets == plain._index.targets
    assert packed._index.attackers == plain._index.attackers
    assert packed._index.position == plain._index.position
    for argument in plain.arguments[:3]:
        assert packed.attackers(argument) == plain.attackers(argument)


def names(count: int, fresh: bool) -> list[str]:
    """`count` names; `fresh`: each made anew (equal to, not the same object as, another)."""
    return [f"a{i}" if not fresh else "".join(["a", str(i)]) for i in range(count)]


@st.composite
def shapes(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str]]]:
    """Random attacks, chains, cycles, self-attacks, repeated attacks, no attacks at all;
    the attacks' names the arguments' own objects, fresh copies of them, or a mix."""
    count = draw(st.integers(0, 40))
    arguments = names(count, fresh=False)
    shape = draw(st.sampled_from(["random", "chain", "cycles", "self", "mixed"]))
    ends: list[tuple[int, int]] = []
    if count and shape == "random":
        index = st.integers(0, count - 1)
        ends = draw(st.lists(st.tuples(index, index), max_size=120))
    elif shape == "chain":
        ends = list(pairwise(range(count)))
    elif shape == "cycles":
        ends = [(i, i ^ 1) for i in range(count - count % 2)]
    elif shape == "self":
        ends = [(i, i) for i in range(count)]
    elif count:
        half = count // 2
        index = st.integers(0, count - 1)
        ends = [(i, i) for i in range(half)] + list(pairwise(range(half, count)))
        ends += draw(st.lists(st.tuples(index, index), max_size=20))
    ends = draw(st.permutations(ends)) if draw(st.booleans()) else ends
    ends = ends + ends[: draw(st.integers(0, 3))]  # some attacks twice
    spelling = draw(st.sampled_from(["same", "fresh", "mixed"]))
    fresh = names(count, fresh=True)
    pick = draw(st.lists(st.booleans(), min_size=2 * len(ends), max_size=2 * len(ends)))

    def chosen(k: int, i: int) -> str:
        return (
            fresh[i] if spelling == "fresh" or (spelling == "mixed" and pick[k]) else arguments[i]
        )

    attacks = [(chosen(2 * k, s), chosen(2 * k + 1, t)) for k, (s, t) in enumerate(ends)]
    return arguments, attacks


@settings(max_examples=400, deadline=None)
@given(
    shapes(),
    st.sampled_from([1, 2, 512]),
    st.sampled_from([0, 2, 64]),
    st.sampled_from([1, 16, 10**9]),
    st.booleans(),
)
def test_numpy_and_pure_python_agree_on_frameworks(
    shape: tuple[list[str], list[tuple[str, str]]], wave: int, small: int, dense: int, probe: bool
) -> None:
    arguments, attacks = shape
    with pytest.MonkeyPatch.context() as patch:
        # Waves of every size, each done over all arguments or over its own, and
        # the rest left to Python early or late; the names looked up by identity
        # first or by hash at once.
        patch.setattr(_bulk, "_WAVE", wave)
        patch.setattr(_bulk, "_SMALL_WAVES", small)
        patch.setattr(_bulk, "_DENSE", dense)
        patch.setattr(_bulk, "_PROBE", 1024 if probe else 0)
        plain, packed = both_ways(lambda: Framework(arguments=arguments, attacks=attacks))
        same_answers(plain, packed)
        if len(plain.arguments) <= 10:
            assert preferred_extensions(packed) == preferred_extensions(plain)


def error_of(make: Callable[[], object]) -> tuple[type[BaseException], str]:
    try:
        make()
    except (ValueError, TypeError) as error:
        return type(error), str(error)
    raise AssertionError("no error")


class Colliding(str):
    """A name whose hash is every other one's."""

    def __hash__(self) -> int:
        return 7


@pytest.mark.parametrize(
    ("arguments", "attacks"),
    [
        (["a", "b"], [("a", "b"), ("b", "z")]),  # unknown target
        (["a", "b"], [("y", "b"), ("a", "z")]),  # unknown source, reported first
        (["a", "b", "a"], [("a", "b")]),  # repeated
        (["a", "b", "".join(["a"])], []),  # repeated, another object
        (["a", "b"], [("a", "b", "a")]),  # not a pair
        (["a", "b"], [("a",)]),
        (["a", ["b"]], []),  # unhashable
        (["a", "b"], [("a", ["b"])]),
        (["a", "b"], [("a", "b"), (Colliding("c"), "b")]),  # its hash is no name's
    ],
)
def test_numpy_and_pure_python_fail_alike(arguments: list[object], attacks: list[object]) -> None:
    def make() -> Framework:
        return Framework(arguments=arguments, attacks=attacks)  # type: ignore[arg-type]

    with bulk_from(sys.maxsize):
        expected = error_of(make)
    with bulk_from(0):
        assert error_of(make) == expected


def test_names_sharing_a_hash_go_the_pure_python_way() -> None:
    arguments = [Colliding("a"), Colliding("b"), "c"]
    attacks = [(arguments[0], arguments[1]), (Colliding("b"), "c")]
    with bulk_from(sys.maxsize):
        plain = Framework(arguments=arguments, attacks=attacks)
    with bulk_from(0):
        fw = Framework(arguments=arguments, attacks=attacks)
    assert isinstance(fw._index, framework_module._Index)  # sent back: same answers
    labels = list(grounded_labelling(fw).values())
    assert labels == list(grounded_labelling(plain).values()) == ["in", "out", "in"]


def test_a_name_whose_hash_changes_goes_the_pure_python_way() -> None:
    class Fickle(str):
        asked = 0

        def __hash__(self) -> int:
            Fickle.asked += 1
            return Fickle.asked

    name = Fickle("a")

    def make() -> Framework:
        return Framework(arguments=[name, name, "b"], attacks=[("b", "b")])

    with bulk_from(sys.maxsize):
        plain = make()
    with bulk_from(0):
        fw = make()
    assert isinstance(fw._index, framework_module._Index)
    assert list(grounded_labelling(fw).values()) == list(grounded_labelling(plain).values())


def test_a_name_equal_to_an_argument_under_another_hash_is_unknown() -> None:
    # A dict finds a name by its hash, then compares: numpy's way does the same.
    class Rehashed(str):
        def __hash__(self) -> int:
            return hash("b")

    assert Rehashed("a") == "a"
    with bulk_from(0):
        fw = Framework(arguments=["a", "b"], attacks=[("b", "a"), (Rehashed("b"), "a")])
        assert grounded_labelling(fw) == {"a": "out", "b": "in"}
        with pytest.raises(ValueError, match="names 'a', no argument"):
            Framework(arguments=["a", "b"], attacks=[(Rehashed("a"), "b")])


@pytest.mark.parametrize("size", [0, 1, 2, 7, 8, 9, 30])
def test_frameworks_either_side_of_the_threshold(size: int) -> None:
    arguments = names(size, fresh=False)
    attacks = [*pairwise(arguments), *((a, a) for a in arguments[::3])]
    expected = grounded_labelling(Framework(arguments=arguments, attacks=attacks))
    with bulk_from(8 + len(attacks)):
        fw = Framework(arguments=arguments, attacks=attacks)
        packed = isinstance(fw._index, framework_module._Packed)
        assert packed is (size >= 8)
        assert grounded_labelling(fw) == expected


def test_a_long_chain_and_many_waves() -> None:
    # A chain brings one argument in at a time: the waves stop and the pure-Python
    # loop goes on; a wide chain of waves (1,000 chains side by side) stays in numpy.
    chain = names(20_001, fresh=False)
    wide = [f"w{i}" for i in range(20_000)]
    attacks = [*pairwise(chain), *((wide[i], wide[i + 1_000]) for i in range(19_000))]
    plain, packed = both_ways(lambda: Framework(arguments=chain + wide, attacks=attacks))
    same_answers(plain, packed)
    assert grounded_labelling(packed)["a20000"] == "in"
    assert grounded_labelling(packed)["w19999"] == "out"


_IDS = ("n1", "n2", "n3", "n4", "n5")


@st.composite
def broken_maps(draw: st.DrawFn) -> ArgumentMap:
    """Maps of attacks and supports (with undercuts and linked arguments now and then),
    relations naming nothing, repeated ids (now and then): whatever the model takes."""
    repeats = draw(st.integers(0, 4)) == 0
    ids = draw(st.lists(st.sampled_from(_IDS), max_size=6, unique=not repeats))
    # Relations' ends the ids' own objects, or equal ones made anew, or either.
    spelling = draw(st.sampled_from([(False,), (True,), (False, True)]))
    ends = st.tuples(st.sampled_from((*_IDS, "zz")), st.sampled_from(spelling)).map(
        lambda chosen: "".join(chosen[0]) if chosen[1] else chosen[0]
    )
    kinds = st.sampled_from([RelationKind.ATTACKS, RelationKind.SUPPORTS])
    if draw(st.integers(0, 4)) == 0:
        kinds = st.sampled_from(list(RelationKind))
    relations = draw(
        st.lists(
            st.builds(
                Relation,
                source=ends,
                target=st.one_of(ends, st.sampled_from(("r1", "r2"))),
                kind=kinds,
                id=st.one_of(st.none(), st.sampled_from(("r1", "r2"))),
                argument=st.none() if draw(st.integers(0, 4)) else st.just("g1"),
            ),
            max_size=16,
        )
    )
    return ArgumentMap(
        title="t",
        nodes=[Node(id=i, kind="claim", text=f"{i}.") for i in ids],
        relations=relations,
    )


def maps_both_ways(m: ArgumentMap, supports: str) -> tuple[Framework, Framework]:
    with bulk_from(sys.maxsize):
        plain = framework(m, supports=supports)  # type: ignore[arg-type]
    with bulk_from(0):
        packed = framework(m, supports=supports)  # type: ignore[arg-type]
    return plain, packed


@settings(max_examples=300, deadline=None)
@given(broken_maps(), st.sampled_from(["evidential", "ignore"]))
def test_numpy_and_pure_python_agree_on_broken_maps(m: ArgumentMap, supports: str) -> None:
    plain, packed = maps_both_ways(m, supports)
    same_answers(plain, packed)


@settings(max_examples=100, deadline=None)
@given(argmap.strategies.argument_maps(max_nodes=20), st.sampled_from(["evidential", "ignore"]))
def test_numpy_and_pure_python_agree_on_valid_maps(m: ArgumentMap, supports: str) -> None:
    plain, packed = maps_both_ways(m, supports)
    same_answers(plain, packed)
    assert preferred_extensions(packed) == preferred_extensions(plain)


def test_maps_of_attacks_and_supports_are_flattened_by_numpy() -> None:
    m = ArgumentMap(
        title="t",
        nodes=[Node(id=i, kind="claim", text=f"{i}.") for i in "abcd"],
        relations=[
            Relation(source="d", target="c", kind="supports"),
            Relation(source="a", target="b", kind="attacks"),
            Relation(source="c", target="b", kind="supports"),
            Relation(source="d", target="b", kind="supports"),
            Relation(source="a", target="z", kind="supports"),  # names nothing: left out
        ],
    )
    plain, packed = maps_both_ways(m, "evidential")
    assert isinstance(packed._index, framework_module._Packed)
    # Each lack of support comes in the order of the node's first support.
    assert packed.arguments == (*"abcd", "support:c", "support:b")
    assert packed.attacks == (
        ("support:c", "c"),
        ("d", "support:c"),
        ("a", "b"),
        ("support:b", "b"),
        ("c", "support:b"),
        ("d", "support:b"),
    )
    same_answers(plain, packed)


def test_numpy_is_imported_only_for_big_frameworks() -> None:
    script = (
        "import sys, argmap\n"
        "from argmap.analysis import Framework, grounded_labelling\n"
        "grounded_labelling(Framework.of([('a', 'b')]))\n"
        "assert 'numpy' not in sys.modules\n"
        "size = sys.modules['argmap.analysis.framework']._BULK_FROM // 2 + 1\n"
        "names = [f'a{i}' for i in range(size)]\n"
        "grounded_labelling(Framework.of(zip(names, names[1:])))\n"
        "assert 'numpy' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 2**64 - 1), max_size=300),
    st.lists(st.integers(0, 2**64 - 1), max_size=50),
    st.integers(0, 3),
)
def test_the_hash_table_finds_what_a_dict_finds(
    keys: list[int], others: list[int], near: int
) -> None:
    # Keys close together share home slots (their runs collide): `near` makes some.
    keys = keys + [(k + near) % 2**64 for k in keys[:20]] + list(range(near * 40))
    array = np.array(keys, dtype=np.uint64)
    table = _bulk._Table.of(array)
    if len(set(keys)) < len(keys):
        assert table is None
        return
    assert table is not None
    where = {k: i for i, k in enumerate(keys)}
    queries = [*keys[::-1], *others]
    found = table.find(np.array(queries, dtype=np.uint64)).tolist()
    assert found == [where.get(q, -1) for q in queries]


def test_a_map_whose_ends_are_partly_the_ids_own_objects() -> None:
    # Most ends are found by identity; the others (made anew) by hash, in their order.
    ids = [f"n{i}" for i in range(6)]
    m = ArgumentMap(
        title="t",
        nodes=[Node(id=i, kind="claim", text=f"{i}.") for i in ids],
        relations=[
            *(Relation(source=a, target=b, kind="attacks") for a, b in pairwise(ids)),
            Relation(source="".join("n5"), target=ids[0], kind="attacks"),
            Relation(source="".join("n3"), target="".join("n1"), kind="supports"),
            Relation(source="".join("n4"), target="".join("n0"), kind="attacks"),
        ],
    )
    plain, packed = maps_both_ways(m, "evidential")
    same_answers(plain, packed)
