"""/hello and /fields over HTTP/2, in memory: an `h2` client, our connection, the pages as
the server will wire them (`as_request`), and the answer back through our flow control."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import h2.events

from headerscope.http import ConnectionInfo
from headerscope.http.h2request import as_request
from headerscope.http2 import (
    DataReceived,
    Event,
    RequestReceived,
    ServerConnection,
    StreamEnded,
    TrailersReceived,
)
from headerscope.http2.hpack import HeaderBlock
from headerscope.pages.app import make_app

from ._support import Pair

APP = make_app()
INFO = ConnectionInfo(("127.0.0.1", 50000), ("127.0.0.1", 8080), 1, False)


@dataclass
class Exchange:
    request: RequestReceived
    body: bytearray = field(default_factory=bytearray)
    trailers: HeaderBlock | None = None


def serve(server: ServerConnection, events: Iterable[Event], state: dict[int, Exchange]) -> None:
    for e in events:
        if isinstance(e, RequestReceived):
            state[e.stream_id] = Exchange(e)
        elif isinstance(e, DataReceived):
            state[e.stream_id].body += e.data
        elif isinstance(e, TrailersReceived):
            state[e.stream_id].trailers = e.block
        elif isinstance(e, StreamEnded):
            x = state.pop(e.stream_id)
            response = APP(as_request(x.request.block, bytes(x.body), x.trailers), INFO)
            server.send_response(e.stream_id, response.status, response.headers, response.body)


def fetch(path: str, method: str = "GET", body: bytes = b"",
          extra: list[tuple[str, str]] | None = None) -> tuple[list[tuple[str, str]], bytes]:
    pair = Pair()
    state: dict[int, Exchange] = {}
    pair.app.handle = lambda events: serve(pair.server, events, state)  # type: ignore[method-assign]
    sid = pair.request(path, method, body, extra)
    pair.pump()
    headers, content, ended = pair.response(sid)
    assert ended
    assert not any(isinstance(e, h2.events.StreamReset) for e in pair.client_events)
    return headers, content


def test_hello_over_http2() -> None:
    headers, body = fetch("/hello")
    assert (":status", "200") in headers and body == b"Hello, World!"


def test_fields_over_http2() -> None:
    headers, body = fetch("/fields", extra=[("accept", "text/plain")])
    assert (":status", "200") in headers and b"Cache-Control" in body


def test_inspector_shows_the_fields_sent_over_http2() -> None:
    headers, body = fetch("/?view=json", extra=[("x-probe", "seen over h2")])
    assert (":status", "200") in headers
    assert b"seen over h2" in body and b"HTTP/2" in body


def test_as_request_shape() -> None:
    from headerscope.http2.hpack import Decoder, Encoder

    block = Decoder().decode(Encoder().encode([
        (":method", "POST"), (":scheme", "https"), (":authority", "a.test"), (":path", "/p?q=1"),
        ("content-length", "3"), ("cookie", "a=1"), ("cookie", "b=2")]))
    request = as_request(block, b"abc")
    assert (request.method, request.target, request.version) == ("POST", "/p?q=1", "HTTP/2")
    assert [(f.name, f.value) for f in request.fields] == [
        ("content-length", "3"), ("cookie", "a=1"), ("cookie", "b=2")]
    assert request.content_length == 3 and request.body == b"abc"
    assert request.head.startswith(b":method: POST\r\n") and request.head.endswith(b"\r\n\r\n")
