"""Shared helpers: a fake clock, an `h2` client wired to our ServerConnection in memory, a
small answering application, raw hostile bytes, and the server's output parsed by hyperframe
(an independent frame parser)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import h2.config
import h2.connection
import h2.events
from hyperframe import frame as hf

from headerscope.http2 import (
    PREFACE,
    ConnectionClosed,
    DataReceived,
    Event,
    Limits,
    RequestMalformed,
    RequestReceived,
    ServerConnection,
    StreamEnded,
    frames,
)
from headerscope.http2.hpack import Encoder


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class App:
    """Answers every request: status 200 with "method path body" (or the request's error
    status with its diagnostics), as the server integration would."""

    server: ServerConnection
    bodies: dict[int, bytearray] = field(default_factory=dict)
    requests: dict[int, RequestReceived] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    response_size: int = 0  # 0: echo; else a body of that many octets
    trailers: bool = False

    def handle(self, events: Iterable[Event]) -> None:
        for e in events:
            self.events.append(e)
            if isinstance(e, RequestReceived):
                self.requests[e.stream_id] = e
                self.bodies[e.stream_id] = bytearray()
                if e.status is not None:
                    why = "; ".join(d.reason for d in e.diagnostics)
                    self.server.send_response(e.stream_id, e.status, [], why.encode())
            elif isinstance(e, DataReceived):
                self.bodies[e.stream_id] += e.data
            elif isinstance(e, RequestMalformed):
                why = "; ".join(d.reason for d in e.diagnostics)
                self.server.send_response(e.stream_id, e.status, [], why.encode())
            elif isinstance(e, StreamEnded):
                r = self.requests[e.stream_id]
                if self.response_size:
                    body = b"x" * self.response_size
                else:
                    body = f"{r.pseudo(':method')} {r.pseudo(':path')} ".encode() + bytes(
                        self.bodies[e.stream_id])
                self.server.send_response(
                    e.stream_id, 200, [("Content-Type", "text/plain"), ("Connection", "close")],
                    body, [("x-trailer", "done")] if self.trailers else None)


class Pair:
    """An h2 client and our server, wired back to back; `pump` moves bytes both ways."""

    def __init__(self, limits: Limits | None = None, client_settings: dict[int, int] | None = None,
                 clock: Clock | None = None) -> None:
        self.clock = clock or Clock()
        self.server = ServerConnection(limits, clock=self.clock)
        self.app = App(self.server)
        config = h2.config.H2Configuration(client_side=True, header_encoding="latin-1")
        self.client = h2.connection.H2Connection(config)
        self.client.initiate_connection()
        if client_settings:
            self.client.update_settings(client_settings)
        self.uploads: dict[int, memoryview] = {}  # request content waiting for our windows
        self.client_events: list[h2.events.Event] = []
        self.auto_ack = True  # the client gives back flow-control credit as it reads
        self.pump()

    def pump(self, rounds: int = 1000) -> None:
        for _ in range(rounds):
            moved = False
            for sid, rest in list(self.uploads.items()):
                n = min(len(rest), self.client.local_flow_control_window(sid),
                        self.client.max_outbound_frame_size)
                if n:
                    self.client.send_data(sid, rest[:n].tobytes(), end_stream=n == len(rest))
                    self.uploads[sid] = rest[n:]
                    if n == len(rest):
                        del self.uploads[sid]
            out = self.client.data_to_send()
            if out:
                moved = True
                self.app.handle(self.server.receive_data(out))
            back = self.server.data_to_send()
            if back:
                moved = True
                for e in self.client.receive_data(back):
                    self.client_events.append(e)
                    if (self.auto_ack and isinstance(e, h2.events.DataReceived)
                            and e.flow_controlled_length and e.stream_id is not None):
                        self.client.acknowledge_received_data(e.flow_controlled_length,
                                                              e.stream_id)
            if not moved:
                return
        raise AssertionError("the conversation did not settle")

    def request(self, path: str = "/hello", method: str = "GET", body: bytes = b"",
                extra: list[tuple[str, str]] | None = None) -> int:
        sid = self.client.get_next_available_stream_id()
        headers = [(":method", method), (":scheme", "http"), (":authority", "example.test"),
                   (":path", path), *(extra or [])]
        if body:
            headers.append(("content-length", str(len(body))))
        self.client.send_headers(sid, headers, end_stream=not body)
        if body:
            self.uploads[sid] = memoryview(body)
        return sid

    def response(self, sid: int) -> tuple[list[tuple[str, str]], bytes, bool]:
        """(headers, body, ended) the client received on stream `sid`."""
        headers: list[tuple[str, str]] = []
        body = bytearray()
        ended = False
        for e in self.client_events:
            if getattr(e, "stream_id", None) != sid:
                continue
            if isinstance(e, h2.events.ResponseReceived | h2.events.TrailersReceived):
                headers += [(str(n), str(v)) for n, v in e.headers or ()]
            elif isinstance(e, h2.events.DataReceived):
                body += e.data or b""
            elif isinstance(e, h2.events.StreamEnded):
                ended = True
        return headers, bytes(body), ended


# ---- raw (hostile) clients ------------------------------------------------------------------
def request_block(encoder: Encoder, path: str = "/hello",
                  extra: list[tuple[str, str]] | None = None) -> bytes:
    return encoder.encode([(":method", "GET"), (":scheme", "http"),
                           (":authority", "example.test"), (":path", path), *(extra or [])])


def opening(settings: list[tuple[int, int]] | None = None) -> bytes:
    return PREFACE + frames.settings(settings or [])


def server_frames(data: bytes) -> list[hf.Frame]:
    """The server's output, parsed by hyperframe."""
    out: list[hf.Frame] = []
    view = memoryview(data)
    while view:
        f, length = hf.Frame.parse_frame_header(view[:9])
        f.parse_body(view[9:9 + length])
        out.append(f)
        view = view[9 + length:]
    return out


def data_length(data: bytes) -> int:
    """Content octets in the server's DATA frames."""
    return sum(len(f.data) for f in server_frames(data) if isinstance(f, hf.DataFrame))


def goaway_code(data: bytes) -> int | None:
    codes = [f.error_code for f in server_frames(data) if isinstance(f, hf.GoAwayFrame)]
    return codes[-1] if codes else None


def rst_codes(data: bytes) -> dict[int, int]:
    return {f.stream_id: f.error_code for f in server_frames(data)
            if isinstance(f, hf.RstStreamFrame)}


def closed_event(events: list[Event]) -> ConnectionClosed | None:
    found = [e for e in events if isinstance(e, ConnectionClosed)]
    return found[-1] if found else None


def serves_normally(limits: Limits | None = None) -> bool:
    """A well-behaved client on a fresh connection of the same server gets its answer."""
    pair = Pair(limits)
    sid = pair.request("/hello")
    pair.pump()
    headers, body, ended = pair.response(sid)
    return ended and (":status", "200") in headers and body == b"GET /hello "
