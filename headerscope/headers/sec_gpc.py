"""Sec-GPC: Global Privacy Control, the user's request not to sell or share their personal
data (Global Privacy Control, "The Sec-GPC Header Field for HTTP Requests").

    Sec-GPC = "1"

The header is sent with the value 1 or not at all, so the native value is the int 1.
"""

from ._shared.spec import FieldError, FieldSpec


def parse(raw: str) -> int:
    if raw != "1":
        raise FieldError("the only value is 1 (without a preference the header is not sent)",
                         1 if raw[:1] == "1" else 0)
    return 1


SEC_GPC = FieldSpec("Sec-GPC", parse, str, "Global Privacy Control, Sec-GPC",
                    value_type="int (always 1)", example="1")
