"""Family helpers: most fields are one line built from one of these.

Each helper returns a `FieldSpec` whose parse and write are made for the family, so a unit
module says only what is particular to its field: its name, reference and closed sets.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from ...grammar import INT_CEILING, Cursor, over_ceiling, parse_count
from .dates import format_http_date, lint_http_date, parse_http_date
from .spec import Diagnostic, FieldError, FieldSpec

# "If a cache receives a delta-seconds value greater than the greatest integer it can
# represent, or if any of its subsequent calculations overflows, the cache MUST consider the
# value to be 2147483648 (2^31) or the greatest positive integer it can conveniently
# represent" (RFC 9111, 1.2.2): the ceiling of every delta-seconds.
MAX_DELTA = 2**31


def parse_delay_seconds(raw: str, what: str = "a number of seconds", *,
                        ceiling: int = INT_CEILING) -> int:
    """`1*DIGIT`: a non-negative decimal integer, nothing else (no sign, no OWS inside).

    A number is a magnitude: leading zeros are valid ("0120" is 120), and a value larger than
    `ceiling` is valid too, read as `ceiling` (`lint_ceiling` says so).
    """
    cur = Cursor(raw)
    value = parse_count(cur, what, ceiling=ceiling)
    cur.expect_end()
    return value


def ceiling_note(what: str, ceiling: int) -> str:
    """The warning for a number read as `ceiling` because it was larger ("" for the field)."""
    prefix = f"{what}: " if what else ""
    if ceiling == MAX_DELTA:
        return (f"{prefix}more than 2^31 seconds: read as 2147483648, as caches must "
                "(RFC 9111, 1.2.2)")
    return (f"{prefix}more than {ceiling}, more than most implementations can count: read "
            "as that; a recipient must not overflow (RFC 9110, 8.6)")


def lint_ceiling(raw: str, what: str, ceiling: int,
                 at: int = 0) -> list[Diagnostic]:
    """The warning for a field value that is one `1*DIGIT` larger than `ceiling`."""
    if raw.isascii() and raw.isdigit() and over_ceiling(raw, ceiling):
        return [Diagnostic(ceiling_note(what, ceiling), at)]
    return []


def int_field(name: str, ref: str, *, what: str = "a non-negative integer",
              ceiling: int = INT_CEILING, example: str = "") -> FieldSpec[int]:
    """`1*DIGIT` with no bound in its grammar: any value is valid, read at most as `ceiling`."""

    def parse(raw: str) -> int:
        return parse_delay_seconds(raw, what, ceiling=ceiling)

    def lint(value: int, raw: str) -> list[Diagnostic]:
        return lint_ceiling(raw, what, ceiling) if value == ceiling else []

    return FieldSpec(name, parse, str, ref, value_type="int", lint=lint, example=example)


def date_field(name: str, ref: str, *, example: str = "") -> FieldSpec[datetime]:
    return FieldSpec(name, parse_http_date, format_http_date, ref, value_type="datetime",
                     lint=lint_http_date,
                     example=example or "Sun, 06 Nov 1994 08:49:37 GMT")


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
