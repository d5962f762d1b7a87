"""The WebSocket opening handshake fields (RFC 6455, 4.1, 4.2.2, 9.1 and 11.3).

    Sec-WebSocket-Key        = base64-value-non-empty  ; the base64 of exactly 16 random bytes
    Sec-WebSocket-Accept     = base64-value-non-empty  ; 11.3.3: the base64 of a 20-byte SHA-1
    base64-value-non-empty   = (1*base64-data [ base64-padding ]) | base64-padding
    base64-data              = 4base64-character
    base64-padding           = (2base64-character "==") | (3base64-character "=")
    base64-character         = ALPHA | DIGIT | "+" | "/"
    Sec-WebSocket-Version    = 1#version  ; a client sends one; a server's 426 lists several
    version                  = DIGIT / ( NZDIGIT DIGIT ) / ( "1" DIGIT DIGIT ) /
                               ( "2" DIGIT-0-4 DIGIT ) / ( "2" "5" DIGIT-0-5 )   ; 0-255
    Sec-WebSocket-Protocol   = 1#token    ; a server answers with one of the client's
    Sec-WebSocket-Extensions = 1#extension
    extension                = extension-token *( ";" extension-param )
    extension-param          = token [ "=" ( token / quoted-string ) ]

RFC 6455 uses RFC 2616's implied linear white space, so OWS may surround ";" and "=".
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator, Mapping

from ..grammar import Cursor, is_token, parse_int, parse_list
from ._shared.auth import decode_base64
from ._shared.content import list_lint, token_list_field
from ._shared.frozen import EMPTY, frozen
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type


def parse_key(raw: str) -> bytes:
    key = decode_base64(raw, 0)
    if len(key) != 16:
        # 4.1: "a base64-encoded value that, when decoded, is 16 bytes in length"
        raise FieldError(f"the key decodes to {len(key)} bytes; it must be 16 (24 base64 "
                         "characters ending in '==')", None)
    return key


def write_key(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


# 4.2.2, step 5.4: the GUID the server appends to the key before hashing it.
_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def accept_for(key: str) -> bytes:
    """The Sec-WebSocket-Accept digest a server answers to the key text `key` (4.2.2)."""
    return hashlib.sha1(key.encode("ascii") + _GUID).digest()


def parse_accept(raw: str) -> bytes:
    digest = decode_base64(raw, 0)
    if len(digest) != 20:
        # 4.2.2: "taking the SHA-1 hash of this concatenated value to obtain a 20-byte value"
        raise FieldError(f"the value decodes to {len(digest)} bytes; it must be the 20-byte "
                         "SHA-1 digest (28 base64 characters ending in '=')", None)
    return digest


def _version(cur: Cursor) -> int:
    start = cur.pos
    version = parse_int(cur, "a version number", max_digits=3)
    if version > 255 or (cur.text[start] == "0" and cur.pos - start > 1):
        raise FieldError("a version is a number from 0 to 255 without leading zeros", start)
    return version


def parse_versions(raw: str) -> tuple[int, ...]:
    return parse_list(raw, _version, what="Sec-WebSocket-Version", at_least_one=True)


def write_versions(value: tuple[int, ...]) -> str:
    return ", ".join(map(str, value))


def lint_versions(value: tuple[int, ...], raw: str) -> Iterator[Diagnostic]:
    if any(v != 13 for v in value):
        yield Diagnostic("13 is the version of RFC 6455; the others are pre-RFC drafts that "
                         "browsers no longer speak", 0)


def lint_protocols(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    if len(set(value)) < len(value):
        # 4.1: the subprotocols "MUST all be unique strings"
        yield Diagnostic("a subprotocol is listed twice; they must all be unique", 0)


@value_type
class WebSocketExtension:
    """An offered or accepted extension; a parameter without "=" has the value None."""

    name: str
    params: Mapping[str, str | None] = EMPTY


def _extension(cur: Cursor) -> WebSocketExtension:
    name = cur.token("an extension name")
    params: dict[str, str | None] = {}
    while cur.parameter():
        start = cur.pos
        param = cur.token("a parameter name")
        value = None
        if cur.equals():
            at = cur.pos
            value = cur.token_or_quoted("a parameter value")
            if not is_token(value):
                # 9.1: "the value after quoted-string unescaping MUST conform to the 'token'"
                raise FieldError("a quoted parameter value must still be a token once "
                                 "unquoted", at)
        if param in params:
            raise FieldError(f"parameter {param!r} is repeated", start)
        params[param] = value
    return WebSocketExtension(name, frozen(params))


def parse_extensions(raw: str) -> tuple[WebSocketExtension, ...]:
    return parse_list(raw, _extension, what="Sec-WebSocket-Extensions", at_least_one=True)


def write_extensions(value: tuple[WebSocketExtension, ...]) -> str:
    return ", ".join(e.name + "".join(f"; {k}" if v is None else f"; {k}={v}"
                                      for k, v in e.params.items()) for e in value)


SEC_WEBSOCKET_KEY = FieldSpec("Sec-WebSocket-Key", parse_key, write_key, "RFC 6455, 11.3.1",
                              value_type="bytes (16)", example="dGhlIHNhbXBsZSBub25jZQ==")
SEC_WEBSOCKET_ACCEPT = FieldSpec("Sec-WebSocket-Accept", parse_accept, write_key,
                                 "RFC 6455, 11.3.3", value_type="bytes (20)",
                                 example="s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
SEC_WEBSOCKET_VERSION = FieldSpec(
    "Sec-WebSocket-Version", parse_versions, write_versions,
    "RFC 6455, 11.3.5", kind=Kind.LIST, value_type="tuple[int, ...]", lint=list_lint(lint_versions),
    example="13")
SEC_WEBSOCKET_PROTOCOL = token_list_field(
    "Sec-WebSocket-Protocol", "RFC 6455, 11.3.4", lower=False, at_least_one=True,
    lint=lint_protocols, example="chat, superchat")
SEC_WEBSOCKET_EXTENSIONS = FieldSpec(
    "Sec-WebSocket-Extensions", parse_extensions, write_extensions, "RFC 6455, 11.3.2",
    kind=Kind.LIST, value_type="tuple[WebSocketExtension, ...]", lint=list_lint(),
    example="permessage-deflate; client_max_window_bits")
