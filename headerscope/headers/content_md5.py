"""Content-MD5: an MD5 digest of the content, base64-encoded (RFC 1864; removed by RFC 7231).

    Content-MD5 = <base64 of 128 bit MD5 digest as per RFC 1864>

The value is the 16 digest octets: 22 base64 characters and "==".
"""

import base64
import re

from ..grammar import describe
from ._shared.spec import FieldError, FieldSpec

_MD5_RE = re.compile(r"[A-Za-z0-9+/]{22}==")
_B64_RE = re.compile(r"[A-Za-z0-9+/]+")


def parse(raw: str) -> bytes:
    if _MD5_RE.fullmatch(raw):
        return base64.b64decode(raw)
    m = _B64_RE.match(raw)
    body = m.end() if m else 0
    pad = body
    while pad < len(raw) and raw[pad] == "=":
        pad += 1
    if pad < len(raw):
        if pad > body and _B64_RE.match(raw[pad]):
            raise FieldError("'=' padding may only end a base64 value", body)
        raise FieldError(f"{describe(raw[pad])} is not a base64 character", pad)
    raise FieldError("an MD5 digest is 16 octets: 22 base64 characters and '==', "
                     f"not {len(raw)} characters", None)


def write(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


CONTENT_MD5 = FieldSpec(
    "Content-MD5", parse, write, "RFC 1864", value_type="bytes",
    example="Q2hlY2sgSW50ZWdyaXR5IQ==",
    deprecated="Content-MD5 is obsoleted: RFC 7231 removed it (inconsistent with partial "
               "responses); use Repr-Digest or Content-Digest (RFC 9530)",
)
