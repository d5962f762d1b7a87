"""Accept-Language: the natural languages the user agent prefers (RFC 9110, 12.5.4).

    Accept-Language = #( language-range [ weight ] )
    language-range  = <language-range, see [RFC4647], Section 2.1>
                    = ( 1*8ALPHA *( "-" 1*8alphanum ) ) / "*"

Ranges are case-insensitive; they are kept as sent ("en-US"), which is also their
conventional case (RFC 5646, 2.1.1).
"""

from ..grammar import Cursor
from ._shared.content import weighted_list_field
from ._shared.rfc8187 import LANGUAGE_TAG_RE, language_error


def _language_range(cur: Cursor) -> str:
    start = cur.pos
    text = cur.token("a language range such as en-US, or '*'")
    if text != "*" and LANGUAGE_TAG_RE.fullmatch(text) is None:
        raise language_error(text, start, "language range")
    return text


ACCEPT_LANGUAGE = weighted_list_field("Accept-Language", "RFC 9110, 12.5.4", _language_range,
                                      rf"\*|{LANGUAGE_TAG_RE.pattern}", lower=False,
                                      example="en-US,en;q=0.9")
