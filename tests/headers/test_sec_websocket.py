from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.sec_websocket import (
    SEC_WEBSOCKET_EXTENSIONS,
    SEC_WEBSOCKET_KEY,
    SEC_WEBSOCKET_PROTOCOL,
    SEC_WEBSOCKET_VERSION,
    WebSocketExtension,
)

Ext = WebSocketExtension


def test_key_from_rfc_6455() -> None:
    assert SEC_WEBSOCKET_KEY.parse("dGhlIHNhbXBsZSBub25jZQ==") == b"the sample nonce"
    assert SEC_WEBSOCKET_KEY.write(b"the sample nonce") == "dGhlIHNhbXBsZSBub25jZQ=="


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "decodes to 0 bytes", None),
    ("dGhlIHNhbXBsZSBub25jZQ", "is the '=' padding missing", 22),
    ("dGhl-HNhbXBsZSBub25jZQ==", "'-' is not a base64 character", 4),
    ("dGhlIHNhbXBsZSBub25j\xe9Q==", "U+00E9 is not a base64 character", 20),
    ("dGhlIHNhbXBsZSBub25jZQ==x", "but 'x' follows it", 24),
    ("dGhlIHNhbXBsZSBub25jZQ=", "non-empty multiple of 4", 23),
    ("a===", "at most two '=' of padding", 3),
    ("dGhlIHNhbXBsZSBub25jZSE=", "decodes to 17 bytes; it must be 16", None),
    ("AAAA", "decodes to 3 bytes", None),
])
def test_key_rejects(raw: str, fragment: str, position: int | None) -> None:
    with pytest.raises(FieldError) as info:
        SEC_WEBSOCKET_KEY.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("raw", "expected"), [
    ("13", (13,)), ("13, 8, 7", (13, 8, 7)), ("0", (0,)), ("255", (255,))])
def test_version(raw: str, expected: tuple[int, ...]) -> None:
    assert SEC_WEBSOCKET_VERSION.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "at least one element", 0),
    ("013", "without leading zeros", 0),
    ("13, 256", "from 0 to 255", 4),
    ("1000", "too many digits", 0),
    ("13.0", "found '.'", 2),
    ("thirteen", "expected a version number", 0),
])
def test_version_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        SEC_WEBSOCKET_VERSION.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_version_warns_about_drafts() -> None:
    assert REGISTRY.parse("Sec-WebSocket-Version", "13").warnings == ()
    (warning,) = REGISTRY.parse("Sec-WebSocket-Version", "8").warnings
    assert "pre-RFC drafts" in warning.reason


def test_protocol() -> None:
    assert SEC_WEBSOCKET_PROTOCOL.parse("chat, superchat") == ("chat", "superchat")
    assert SEC_WEBSOCKET_PROTOCOL.parse("MQTT") == ("MQTT",)  # case kept
    (warning,) = REGISTRY.parse("Sec-WebSocket-Protocol", "chat, chat").warnings
    assert "listed twice" in warning.reason
    with pytest.raises(FieldError) as info:
        SEC_WEBSOCKET_PROTOCOL.parse("chat superchat")
    assert info.value.position == 5


@pytest.mark.parametrize(("raw", "expected"), [
    # Chromium and Firefox offer this
    ("permessage-deflate; client_max_window_bits",
     (Ext("permessage-deflate", {"client_max_window_bits": None}),)),
    ('permessage-deflate ; client_max_window_bits = "10", x-webkit-deflate-frame',
     (Ext("permessage-deflate", {"client_max_window_bits": "10"}),
      Ext("x-webkit-deflate-frame"))),
    ("a;b=1;c,,a", (Ext("a", {"b": "1", "c": None}), Ext("a"))),
])
def test_extensions(raw: str, expected: tuple[WebSocketExtension, ...]) -> None:
    assert SEC_WEBSOCKET_EXTENSIONS.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "at least one element", 0),
    ("permessage-deflate;", "expected a parameter name", 19),
    ("a; b=", "expected a parameter value", 5),
    ('a; b="c d"', "must still be a token once unquoted", 5),
    ("a; b=1; b=2", "parameter 'b' is repeated", 8),
    ("a b", "expected ',' or the end of the value, found 'b'", 2),
])
def test_extensions_reject(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        SEC_WEBSOCKET_EXTENSIONS.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_extensions_write() -> None:
    value = (Ext("permessage-deflate", {"server_no_context_takeover": None, "x": "15"}),
             Ext("b"))
    text = "permessage-deflate; server_no_context_takeover; x=15, b"
    assert SEC_WEBSOCKET_EXTENSIONS.write(value) == text
    assert SEC_WEBSOCKET_EXTENSIONS.parse(text) == value
