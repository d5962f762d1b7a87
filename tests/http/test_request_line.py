"""The request line (RFC 9112, 3): method, target forms, version."""

from __future__ import annotations

import pytest

from ._support import bytewise, error, one, read

HOST = b"Host: a\r\n\r\n"


@pytest.mark.parametrize(
    ("line", "method", "target", "version"),
    [
        (b"GET / HTTP/1.1", "GET", "/", "HTTP/1.1"),
        (b"get /x?y=1&z HTTP/1.1", "get", "/x?y=1&z", "HTTP/1.1"),  # methods are case-sensitive
        (b"FOO /a HTTP/1.1", "FOO", "/a", "HTTP/1.1"),  # any token is a method
        (b"OPTIONS * HTTP/1.1", "OPTIONS", "*", "HTTP/1.1"),
        (b"GET http://a/b?c HTTP/1.1", "GET", "http://a/b?c", "HTTP/1.1"),
        (b"GET //double HTTP/1.1", "GET", "//double", "HTTP/1.1"),
        (b"GET / HTTP/1.2", "GET", "/", "HTTP/1.2"),  # a higher minor is served as 1.1
        (b"M-SEARCH /<x>{y} HTTP/1.1", "M-SEARCH", "/<x>{y}", "HTTP/1.1"),  # any VCHAR
    ],
)
def test_accepts(line: bytes, method: str, target: str, version: str) -> None:
    request = one(line + b"\r\n" + HOST)
    assert (request.method, request.target, request.version) == (method, target, version)
    assert request.head == line + b"\r\n" + HOST


@pytest.mark.parametrize(
    ("line", "status", "fragment"),
    [
        (b"GET  / HTTP/1.1", 400, "malformed request line"),
        (b"GET\t/\tHTTP/1.1", 400, "malformed request line"),
        (b"GET / HTTP/1.1 ", 400, "malformed request line"),
        (b" GET / HTTP/1.1", 400, "malformed request line"),
        (b"GET /a b HTTP/1.1", 400, "malformed request line"),
        (b"GET /\xff HTTP/1.1", 400, "malformed request line"),
        (b"GET /a\x00b HTTP/1.1", 400, "malformed request line"),
        (b"GET /a\rb HTTP/1.1", 400, "malformed request line"),  # bare CR
        (b"GET / http/1.1", 400, "malformed request line"),  # HTTP-name is case-sensitive
        (b"GET / HTTP/1.10", 400, "malformed request line"),
        (b"GET / HTTP/1", 400, "malformed request line"),
        (b"GET /", 400, "malformed request line"),  # HTTP/0.9
        (b"G(T / HTTP/1.1", 400, "malformed request line"),
        (b"", 400, "malformed request line"),  # a second empty line
        (b"GET / HTTP/0.9", 505, "version"),
        (b"GET / HTTP/2.0", 505, "version"),
        (b"GET / HTTP/3.0", 505, "version"),
        (b"GET ../etc/passwd HTTP/1.1", 400, "invalid request target"),
        (b"GET a:80 HTTP/1.1", 400, "invalid request target"),
        (b"GET * HTTP/1.1", 400, "asterisk-form is only for OPTIONS"),
        (b"CONNECT a:443 HTTP/1.1", 405, "CONNECT"),
        (b"CONNECT /x HTTP/1.1", 400, "authority-form"),
        (b"A" * 65 + b" / HTTP/1.1", 501, "method too long"),
    ],
)
def test_rejects(line: bytes, status: int, fragment: str) -> None:
    for chunks in ([line + b"\r\n" + HOST], bytewise(line + b"\r\n" + HOST)):
        outcome = read(chunks)
        assert outcome.error is not None, outcome
        assert outcome.error.status == status
        assert fragment in outcome.error.reason


def test_connect_405_names_the_allowed_methods() -> None:
    allow = dict(error(b"CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n").headers)["Allow"]
    assert "GET" in allow and "CONNECT" not in allow


def test_one_leading_empty_line_is_ignored_but_not_two() -> None:
    assert one(b"\r\nGET / HTTP/1.1\r\n" + HOST).head == b"GET / HTTP/1.1\r\n" + HOST
    assert error(b"\r\n\r\nGET / HTTP/1.1\r\n" + HOST).status == 400


@pytest.mark.parametrize(
    "prefix", [b"\x16\x03\x01\x00\xa5\x01", b"GET /\x00", b"GET / HTTP/1.1 x", b"PRI\x00"]
)
def test_garbage_is_refused_before_any_line_end(prefix: bytes) -> None:
    # Bytes that can never start a request get their 400 at once, not after a timeout.
    assert error(prefix).status == 400


def test_incomplete_valid_prefix_waits() -> None:
    outcome = read(b"GET /path HTTP/1.")
    assert outcome.error is None and outcome.requests == [] and outcome.buffered == 17
