"""Age: seconds since the response was generated or validated at the origin (RFC 9111, 5.1).

    Age = delay-seconds
    delay-seconds = 1*DIGIT

A number is a magnitude: "007" is 7. "If a cache receives a delta-seconds value greater than
the greatest integer it can represent, or if any of its subsequent calculations overflows, the
cache MUST consider the value to be 2147483648 (2^31)" (RFC 9111, 1.2.2): a larger value is
that, with a warning, not an error.
"""

from ._shared.families import MAX_DELTA, lint_ceiling, parse_delay_seconds
from ._shared.spec import Diagnostic, FieldSpec


def parse(raw: str) -> int:
    return parse_delay_seconds(raw, ceiling=MAX_DELTA)


def lint(value: int, raw: str) -> list[Diagnostic]:
    return lint_ceiling(raw, "", MAX_DELTA) if value == MAX_DELTA else []


AGE = FieldSpec("Age", parse, str, "RFC 9111, 5.1", value_type="int", lint=lint, example="60")
