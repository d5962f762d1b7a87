"""The wiring the server integration needs, as a small asyncio.Protocol, on 127.0.0.1: an
`h2` client over a real socket gets /hello and the inspector, and a stalled response is ended
by the timer `next_deadline()` asks for."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import h2.config
import h2.connection
import h2.events
import h2.settings

from headerscope.http import ConnectionInfo
from headerscope.http.h2request import as_request
from headerscope.http2 import (
    ConnectionClosed,
    DataReceived,
    Limits,
    RequestMalformed,
    RequestReceived,
    ServerConnection,
    StreamEnded,
    TrailersReceived,
)
from headerscope.http2.hpack import HeaderBlock
from headerscope.pages.app import make_app

APP = make_app()


@dataclass
class _Exchange:
    request: RequestReceived
    body: bytearray = field(default_factory=bytearray)
    trailers: HeaderBlock | None = None


class H2Protocol(asyncio.Protocol):
    def __init__(self, limits: Limits) -> None:
        self.conn = ServerConnection(limits)
        self.exchanges: dict[int, _Exchange] = {}
        self.timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        transport.write(self.conn.data_to_send())  # our SETTINGS

    def data_received(self, data: bytes) -> None:
        for e in self.conn.receive_data(data):
            if isinstance(e, RequestReceived):
                self.exchanges[e.stream_id] = _Exchange(e)
                if e.status is not None:  # malformed or too large: answer now
                    self.answer(e.stream_id, e.status)
            elif isinstance(e, DataReceived) and e.stream_id in self.exchanges:
                self.exchanges[e.stream_id].body += e.data
            elif isinstance(e, TrailersReceived) and e.stream_id in self.exchanges:
                self.exchanges[e.stream_id].trailers = e.block
            elif isinstance(e, RequestMalformed):
                self.answer(e.stream_id, e.status)
            elif isinstance(e, StreamEnded):
                self.answer(e.stream_id, None)
            elif isinstance(e, ConnectionClosed):
                pass  # flushed and closed below
        self.flush()

    def answer(self, stream_id: int, status: int | None) -> None:
        x = self.exchanges.pop(stream_id)
        info = ConnectionInfo(("127.0.0.1", 1), ("127.0.0.1", 2), 1, False)
        response = APP(as_request(x.request.block, bytes(x.body), x.trailers), info)
        self.conn.send_response(stream_id, status or response.status, response.headers,
                                response.body)

    def flush(self) -> None:
        self.transport.write(self.conn.data_to_send())
        if self.conn.closed:
            self.transport.close()
            return
        deadline = self.conn.next_deadline()
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if deadline is not None:
            loop = asyncio.get_running_loop()
            self.timer = loop.call_at(deadline, self.expire)  # the loop's clock: monotonic

    def expire(self) -> None:
        self.timer = None
        self.conn.expire()
        self.flush()


async def _client(port: int, paths: list[str], window: int | None = None
                  ) -> dict[int, tuple[list[tuple[str, str]], bytes, bool]]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    client = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True,
                                                                  header_encoding="latin-1"))
    client.initiate_connection()
    if window is not None:
        client.update_settings({h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: window})
    results: dict[int, tuple[list[tuple[str, str]], bytes, bool]] = {}
    for path in paths:
        sid = client.get_next_available_stream_id()
        client.send_headers(sid, [(":method", "GET"), (":scheme", "http"),
                                  (":authority", "127.0.0.1"), (":path", path)], end_stream=True)
        results[sid] = ([], b"", False)
    writer.write(client.data_to_send())
    while not all(done for _, _, done in results.values()):
        data = await asyncio.wait_for(reader.read(65536), 5)
        if not data:
            break
        for e in client.receive_data(data):
            at = getattr(e, "stream_id", None)
            if not isinstance(at, int) or at not in results:
                continue
            sid = at
            headers, body, _ = results[sid]
            if isinstance(e, h2.events.ResponseReceived):
                results[sid] = ([(str(n), str(v)) for n, v in e.headers or ()], body, False)
            elif isinstance(e, h2.events.DataReceived):
                results[sid] = (headers, body + (e.data or b""), False)
            elif isinstance(e, h2.events.StreamEnded | h2.events.StreamReset):
                results[sid] = (headers, body, True)
        writer.write(client.data_to_send())
    writer.close()
    return results


async def _serve(limits: Limits, paths: list[str], window: int | None = None
                 ) -> dict[int, tuple[list[tuple[str, str]], bytes, bool]]:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: H2Protocol(limits), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        return await asyncio.wait_for(_client(port, paths, window), 10)
    finally:
        server.close()


def test_hello_and_the_inspector_over_a_socket() -> None:
    results = asyncio.run(_serve(Limits(), ["/hello", "/?view=text"]))
    (h1, b1, _), (h2_, b2, _) = results[1], results[3]
    assert (":status", "200") in h1 and b1 == b"Hello, World!"
    assert (":status", "200") in h2_ and b"HTTP/2" in b2


def test_a_stalled_response_is_ended_by_the_timer() -> None:
    # The client opens no window for its streams and never reads on: the response waits,
    # and after stall_timeout the stream is reset (ENHANCE_YOUR_CALM).
    results = asyncio.run(_serve(Limits(stall_timeout=0.2), ["/?view=text"], window=0))
    headers, body, ended = results[1]
    assert (":status", "200") in headers and body == b"" and ended
