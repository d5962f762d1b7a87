from __future__ import annotations

import pytest

from headerscope.headers.proxy_status import ProxyStatus
from headerscope.headers.sf import Token

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # RFC 9209's examples
        ("ExampleCDN; error=connection_timeout",
         (ProxyStatus("ExampleCDN", error="connection_timeout"),)),
        ('SomeReverseProxy; error=http_protocol_error; details="Malformed response header: '
         'space before colon"',
         (ProxyStatus("SomeReverseProxy", error="http_protocol_error",
                      details="Malformed response header: space before colon"),)),
        ("FooProxy, ExampleCDN", (ProxyStatus("FooProxy"), ProxyStatus("ExampleCDN"))),
        ('ExampleCDN; error=dns_error; rcode="NXDOMAIN"',
         (ProxyStatus("ExampleCDN", error="dns_error", params={"rcode": "NXDOMAIN"}),)),
        ('"revproxy1"; received-status=200; next-hop=backend.example.net; next-protocol=h2',
         (ProxyStatus("revproxy1", next_hop="backend.example.net", next_protocol=b"h2",
                      received_status=200),)),
        ("a; next-protocol=:AP8=:", (ProxyStatus("a", next_protocol=b"\x00\xff"),)),
        ('a; error=tls_alert_received; alert-id=42; alert-message=bad_certificate',
         (ProxyStatus("a", error="tls_alert_received",
                      params={"alert-id": 42, "alert-message": Token("bad_certificate")}),)),
    ],
)
def test_parses(raw: str, expected: tuple[ProxyStatus, ...]) -> None:
    assert_parses("Proxy-Status", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # the error types are a closed set: a typo is caught, with the nearest name
        ("ExampleCDN; error=conection_timeout",
         "'conection_timeout' is not a proxy error type of RFC 9209, 2.3 (did you mean "
         "connection_timeout?)", 12),
        ("ExampleCDN; error=timeout", "is not a proxy error type", 12),
        ('ExampleCDN; error="dns_error"', "error must be a Token", 12),
        ('ExampleCDN; received-status="200"', "received-status must be an Integer", 12),
        ("ExampleCDN; details=timeout", "details must be a String", 12),
        ("ExampleCDN; next-protocol=1", "next-protocol must be a Token or a Byte Sequence",
         12),
        ("ExampleCDN; error=dns_error; info-code=\"5\"", "info-code must be an Integer", 29),
        ("200", "each intermediary's name must be a Token or a String", 0),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Proxy-Status", raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ("a; error=connection_refused; rcode=\"x\"", "rcode belongs to error=dns_error", 29),
        ("a; error=proxy_internal_error; trace-id=abc", "'trace-id' is not a parameter", 31),
        # "If the protocol identifier is able to be expressed as a Token ... that form MUST
        # be used"
        ("a; next-protocol=:aDI=:", "next-protocol must be the Token h2", 3),
    ],
)
def test_warns(raw: str, fragment: str, position: int) -> None:
    assert_warns("Proxy-Status", raw, fragment, position)
    assert parsed("Proxy-Status", raw).value is not None
