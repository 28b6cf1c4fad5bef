"""The frameworks grounded semantics is timed on: seven shapes of a million attacks.

Shared by bench_analysis.py and bench_grounded_ab.py. Importing this module does
not import argmap (the map shape imports it when made), so that whoever imports
it decides which checkout's argmap runs.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argmap

__all__ = ["MAP_SHAPE", "SHAPES", "map_shape"]


def random_shape() -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(1)
    names = [f"a{i}" for i in range(200_000)]
    pairs = {(rng.choice(names), rng.choice(names)) for _ in range(1_050_000)}
    return names, list(pairs)[:1_000_000]


def sparse_shape() -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(2)
    names = [f"s{i}" for i in range(1_000_000)]
    return names, [(rng.choice(names), rng.choice(names)) for _ in range(1_000_000)]


def chain_shape() -> tuple[list[str], list[tuple[str, str]]]:
    chain = [f"c{i}" for i in range(1_000_001)]
    return chain, list(pairwise(chain))


def two_cycles_shape() -> tuple[list[str], list[tuple[str, str]]]:
    names = [f"p{i}" for i in range(1_000_000)]
    return names, [(names[i], names[i ^ 1]) for i in range(1_000_000)]


def self_attacks_shape() -> tuple[list[str], list[tuple[str, str]]]:
    names = [str(i) for i in range(1_000_000)]
    loops = [(name, name) for name in names[:500_000]]
    return names, [*loops, *pairwise(names[500_000:]), (names[-1], names[0])]


def _long(i: int) -> str:
    return f"statement {i:09d}, as a long name: the words of an argument, quoted"


def long_names_shape() -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(3)
    count = 500_000
    ends = [(rng.randrange(count), rng.randrange(count)) for _ in range(1_000_000)]
    return [_long(i) for i in range(count)], [(_long(s), _long(t)) for s, t in ends]


def map_shape() -> argmap.ArgumentMap:
    """An `ArgumentMap` of 200,000 claims and 1,000,000 `attacks` relations."""
    import argmap

    rng = random.Random(4)
    count = 200_000
    return argmap.ArgumentMap(
        title="A million attacks",
        nodes=[argmap.Node(id=f"n{i}", kind="claim", text=f"Claim {i}.") for i in range(count)],
        relations=[
            argmap.Relation(
                source=f"n{rng.randrange(count)}", target=f"n{rng.randrange(count)}", kind="attacks"
            )
            for _ in range(1_000_000)
        ],
    )


SHAPES: dict[str, Callable[[], tuple[list[str], list[tuple[str, str]]]]] = {
    "random, 200k arguments": random_shape,
    "random sparse, 1M arguments": sparse_shape,
    "chain, 1M+1 arguments": chain_shape,
    "500k two-cycles": two_cycles_shape,
    "500k self-attacks + 500k chain, int names": self_attacks_shape,
    "random, 500k long names, fresh strings": long_names_shape,
}
"""Frameworks given as lists of names: the arguments and the attacks."""

MAP_SHAPE = "map: 200k claims, 1M attacks relations"
