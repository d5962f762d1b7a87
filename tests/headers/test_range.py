"""Range: byte ranges typed (first/last, suffix), other units kept as sent."""

from __future__ import annotations

import pytest

from headerscope.headers._shared.types import ByteRange, OtherRange, SuffixRange
from headerscope.headers.range import RANGE, Ranges

from ._content_helpers import rejects, round_trips, warned, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    ("bytes=0-499", Ranges("bytes", (ByteRange(0, 499),))),
    ("bytes=0-", Ranges("bytes", (ByteRange(0),))),  # Chromium's media requests
    ("bytes=-500", Ranges("bytes", (SuffixRange(500),))),
    ("bytes=0-99,200-,-50", Ranges("bytes", (ByteRange(0, 99), ByteRange(200), SuffixRange(50)))),
    ("Bytes=0-0 , ,5-5", Ranges("bytes", (ByteRange(0, 0), ByteRange(5, 5)))),
    ("bytes=5-5", Ranges("bytes", (ByteRange(5, 5),))),
    ("items=a-b, 3", Ranges("items", (OtherRange("a-b"), OtherRange("3")))),
])
def test_parses(raw: str, expected: Ranges) -> None:
    assert RANGE.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(RANGE, "BYTES=000-9, -1", "bytes=0-9,-1")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("bytes=5-1", "the last position 1 is before the first 5", 8),
    ("bytes=0-9,20-10", "the last position 10 is before the first 20", 13),
    ("bytes=", "empty range set", 6),
    ("bytes=a-b", "expected a byte position or '-'", 6),
    ("bytes 0-1", "expected '=' after the range unit", 5),
    ("=0-1", "expected a range unit", 0),
    ("bytes=0-1;", "expected ',' or the end of the value", 9),
    ("bytes=--1", "expected a suffix length", 7),
    ("bytes=-", "expected a suffix length", 7),
    ("bytes=1", "expected '-'", 7),
    ("bytes=0-1 2-3", "expected ',' or the end of the value", 10),
    ("items=", "empty range set", 6),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(RANGE, raw, fragment, position)


def test_other_units_are_warned() -> None:
    warned(RANGE, "items=1-2", "range unit 'items' is not registered", 0)
    assert warnings(RANGE, "bytes=0-") == []
