"""The chunked transfer coding (RFC 9112, 7.1): sizes, extensions, trailers, limits."""

from __future__ import annotations

import pytest

from headerscope.http import FieldLine, Limits

from ._support import bytewise, read

HEAD = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (b"0\r\n\r\n", b""),
        (b"5\r\nhello\r\n0\r\n\r\n", b"hello"),
        (b"3\r\nabc\r\n2\r\nde\r\n000\r\n\r\n", b"abcde"),
        (b"A\r\n0123456789\r\n0\r\n\r\n", b"0123456789"),
        (b"a\r\n0123456789\r\n0\r\n\r\n", b"0123456789"),
        (b"5;name=val\r\nhello\r\n0\r\n\r\n", b"hello"),
        (b'5 ; a = "q\\"s;" ; b\r\nhello\r\n0;last\r\n\r\n', b"hello"),  # BWS, quoted-string
        (b"2\r\n\r\n\r\n0\r\n\r\n", b"\r\n"),  # data is opaque
    ],
)
def test_bodies(body: bytes, content: bytes) -> None:
    for chunks in ([HEAD + body], [HEAD, *bytewise(body)]):
        outcome = read(chunks)
        assert outcome.error is None and outcome.buffered == 0
        assert outcome.requests[0].body == content


def test_trailers_are_kept_apart_from_fields() -> None:
    outcome = read(HEAD + b"1\r\nZ\r\n0\r\nTrailer-Key: v \r\nx-b:\r\n\r\n")
    request = outcome.requests[0]
    assert request.trailers == [FieldLine("Trailer-Key", "v", b"Trailer-Key: v "),
                                FieldLine("x-b", "", b"x-b:")]
    assert [f.name for f in request.fields] == ["Host", "Transfer-Encoding"]


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        (b"ffffffffffffffffffffffff\r\nZ\r\n0\r\n\r\n", 400, "chunk size too large"),
        (b"3\r\nhello\r\n0\r\n\r\n", 400, "does not end with CRLF"),
        (b"g\r\n", 400, "malformed chunk size"),
        (b"-1\r\n", 400, "malformed chunk size"),
        (b"\r\n", 400, "malformed chunk size"),
        (b" 5\r\n", 400, "malformed chunk size"),
        (b"5;\r\n", 400, "malformed chunk size"),
        (b"5;a=\"x\r\n", 400, "malformed chunk size"),
        (b"5\nhello\r\n", 400, "malformed chunk size"),  # a bare LF ends no line
        (b"1\r\nZ\r\n0\r\nBad Name: x\r\n\r\n", 400, "invalid field name"),
        (b"1\r\nZ\r\n0\r\n folded\r\n\r\n", 400, "obsolete line folding"),
        (b"1\r\nZ\r\n0\r\nX: \x00\r\n\r\n", 400, "invalid character"),
        (b"100001\r\n", 413, "content too large"),
    ],
)
def test_errors(body: bytes, status: int, fragment: str) -> None:
    pad = b"" if body.endswith(b"\r\n\r\n") else b"x" * 1100
    for chunks in ([HEAD + body + pad], [HEAD, *bytewise(body + pad)]):
        failure = read(chunks).error
        assert failure is not None, chunks[:3]
        assert (failure.status, fragment in failure.reason) == (status, True), failure


def test_total_of_chunks_is_limited() -> None:
    limits = Limits(max_body=10)
    assert read(HEAD + b"a\r\n0123456789\r\n0\r\n\r\n", limits).error is None
    failure = read(HEAD + b"a\r\n0123456789\r\n1\r\nZ\r\n0\r\n\r\n", limits).error
    assert failure is not None and failure.status == 413


def test_chunk_extensions_are_bounded() -> None:
    limits = Limits(max_chunk_ext=20)
    assert read(HEAD + b"1;" + b"a" * 19 + b"\r\nZ\r\n0\r\n\r\n", limits).error is None
    failure = read(HEAD + b"1;" + b"a" * 40, limits).error  # refused before any CRLF
    assert failure is not None and failure.reason == "chunk-size line too long"


def test_trailer_section_is_bounded() -> None:
    limits = Limits(max_fields=2)
    ok = read(HEAD + b"0\r\nA: 1\r\nB: 2\r\n\r\n", limits)
    assert ok.error is None and len(ok.requests[0].trailers) == 2
    failure = read(HEAD + b"0\r\nA: 1\r\nB: 2\r\nC: 3\r\n", limits).error
    assert failure is not None and failure.status == 431
