"""Host, Content-Length, Transfer-Encoding, Connection, Expect (RFC 9112, 3.2, 6, 9.3)."""

from __future__ import annotations

import pytest

from ._support import bytewise, error, one, read

POST = b"POST / HTTP/1.1\r\nHost: a\r\n"


@pytest.mark.parametrize(
    ("head", "fragment"),
    [
        (b"GET / HTTP/1.1\r\nX: y\r\n\r\n", "missing Host"),
        (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "more than one Host"),
        (b"GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n", "more than one Host"),
        (b"GET / HTTP/1.1\r\nHost: {\r\n\r\n", "invalid Host"),
        (b"GET / HTTP/1.1\r\nHost: <svg/onload=alert(1)>\r\n\r\n", "invalid Host"),
        (b"GET / HTTP/1.1\r\nHost: \xff\r\n\r\n", "invalid Host"),
        (b"GET / HTTP/1.1\r\nHost: a b\r\n\r\n", "invalid Host"),
        (b"GET / HTTP/1.1\r\nHost: a:8o\r\n\r\n", "invalid Host"),
    ],
)
def test_host_rules(head: bytes, fragment: str) -> None:
    failure = error(head)
    assert failure.status == 400 and fragment in failure.reason


@pytest.mark.parametrize("host", [b"", b"a", b"a:80", b"[::1]:80", b"127.0.0.1", b"x%41.b_c~"])
def test_valid_hosts(host: bytes) -> None:
    one(b"GET / HTTP/1.1\r\nHost: " + host + b"\r\n\r\n")


def test_http10_needs_no_host() -> None:
    assert one(b"GET / HTTP/1.0\r\n\r\n").keep_alive is False


@pytest.mark.parametrize(
    ("head", "keep_alive"),
    [
        (b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", True),
        (b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", False),
        (b"GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, CLOSE\r\n\r\n", False),
        (b"GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n", True),
        (b"GET / HTTP/1.0\r\n\r\n", False),
        (b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", True),
        (b"GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n", False),
    ],
)
def test_keep_alive(head: bytes, keep_alive: bool) -> None:
    assert one(head).keep_alive is keep_alive


@pytest.mark.parametrize(
    ("fields", "body", "expected"),
    [
        (b"Content-Length: 5\r\n", b"hello", b"hello"),
        (b"Content-Length:   5  \r\n", b"hello", b"hello"),
        (b"Content-Length: 5, 5\r\n", b"hello", b"hello"),  # RFC 9110, 8.6 allows this
        (b"Content-Length: 5\r\nContent-Length: 5\r\n", b"hello", b"hello"),
        (b"Content-Length: 0\r\n", b"", b""),
        (b"Content-Length: 007\r\n", b"1234567", b"1234567"),
    ],
)
def test_content_length(fields: bytes, body: bytes, expected: bytes) -> None:
    request = one(POST + fields + b"\r\n" + body)
    assert request.body == expected and request.content_length == len(expected)


@pytest.mark.parametrize(
    ("fields", "status", "fragment"),
    [
        (b"Content-Length: 1, 2\r\n", 400, "conflicting Content-Length"),
        (b"Content-Length: 1\r\nContent-Length: 2\r\n", 400, "conflicting Content-Length"),
        (b"Content-Length: -1\r\n", 400, "invalid Content-Length"),
        (b"Content-Length: +1\r\n", 400, "invalid Content-Length"),
        (b"Content-Length: 0x10\r\n", 400, "invalid Content-Length"),
        (b"Content-Length: 1 2\r\n", 400, "invalid Content-Length"),
        (b"Content-Length:\r\n", 400, "invalid Content-Length"),
        (b"Content-Length: \xb2\r\n", 400, "invalid Content-Length"),  # superscript two
        (b"Content-Length: " + b"9" * 26 + b"\r\n", 400, "overflows"),
        (b"Content-Length: 10000000000\r\n", 413, "too large"),
        (b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", 400, "both"),
        (b"Content-Length: x\r\nTransfer-Encoding: chunked\r\n", 400, "both"),
        (b"Transfer-Encoding: chunked, gzip\r\n", 400, "not the final"),
        (b"Transfer-Encoding: gzip\r\n", 400, "not the final"),
        (b"Transfer-Encoding: chunked, chunked\r\n", 400, "not the final"),
        (b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", 400, "not the final"),
        (b"Transfer-Encoding: chunked;x=1\r\n", 400, "not the final"),
        (b"Transfer-Encoding: ,\r\n", 400, "not the final"),
        (b"Transfer-Encoding: \"chunked\"\r\n", 400, "invalid Transfer-Encoding"),
        (b"Transfer-Encoding: chunked x\r\n", 400, "invalid Transfer-Encoding"),
        (b"Transfer-Encoding: gzip, chunked\r\n", 501, "not implemented"),
        (b"Transfer-Encoding: identity, chunked\r\n", 501, "not implemented"),
    ],
)
def test_framing_errors(fields: bytes, status: int, fragment: str) -> None:
    failure = error(POST + fields + b"\r\n0\r\n\r\n")
    assert (failure.status, fragment in failure.reason) == (status, True), failure


def test_transfer_encoding_in_http10_is_refused() -> None:
    data = b"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nZ\r\n0\r\n\r\n"
    assert error(data).reason == "Transfer-Encoding in HTTP/1.0"


@pytest.mark.parametrize("value", [b"chunked", b"CHUNKED", b"Chunked", b" chunked ", b", chunked"])
def test_chunked_spellings(value: bytes) -> None:
    request = one(POST + b"Transfer-Encoding: " + value + b"\r\n\r\n1\r\nZ\r\n0\r\n\r\n")
    assert request.chunked and request.body == b"Z"


@pytest.mark.parametrize(
    ("head", "expect"),
    [
        (POST + b"Expect: 100-continue\r\nContent-Length: 1\r\n\r\n", True),
        (POST + b"Expect: 100-Continue\r\nContent-Length: 1\r\n\r\n", True),
        (POST + b"Expect: something\r\nContent-Length: 1\r\n\r\n", False),
        # RFC 9110, 10.1.1: an HTTP/1.0 expectation is ignored.
        (b"POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n", False),
    ],
)
def test_expect(head: bytes, expect: bool) -> None:
    outcome = read([head, b"x"])
    assert outcome.requests[0].expect_continue is expect


def test_body_is_not_read_for_a_get_without_length() -> None:
    outcome = read(b"GET / HTTP/1.1\r\nHost: a\r\n\r\nhello")
    assert outcome.requests[0].body == b"" and outcome.buffered == 5


def test_errors_do_not_depend_on_splitting() -> None:
    data = POST + b"Content-Length: 1\r\nContent-Length: 2\r\n\r\n"
    assert read(bytewise(data)).error == read(data).error
