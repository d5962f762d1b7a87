"""Malformed requests (RFC 9113, 8.1.1, 8.2, 8.3): announced with every decoded field and the
diagnostics, answered (the 400 view), then reset with PROTOCOL_ERROR."""

from __future__ import annotations

import pytest

from headerscope.http2 import (
    ErrorCode,
    RequestMalformed,
    RequestReceived,
    ServerConnection,
    StreamEnded,
    TrailersReceived,
    frames,
)
from headerscope.http2.hpack import Encoder

from ._support import Clock, opening, rst_codes, server_frames

GET = [(":method", "GET"), (":scheme", "https"), (":authority", "a.test"), (":path", "/")]


def connect() -> ServerConnection:
    conn = ServerConnection(clock=Clock())
    conn.receive_data(opening())
    conn.data_to_send()
    return conn


CASES = [  # (header list, fragment of a diagnostic, index of the field it points at)
    ([*GET, ("User-Agent", "x")], "upper-case", 4),
    ([*GET, ("connection", "keep-alive")], "connection-specific", 4),
    ([*GET, ("transfer-encoding", "chunked")], "connection-specific", 4),
    ([*GET, ("upgrade", "h2c")], "connection-specific", 4),
    ([*GET, ("keep-alive", "5")], "connection-specific", 4),
    ([*GET, ("proxy-connection", "x")], "connection-specific", 4),
    ([*GET, ("te", "gzip")], "TE", 4),
    (GET[1:], "no :method", None),
    (GET[:1] + GET[2:], "no :scheme", None),
    (GET[:3], "no :path", None),
    ([*GET, (":path", "/again")], ":path repeated", 4),
    ([*GET, (":foo", "bar")], "unknown pseudo-header", 4),
    ([*GET, (":status", "200")], "response pseudo-header", 4),
    ([*GET, (":protocol", "websocket")], "ENABLE_CONNECT_PROTOCOL", 4),
    ([*GET[:2], ("accept", "*/*"), *GET[2:]], "after a regular field", 3),
    ([*GET[:3], (":path", "")], "empty :path", None),
    ([*GET[:3], (":path", "x")], "neither an absolute path", None),
    ([*GET, ("x-a", " padded")], "white space", 4),
    ([*GET, ("x-a", "tab\t"), ("x-b", "1")], "white space", 4),
    ([(":method", " GET"), *GET[1:]], "white space", 0),
    ([*GET, ("x-a", "a\r\nb")], "CR or LF", 4),
    ([*GET, ("x:y", "1")], "colon inside", 4),
    ([*GET, ("", "1")], "empty field name", 4),
    ([*GET, ("x y", "1")], "' '", 4),
    ([*GET, ("host", "b.test")], "host differs", None),
    ([*GET, ("content-length", "abc")], "not a number", 4),
    ([*GET, ("content-length", "1"), ("content-length", "2")], "disagree", None),
    ([(":method", "CONNECT"), (":authority", "a:443"), (":path", "/")], "CONNECT", None),
    ([(":method", "GET"), (":scheme", "https"), (":path", "/")], "neither :authority", None),
]


@pytest.mark.parametrize(("headers", "fragment", "index"), CASES)
def test_malformed_requests(headers: list[tuple[str, str]], fragment: str,
                            index: int | None) -> None:
    conn = connect()
    block = Encoder().encode(headers, huffman=False)
    events = conn.receive_data(frames.headers(1, block))  # no END_STREAM: the client goes on
    (request,) = [e for e in events if isinstance(e, RequestReceived)]
    assert request.status == 400
    assert [(f.name, f.value) for f in request.fields] == headers  # nothing dropped
    hits = [d for d in request.diagnostics if fragment in d.reason]
    assert hits, request.diagnostics
    assert hits[0].field == index
    assert conn.send_response(1, 400, [("content-type", "text/plain")], b"the 400 view")
    out = server_frames(conn.data_to_send())
    assert [type(f).__name__ for f in out] == ["HeadersFrame", "DataFrame", "RstStreamFrame"]
    assert rst_codes(b"".join(f.serialize() for f in out)) == {1: ErrorCode.PROTOCOL_ERROR}
    assert not conn.closed and not conn.streams


@pytest.mark.parametrize("headers", [
    GET, [*GET, ("te", "trailers"), ("cookie", "a=1"), ("cookie", "b=2")],
    [(":method", "CONNECT"), (":authority", "a.test:443")],
    [(":method", "OPTIONS"), (":scheme", "http"), (":authority", "a"), (":path", "*")],
    [*GET[:3], (":path", "/"), ("host", "a.test")],
])
def test_well_formed_requests(headers: list[tuple[str, str]]) -> None:
    conn = connect()
    events = conn.receive_data(frames.headers(1, Encoder().encode(headers), end_stream=True))
    assert isinstance(events[0], RequestReceived) and events[0].status is None, events
    assert events[0].diagnostics == ()
    assert events[1] == StreamEnded(1)


def test_ended_malformed_request_is_closed_by_the_answer() -> None:
    conn = connect()
    block = Encoder().encode([*GET, ("Bad", "1")])
    events = conn.receive_data(frames.headers(1, block, end_stream=True))
    assert [type(e).__name__ for e in events] == ["RequestReceived"]  # no StreamEnded
    conn.send_response(1, 400, [], b"view")
    assert rst_codes(conn.data_to_send()) == {}  # the complete answer closed the stream
    assert not conn.streams


@pytest.mark.parametrize(("length", "content"), [(5, b"abc"), (2, b"abc")])
def test_content_length_against_the_data(length: int, content: bytes) -> None:
    conn = connect()
    block = Encoder().encode([*GET, ("content-length", str(length))])
    events = conn.receive_data(frames.headers(1, block) + frames.data(1, content, True))
    (bad,) = [e for e in events if isinstance(e, RequestMalformed)]
    assert bad.status == 400 and "content-length" in bad.diagnostics[0].reason
    assert not any(isinstance(e, StreamEnded) for e in events)


def test_trailers_with_a_pseudo_header_and_headers_without_end_stream() -> None:
    conn = connect()
    enc = Encoder()
    events = conn.receive_data(frames.headers(1, enc.encode(GET)) + frames.headers(
        1, enc.encode([(":path", "/x")]), end_stream=True))
    (trailers,) = [e for e in events if isinstance(e, TrailersReceived)]
    assert "pseudo-header field in trailers" in trailers.diagnostics[0].reason
    assert [e.status for e in events if isinstance(e, RequestMalformed)] == [400]
    events = conn.receive_data(frames.headers(3, enc.encode(GET)) + frames.headers(
        3, enc.encode([("x-t", "1")]), end_stream=False))
    assert [e.status for e in events if isinstance(e, RequestMalformed)] == [400]


def test_body_over_the_limit_gets_413() -> None:
    from headerscope.http2 import Limits

    conn = ServerConnection(Limits(max_body=1000), clock=Clock())
    conn.receive_data(opening())
    events = conn.receive_data(frames.headers(1, Encoder().encode(GET)) + frames.data(
        1, b"x" * 600) + frames.data(1, b"x" * 600))
    assert [e.status for e in events if isinstance(e, RequestMalformed)] == [413]
    conn.data_to_send()
    conn.send_response(1, 413, [], b"too large")
    assert rst_codes(conn.data_to_send()) == {1: ErrorCode.NO_ERROR}
