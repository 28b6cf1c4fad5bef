"""Saying so when a function that takes a map is given something else."""

from __future__ import annotations

import os
from collections.abc import Mapping

from .model import ArgumentMap

__all__ = ["expect_map"]


def expect_map(value: object) -> None:
    """Raise `TypeError` unless `value` is an `ArgumentMap`, naming what it is and what to use.

    >>> expect_map({"title": "t"})
    Traceback (most recent call last):
    ...
    TypeError: expected an ArgumentMap, got dict (argmap.from_dict makes a map of a document)
    """
    if isinstance(value, ArgumentMap):
        return
    if isinstance(value, str | bytes | os.PathLike):
        hint = " (argmap.load reads a map from a file, argmap.loads from text)"
    elif isinstance(value, Mapping):
        hint = " (argmap.from_dict makes a map of a document)"
    else:
        hint = ""
    raise TypeError(f"expected an ArgumentMap, got {type(value).__name__}{hint}")
