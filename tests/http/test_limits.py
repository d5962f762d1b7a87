"""Each limit: a request exactly at it is read, one octet over gets its status."""

from __future__ import annotations

import pytest

from headerscope.http import Limits

from ._support import bytewise, read

LIMITS = Limits(max_request_line=40, max_method=8, max_field_section=60, max_fields=3,
                max_body=10)


def _line(length: int) -> bytes:
    return b"GET /" + b"a" * (length - 14) + b" HTTP/1.1"


def _fields(size: int) -> bytes:  # one field line of `size` octets with its CRLF
    return b"Host: " + b"a" * (size - 8) + b"\r\n"


@pytest.mark.parametrize(
    ("ok", "over", "status"),
    [
        (_line(40) + b"\r\nHost: a\r\n\r\n", _line(41) + b"\r\nHost: a\r\n\r\n", 414),
        (b"ABCDEFGH / HTTP/1.1\r\nHost: a\r\n\r\n",
         b"ABCDEFGHI / HTTP/1.1\r\nHost: a\r\n\r\n", 501),
        (b"GET / HTTP/1.1\r\n" + _fields(60) + b"\r\n",
         b"GET / HTTP/1.1\r\n" + _fields(61) + b"\r\n", 431),
        (b"GET / HTTP/1.1\r\nHost: a\r\nB: 1\r\nC: 2\r\n\r\n",
         b"GET / HTTP/1.1\r\nHost: a\r\nB: 1\r\nC: 2\r\nD: 3\r\n\r\n", 431),
        (b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789",
         b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n0123456789a", 413),
    ],
)
def test_limit(ok: bytes, over: bytes, status: int) -> None:
    assert read(ok, LIMITS).error is None
    for chunks in ([over], bytewise(over)):
        failure = read(chunks, LIMITS).error
        assert failure is not None and failure.status == status


@pytest.mark.parametrize(
    ("prefix", "status"),
    [
        (_line(41), 414),  # no CRLF yet: refused as soon as the line is too long
        (b"GET / HTTP/1.1\r\n" + _fields(70)[:-2], 431),
        (b"GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD", 431),
    ],
)
def test_limits_hold_before_the_head_is_complete(prefix: bytes, status: int) -> None:
    failure = read(prefix, LIMITS).error
    assert failure is not None and failure.status == status


def test_a_slow_sender_never_grows_the_buffer_past_the_limits() -> None:
    outcome = read([b"GET / HTTP/1.1\r\n"] + [b"X: y\r\n"] * 3000, Limits(max_fields=5000))
    assert outcome.error is not None and outcome.error.status == 431
    assert outcome.error.reason == "field section too large"


def test_defaults() -> None:
    limits = Limits()
    assert limits.max_request_line >= 8000  # RFC 9112, 3: at least 8000 octets RECOMMENDED
    assert (limits.max_field_section, limits.max_body) == (16384, 1 << 20)


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_fields"):
        Limits(max_fields=0)
    assert Limits(max_body=0).max_body == 0
