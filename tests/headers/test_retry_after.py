"""Retry-After: delay-seconds or an HTTP-date."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from headerscope.headers.retry_after import RETRY_AFTER

from ._content_helpers import rejects, warned

DATE = datetime(1999, 12, 31, 23, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize(("raw", "expected"), [
    ("120", 120), ("0", 0), ("Fri, 31 Dec 1999 23:59:59 GMT", DATE),
    ("Fri Dec 31 23:59:59 1999", DATE),
])
def test_parses(raw: str, expected: int | datetime) -> None:
    assert RETRY_AFTER.parse(raw) == expected
    assert RETRY_AFTER.parse(RETRY_AFTER.write(expected)) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("-1", "not an HTTP-date", 0),
    ("1.5", "unexpected '.'", 1),
    ("120 s", "unexpected U+0020", 3),
    ("soon", "not an HTTP-date", 0),
    ("", "expected a number of seconds", 0),
    ("Fri, 31 Dec 1999 23:59:59 UTC", "IMF-fixdate", 26),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(RETRY_AFTER, raw, fragment, position)


def test_obsolete_date_is_warned() -> None:
    warned(RETRY_AFTER, "Fri Dec 31 23:59:59 1999", "obsolete asctime", 0)
