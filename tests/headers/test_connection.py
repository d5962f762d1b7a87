from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.connection import CONNECTION, PROXY_CONNECTION


@pytest.mark.parametrize(("raw", "expected"), [
    ("keep-alive", ("keep-alive",)),
    ("Upgrade, HTTP2-Settings", ("upgrade", "http2-settings")),  # curl --http2 over http://
    ("close", ("close",)),
    (" , TE,,", ("te",)),
    ("", ()),  # Connection = #connection-option
])
def test_parses(raw: str, expected: tuple[str, ...]) -> None:
    assert CONNECTION.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("keep-alive close", "expected ',' or the end of the value, found 'c'", 11),
    ('"close"', "expected a token", 0),
    ("close;", "expected ',' or the end of the value, found ';'", 5),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        CONNECTION.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warnings() -> None:
    assert [w.reason for w in REGISTRY.parse("Connection", "close, Keep-Alive").warnings] == [
        "'close' and 'keep-alive' together: 'close' wins (RFC 9112, 9.3)"]
    assert REGISTRY.parse("Connection", "keep-alive").warnings == ()
    parsed = REGISTRY.parse("Proxy-Connection", "Keep-Alive")
    assert parsed.value == ("keep-alive",)
    assert [w.reason for w in parsed.warnings] == [
        "Proxy-Connection is non-standard and ignored by proxies; use Connection"]
    assert PROXY_CONNECTION.deprecated
