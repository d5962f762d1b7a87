"""Reading a stored head back: every byte belongs to one line; lenient where the server is not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.captures._wire import is_chunked, read_head


def test_request_line_and_fields() -> None:
    h = read_head(b"\r\nPOST /a?b HTTP/1.1\r\nHost: x\r\nX-A:  v \t\r\nnocolon\r\n\r\n")
    assert (h.method, h.target, h.version, h.path) == ("POST", "/a?b", "HTTP/1.1", "/a")
    assert h.leading == b"\r\n"
    assert [(f.name, f.value, f.raw, f.colon) for f in h.fields] == [
        ("Host", "x", b"Host: x", True), ("X-A", "v", b"X-A:  v \t", True),
        ("nocolon", "", b"nocolon", False)]
    assert not h.bare_lf and h.rest == b""


def test_obs_fold_and_bare_lf() -> None:
    h = read_head(b"GET / HTTP/1.1\nX: a \r\n  b\r\n\tc\r\nY: z\r\n\r\n")
    x, y = h.fields
    assert (x.value, x.raw, x.folded) == ("a b c", b"X: a \r\n  b\r\n\tc", True)
    assert (y.value, y.folded) == ("z", False)
    assert h.bare_lf


@pytest.mark.parametrize(("line", "parts"), [
    (b"GET /a b HTTP/1.1", ("GET", "/a b", "HTTP/1.1")),
    (b"GET /", ("GET", "/", "")),
    (b"GET", ("GET", "", "")),
    (b"", ("", "", "")),
])
def test_request_line_variants(line: bytes, parts: tuple[str, str, str]) -> None:
    h = read_head(line + b"\r\n\r\n")
    assert (h.method, h.target, h.version) == parts


@pytest.mark.parametrize(("values", "chunked"), [
    (["chunked"], True), (["gzip, Chunked"], True), (["chunked, gzip"], False),
    (["chunked", "gzip"], False), ([], False),
])
def test_is_chunked(values: list[str], chunked: bool) -> None:
    head = b"POST / HTTP/1.1\r\n" + b"".join(
        b"Transfer-Encoding: " + v.encode() + b"\r\n" for v in values) + b"\r\n"
    assert is_chunked(read_head(head)) is chunked


@given(st.binary(max_size=300))
def test_every_byte_is_kept(data: bytes) -> None:
    """leading + request line + each field line + the rest is the stored head again."""
    h = read_head(data)
    rebuilt = h.leading + h.request_line
    if rebuilt != data:
        rebuilt += data[len(rebuilt):len(rebuilt) + (2 if data[len(rebuilt):].startswith(
            b"\r\n") else 1)]
    for f in h.fields:
        rebuilt += f.raw + f.ending
    assert data.startswith(rebuilt)
    tail = data[len(rebuilt):]
    if h.rest:
        assert tail.endswith(h.rest)
        assert tail[:-len(h.rest)] in (b"\r\n", b"\n")
