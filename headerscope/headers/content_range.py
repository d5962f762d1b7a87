"""Content-Range: which part of the representation a partial response carries (RFC 9110, 14.4).

    Content-Range     = range-unit SP ( range-resp / unsatisfied-range )
    range-resp        = incl-range "/" ( complete-length / "*" )
    incl-range        = first-pos "-" last-pos
    unsatisfied-range = "*/" complete-length
    complete-length   = 1*DIGIT

"A Content-Range field value is invalid if it contains a range-resp that has a last-pos value
less than its first-pos value, or a complete-length value less than or equal to its last-pos
value." Positions and lengths are magnitudes ("bytes 00-09/0100" is 0-9/100); the grammar sets
no bound, so a number larger than an implementation can count is valid, read as 2^63 - 1 with a
warning (the comparisons above are then made with that value).
"""

import re
from collections.abc import Iterator

from ..grammar import INT_CEILING, Cursor, core, over_ceiling, parse_count
from ..grammar.rules import TOKEN
from ._shared.families import ceiling_note
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.value import value_type


@value_type
class ContentRange:
    """`bytes 0-499/1234`, or `bytes 0-499/*` when the length is unknown."""

    unit: str  # lower-cased
    first: int
    last: int
    length: int | None  # None: "*", the complete length is unknown


@value_type
class UnsatisfiedRange:
    """`bytes */1234`: sent with 416, the complete length of the representation."""

    unit: str
    length: int


# at most 18 digits: certainly within INT_CEILING, so int() gives what parse_count gives
_FAST_RE = re.compile(f"({TOKEN}) (?:([0-9]{{1,18}})-([0-9]{{1,18}})/([0-9]{{1,18}}|\\*)"
                      "|\\*/([0-9]{1,18}))")
_NUMBER_RE = re.compile("[0-9]+")


def parse(raw: str) -> ContentRange | UnsatisfiedRange:
    m = _FAST_RE.fullmatch(raw) if core.FAST_PATHS else None
    if m is None:
        return _walk(raw)  # the cursor walk of the same grammar names the bad character
    unit, first, last, total, unsatisfied = m.groups()
    if unsatisfied is not None:
        return UnsatisfiedRange(unit.lower(), int(unsatisfied))
    return _range_resp(unit.lower(), int(first), int(last), m.start(3),
                       None if total == "*" else int(total), m.start(4))


def _walk(raw: str) -> ContentRange | UnsatisfiedRange:
    cur = Cursor(raw)
    unit = cur.token("a range unit such as bytes").lower()
    cur.expect(" ")
    if cur.take("*"):
        cur.expect("/")
        length = parse_count(cur, "the complete length")
        cur.expect_end()
        return UnsatisfiedRange(unit, length)
    first = parse_count(cur, "the first position")
    cur.expect("-")
    at_last = cur.pos
    last = parse_count(cur, "the last position")
    cur.expect("/")
    at_total, total = cur.pos, None
    if not cur.take("*"):
        total = parse_count(cur, "the complete length or '*'")
    cur.expect_end()
    return _range_resp(unit, first, last, at_last, total, at_total)


def _range_resp(unit: str, first: int, last: int, at_last: int, total: int | None,
                at_total: int) -> ContentRange:
    if last < first:
        raise FieldError(f"the last position {last} is before the first {first}", at_last)
    if total is not None and total <= last:
        raise FieldError(f"the complete length {total} must be greater than the last "
                         f"position {last}", at_total)
    return ContentRange(unit, first, last, total)


def write(value: ContentRange | UnsatisfiedRange) -> str:
    if isinstance(value, UnsatisfiedRange):
        return f"{value.unit} */{value.length}"
    total = "*" if value.length is None else value.length
    return f"{value.unit} {value.first}-{value.last}/{total}"


def lint(value: ContentRange | UnsatisfiedRange, raw: str) -> Iterator[Diagnostic]:
    if value.unit != "bytes":
        yield Diagnostic(f"range unit {value.unit!r} is not registered (only bytes is)", 0)
    numbers = ((value.first, value.last, value.length) if isinstance(value, ContentRange)
               else (value.length,))
    if INT_CEILING in numbers:
        for m in _NUMBER_RE.finditer(raw, raw.find(" ")):  # past the unit, a token
            if over_ceiling(m.group()):
                yield Diagnostic(ceiling_note("a position or length", INT_CEILING), m.start())


CONTENT_RANGE = FieldSpec("Content-Range", parse, write, "RFC 9110, 14.4", lint=lint,
                          value_type="ContentRange | UnsatisfiedRange",
                          example="bytes 21010-47021/47022")
