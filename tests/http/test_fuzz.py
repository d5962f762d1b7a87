"""Hypothesis: whatever the bytes and however they are split, only requests or our error come
out, and the split never changes what comes out."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from headerscope.http import Limits

from ._support import Outcome, read

SEEDS = [
    b"GET / HTTP/1.1\r\nHost: a\r\n\r\n",
    b"\r\nGET /x?y HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
    b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"5;n=v\r\nhello\r\n0\r\nT: v\r\n\r\n",
    b"OPTIONS * HTTP/1.1\r\nHost: [::1]:80\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nZ",
]
ALPHABET = [b"\r", b"\n", b"\r\n", b"\x00", b" ", b"\t", b":", b",", b";", b"0", b"f", b"9",
            b"\x7f", b"\xff", b"chunked", b"Content-Length: 3\r\n", b"Host: b\r\n", b"\r\n\r\n",
            b"Transfer-Encoding: chunked\r\n", b"HTTP/2.0", b'"', b"\x0b"]
LIMITS = Limits(max_request_line=60, max_method=10, max_field_section=120, max_fields=6,
                max_body=40, max_chunk_ext=12)  # small, so that limits are hit often


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(b"".join(draw(st.lists(st.sampled_from(SEEDS), min_size=1, max_size=3))))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.sampled_from(ALPHABET) | st.binary(min_size=1, max_size=3))
        action = draw(st.sampled_from(["insert", "replace", "delete"]))
        if action == "insert":
            data[at:at] = piece
        elif action == "replace":
            data[at : at + len(piece)] = piece
        else:
            del data[at : at + draw(st.integers(1, 4))]
    return bytes(data)


def _split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    return [data[a:b] for a, b in zip([0, *points], [*points, len(data)], strict=True)]


def _check(data: bytes, cuts: list[int], limits: Limits | None) -> Outcome:
    whole = read(data, limits)  # any exception other than HTTPError fails the test here
    pieces = read(_split(data, cuts), limits)
    assert pieces.key() == whole.key()
    if whole.error is not None:
        assert whole.error.status in {400, 405, 413, 414, 431, 501, 505}
        assert whole.error.reason.isascii()
    for request in whole.requests:
        assert data.find(request.head) >= 0
    return whole


@given(st.binary(max_size=200), st.lists(st.integers(0, 400), max_size=8), st.booleans())
def test_arbitrary_bytes(data: bytes, cuts: list[int], small: bool) -> None:
    _check(data, cuts, LIMITS if small else None)


@given(mutated(), st.lists(st.integers(0, 400), max_size=8), st.booleans())
@example(SEEDS[3], list(range(200)), False)
def test_mutated_requests(data: bytes, cuts: list[int], small: bool) -> None:
    _check(data, cuts, LIMITS if small else None)


@given(st.lists(st.sampled_from(SEEDS), min_size=1, max_size=5), st.lists(st.integers(0, 900)))
def test_valid_requests_pipelined_in_any_split(seeds: list[bytes], cuts: list[int]) -> None:
    outcome = _check(b"".join(seeds), cuts, None)
    assert outcome.error is None and len(outcome.requests) == len(seeds)
