"""HTTP2-Settings: the SETTINGS payload a client offers when upgrading from HTTP/1.1 to
cleartext HTTP/2, "h2c" (RFC 7540, 3.2.1; the upgrade was removed by RFC 9113).

    HTTP2-Settings = token68

"The content of the HTTP2-Settings header field is the payload of a SETTINGS frame ...,
encoded as a base64url string ... with any trailing '=' characters omitted." The payload is
a sequence of 6-octet settings: a 16-bit identifier and a 32-bit value.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

from ..grammar import describe
from ..grammar.rules import BASE64URL_RE
from ._shared.auth import decode_base64url
from ._shared.json import JSON
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.value import value_type

NAMES = {1: "SETTINGS_HEADER_TABLE_SIZE", 2: "SETTINGS_ENABLE_PUSH",
         3: "SETTINGS_MAX_CONCURRENT_STREAMS", 4: "SETTINGS_INITIAL_WINDOW_SIZE",
         5: "SETTINGS_MAX_FRAME_SIZE", 6: "SETTINGS_MAX_HEADER_LIST_SIZE",
         8: "SETTINGS_ENABLE_CONNECT_PROTOCOL",  # RFC 8441
         9: "SETTINGS_NO_RFC7540_PRIORITIES"}  # RFC 9218


@value_type
class Setting:
    identifier: int  # 0-65535
    value: int  # 0-2**32-1

    @property
    def name(self) -> str | None:
        return NAMES.get(self.identifier)

    def __json__(self) -> JSON:
        return {"identifier": self.identifier, "name": self.name, "value": self.value}


def parse(raw: str) -> tuple[Setting, ...]:
    m = BASE64URL_RE.match(raw)
    assert m is not None
    if m.end() < len(raw):
        ch = raw[m.end()]
        hint = " (base64url has no padding here)" if ch == "=" else (
            " (base64url uses '-' and '_' instead of '+' and '/')" if ch in "+/" else "")
        raise FieldError(f"{describe(ch)} is not a base64url character{hint}", m.end())
    if not raw:
        raise FieldError("empty value: expected a base64url SETTINGS payload", 0)
    if len(raw) % 4 == 1:
        raise FieldError("truncated base64url: one character left over", len(raw) - 1)
    payload = decode_base64url(raw)
    if len(payload) % 6:
        raise FieldError(f"the SETTINGS payload is {len(payload)} octets, not a multiple of 6 "
                         "(RFC 9113, 6.5: a FRAME_SIZE_ERROR)")
    return tuple(Setting(int.from_bytes(payload[i:i + 2]), int.from_bytes(payload[i + 2:i + 6]))
                 for i in range(0, len(payload), 6))


def write(value: tuple[Setting, ...]) -> str:
    payload = b"".join(s.identifier.to_bytes(2) + s.value.to_bytes(4) for s in value)
    return base64.urlsafe_b64encode(payload).rstrip(b"=").decode("ascii")


def lint(value: tuple[Setting, ...], raw: str) -> Iterator[Diagnostic]:
    # RFC 9113, 6.5.2: values out of these ranges are connection errors
    for s in value:
        if s.identifier in (2, 8) and s.value > 1:
            yield Diagnostic(f"{s.name} must be 0 or 1, not {s.value}")
        elif s.identifier == 4 and s.value > 2**31 - 1:
            yield Diagnostic(f"{s.name} above 2^31-1 is a FLOW_CONTROL_ERROR")
        elif s.identifier == 5 and not 2**14 <= s.value <= 2**24 - 1:
            yield Diagnostic(f"{s.name} must be between 16384 and 16777215, not {s.value}")


HTTP2_SETTINGS = FieldSpec(
    "HTTP2-Settings", parse, write, "RFC 7540, 3.2.1", value_type="tuple[Setting, ...]",
    lint=lint, example="AAMAAABkAAQCAAAAAAIAAAAA",
    deprecated="HTTP2-Settings is obsoleted: the h2c upgrade it belongs to was "
               "removed by RFC 9113")
