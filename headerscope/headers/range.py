"""Range: the parts of the representation the client asks for (RFC 9110, 14.2).

    Range            = ranges-specifier
    ranges-specifier = range-unit "=" range-set
    range-set        = 1#range-spec
    range-spec       = int-range / suffix-range / other-range
    int-range        = first-pos "-" [ last-pos ]
    suffix-range     = "-" suffix-length
    other-range      = 1*( %x21-2B / %x2D-7E )   ; 1*(VCHAR excluding comma)

Byte ranges become `ByteRange` and `SuffixRange`; ranges of any other unit are kept as sent
(`OtherRange`) and reported, since their meaning is unknown here. Positions are magnitudes
("bytes=00-09" is 0-9); the grammar sets no bound, so a position larger than an implementation
can count is valid, read as 2^63 - 1 with a warning.
"""

import re
from collections.abc import Iterator

from ..grammar import INT_CEILING, SEP, Cursor, Fast, core, over_ceiling, parse_count, parse_list
from ..grammar.rules import TOKEN
from ._shared.families import ceiling_note
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.types import ByteRange, OtherRange, SuffixRange
from ._shared.value import value_type

RangeSpec = ByteRange | SuffixRange | OtherRange
_OTHER_RE = re.compile(r"[!-+\--~]+")
_UNIT_RE = re.compile(f"({TOKEN})=")
# at most 18 digits: certainly within INT_CEILING, so int() gives what parse_count gives
_ONE_RE = re.compile("bytes=([0-9]{1,18})-([0-9]{0,18})")
_NUMBER_RE = re.compile("[0-9]+")


@value_type
class Ranges:
    """`bytes=0-99,-50`: a range unit and its ranges, in the order they were asked for."""

    unit: str  # lower-cased: range units are case-insensitive
    ranges: tuple[RangeSpec, ...]


def _byte_range(cur: Cursor) -> RangeSpec:
    if cur.take("-"):
        return SuffixRange(parse_count(cur, "a suffix length"))
    first = parse_count(cur, "a byte position or '-'")
    cur.expect("-")
    if cur.at_end() or cur.peek() not in "0123456789":
        return ByteRange(first)
    at = cur.pos
    return _int_range(first, parse_count(cur, "the last byte position"), at)


def _int_range(first: int, last: int, at: int) -> ByteRange:
    if last < first:
        # "An int-range is invalid if the last-pos value is present and less than the
        # first-pos."
        raise FieldError(f"the last position {last} is before the first {first}", at)
    return ByteRange(first, last)


def _fast_byte_range(m: re.Match[str]) -> RangeSpec:
    first, last, suffix = m.groups()
    if suffix is not None:
        return SuffixRange(int(suffix))
    return _int_range(int(first), int(last), m.start(2)) if last else ByteRange(int(first))


_FAST: Fast[RangeSpec] = (
    re.compile(f"(?:([0-9]{{1,18}})-([0-9]{{0,18}})|-([0-9]{{1,18}})){SEP}"), _fast_byte_range)


def _other_range(cur: Cursor) -> RangeSpec:
    m = _OTHER_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected("a range")
    cur.pos = m.end()
    return OtherRange(m.group())


def parse(raw: str) -> Ranges:
    one = _ONE_RE.fullmatch(raw) if core.FAST_PATHS else None
    if one is not None:  # the usual request: one byte range
        first, last = one.groups()
        spec = _int_range(int(first), int(last), one.start(2)) if last else ByteRange(int(first))
        return Ranges("bytes", (spec,))
    m = _UNIT_RE.match(raw)
    if m is None:
        cur = Cursor(raw)
        cur.token("a range unit such as bytes")
        raise cur.unexpected("'=' after the range unit")
    unit = m.group(1).lower()
    if unit == "bytes":
        ranges = parse_list(raw, _byte_range, fast=_FAST, at_least_one=True, what="range set",
                           start=m.end())
    else:
        ranges = parse_list(raw, _other_range, at_least_one=True, what="range set",
                           start=m.end())
    return Ranges(unit, ranges)


def write(value: Ranges) -> str:
    return f"{value.unit}=" + ",".join(_write_spec(r) for r in value.ranges)


def _write_spec(r: RangeSpec) -> str:
    if isinstance(r, ByteRange):
        return f"{r.first}-" if r.last is None else f"{r.first}-{r.last}"
    if isinstance(r, SuffixRange):
        return f"-{r.length}"
    return r.text


def _numbers(r: RangeSpec) -> tuple[int | None, ...]:
    if isinstance(r, ByteRange):
        return r.first, r.last
    return (r.length,) if isinstance(r, SuffixRange) else ()


def lint(value: Ranges, raw: str) -> Iterator[Diagnostic]:
    if value.unit != "bytes":
        yield Diagnostic(f"range unit {value.unit!r} is not registered: its ranges are kept "
                         "as sent, and a server ignores a Range it does not understand", 0)
    elif any(INT_CEILING in _numbers(r) for r in value.ranges):
        for m in _NUMBER_RE.finditer(raw):
            if over_ceiling(m.group()):
                yield Diagnostic(ceiling_note("a position", INT_CEILING), m.start())


RANGE = FieldSpec("Range", parse, write, "RFC 9110, 14.2", lint=lint, value_type="Ranges",
                  example="bytes=0-499")
