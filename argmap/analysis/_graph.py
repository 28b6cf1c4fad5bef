"""Strongly connected components of a directed graph, without recursion."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

__all__ = ["strongly_connected"]

V = TypeVar("V", bound=Hashable)


def strongly_connected(vertices: Iterable[V], after: Mapping[V, Sequence[V]]) -> list[list[V]]:
    """Each strongly connected component, each after every component it leads to.

    Tarjan's algorithm with an explicit stack (a chain of a million is a valid
    map): `vertices` are tried as roots in their order, `after[v]` are the
    vertices an edge from `v` leads to. Reversed, the list puts each component
    before those it leads to.
    """
    index: dict[V, int] = {}
    low: dict[V, int] = {}
    on_stack: set[V] = set()
    stack: list[V] = []
    components: list[list[V]] = []
    for root in vertices:
        if root in index:
            continue
        work: list[tuple[V, int]] = [(root, 0)]
        while work:
            vertex, child = work.pop()
            if child == 0:
                index[vertex] = low[vertex] = len(index)
                stack.append(vertex)
                on_stack.add(vertex)
            targets = after.get(vertex, ())
            if child < len(targets):
                work.append((vertex, child + 1))
                following = targets[child]
                if following not in index:
                    work.append((following, 0))
                elif following in on_stack:
                    low[vertex] = min(low[vertex], index[following])
                continue
            if low[vertex] == index[vertex]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == vertex:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[vertex])
    return components
