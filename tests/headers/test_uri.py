"""The shared URI module: hosts, ports, addresses, URI references and origins (RFC 3986)."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given

from headerscope.headers import FieldError, to_json
from headerscope.headers._shared.host import Host, HostKind, parse_host, write_host
from headerscope.headers._shared.uri import (
    Origin,
    RelativeRef,
    Uri,
    parse_origin,
    parse_uri_reference,
    write_uri_reference,
)
from headerscope.strategies._addresses import hosts, uri_references

V4, V6, REG, FUT = HostKind.IPV4, HostKind.IPV6, HostKind.REG_NAME, HostKind.IPVFUTURE


@pytest.mark.parametrize(("raw", "expected"), [
    ("example.com", Host("example.com")),
    ("Example.COM:8080", Host("example.com", 8080)),
    ("192.0.2.1:0", Host("192.0.2.1", 0, V4)),
    ("[2001:DB8::1]:443", Host("2001:db8::1", 443, V6)),
    ("[::ffff:192.0.2.1]", Host("::ffff:192.0.2.1", None, V6)),
    ("[v1.fe80::a+en1]", Host("v1.fe80::a+en1", None, FUT)),
    ("1.2.3.04", Host("1.2.3.04")),  # not an IPv4address, so a reg-name (RFC 3986, 3.2.2)
    ("999.1.1.1", Host("999.1.1.1")),
    ("a%2Fb.example", Host("a%2fb.example")),
    ("example.com:", Host("example.com")),  # port = *DIGIT: empty is allowed
    ("example.com:00080", Host("example.com", 80)),
    ("", Host("")),
])
def test_host(raw: str, expected: Host) -> None:
    assert parse_host(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("exa mple.com", "U+0020 is not allowed in a host", 3),
    ("example.com:http", "expected a port number, found 'h'", 12),
    ("example.com:65536", "port 65536 is out of range", 12),
    ("example.com:" + "9" * 5000, "out of range", 12),  # no int() of a huge string
    ("[::1", "not closed with ']'", 0),
    ("[::1]:8080x", "expected a port number", 10),
    ("[::1]8080", "expected ':' and a port after ']'", 5),
    ("[1:2:3:4:5:6:7:8:9]", "not a valid IPv6 address", 1),
    ("[fe80::1%25eth0]", "expected an IPv6 address, found '%'", 8),
    ("[v1.]", "malformed IPvFuture", 1),
    ("a%zzb", "'%' in a host must start a percent-encoding", 1),
    ("münchen.de", "U+00FC is not allowed in a host", 1),
])
def test_host_errors(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        parse_host(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_host_address() -> None:
    assert Host("192.0.2.1", None, V4).address == ipaddress.IPv4Address("192.0.2.1")
    assert Host("::1", None, V6).address == ipaddress.IPv6Address("::1")
    assert Host("example.com").address is None
    assert to_json(Host("::1", 80, V6)) == {"host": "::1", "port": 80, "kind": "ipv6"}


@pytest.mark.parametrize(("raw", "expected"), [
    ("https://user:pw@Example.com:8443/a/b?q=1&r#frag",
     Uri("https", "user:pw", Host("example.com", 8443), "/a/b", "q=1&r", "frag")),
    ("HTTP://[::1]", Uri("http", None, Host("::1", None, V6), "")),
    ("file:///etc/hosts", Uri("file", None, Host(""), "/etc/hosts")),
    ("mailto:a@example.com", Uri("mailto", None, None, "a@example.com")),
    ("urn:isbn:0451450523", Uri("urn", None, None, "isbn:0451450523")),
    ("http:", Uri("http", None, None, "")),
    ("//cdn.example/x.js", RelativeRef(None, Host("cdn.example"), "/x.js")),
    ("/a/./b/../c?x#", RelativeRef(None, None, "/a/./b/../c", "x", "")),
    ("./a:b", RelativeRef(None, None, "./a:b")),
    ("?q", RelativeRef(None, None, "", "q")),
    ("", RelativeRef(None, None, "")),
    ("/caf%C3%A9?%20", RelativeRef(None, None, "/caf%C3%A9", "%20")),
    ("http://a.example/p?q/?#f/?", Uri("http", None, Host("a.example"), "/p", "q/?", "f/?")),
])
def test_uri_reference(raw: str, expected: Uri | RelativeRef) -> None:
    assert parse_uri_reference(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("http://exa mple.com/", "U+0020 is not allowed in a host", 10),
    ("/a b", "U+0020 is not allowed in a URI path", 2),
    ("/a?b c", "U+0020 is not allowed in a URI query", 4),
    ("/a#b#c", "'#' is not allowed in a URI fragment", 4),
    ("1http:x", "':' in the first segment of a relative reference", 5),
    ("a/b:c d", "U+0020 is not allowed in a URI path", 5),
    ("http://a.example/%2", "'%' in a URI path must start a percent-encoding", 17),
    ("http://u ser@a.example/", "U+0020 is not allowed in the userinfo", 8),
    ("http://a@b@c/", "'@' is not allowed in a host", 10),
    ("http://[::1/", "not closed with ']'", 7),
    ("http://a.example/<x>", "'<' is not allowed in a URI path", 17),
    ("http://a.example/\\", "'\\\\' is not allowed", 17),
])
def test_uri_reference_errors(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        parse_uri_reference(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_uri_inside_a_larger_value_keeps_positions() -> None:
    text = "<http://a.example/a b>"
    with pytest.raises(FieldError) as info:
        parse_uri_reference(text, 1, len(text) - 1)
    assert info.value.position == 19
    assert str(parse_uri_reference(text, 1, 19)) == "http://a.example/a"


@pytest.mark.parametrize(("raw", "expected"), [
    ("https://example.com", Origin("https", "example.com")),
    ("HTTP://LocalHost:8080", Origin("http", "localhost", 8080)),
    ("https://[2001:db8::1]:8443", Origin("https", "2001:db8::1", 8443, V6)),
    ("chrome-extension://abcdefghijklmnop", Origin("chrome-extension", "abcdefghijklmnop")),
])
def test_origin(raw: str, expected: Origin) -> None:
    assert parse_origin(raw) == expected
    assert str(expected) == raw.lower()


@given(hosts())
def test_host_round_trip(host: Host) -> None:
    assert parse_host(write_host(host)) == host


@given(uri_references())
def test_uri_reference_round_trip(ref: Uri | RelativeRef) -> None:
    assert parse_uri_reference(write_uri_reference(ref)) == ref
