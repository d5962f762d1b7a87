"""Family helpers: most fields are one line built from one of these.

Each helper returns a `FieldSpec` whose parse and write are made for the family, so a unit
module says only what is particular to its field: its name, reference and closed sets.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from ._dates import format_http_date, lint_http_date, parse_http_date
from ._spec import FieldError, FieldSpec, Kind
from ._syntax import Cursor, fast_token_list, parse_int, parse_list


def parse_delay_seconds(raw: str, what: str = "a number of seconds") -> int:
    """`1*DIGIT`: a non-negative decimal integer, nothing else (no sign, no OWS inside)."""
    cur = Cursor(raw)
    value = parse_int(cur, what)
    cur.expect_end()
    return value


def int_field(name: str, ref: str, *, what: str = "a non-negative integer",
              example: str = "") -> FieldSpec[int]:
    def parse(raw: str) -> int:
        return parse_delay_seconds(raw, what)

    return FieldSpec(name, parse, str, ref, value_type="int", example=example)


def date_field(name: str, ref: str, *, example: str = "") -> FieldSpec[datetime]:
    return FieldSpec(name, parse_http_date, format_http_date, ref, value_type="datetime",
                     lint=lint_http_date,
                     example=example or "Sun, 06 Nov 1994 08:49:37 GMT")


def token_list_field(name: str, ref: str, *, lower: bool = True, at_least_one: bool = True,
                     example: str = "") -> FieldSpec[tuple[str, ...]]:
    """`#token` or `1#token`; case-insensitive tokens are lower-cased (`lower=True`)."""

    def element(cur: Cursor) -> str:
        token = cur.token()
        return token.lower() if lower else token

    def parse(raw: str) -> tuple[str, ...]:
        return parse_list(raw, element, at_least_one=at_least_one)

    def write(value: tuple[str, ...]) -> str:
        return ", ".join(value)

    return FieldSpec(name, parse, write, ref, kind=Kind.LIST, value_type="tuple[str, ...]",
                     example=example, fast=fast_token_list(lower))


def token_field(name: str, ref: str, values: Collection[str] | None = None, *,
                lower: bool = True, example: str = "") -> FieldSpec[str]:
    """A single token, optionally from a closed set of (lower-case) values."""

    def parse(raw: str) -> str:
        cur = Cursor(raw)
        token = cur.token()
        cur.expect_end()
        if lower:
            token = token.lower()
        if values is not None and token not in values:
            raise FieldError(f"{token!r} is not one of {', '.join(sorted(values))}", 0)
        return token

    return FieldSpec(name, parse, str, ref, value_type="str", example=example)
