from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError, to_json
from headerscope.headers._shared.host import HostKind
from headerscope.headers._shared.uri import OpaqueOrigin, Origin
from headerscope.headers.origin import ORIGIN


@pytest.mark.parametrize(("raw", "expected"), [
    ("https://www.example.com", (Origin("https", "www.example.com"),)),
    ("http://localhost:3000", (Origin("http", "localhost", 3000),)),
    ("null", OpaqueOrigin.NULL),  # sandboxed iframes, file: pages, redirects across origins
    ("HTTPS://Example.COM", (Origin("https", "example.com"),)),
    ("http://192.0.2.1:81 https://[::1]", (Origin("http", "192.0.2.1", 81, HostKind.IPV4),
                                           Origin("https", "::1", None, HostKind.IPV6))),
    ("moz-extension://2f4c7a0e-5b1a", (Origin("moz-extension", "2f4c7a0e-5b1a"),)),
])
def test_parses(raw: str, expected: object) -> None:
    assert ORIGIN.parse(raw) == expected


def test_writes_and_encodes() -> None:
    value = ORIGIN.parse("https://a.example:8443 http://b.example")
    assert ORIGIN.write(value) == "https://a.example:8443 http://b.example"
    assert ORIGIN.write(OpaqueOrigin.NULL) == "null"
    assert to_json(OpaqueOrigin.NULL) == "null"
    assert to_json(value)[0] == {"scheme": "https", "host": "a.example", "port": 8443,
                                 "kind": "reg-name"}


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "empty Origin", 0),
    ("https://example.com/", "a serialized origin has no path", 19),
    ("https://example.com?x", "a serialized origin has no path", 19),
    ("example.com", "expected '://' after the scheme 'example.com'", 11),
    ("https://", "expected a host after '://'", 8),
    ("Null", "written 'null', in lower case", 0),
    ("https://a.example  https://b.example", "a space separates origins", 17),
    ("https://exa mple.com", "a space separates origins", 11),
    ("https://a.example,https://b.example", "separated by a space, not ','", 17),
    ("https://a.example:70000", "port 70000 is out of range", 18),
    ("*", "expected a scheme such as 'https', found '*'", 0),
    ("https://user@a.example", "'@' is not allowed in a host", 12),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        ORIGIN.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warns_about_default_ports_and_lists() -> None:
    reasons = [w.reason for w in REGISTRY.parse("Origin", "https://a.example:443").warnings]
    assert reasons == ["https://a.example:443: the default port of https is written out; "
                       "browsers omit it"]
    reasons = [w.reason for w in REGISTRY.parse("Origin", "https://a.example http://b").warnings]
    assert reasons == ["several origins: browsers send exactly one (Fetch standard)"]
    assert REGISTRY.parse("Origin", "http://a.example:8080").warnings == ()
