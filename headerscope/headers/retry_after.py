"""Retry-After: when the client may try again (RFC 9110, 10.2.3).

    Retry-After   = HTTP-date / delay-seconds
    delay-seconds = 1*DIGIT

A number is a magnitude ("0120" is 120); the grammar sets no bound, so a larger number than
an implementation can count is valid, read as 2^63 - 1 with a warning.
"""

from collections.abc import Iterator
from datetime import datetime

from ..grammar import INT_CEILING
from ._shared.dates import format_http_date, lint_http_date, parse_http_date
from ._shared.families import lint_ceiling, parse_delay_seconds
from ._shared.spec import Diagnostic, FieldSpec

RetryAfter = datetime | int  # an absolute time, or seconds to wait


def parse(raw: str) -> RetryAfter:
    if raw[:1] in ("", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"):
        return parse_delay_seconds(raw)
    return parse_http_date(raw)


def write(value: RetryAfter) -> str:
    return format_http_date(value) if isinstance(value, datetime) else str(value)


def lint(value: RetryAfter, raw: str) -> Iterator[Diagnostic]:
    if isinstance(value, datetime):
        yield from lint_http_date(value, raw)
    elif value == INT_CEILING:
        yield from lint_ceiling(raw, "the delay", INT_CEILING)


RETRY_AFTER = FieldSpec("Retry-After", parse, write, "RFC 9110, 10.2.3", lint=lint,
                        value_type="datetime | int", example="120")
