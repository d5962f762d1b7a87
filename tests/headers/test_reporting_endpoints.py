from __future__ import annotations

import pytest

from headerscope.headers._shared.uri import parse_uri_reference as url

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed

NAME = "Reporting-Endpoints"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the Reporting API's example
        ('endpoint-1="https://example.com/reports"',
         {"endpoint-1": url("https://example.com/reports")}),
        ('csp-endpoint="https://example.com/csp-reports", '
         'hpkp-endpoint="https://example.com/hpkp-reports"',
         {"csp-endpoint": url("https://example.com/csp-reports"),
          "hpkp-endpoint": url("https://example.com/hpkp-reports")}),
        # relative to the response's URL; loopback is potentially trustworthy
        ('default="/reports", dev="http://localhost:8080/r", v6="http://[::1]/r"',
         {"default": url("/reports"), "dev": url("http://localhost:8080/r"),
          "v6": url("http://[::1]/r")}),
    ],
)
def test_parses(raw: str, expected: dict[str, object]) -> None:
    assert_parses(NAME, raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ('Default="https://example.com/r"', "keys are lower-case", 0),
        ('default="https://example.com/r",', "trailing ','", 31),
        ("default=", "expected an item", 8),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects(NAME, raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # every one of these is skipped by the browser, and the other endpoints kept
        ("main=https://example.com/reports, b=\"/b\"",
         'must be a String, found the Token https://example.com/reports (quote it: '
         '"https://example.com/reports"); browsers skip this endpoint', 5),
        ('main="http://example.com/reports", b="/b"', "is not potentially trustworthy", 5),
        ('main="https://exa mple.com/", b="/b"', "is not a URI reference (RFC 3986)", 5),
        ("main=1, b=\"/b\"", "found the Integer 1", 5),
    ],
)
def test_warns(raw: str, fragment: str, position: int) -> None:
    assert_warns(NAME, raw, fragment, position)
    assert parsed(NAME, raw).value == {"b": url("/b")}
