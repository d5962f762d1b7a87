"""Accept-Encoding: the content codings the user agent accepts (RFC 9110, 12.5.3).

    Accept-Encoding = #( codings [ weight ] )
    codings         = content-coding / "identity" / "*"
    content-coding  = token

"All content codings are case-insensitive" (8.4.1): they are lower-cased.
"""

from ..grammar import Cursor
from ..grammar.rules import TOKEN
from ._shared.content import weighted_list_field


def _coding(cur: Cursor) -> str:
    return cur.token("a content coding, 'identity' or '*'").lower()


ACCEPT_ENCODING = weighted_list_field("Accept-Encoding", "RFC 9110, 12.5.3", _coding, TOKEN,
                                      lower=True, example="gzip, deflate, br, zstd")
