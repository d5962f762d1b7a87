from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers._shared.host import HostKind
from headerscope.headers._shared.uri import OpaqueOrigin, Origin
from headerscope.headers.cors import (
    ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD,
    AllowOrigin,
    Wildcard,
)

ALLOW = ACCESS_CONTROL_ALLOW_ORIGIN


@pytest.mark.parametrize(("raw", "expected"), [
    ("*", Wildcard.ANY),
    ("null", OpaqueOrigin.NULL),
    ("https://app.example.com", Origin("https", "app.example.com")),
    ("http://localhost:3000", Origin("http", "localhost", 3000)),
    ("http://[::1]:8080", Origin("http", "::1", 8080, HostKind.IPV6)),
])
def test_allow_origin_parses(raw: str, expected: AllowOrigin) -> None:
    assert ALLOW.parse(raw) == expected
    assert ALLOW.write(expected) == raw


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "expected '*', 'null' or an origin", 0),
    ("NULL", "expected '*', 'null' or an origin", 0),  # %s"null" is case-sensitive
    ("example.com", "expected '*', 'null' or an origin", 0),
    ("https://a.com/", "no path", 13),  # the most common mistake: a trailing '/'
    ("https://a.com, https://b.com", "takes exactly one origin", 13),
    ("https://a.com https://b.com", "takes exactly one origin", 13),
    ("*, null", "takes exactly one origin", 1),
    ("https://a.com:99999", "out of range", 14),
    ("https://", "expected a host", 8),
])
def test_allow_origin_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        ALLOW.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("raw", "warnings"), [
    ("https://Example.com", [("which would be 'https://example.com': the CORS check fails", 0)]),
    ("https://example.com:443", [("default port is written out", 19)]),
    ("https://example.com:8443", []),
    ("*", []),
])
def test_allow_origin_warns(raw: str, warnings: list[tuple[str, int]]) -> None:
    parsed = REGISTRY.parse("Access-Control-Allow-Origin", raw)
    assert parsed.error is None
    assert len(parsed.warnings) == len(warnings), parsed.warnings
    for w, (fragment, position) in zip(parsed.warnings, warnings, strict=True):
        assert fragment in w.reason
        assert w.position == position


@pytest.mark.parametrize(("raw", "expected"), [
    ("content-type,x-requested-with", ("content-type", "x-requested-with")),  # Chromium
    ("Content-Type, X-Custom", ("content-type", "x-custom")),
])
def test_request_headers(raw: str, expected: tuple[str, ...]) -> None:
    assert ACCESS_CONTROL_REQUEST_HEADERS.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "at least one element", 0),
    ("content type", "found 't'", 8),
    ("a;b", "found ';'", 1),
])
def test_request_headers_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        ACCESS_CONTROL_REQUEST_HEADERS.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_request_method() -> None:
    assert ACCESS_CONTROL_REQUEST_METHOD.parse("PUT") == "PUT"
    assert ACCESS_CONTROL_REQUEST_METHOD.parse("patch") == "patch"  # case-sensitive: kept
    assert REGISTRY.parse("Access-Control-Request-Method", "PUT").warnings == ()
    (warning,) = REGISTRY.parse("Access-Control-Request-Method", "patch").warnings
    assert "'patch' is not 'PATCH'" in warning.reason
    assert REGISTRY.parse("Access-Control-Request-Method", "MKCOL").warnings == ()
    with pytest.raises(FieldError) as info:
        ACCESS_CONTROL_REQUEST_METHOD.parse("GET,POST")
    assert info.value.position == 3
