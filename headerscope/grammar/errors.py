"""What every production of the grammar raises, and what a fast path returns when it leaves a
spelling to the grammar. The field specs (headers/_shared/spec.py) raise and return the same."""

from __future__ import annotations

from typing import Any


class FieldError(ValueError):
    """A field value that does not match its grammar.

    `position` is a 0-based character offset into the raw value (surrounding whitespace
    removed), or None when the error belongs to the value as a whole.
    """

    def __init__(self, reason: str, position: int | None = None) -> None:
        super().__init__(reason if position is None else f"{reason} (at {position})")
        self.reason = reason
        self.position = position


# What a fast path (FieldSpec.fast, parse_list's `fast`) returns for a spelling it leaves to
# the grammar.
SLOW: Any = object()
