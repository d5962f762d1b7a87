"""Early-Data: an intermediary forwarded this request from TLS 1.3 early data, which an
attacker can replay (RFC 8470, 5.1).

    Early-Data = "1"

The grammar has exactly one value, so anything but "1" is diagnosed rather than read as
"sent in early data" or not.
"""

from ._shared.spec import FieldError, FieldSpec


def parse(raw: str) -> int:
    if raw != "1":
        raise FieldError("Early-Data has one value, '1'", 0)
    return 1


EARLY_DATA = FieldSpec("Early-Data", parse, str, "RFC 8470, 5.1", value_type="int (always 1)",
                       example="1")
