"""Accept-Ranges: the range units the server supports for this resource (RFC 9110, 14.3).

    Accept-Ranges     = acceptable-ranges
    acceptable-ranges = 1#range-unit
    range-unit        = token

Range units are case-insensitive and are lower-cased. "none" is a reserved range unit: "A
server that does not support any kind of range request for the target resource MAY send
Accept-Ranges: none".
"""

from ._shared.content import token_list_field

ACCEPT_RANGES = token_list_field("Accept-Ranges", "RFC 9110, 14.3", lower=True, at_least_one=True,
                                 example="bytes")
