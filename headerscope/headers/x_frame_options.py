"""X-Frame-Options: whether a browser may show the response in a frame (RFC 7034, 2.1).

    X-Frame-Options = "DENY" / "SAMEORIGIN" / ( "ALLOW-FROM" RWS SERIALIZED-ORIGIN )

The keywords are case-insensitive. ALLOW-FROM was never implemented by Chromium or Safari and
Firefox removed it: browsers ignore the whole field then, so it parses with a warning pointing
to CSP's frame-ancestors, which replaces it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

from ..grammar import describe
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.uri import Origin, parse_origin, write_origin
from ._shared.value import value_type


class FrameOption(enum.Enum):
    DENY = "DENY"
    SAMEORIGIN = "SAMEORIGIN"


@value_type
class AllowFrom:
    """The obsolete `ALLOW-FROM origin` form."""

    origin: Origin


FrameOptions = FrameOption | AllowFrom
_WORD_RE = re.compile(r"[A-Za-z-]*")


def parse(raw: str) -> FrameOptions:
    if raw[:10].upper() == "ALLOW-FROM":
        stop = 10
        if raw[stop:stop + 1] not in (" ", "\t"):
            raise FieldError("expected a space and an origin after ALLOW-FROM", stop)
        while raw[stop:stop + 1] in (" ", "\t"):
            stop += 1
        return AllowFrom(parse_origin(raw, stop))
    m = _WORD_RE.match(raw)
    assert m is not None  # `*` always matches
    word, stop = m.group().upper(), m.end()
    if word not in ("DENY", "SAMEORIGIN"):
        raise FieldError("expected DENY or SAMEORIGIN", 0)
    if stop < len(raw):
        if raw[stop] == ",":
            raise FieldError("X-Frame-Options takes one value; a ',' usually means that two "
                             "field lines were merged", stop)
        raise FieldError(f"unexpected {describe(raw[stop])} after {word}", stop)
    return FrameOption(word)


def write(value: FrameOptions) -> str:
    if isinstance(value, AllowFrom):
        return f"ALLOW-FROM {write_origin(value.origin)}"
    return value.value


def lint(value: FrameOptions, raw: str) -> Iterator[Diagnostic]:
    if isinstance(value, AllowFrom):
        yield Diagnostic("ALLOW-FROM is obsolete and current browsers ignore the whole field; "
                         "use Content-Security-Policy: frame-ancestors", 0)


X_FRAME_OPTIONS = FieldSpec("X-Frame-Options", parse, write, "RFC 7034, 2.1",
                            value_type="FrameOption | AllowFrom", lint=lint, example="SAMEORIGIN")
