from __future__ import annotations

from datetime import UTC, datetime

from headerscope.headers.sunset import SUNSET

from ._content_helpers import rejects, warnings

END_2018 = datetime(2018, 12, 31, 23, 59, 59, tzinfo=UTC)


def test_parses_an_http_date() -> None:
    assert SUNSET.parse("Mon, 31 Dec 2018 23:59:59 GMT") == END_2018
    assert SUNSET.write(END_2018) == "Mon, 31 Dec 2018 23:59:59 GMT"
    assert warnings(SUNSET, "Mon, 31 Dec 2018 23:59:59 GMT") == []


def test_the_rfc_example_has_the_wrong_day_name() -> None:
    # RFC 8594, 3 writes "Sat, 31 Dec 2018 23:59:59 GMT"; that day was a Monday
    assert SUNSET.parse("Sat, 31 Dec 2018 23:59:59 GMT") == END_2018
    assert warnings(SUNSET, "Sat, 31 Dec 2018 23:59:59 GMT") == [
        ("day name 'Sat' does not match the date, a Monday", 0)]


def test_rejects_what_is_not_a_date() -> None:
    rejects(SUNSET, "2018-12-31T23:59:59Z", "use the IMF-fixdate form", 0)
    rejects(SUNSET, "Mon, 31 Dec 2018 23:59:59 UTC", "use the IMF-fixdate form", 26)


def test_obsolete_forms_are_warnings() -> None:
    assert SUNSET.parse("Monday, 31-Dec-18 23:59:59 GMT") == END_2018
    assert [reason[:26] for reason, _ in warnings(SUNSET, "Monday, 31-Dec-18 23:59:59 GMT")] == [
        "obsolete RFC 850 date form"]
