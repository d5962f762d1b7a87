from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.content_security_policy import CONTENT_SECURITY_POLICY, Policy
from headerscope.headers.content_security_policy_report_only import (
    CONTENT_SECURITY_POLICY_REPORT_ONLY,
)

from ._content_helpers import warnings

RO = CONTENT_SECURITY_POLICY_REPORT_ONLY
MONITOR = ("default-src 'self'; script-src 'self' https://cdn.example.com; "
           "report-uri https://example.report-uri.com/r/d/csp/reportOnly; report-to csp")


def test_parses_like_content_security_policy() -> None:
    assert RO.parse(MONITOR) == CONTENT_SECURITY_POLICY.parse(MONITOR)
    (policy,) = RO.parse(MONITOR)
    assert policy.directives["report-to"] == ("csp",)
    assert RO.parse("img-src *; report-to r, script-src 'none'; report-to r") == (
        Policy({"img-src": ("*",), "report-to": ("r",)}),
        Policy({"script-src": ("'none'",), "report-to": ("r",)}))
    assert warnings(RO, MONITOR) == []
    with pytest.raises(FieldError) as info:
        RO.parse("script_src 'self'")
    assert info.value.position == 6


@pytest.mark.parametrize(("raw", "expected"), [
    ("default-src 'self'",
     [("a report-only policy without report-to or report-uri reports nothing", 0)]),
    ("img-src *; report-to r, ; script-src 'self'",
     [("a report-only policy without report-to or report-uri reports nothing", 26)]),
    ("default-src 'self'; sandbox allow-scripts; report-to r",
     [("sandbox is ignored in a report-only policy", 20)]),
    ("upgrade-insecure-requests; img-src https://upgrade-insecure-requests.example; report-to r",
     [("upgrade-insecure-requests is ignored in a report-only policy", 0)]),
    # the Content-Security-Policy warnings still apply
    ("script-src self; report-to r", [("'self' is read as a host name", 11)]),
])
def test_warnings(raw: str, expected: list[tuple[str, int]]) -> None:
    found = warnings(RO, raw)
    assert len(found) == len(expected), found
    for (reason, at), (fragment, position) in zip(found, expected, strict=True):
        assert fragment in reason
        assert at == position


def test_registered_under_its_own_name() -> None:
    parsed = REGISTRY.parse("Content-Security-Policy-Report-Only", "default-src 'none'")
    assert parsed.spec is RO
    assert parsed.spec.ref == "CSP3, 3.2"
