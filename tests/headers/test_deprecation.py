from __future__ import annotations

from datetime import UTC, datetime

import pytest

from .sf_field_cases import assert_parses, assert_rejects


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("@1688169599", datetime(2023, 6, 30, 23, 59, 59, tzinfo=UTC)),  # RFC 9745's example
        ("@0", datetime(1970, 1, 1, tzinfo=UTC)),
        ("@-62135596800", datetime(1, 1, 1, tzinfo=UTC)),
        ("@253402300799", datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("@1688169599;x=1", datetime(2023, 6, 30, 23, 59, 59, tzinfo=UTC)),
    ],
)
def test_parses(raw: str, expected: datetime) -> None:
    assert_parses("Deprecation", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # what APIs sent under the drafts, and what to send now
        ("Sun, 11 Nov 2018 23:59:59 GMT",
         "this is an HTTP-date, the form of the drafts before RFC 9745; the field is now an "
         "SF Date: @1541980799", 3),
        ("true", "Deprecation: true is the form of the drafts", 0),
        ("1688169599", "must be a Date such as @1688169599, found the Integer 1688169599", 0),
        ('"@1688169599"', "found the String", 0),
        ("@253402300800", "outside the years 1 to 9999", 0),
        ("@1.5", "a Date is a whole number of seconds", 2),
        ("", "expected an item", 0),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Deprecation", raw, fragment, position)
