"""Checking a user's choices against the allowed values, with messages that name them."""

from __future__ import annotations

from collections.abc import Collection

from .._wording import unknown

__all__ = ["check_choice", "check_count"]


def check_choice(value: object, allowed: Collection[str], what: str) -> str:
    """`value` if it is one of `allowed`; otherwise `ValueError` naming every allowed value."""
    if isinstance(value, str) and value in allowed:
        return value
    raise ValueError(unknown(what, value, sorted(allowed)))


def check_count(value: object, what: str, *, minimum: int) -> int:
    """`value` if it is an int of at least `minimum`; otherwise `ValueError` saying so."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= minimum:
        return value
    raise ValueError(f"{what} must be an integer >= {minimum}, got {value!r}")
