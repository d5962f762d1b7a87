"""CalDAV scheduling fields: Schedule-Reply, Schedule-Tag, If-Schedule-Tag-Match (RFC 6638, 8).

    Schedule-Reply        = "T" / "F"                                      ; 8.1
    Schedule-Tag          = opaque-tag                                     ; 8.3
    If-Schedule-Tag-Match = opaque-tag                                     ; 8.4
    opaque-tag            = quoted-string                                  ; RFC 2616, 3.11

RFC 2616's opaque-tag is a quoted-string (its content may have spaces and quoted-pairs), not
RFC 9110's narrower etagc; the value is the content.
"""

from __future__ import annotations

from ..grammar import Cursor, quote_string
from ._shared.spec import FieldSpec
from .webdav import parse_overwrite, write_overwrite


def parse_tag(raw: str) -> str:
    cur = Cursor(raw)
    tag = cur.quoted_string()
    cur.expect_end()
    return tag


SCHEDULE_REPLY = FieldSpec("Schedule-Reply", parse_overwrite, write_overwrite, "RFC 6638, 8.1",
                           value_type="bool", example="F")
SCHEDULE_TAG = FieldSpec("Schedule-Tag", parse_tag, quote_string, "RFC 6638, 8.3",
                         value_type="str", example='"12345-67890"')
IF_SCHEDULE_TAG_MATCH = FieldSpec("If-Schedule-Tag-Match", parse_tag, quote_string,
                                  "RFC 6638, 8.4", value_type="str", example='"12345-67890"')
