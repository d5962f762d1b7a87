"""DNT: Do Not Track, the user's tracking preference (W3C Tracking Preference Expression, 5.2).

    DNT-field-value = ( "0" / "1" ) *DNT-extension
    DNT-extension   = %x21 / %x23-2B / %x2D-5B / %x5D-7E
                    ; excludes CTL, SP, DQUOTE, comma, backslash

"1" asks not to be tracked, "0" consents to tracking; extension characters may follow, and
"a recipient MUST ignore any extension it does not understand". The W3C closed the work in 2019
(a Working Group Note) and browsers are removing the setting: Sec-GPC replaces it.
"""

from __future__ import annotations

import re

from ..grammar import expect_run
from ._shared.spec import FieldError, FieldSpec
from ._shared.value import value_type

_EXTENSION_RE = re.compile(r"[\x21\x23-\x2b\x2d-\x5b\x5d-\x7e]*")


@value_type
class TrackingPreference:
    do_not_track: bool  # True for "1" (do not track me), False for "0" (tracking allowed)
    extension: str = ""  # the DNT-extension characters after the digit, as sent


def parse(raw: str) -> TrackingPreference:
    if raw[:1] not in ("0", "1") or not raw:
        raise FieldError("expected 0 (tracking allowed) or 1 (do not track)", 0)
    expect_run(raw, _EXTENSION_RE, "is not allowed in a DNT extension", 1)
    return TrackingPreference(raw[0] == "1", raw[1:])


def write(value: TrackingPreference) -> str:
    return ("1" if value.do_not_track else "0") + value.extension


DNT = FieldSpec("DNT", parse, write, "W3C Tracking Preference Expression, 5.2",
                value_type="TrackingPreference", example="1",
                deprecated="Do Not Track was abandoned (W3C Working Group Note, 2019) and "
                           "browsers are removing it; Sec-GPC replaces it")
