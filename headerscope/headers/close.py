"""Close: a field name that no one may use (RFC 9112, 9.6; IANA status "reserved").

RFC 9112, 9.6, after defining the "close" connection option: "Note that the field name "Close"
is reserved, since using that name as a header field might conflict with the "close"
connection option." The name is registered only to keep it from being given a meaning, so it
has no grammar: the value is kept as the text received (field-content, RFC 9110, 5.5), and
every use is flagged. The sender almost certainly meant `Connection: close`.
"""

from __future__ import annotations

from ..grammar import expect_run
from ..grammar.rules import FIELD_CONTENT_RE
from ._shared.spec import FieldSpec


def parse(raw: str) -> str:
    expect_run(raw, FIELD_CONTENT_RE, "cannot be part of a field value (RFC 9110, 5.5)")
    return raw


CLOSE = FieldSpec(
    "Close", parse, str, "RFC 9112, 9.6", value_type="str", example="close",
    deprecated='Close is a reserved field name that no field may use (RFC 9112, 9.6): it would '
               'be confused with the "close" connection option; send "Connection: close" to '
               "close the connection")
