from __future__ import annotations

import pytest

from headerscope.headers import FieldError
from headerscope.headers.upgrade import UPGRADE, Protocol


@pytest.mark.parametrize(("raw", "expected"), [
    ("websocket", (Protocol("websocket"),)),
    ("h2c", (Protocol("h2c"),)),  # curl --http2 http://...
    ("HTTP/2.0, SHTTP/1.3, IRC/6.9, RTA/x11", (
        Protocol("HTTP", "2.0"), Protocol("SHTTP", "1.3"), Protocol("IRC", "6.9"),
        Protocol("RTA", "x11"))),  # RFC 9110, 7.8
    ("", ()),
])
def test_parses(raw: str, expected: tuple[Protocol, ...]) -> None:
    assert UPGRADE.parse(raw) == expected
    assert UPGRADE.write(expected) == raw


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("websocket/", "expected a protocol version after '/'", 10),
    ("HTTP/2.0 websocket", "expected ',' or the end of the value, found 'w'", 9),
    ("/1.1", "expected a protocol name", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        UPGRADE.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position
