"""Age: seconds since the response was generated or validated at the origin (RFC 9111, 5.1).

    Age = delay-seconds
    delay-seconds = 1*DIGIT

"If a cache receives a delta-seconds value greater than the greatest integer it can
represent, or if any of its subsequent calculations overflows, the cache MUST consider the
value to be 2147483648 (2^31)" (RFC 9111, 1.2.2): a longer run of digits is that value, with
a warning, not an error.
"""

import re

from ._families import parse_delay_seconds
from ._spec import Diagnostic, FieldSpec

MAX_DELTA = 2**31
_MANY_DIGITS_RE = re.compile(r"[0-9]{11,}")  # more than 2^31 certainly; cut before int()


def parse(raw: str) -> int:
    if _MANY_DIGITS_RE.fullmatch(raw):
        return MAX_DELTA
    return min(parse_delay_seconds(raw), MAX_DELTA)


def lint(value: int, raw: str) -> list[Diagnostic]:
    if value == MAX_DELTA and raw.lstrip("0") != str(MAX_DELTA):
        return [Diagnostic("more than 2^31 seconds: read as 2147483648, as caches must "
                           "(RFC 9111, 1.2.2)", 0)]
    return []


AGE = FieldSpec("Age", parse, str, "RFC 9111, 5.1", value_type="int", lint=lint, example="60")
