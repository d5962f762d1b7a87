from __future__ import annotations

import pytest

from headerscope.headers import FieldError, to_json
from headerscope.headers._shared.host import Host, HostKind
from headerscope.headers.forwarded import FORWARDED, ForwardedElement, Node, NodeKind

V4, V6, UNKNOWN, OBF = NodeKind.IPV4, NodeKind.IPV6, NodeKind.UNKNOWN, NodeKind.OBFUSCATED


@pytest.mark.parametrize(("raw", "expected"), [
    # the examples of RFC 7239, 4 and 7.1
    ('for="_gazonk"', (ForwardedElement(Node(OBF, "_gazonk")),)),
    ('For="[2001:db8:cafe::17]:4711"', (ForwardedElement(Node(V6, "2001:db8:cafe::17", 4711)),)),
    ("for=192.0.2.60;proto=http;by=203.0.113.43",
     (ForwardedElement(Node(V4, "192.0.2.60"), Node(V4, "203.0.113.43"), None, "http"),)),
    ("for=192.0.2.43, for=198.51.100.17",
     (ForwardedElement(Node(V4, "192.0.2.43")), ForwardedElement(Node(V4, "198.51.100.17")))),
    ('for=unknown;by="_hidden:_8080"', (ForwardedElement(Node(UNKNOWN, "unknown"),
                                                         Node(OBF, "_hidden", "_8080")),)),
    ('host="example.com:8443";proto=HTTPS',
     (ForwardedElement(host=Host("example.com", 8443), proto="https"),)),
    ('host="[::1]";secret="a b";x=1',
     (ForwardedElement(host=Host("::1", None, HostKind.IPV6), extensions={"secret": "a b",
                                                                          "x": "1"}),)),
    (";for=UNKNOWN;;, ,", (ForwardedElement(Node(UNKNOWN, "unknown")),)),
    ('for="\\_x"', (ForwardedElement(Node(OBF, "_x")),)),  # a quoted-pair is still a char
])
def test_parses(raw: str, expected: tuple[ForwardedElement, ...]) -> None:
    assert FORWARDED.parse(raw) == expected


def test_writes_quoting_what_a_token_cannot_carry() -> None:
    value = FORWARDED.parse('for="[2001:DB8::1]:80";by=_x, for=192.0.2.1;host="a.example:81"')
    assert FORWARDED.write(value) == (
        'for="[2001:db8::1]:80";by=_x, for=192.0.2.1;host="a.example:81"')
    assert to_json(value[1]) == {
        "for": {"kind": "ipv4", "name": "192.0.2.1", "port": None}, "by": None,
        "host": {"host": "a.example", "port": 81, "kind": "reg-name"}, "proto": None,
        "extensions": {}}


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    # "an IPv6 address and any nodename with node-port specified MUST be quoted"
    ("for=[2001:db8::1]", "a for value containing '[' must be a quoted-string", 4),
    ("for=192.0.2.1:8080", "a for value containing ':' must be a quoted-string", 13),
    ("for=1.2.3.4;for=5.6.7.8", "'for' appears twice in one forwarded-element", 12),
    ("for=1.2.3.4; proto=http", "whitespace is not allowed around ';'", 12),
    ("for=example.com", "expected an IPv4 address, '[' IPv6 address ']', 'unknown'", 4),
    ('for="256.1.1.1"', "not a valid IPv4 address", 5),
    ('for="[2001:db8::1"', "not closed with ']'", 5),
    ('for="1.2.3.4:"', "expected a port after ':'", 13),
    ('for="1.2.3.4:99999"', "port 99999 is out of range", 13),
    ('by="_"', "an obfuscated identifier needs letters", 5),
    ('by="_a:_"', "an obfuscated port needs letters", 8),
    ('by="_a!b"', "'!' is not allowed in an obfuscated identifier", 6),
    ('for="\\_x:"', "expected a port after ':'", 4),  # quoted-pairs: the value's start
    ("proto=1http", "expected a URI scheme such as 'https', found '1'", 6),
    ('host="a b"', "U+0020 is not allowed in a host", 7),
    ("for", "expected '='", 3),
    ("", "empty Forwarded", 0),
    (";;", "empty Forwarded", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        FORWARDED.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position
