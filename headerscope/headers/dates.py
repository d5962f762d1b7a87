"""The five fields whose value is one HTTP-date (RFC 9110, 5.6.7).

    Date                = HTTP-date        ; RFC 9110, 6.6.1: when the message was generated
    Last-Modified       = HTTP-date        ; RFC 9110, 8.8.2
    If-Modified-Since   = HTTP-date        ; RFC 9110, 13.1.3
    If-Unmodified-Since = HTTP-date        ; RFC 9110, 13.1.4
    Expires             = HTTP-date        ; RFC 9111, 5.3: when the response becomes stale

All three date forms parse; the obsolete RFC 850 and asctime forms are reported as warnings.
Expires is special: "A cache recipient MUST interpret invalid date formats, especially the value
"0", as representing a time in the past (i.e., "already expired")", so its error says that.
"""

from datetime import datetime

from ._shared.dates import format_http_date, lint_http_date, parse_http_date
from ._shared.families import date_field
from ._shared.spec import FieldError, FieldSpec

DATE = date_field("Date", "RFC 9110, 6.6.1", example="Tue, 15 Nov 1994 08:12:31 GMT")
LAST_MODIFIED = date_field("Last-Modified", "RFC 9110, 8.8.2")
IF_MODIFIED_SINCE = date_field("If-Modified-Since", "RFC 9110, 13.1.3")
IF_UNMODIFIED_SINCE = date_field("If-Unmodified-Since", "RFC 9110, 13.1.4")

_PAST = "a cache MUST treat an invalid Expires as a time in the past (already expired)"


def parse_expires(raw: str) -> datetime:
    try:
        return parse_http_date(raw)
    except FieldError as exc:
        if raw in ("0", "-1"):
            reason = (f"Expires: {raw} is not a date; {_PAST}. To say 'already expired', "
                      "send a date in the past or Cache-Control: no-cache")
            raise FieldError(reason, 0) from None
        raise FieldError(f"{exc.reason}; {_PAST}", exc.position) from None


EXPIRES = FieldSpec("Expires", parse_expires, format_http_date, "RFC 9111, 5.3",
                    value_type="datetime", lint=lint_http_date,
                    example="Thu, 01 Dec 1994 16:00:00 GMT")
