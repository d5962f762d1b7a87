"""OSCORE: the CoAP OSCORE option of a message carried over HTTP (RFC 8613, 11.1; 6.1).

    base64url-char = ALPHA / DIGIT / "-" / "_"
    OSCORE = 2*base64url-char

The value is the OSCORE option in base64url without padding, "AA" (one zero octet) when the
option is empty (11.2, 11.3). The option is read as 6.1 lays it out: a flag octet (three
reserved bits, h: a kid context follows, k: a kid follows, n: the Partial IV's length), the n
octets of the Partial IV, then with h a length octet s and s octets of kid context, then with
k the rest, the kid. Reserved bits set, or octets left over, are errors: the option cannot be
read one way. The compressed COSE object itself is the body's, not this field's.
"""

from __future__ import annotations

import base64

from ..grammar import expect_run
from ..grammar.rules import BASE64URL_RE
from ._shared.auth import decode_base64url
from ._shared.spec import FieldError, FieldSpec
from ._shared.value import value_type

_H, _K, _N, _RESERVED = 0x10, 0x08, 0x07, 0xE0


@value_type
class OscoreOption:
    partial_iv: bytes = b""  # at most 7 octets
    kid: bytes | None = None  # None: no kid (k = 0)
    kid_context: bytes | None = None  # None: no kid context (h = 0); at most 255 octets


def parse(raw: str) -> OscoreOption:
    expect_run(raw, BASE64URL_RE, "is not a base64url character (A-Z a-z 0-9 - _, no padding)")
    if len(raw) < 2 or len(raw) % 4 == 1:
        raise FieldError(f"{len(raw)} base64url characters encode no whole octets", None)
    option = decode_base64url(raw)
    flags = option[0]
    if flags & _RESERVED:
        raise FieldError("the reserved bits of the flag octet are set", 0)
    n, at = flags & _N, 1 + (flags & _N)
    if len(option) < at:
        raise FieldError(f"the flag octet announces a {n}-octet Partial IV that is not there", 0)
    context = None
    if flags & _H:
        if len(option) <= at or len(option) < at + 1 + option[at]:
            raise FieldError("the flag octet announces a kid context that is not there", 0)
        context, at = option[at + 1:at + 1 + option[at]], at + 1 + option[at]
    if not flags & _K and at < len(option):
        raise FieldError(f"{len(option) - at} octets after the option's last field (no kid "
                         "flag)", None)
    return OscoreOption(option[1:1 + n], option[at:] if flags & _K else None, context)


def write(value: OscoreOption) -> str:
    flags = len(value.partial_iv)
    option = bytearray(value.partial_iv)
    if value.kid_context is not None:
        flags |= _H
        option += bytes((len(value.kid_context),)) + value.kid_context
    if value.kid is not None:
        flags |= _K
        option += value.kid
    encoded = base64.urlsafe_b64encode(bytes((flags,)) + option)
    return encoded.decode("ascii").rstrip("=")


OSCORE = FieldSpec("OSCORE", parse, write, "RFC 8613, 11.1", value_type="OscoreOption",
                   example="CSU")
