"""Content-Range: complete, unknown-length and unsatisfied ranges, checked for consistency."""

from __future__ import annotations

import pytest

from headerscope.headers.content_range import CONTENT_RANGE, ContentRange, UnsatisfiedRange

from ._content_helpers import rejects, round_trips, warned, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    ("bytes 21010-47021/47022", ContentRange("bytes", 21010, 47021, 47022)),
    ("bytes 0-1023/146515", ContentRange("bytes", 0, 1023, 146515)),
    ("bytes 0-99/*", ContentRange("bytes", 0, 99, None)),
    ("bytes */47022", UnsatisfiedRange("bytes", 47022)),
    ("BYTES 0-0/1", ContentRange("bytes", 0, 0, 1)),
    ("items 1-2/3", ContentRange("items", 1, 2, 3)),
])
def test_parses(raw: str, expected: ContentRange | UnsatisfiedRange) -> None:
    assert CONTENT_RANGE.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(CONTENT_RANGE, "Bytes 007-8/*", "bytes 7-8/*")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("bytes 500-0/1000", "the last position 0 is before the first 500", 10),
    ("bytes 0-499/400", "must be greater than the last position 499", 12),
    ("bytes 0-1/1", "must be greater than the last position 1", 10),
    ("bytes 0-499", "expected '/'", 11),
    ("bytes=0-499/1234", "expected ' '", 5),
    ("bytes */*", "expected the complete length", 8),
    ("bytes  0-1/2", "expected the first position", 6),
    ("bytes 0-499/12x", "unexpected 'x'", 14),
    ("0-1/2", "expected ' '", 3),
    ("bytes 1-2/3, bytes 4-5/6", "unexpected ','", 11),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(CONTENT_RANGE, raw, fragment, position)


def test_warns_about_unregistered_units() -> None:
    warned(CONTENT_RANGE, "items 1-2/3", "not registered", 0)
    assert warnings(CONTENT_RANGE, "bytes */1") == []
