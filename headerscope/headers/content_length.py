"""Content-Length: the size of the content in octets (RFC 9110, 8.6).

    Content-Length = 1*DIGIT

A number is a magnitude: "00042" is 42. "Any Content-Length field value greater than or equal
to zero is valid. Since there is no predefined limit to the length of content, a recipient
MUST anticipate potentially large decimal numerals and prevent parsing errors due to integer
conversion overflows or precision loss due to integer conversion": a value past 2^63 - 1 is
read as that, with a warning, not refused.

"a recipient MAY either reject the message as invalid or replace that invalid field value with
a single instance of the decimal value" when it is a list of identical values ("42, 42"): that
list is accepted here and reported; different values are an error (the framing layer decides
what to do with the message).
"""

import re
from collections.abc import Iterator

from ..grammar import INT_CEILING, Cursor, over_ceiling, parse_list
from ._shared.families import ceiling_note
from ._shared.spec import Diagnostic, FieldError, FieldSpec

_DIGITS_RE = re.compile(r"[0-9]{1,18}")  # certainly within INT_CEILING: int() at once
_NUMBER_RE = re.compile(r"[0-9]+")


def parse(raw: str) -> int:
    if _DIGITS_RE.fullmatch(raw):
        return int(raw)
    spellings: list[tuple[str, int]] = []  # each member's digits, leading zeros removed

    def element(cur: Cursor) -> str:
        start = cur.pos
        digits = cur.digits("a number of octets").lstrip("0") or "0"
        spellings.append((digits, start))
        return digits

    parse_list(raw, element, at_least_one=True, what="Content-Length")
    first = spellings[0][0]
    for digits, start in spellings:
        # the magnitudes compared exactly, even past the ceiling: "99...9, 99...8" differ
        if digits != first:
            raise FieldError(f"Content-Length values differ ({_short(first)} and "
                             f"{_short(digits)}): the message length is ambiguous", start)
    return INT_CEILING if over_ceiling(first) else int(first)


def _short(digits: str) -> str:
    return digits if len(digits) <= 24 else f"{digits[:10]}...({len(digits)} digits)"


def write(value: int) -> str:
    return str(value)


def lint(value: int, raw: str) -> Iterator[Diagnostic]:
    if value == INT_CEILING:
        m = _NUMBER_RE.search(raw)
        if m is not None and over_ceiling(m.group()):
            yield Diagnostic(ceiling_note("the length", INT_CEILING), m.start())
    if "," in raw:
        yield Diagnostic(f"the same length is repeated: send Content-Length: {value} once",
                         raw.index(","))


CONTENT_LENGTH = FieldSpec("Content-Length", parse, write, "RFC 9110, 8.6", lint=lint,
                           value_type="int", example="348")
