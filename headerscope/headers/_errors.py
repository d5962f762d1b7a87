"""What the grammar helpers and the field specs both raise and return: a leaf, so that
_syntax.py (the core rules) and _spec.py (FieldSpec, which reads _syntax's FAST_PATHS switch)
do not import each other."""

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
