"""Max-Forwards: how many more times a TRACE or OPTIONS request may be forwarded (RFC 9110, 7.6.2).

    Max-Forwards = 1*DIGIT
"""

from ._shared.families import int_field

MAX_FORWARDS = int_field("Max-Forwards", "RFC 9110, 7.6.2", what="a number of hops",
                         example="10")
