"""Date, Last-Modified, If-Modified-Since, If-Unmodified-Since and Expires."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from headerscope.headers import FieldSpec, to_json
from headerscope.headers.dates import (
    DATE,
    EXPIRES,
    IF_MODIFIED_SINCE,
    IF_UNMODIFIED_SINCE,
    LAST_MODIFIED,
)

from ._content_helpers import rejects, warned, warnings

ALL = [DATE, EXPIRES, IF_MODIFIED_SINCE, IF_UNMODIFIED_SINCE, LAST_MODIFIED]
NOV6 = datetime(1994, 11, 6, 8, 49, 37, tzinfo=UTC)


@pytest.mark.parametrize("spec", ALL, ids=lambda s: s.name)
@pytest.mark.parametrize("raw", [
    "Sun, 06 Nov 1994 08:49:37 GMT",  # IMF-fixdate
    "Sunday, 06-Nov-94 08:49:37 GMT",  # obsolete RFC 850 format
    "Sun Nov  6 08:49:37 1994",  # ANSI C's asctime() format
])
def test_all_three_forms_give_the_same_aware_datetime(spec: FieldSpec[Any], raw: str) -> None:
    value = spec.parse(raw)
    assert value == NOV6 and value.tzinfo is not None
    assert spec.write(value) == "Sun, 06 Nov 1994 08:49:37 GMT"
    assert to_json(value) == "1994-11-06T08:49:37Z"


@pytest.mark.parametrize("spec", ALL, ids=lambda s: s.name)
def test_obsolete_forms_are_warned(spec: FieldSpec[Any]) -> None:
    warned(spec, "Sunday, 06-Nov-94 08:49:37 GMT", "obsolete RFC 850 date form", 0)
    warned(spec, "Sun Nov  6 08:49:37 1994", "obsolete asctime date form", 0)
    warned(spec, "Mon, 06 Nov 1994 08:49:37 GMT", "does not match the date", 0)
    assert warnings(spec, "Sun, 06 Nov 1994 08:49:37 GMT") == []


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("Sun, 06 Nov 1994 08:49:37 UTC", "IMF-fixdate", 26),
    ("1994-11-06T08:49:37Z", "IMF-fixdate", 0),
    ("Sun, 06 Nov 1994 25:49:37 GMT", "impossible date or time", 0),
    ("Sun, 31 Nov 1994 08:49:37 GMT", "impossible date or time", 0),
    ("Sun, 06 Foo 1994 08:49:37 GMT", "unknown month name 'Foo'", 8),
    ("Sun, 6 Nov 1994 08:49:37 GMT", "not an HTTP-date", 6),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    for spec in ALL:
        rejects(spec, raw, fragment, position)


@pytest.mark.parametrize("raw", ["0", "-1"])
def test_expires_zero_is_an_error_that_says_it_means_the_past(raw: str) -> None:
    rejects(EXPIRES, raw, "a cache MUST treat an invalid Expires as a time in the past", 0)
    rejects(EXPIRES, raw, f"Expires: {raw} is not a date", 0)
    rejects(DATE, raw, "not an HTTP-date", 0)


def test_any_invalid_expires_says_it_means_the_past() -> None:
    rejects(EXPIRES, "tomorrow", "as a time in the past", 0)


@pytest.mark.parametrize(("raw", "at"), [("Sat, 31 Dec 2016 23:59:60 GMT", 23),
                                         ("Saturday, 31-Dec-16 23:59:60 GMT", 26)])
def test_a_leap_second_is_kept_as_59_with_a_warning(raw: str, at: int) -> None:
    from headerscope.headers import REGISTRY

    parsed = REGISTRY.parse("Date", raw)
    assert parsed.value is not None and parsed.value.second == 59
    leap = [w for w in parsed.warnings if "leap second" in w.reason]
    assert len(leap) == 1 and leap[0].position == at
