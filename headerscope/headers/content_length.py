"""Content-Length: the size of the content in octets (RFC 9110, 8.6).

    Content-Length = 1*DIGIT

"a recipient MAY either reject the message as invalid or replace that invalid field value with
a single instance of the decimal value" when it is a list of identical values ("42, 42"): that
list is accepted here and reported; different values are an error (the framing layer decides
what to do with the message).
"""

import re
from collections.abc import Iterator

from ._spec import Diagnostic, FieldError, FieldSpec
from ._syntax import Cursor, parse_int, parse_list

_DIGITS_RE = re.compile(r"[0-9]{1,19}")


def parse(raw: str) -> int:
    if _DIGITS_RE.fullmatch(raw):
        return int(raw)
    starts: list[int] = []

    def element(cur: Cursor) -> int:
        starts.append(cur.pos)
        return parse_int(cur, "a number of octets")

    values = parse_list(raw, element, at_least_one=True, what="Content-Length")
    for value, start in zip(values, starts, strict=True):
        if value != values[0]:
            raise FieldError(f"Content-Length values differ ({values[0]} and {value}): the "
                             "message length is ambiguous", start)
    return values[0]


def write(value: int) -> str:
    return str(value)


def lint(value: int, raw: str) -> Iterator[Diagnostic]:
    if "," in raw:
        yield Diagnostic(f"the same length is repeated: send Content-Length: {value} once",
                         raw.index(","))


CONTENT_LENGTH = FieldSpec("Content-Length", parse, write, "RFC 9110, 8.6", lint=lint,
                           value_type="int", example="348")
