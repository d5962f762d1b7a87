"""HTTP-date (RFC 9110, section 5.6.7): one preferred form and two obsolete ones.

    HTTP-date    = IMF-fixdate / obs-date
    IMF-fixdate  = day-name "," SP date1 SP time-of-day SP GMT   ; Sun, 06 Nov 1994 08:49:37 GMT
    rfc850-date  = day-name-l "," SP date2 SP time-of-day SP GMT ; Sunday, 06-Nov-94 08:49:37 GMT
    asctime-date = day-name SP date3 SP time-of-day SP year      ; Sun Nov  6 08:49:37 1994

"Recipients of timestamp values are encouraged to be robust in parsing timestamps unless
otherwise restricted by the field definition": all three forms parse; the obsolete two, and a
day name that disagrees with the date, are reported by `lint_http_date` as warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

from .spec import Diagnostic, FieldError

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LONG_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS)}

_TIME = r"([0-9]{2}):([0-9]{2}):([0-9]{2})"
_IMF_RE = re.compile(r"([A-Z][a-z]{2}), ([0-9]{2}) ([A-Z][a-z]{2}) ([0-9]{4}) " + _TIME + " GMT")
_RFC850_RE = re.compile(r"([A-Z][a-z]{5,8}), ([0-9]{2})-([A-Z][a-z]{2})-([0-9]{2}) " + _TIME
                        + " GMT")
_ASCTIME_RE = re.compile(r"([A-Z][a-z]{2}) ([A-Z][a-z]{2}) ([ 0-9][0-9]) " + _TIME
                         + " ([0-9]{4})")


def parse_http_date(raw: str, now: datetime | None = None) -> datetime:
    """Parse any of the three forms into an aware UTC datetime, or raise FieldError."""
    m = _IMF_RE.fullmatch(raw)
    if m:
        day, dd, mon, yyyy, hh, mi, ss = m.groups()
        return _build(raw, day, DAYS, int(yyyy), mon, dd, hh, mi, ss)
    m = _RFC850_RE.fullmatch(raw)
    if m:
        day, dd, mon, yy, hh, mi, ss = m.groups()
        return _build(raw, day, LONG_DAYS, _rfc850_year(int(yy), now), mon, dd, hh, mi, ss)
    m = _ASCTIME_RE.fullmatch(raw)
    if m:
        day, mon, dd, hh, mi, ss, yyyy = m.groups()
        return _build(raw, day, DAYS, int(yyyy), mon, dd.lstrip(), hh, mi, ss)
    raise FieldError(_why_not_a_date(raw), _first_difference(raw))


def format_http_date(value: datetime) -> str:
    """The IMF-fixdate form, the only one a sender may generate."""
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    v = value.astimezone(UTC)
    return (f"{DAYS[v.weekday()]}, {v.day:02d} {MONTHS[v.month - 1]} {v.year:04d} "
            f"{v.hour:02d}:{v.minute:02d}:{v.second:02d} GMT")


_LEAP_RE = re.compile(r":60(?= |$)")


def lint_http_date(value: datetime, raw: str) -> Iterator[Diagnostic]:
    if _IMF_RE.fullmatch(raw) is None:
        form = "RFC 850" if "-" in raw else "asctime"
        yield Diagnostic(f"obsolete {form} date form; senders must use IMF-fixdate "
                         f"({format_http_date(value)})", 0)
    leap = _LEAP_RE.search(raw)
    if leap is not None:
        yield Diagnostic("a leap second (:60): kept as :59, since datetime cannot hold it",
                         leap.start() + 1)
    named = raw.split(",", 1)[0].split(" ", 1)[0]
    actual = value.weekday()
    if named not in (DAYS[actual], LONG_DAYS[actual]):
        yield Diagnostic(f"day name {named!r} does not match the date, a {LONG_DAYS[actual]}", 0)


def _build(raw: str, day: str, names: tuple[str, ...], year: int, mon: str, dd: str,
           hh: str, mi: str, ss: str) -> datetime:
    if day not in names:
        raise FieldError(f"unknown day name {day!r}", 0)
    month = _MONTH_NUMBER.get(mon)
    if month is None:
        raise FieldError(f"unknown month name {mon!r} (months are Jan..Dec)", raw.find(mon))
    second = int(ss)
    if second == 60:  # a leap second: RFC 9110 allows it; datetime cannot hold it
        second = 59
    try:
        return datetime(year, month, int(dd), int(hh), int(mi), second, tzinfo=UTC)
    except ValueError as exc:
        raise FieldError(f"impossible date or time: {exc}", 0) from None


def _rfc850_year(yy: int, now: datetime | None) -> int:
    # "MUST interpret a timestamp that appears to be more than 50 years in the future as
    # representing the most recent year in the past that had the same last two digits."
    this_year = (now or datetime.now(UTC)).year
    year = this_year - this_year % 100 + yy
    if year > this_year + 50:
        year -= 100
    return year


def _why_not_a_date(raw: str) -> str:
    if not raw:
        return "empty date"
    if raw.endswith(("UTC", "+0000", "Z")) or "T" in raw[8:12]:
        return "not an HTTP-date: use the IMF-fixdate form 'Sun, 06 Nov 1994 08:49:37 GMT'"
    return "not an HTTP-date (expected e.g. 'Sun, 06 Nov 1994 08:49:37 GMT')"


_TEMPLATE = "Xxx, 00 Xxx 0000 00:00:00 GMT"


def _first_difference(raw: str) -> int:
    """Where the value stops looking like an IMF-fixdate: the best place for the caret."""
    for i, ch in enumerate(raw):
        if i >= len(_TEMPLATE):
            return i
        want = _TEMPLATE[i]
        ok = (want == "X" and ch.isupper()) or (want == "x" and ch.islower()) or (
            want == "0" and ch.isdigit()) or want == ch
        if not ok:
            return i
    return len(raw)
