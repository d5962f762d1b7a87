"""Allow: the methods the target resource supports (RFC 9110, 10.2.1).

    Allow  = #method
    method = token

Methods are case-sensitive, so they are kept as sent. "An empty Allow field value indicates
that the resource allows no methods".
"""

from ._shared.content import token_list_field

ALLOW = token_list_field("Allow", "RFC 9110, 10.2.1", lower=False, at_least_one=False,
                         example="GET, HEAD, OPTIONS")
