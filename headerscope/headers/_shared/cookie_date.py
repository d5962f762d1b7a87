"""The cookie-date algorithm (RFC 6265, 5.1.1): how user agents read Set-Cookie's Expires.

    cookie-date     = *delimiter date-token-list *delimiter
    date-token-list = date-token *( 1*delimiter date-token )
    date-token      = 1*non-delimiter
    delimiter       = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
    non-delimiter   = %x00-08 / %x0A-1F / DIGIT / ":" / ALPHA / %x7F-FF
    non-digit       = %x00-2F / %x3A-FF
    day-of-month    = 1*2DIGIT [ non-digit *OCTET ]
    month           = ( "jan" / "feb" / "mar" / "apr" / "may" / "jun" / "jul" / "aug" /
                        "sep" / "oct" / "nov" / "dec" ) *OCTET
    year            = 2*4DIGIT [ non-digit *OCTET ]
    time            = hms-time [ non-digit *OCTET ]
    hms-time        = time-field ":" time-field ":" time-field
    time-field      = 1*2DIGIT

Much looser than HTTP-date: "Thu, 01-Jan-1970 00:00:01 GMT", "Wed Oct 21 2015 07:28:00" and
"21 oct 15 7:28:0" all read as dates. Each token fills the first of time, day, month, year
that it matches and that is still empty; the order of the tokens does not matter.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from .spec import FieldError

_TOKEN_RE = re.compile(r"[^\x09\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+")
_TIME_RE = re.compile(r"([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?![0-9])")
_DAY_RE = re.compile(r"[0-9]{1,2}(?![0-9])")
_YEAR_RE = re.compile(r"[0-9]{2,4}(?![0-9])")
_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}


def parse_cookie_date(text: str) -> datetime:
    """An aware UTC datetime, or FieldError (position None: the reason names what is wrong)."""
    time: tuple[int, int, int] | None = None
    day = month = year = None
    for m in _TOKEN_RE.finditer(text):
        token = m.group()
        if time is None and (t := _TIME_RE.match(token)):
            time = (int(t.group(1)), int(t.group(2)), int(t.group(3)))
        elif day is None and (d := _DAY_RE.match(token)):
            day = int(d.group())
        elif month is None and token[:3].lower() in _MONTHS:
            month = _MONTHS[token[:3].lower()]
        elif year is None and (y := _YEAR_RE.match(token)):
            year = int(y.group())
    if time is None or day is None or month is None or year is None:
        missing = [what for what, v in (("time (hh:mm:ss)", time), ("day of the month", day),
                                        ("month name", month), ("year", year)) if v is None]
        raise FieldError(f"no {' or '.join(missing)} in the date {text!r}")
    if 70 <= year <= 99:  # "If the year-value is greater than or equal to 70 and less than
        year += 1900      # or equal to 99, increment the year-value by 1900."
    elif year <= 69:
        year += 2000
    hour, minute, second = time
    if year < 1601 or not 1 <= day <= 31 or hour > 23 or minute > 59 or second > 59:
        raise FieldError(f"the date {text!r} is out of range (years from 1601, days 1-31, "
                         "hours 0-23, minutes and seconds 0-59)")
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        raise FieldError(f"the date {text!r} does not exist") from None
