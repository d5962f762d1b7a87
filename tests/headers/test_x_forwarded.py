from __future__ import annotations

from typing import Any

import pytest

from headerscope.headers import FieldError, FieldSpec
from headerscope.headers._shared.host import Host, HostKind
from headerscope.headers.forwarded import Node, NodeKind
from headerscope.headers.x_forwarded import (
    X_FORWARDED_FOR,
    X_FORWARDED_HOST,
    X_FORWARDED_PROTO,
    X_REAL_IP,
)

V4, V6 = NodeKind.IPV4, NodeKind.IPV6


@pytest.mark.parametrize(("raw", "expected"), [
    # nginx: $proxy_add_x_forwarded_for; AWS ALB; HAProxy with ports
    ("203.0.113.195, 70.41.3.18, 150.172.238.178",
     (Node(V4, "203.0.113.195"), Node(V4, "70.41.3.18"), Node(V4, "150.172.238.178"))),
    ("2001:DB8:85a3::8a2e:370:7334", (Node(V6, "2001:db8:85a3::8a2e:370:7334"),)),
    ("[2001:db8::1]:41237, 192.0.2.1:80", (Node(V6, "2001:db8::1", 41237),
                                          Node(V4, "192.0.2.1", 80))),
    ("unknown, _hidden", (Node(NodeKind.UNKNOWN, "unknown"),
                          Node(NodeKind.OBFUSCATED, "_hidden"))),
    (",192.0.2.1,,", (Node(V4, "192.0.2.1"),)),
])
def test_for_parses(raw: str, expected: tuple[Node, ...]) -> None:
    assert X_FORWARDED_FOR.parse(raw) == expected


def test_for_writes_ipv6_bare_unless_a_port_follows() -> None:
    value = X_FORWARDED_FOR.parse("[2001:db8::1], [::1]:80")
    assert X_FORWARDED_FOR.write(value) == "2001:db8::1, [::1]:80"


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "empty X-Forwarded-For", 0),
    ("192.0.2.1 198.51.100.1", "expected ',' or the end of the value, found '1'", 10),
    ("192.0.2.256", "not a valid IPv4 address", 0),
    ("client.example", "expected an IPv4 address", 0),
    ("192.0.2.1, ::g", "expected an IPv6 address, found 'g'", 13),
    ("192.0.2.1:", "expected a port after ':'", 10),
    ("192.0.2.1;proxy", "after the IPv4 address, found ';'", 9),
])
def test_for_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        X_FORWARDED_FOR.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_host_proto_and_real_ip() -> None:
    assert X_FORWARDED_HOST.parse("Example.com:8443, b.example") == (
        Host("example.com", 8443), Host("b.example"))
    assert X_FORWARDED_PROTO.parse("HTTPS, http") == ("https", "http")
    assert X_REAL_IP.parse("2001:db8::7") == Node(V6, "2001:db8::7")
    assert X_REAL_IP.write(Node(V6, "2001:db8::7")) == "2001:db8::7"
    assert X_FORWARDED_HOST.parse("[::1]:80") == (Host("::1", 80, HostKind.IPV6),)


@pytest.mark.parametrize(("spec", "raw", "fragment", "position"), [
    (X_FORWARDED_HOST, "a.example/x", "'/' is not allowed in a host", 9),
    (X_FORWARDED_HOST, "a b", "expected ',' or the end of the value", 2),
    (X_FORWARDED_PROTO, "https:", "expected a URI scheme such as 'https', found ':'", 5),
    (X_FORWARDED_PROTO, "1http", "expected a URI scheme", 0),
    (X_REAL_IP, "192.0.2.1, 192.0.2.2", "after the IPv4 address, found ','", 9),
    (X_REAL_IP, "", "expected an IPv4 address", 0),
])
def test_others_reject(spec: FieldSpec[Any], raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        spec.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position
