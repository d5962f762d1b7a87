from __future__ import annotations

import pytest

from headerscope.pages.capture import CaptureError, read_capture


def test_request_head() -> None:
    c = read_capture(b"\r\nGET /x?y HTTP/1.1\r\nHost: a\r\nX-A:  b \t\r\n\r\nbody: not a field")
    assert (c.method, c.target, c.version) == ("GET", "/x?y", "HTTP/1.1")
    assert c.fields == [("Host", "a"), ("X-A", "b")]


def test_bare_lines_with_lf() -> None:
    c = read_capture(b"Accept: */*\nCookie: a=1\n")
    assert c.method is None
    assert c.fields == [("Accept", "*/*"), ("Cookie", "a=1")]


def test_bytes_are_latin1() -> None:
    assert read_capture(b"X: \xc3\xa9\n").fields == [("X", "\xc3\xa9")]


@pytest.mark.parametrize("data", [b"not a field line\n", b"GET / HTTP/1.1\r\nbad line\r\n",
                                  b"Name : value\n"])
def test_rejects(data: bytes) -> None:
    with pytest.raises(CaptureError, match="not a field line"):
        read_capture(data)
