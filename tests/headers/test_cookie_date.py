"""RFC 6265, 5.1.1's cookie-date algorithm (used by Set-Cookie's Expires)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.headers import FieldError
from headerscope.headers._shared.cookie_date import parse_cookie_date
from headerscope.headers._shared.dates import format_http_date


@pytest.mark.parametrize(("raw", "expected"), [
    ("Wed, 21 Oct 2015 07:28:00 GMT", datetime(2015, 10, 21, 7, 28, tzinfo=UTC)),
    ("Thu, 01-Jan-1970 00:00:01 GMT", datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC)),
    ("Sat, 18-Nov-23 12:00:00 GMT", datetime(2023, 11, 18, 12, tzinfo=UTC)),  # 0-69: 20xx
    ("Sat, 18-Nov-70 12:00:00 GMT", datetime(1970, 11, 18, 12, tzinfo=UTC)),  # 70-99: 19xx
    ("Wed Oct 21 2015 07:28:00", datetime(2015, 10, 21, 7, 28, tzinfo=UTC)),  # JS toString
    ("21 oct 15 7:28:0", datetime(2015, 10, 21, 7, 28, tzinfo=UTC)),
    ("2015 OCTOBER 21 07:28:00", datetime(2015, 10, 21, 7, 28, tzinfo=UTC)),
    # a second time token is not a time any more: it may fill the day (5.1.1, step 2)
    ("1:2:3 4:5:6 Jan 2000", datetime(2000, 1, 4, 1, 2, 3, tzinfo=UTC)),
    ("01 Jan 1601 00:00:00", datetime(1601, 1, 1, tzinfo=UTC)),
    ("31 Dec 9999 23:59:59 +0100", datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
])
def test_reads(raw: str, expected: datetime) -> None:
    assert parse_cookie_date(raw) == expected


@pytest.mark.parametrize(("raw", "fragment"), [
    ("", "no time (hh:mm:ss) or day of the month or month name or year"),
    ("never", "no time"),
    ("Wed, 21 Oct 2015", "no time (hh:mm:ss) in"),
    ("21 Oct 07:28:00", "no year"),
    ("2015 07:28:00 21", "no month name"),
    ("01 Jan 1600 00:00:00", "out of range"),
    ("32 Jan 2000 00:00:00", "out of range"),  # 32 is a day-of-month, then too large
    ("00 Jan 2000 00:00:00", "out of range"),
    ("01 Jan 2000 24:00:00", "out of range"),
    ("30 Feb 2000 10:00:00", "does not exist"),
    ("01 Jan 123 00:00:00", "out of range"),  # year 123: not mapped, below 1601
])
def test_rejects(raw: str, fragment: str) -> None:
    with pytest.raises(FieldError) as info:
        parse_cookie_date(raw)
    assert fragment in info.value.reason
    assert info.value.position is None


@given(st.datetimes(min_value=datetime(1601, 1, 1), max_value=datetime(9999, 12, 31),
                    timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0)))
def test_reads_every_imf_fixdate(value: datetime) -> None:
    assert parse_cookie_date(format_http_date(value)) == value
