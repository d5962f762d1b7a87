"""Accept-Datetime and Memento-Datetime: datetime negotiation with archives (RFC 7089, 2.1.1).

    accept-dt-value = rfc1123-date
    rfc1123-date = wkday "," SP date1 SP time SP "GMT"
    date1 = 2DIGIT SP month SP 4DIGIT
    time = 2DIGIT ":" 2DIGIT ":" 2DIGIT

Both fields carry this one form, which is RFC 9110's IMF-fixdate; the obsolete forms that an
HTTP-date allows (RFC 850, asctime) are not rfc1123-dates, so they are errors here.
"""

from __future__ import annotations

import re
from datetime import datetime

from ._shared.dates import format_http_date, lint_http_date, parse_http_date
from ._shared.spec import FieldError, FieldSpec

_RFC1123_RE = re.compile(r"[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:"
                         r"[0-9]{2} GMT")


def parse(raw: str) -> datetime:
    value = parse_http_date(raw)  # names the first character that does not fit
    if _RFC1123_RE.fullmatch(raw) is None:
        raise FieldError("only the rfc1123-date form is allowed here, e.g. 'Thu, 31 May 2007 "
                         "20:35:00 GMT' (RFC 7089, 2.1.1)", 0)
    return value


ACCEPT_DATETIME = FieldSpec("Accept-Datetime", parse, format_http_date, "RFC 7089, 2.1.1",
                            value_type="datetime", lint=lint_http_date,
                            example="Thu, 31 May 2007 20:35:00 GMT")
MEMENTO_DATETIME = FieldSpec("Memento-Datetime", parse, format_http_date, "RFC 7089, 2.1.1",
                             value_type="datetime", lint=lint_http_date,
                             example="Wed, 30 May 2007 18:47:52 GMT")
