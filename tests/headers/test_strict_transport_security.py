from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.strict_transport_security import (
    STRICT_TRANSPORT_SECURITY,
    StrictTransportSecurity,
)

HSTS = StrictTransportSecurity


@pytest.mark.parametrize(("raw", "expected"), [
    ("max-age=31536000", HSTS(31536000)),  # github.com
    ("max-age=63072000; includeSubDomains; preload", HSTS(63072000, True, True)),
    ("max-age=0", HSTS(0)),  # how a host removes itself
    ('max-age="31536000"', HSTS(31536000)),  # RFC 6797, 6.1.1: the quoted form is allowed
    ("includeSubDomains; MAX-AGE = 10 ;; ", HSTS(10, True)),  # any order, any case, OWS
    (";max-age=5;", HSTS(5)),
    ('max-age=1; report-uri="https://r.example/"; x', HSTS(1, extensions={
        "report-uri": "https://r.example/", "x": None})),
])
def test_parses(raw: str, expected: StrictTransportSecurity) -> None:
    assert STRICT_TRANSPORT_SECURITY.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "max-age is required", None),
    ("includeSubDomains", "max-age is required", None),
    ("max-age", "max-age needs '='", 7),
    ("max-age=", "expected a directive value", 8),
    ("max-age=-1", "max-age must be a number of seconds", 8),
    ("max-age=1.5", "max-age must be a number of seconds", 8),
    ('max-age=""', "max-age must be a number of seconds", 8),
    ("max-age=1; MAX-AGE=2", "directive 'max-age' is repeated", 11),
    ("max-age=1; preload; preload", "directive 'preload' is repeated", 20),
    ("max-age=1; includeSubDomains=yes", "includeSubDomains takes no value", 29),
    ("max-age=1 includeSubDomains", "expected ';' or the end of the value", 10),
    ("max-age=1, includeSubDomains", "expected ';' or the end of the value, found ','", 9),
])
def test_rejects(raw: str, fragment: str, position: int | None) -> None:
    with pytest.raises(FieldError) as info:
        STRICT_TRANSPORT_SECURITY.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("raw", "warnings"), [
    ("max-age=1; foo=bar", [("unknown directive 'foo'", 11)]),
    ("max-age=31536000; preload", [("preload list requires includeSubDomains", 18)]),
    ("max-age=86400; includeSubDomains; preload", [("at least 31536000", 34)]),
    ("max-age=31536000; includeSubDomains; preload", []),
])
def test_warns(raw: str, warnings: list[tuple[str, int]]) -> None:
    parsed = REGISTRY.parse("Strict-Transport-Security", raw)
    assert parsed.error is None
    assert len(parsed.warnings) == len(warnings), parsed.warnings
    for w, (fragment, position) in zip(parsed.warnings, warnings, strict=True):
        assert fragment in w.reason
        assert w.position == position


def test_writes() -> None:
    value = HSTS(10, True, True, {"a": "b c", "d": None})
    text = 'max-age=10; includeSubDomains; preload; a="b c"; d'
    assert STRICT_TRANSPORT_SECURITY.write(value) == text
    assert STRICT_TRANSPORT_SECURITY.parse(text) == value
