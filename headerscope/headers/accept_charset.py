"""Accept-Charset: the charsets the user agent prefers (RFC 9110, 12.5.2).

    Accept-Charset = #( ( token / "*" ) [ weight ] )

Charset names are case-insensitive and are lower-cased. Browsers stopped sending this field.
"""

import dataclasses

from ..grammar import Cursor
from ..grammar.rules import TOKEN
from ._shared.content import weighted_list_field


def _charset(cur: Cursor) -> str:
    return cur.token("a charset name or '*'").lower()


ACCEPT_CHARSET = dataclasses.replace(
    weighted_list_field("Accept-Charset", "RFC 9110, 12.5.2", _charset, TOKEN, lower=True,
                        example="utf-8, iso-8859-1;q=0.5"),
    deprecated="Accept-Charset is deprecated (RFC 9110, 12.5.2): UTF-8 is nearly ubiquitous "
               "and the list aids fingerprinting; nothing replaces it: remove it")
