"""One HTTP/2 connection: the sans-IO `headerscope.http2.ServerConnection` on a transport.

Strategy: bytes in go to the ServerConnection, which answers with events; a request whose
client has sent it all (or that is malformed, or too large) is answered at once by the same
application as HTTP/1.1, which gets an `http.Request` with `http2` set (the fields with their
HPACK representations, the stream's frames, the connection's SETTINGS and fingerprint). Our
bytes out are whatever the ServerConnection framed, written once per read. One timer keeps the
connection's deadlines: a client that keeps a response waiting on a zero window (the
ServerConnection's stall), one that reads nothing (write timeout), one that starts a request
and never finishes it (body timeout), and an idle connection (keep-alive timeout).

Three ways in: ALPN "h2" after a TLS handshake (server/_tls.py), the prior-knowledge preface
on the cleartext port, and `Upgrade: h2c` from an HTTP/1.1 request (both detected by
HTTPConnection, which hands the transport over).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from ..http import ConnectionDetails, ConnectionInfo, HTTP2Details, Request, Response
from ..http.h2request import RequestMaker
from ..http2 import (
    DataReceived,
    ErrorCode,
    Limits,
    RequestMalformed,
    RequestReceived,
    ServerConnection,
    StreamEnded,
    StreamReset,
    TrailersReceived,
)
from ..http2.hpack import HeaderBlock
from ._log import log_text
from ._state import MemoryShare

if TYPE_CHECKING:
    from ._state import ServerState

log = logging.getLogger("headerscope.server")
access_log = logging.getLogger("headerscope.access")

_BUSY = Response(503, [("content-type", "text/plain; charset=utf-8")],
                 b"503 Service Unavailable: server busy\n")
_BUSY_LARGE = Response(503, [("content-type", "text/plain; charset=utf-8"), ("retry-after", "1")],
                       b"503 Service Unavailable: server busy: too many large requests are "
                       b"waiting to be inspected\n")
_APP_ERROR = Response(500, [("content-type", "text/plain; charset=utf-8")],
                      b"500 Internal Server Error: the application failed\n")


def limits_for(state: ServerState) -> Limits:
    """HTTP/2 limits that match the HTTP/1.1 ones of the same server."""
    config = state.config
    section = config.limits.max_field_section
    return Limits(
        # RFC 9113, 6.5.2: the decoded size counts 32 octets per field beyond name and value.
        max_header_list_size=section + 32 * config.limits.max_fields,
        max_body=max(1, config.limits.max_body),
        stall_timeout=config.write_timeout,
    )


def h2c_settings(request: Request) -> str | None:
    """The HTTP2-Settings value of a request that asks to upgrade to h2c (RFC 7540, 3.2), or
    None: `Upgrade` lists h2c, exactly one HTTP2-Settings line ("A request that upgrades ...
    MUST include exactly one HTTP2-Settings header field"), and `Connection` names both
    ("a client sending the HTTP2-Settings header field MUST also send HTTP2-Settings as a
    connection option"). Anything less is served as the HTTP/1.1 request it also is."""
    if request.version != "HTTP/1.1":
        return None
    upgrade: set[str] = set()
    options: set[str] = set()
    settings: list[str] = []
    for f in request.fields:
        name = f.name.lower()
        if name == "upgrade":
            upgrade.update(t.strip().lower() for t in f.value.split(","))
        elif name == "connection":
            options.update(t.strip().lower() for t in f.value.split(","))
        elif name == "http2-settings":
            settings.append(f.value)
    if "h2c" in upgrade and len(settings) == 1 and {"upgrade", "http2-settings"} <= options:
        return settings[0]
    return None


@dataclass(slots=True)
class _Exchange:
    """A request still arriving: its HEADERS, its content so far, its trailers."""

    request: RequestReceived
    body: bytearray = field(default_factory=bytearray)
    trailers: HeaderBlock | None = None


class H2Connection(asyncio.Protocol):
    def __init__(self, state: ServerState, details: ConnectionDetails | None, way: str,
                 conn: ServerConnection | None = None,
                 upgraded: Request | None = None) -> None:
        self._state = state
        self._details = details
        self._way = way
        self._conn = conn if conn is not None else ServerConnection(limits_for(state),
                                                                    clock=state.loop.time)
        self._upgraded = upgraded  # the HTTP/1.1 request of an h2c upgrade: stream 1
        self._transport: asyncio.Transport | None = None
        self._client = ("", 0)
        self._server = ("", 0)
        self._tls = details is not None and details.tls is not None
        self._exchanges: dict[int, _Exchange] = {}
        self._make_request = RequestMaker()
        self._count = 0
        # The last response's fields with the ones the server owns (Date, Server,
        # Content-Length), by what they were made of: the application's tuple, the Date value
        # (a new bytes object once a second) and the length. The same tuple again lets the
        # ServerConnection and its HPACK encoder know it by identity.
        self._owned: tuple[object, bytes, int, tuple[tuple[str, str], ...]] = (None, b"", -1, ())
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = 0.0
        self._active = state.loop.time()  # the last time the client sent anything
        self._write_paused_at: float | None = None
        self._held = MemoryShare(state)  # our part of the server-wide memory totals

    # -- asyncio callbacks -------------------------------------------------------------------

    def connection_made(self, base: asyncio.BaseTransport) -> None:
        transport = self._transport = cast(asyncio.Transport, base)
        self._client = _address(transport.get_extra_info("peername"))
        self._server = _address(transport.get_extra_info("sockname"))
        state = self._state
        state.connections.add(self)
        if len(state.connections) + len(state.pending) > state.max_connections:
            self._conn.close(ErrorCode.REFUSED_STREAM, "too many connections")
        elif self._upgraded is not None:
            request, self._upgraded = self._upgraded, None
            self._answer_upgraded(request)
        self._flush()

    def data_received(self, data: bytes) -> None:
        self._active = self._state.loop.time()
        for event in self._conn.receive_data(data):
            if isinstance(event, RequestReceived):
                self._exchanges[event.stream_id] = _Exchange(event)
                if event.status is not None:  # malformed or too large: answer now, then reset
                    self._answer(event.stream_id, event.status)
            elif isinstance(event, DataReceived):
                exchange = self._exchanges.get(event.stream_id)
                if exchange is not None:
                    exchange.body += event.data
                    self._account_input(len(event.data))
            elif isinstance(event, TrailersReceived):
                exchange = self._exchanges.get(event.stream_id)
                if exchange is not None:
                    exchange.trailers = event.block
            elif isinstance(event, RequestMalformed):
                self._answer(event.stream_id, event.status)
            elif isinstance(event, StreamEnded):
                self._answer(event.stream_id, None)
            elif isinstance(event, StreamReset):
                self._drop(event.stream_id)
        if self._held.input > 0 and self._state.input_held > self._state.config.max_input_memory:
            self._shed_input()
        self._flush()

    def eof_received(self) -> bool | None:
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        state = self._state
        state.connections.discard(self)
        self._held.release()
        self._exchanges.clear()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._transport = None

    def pause_writing(self) -> None:
        self._write_paused_at = self._state.loop.time()
        if self._transport is not None:
            self._transport.pause_reading()
        self._arm()

    def resume_writing(self) -> None:
        self._write_paused_at = None
        self.recount_output()
        if self._transport is not None:
            self._transport.resume_reading()
        self._flush()

    # -- the server's roster (ServerState.connections) ------------------------------------------

    def shutdown(self) -> None:
        """The server stops: GOAWAY, finish the streams in progress, then close."""
        self._conn.shutdown()
        self._flush()

    def abort(self) -> None:
        if self._transport is not None:
            self._transport.abort()

    def recount_output(self) -> int:
        transport = self._transport
        held = (transport.get_write_buffer_size() if transport is not None else 0) \
            + self._conn.pending_body
        self._held.set_output(held)
        return held

    # -- requests -------------------------------------------------------------------------------

    def _answer(self, stream_id: int, status: int | None) -> None:
        exchange = self._exchanges.pop(stream_id, None)
        if exchange is None:
            return
        self._account_input(-len(exchange.body))
        event = exchange.request
        request = self._make_request(event.block, bytes(exchange.body), exchange.trailers)
        conn = self._conn
        request.http2 = HTTP2Details(
            self._way, stream_id, event.block, event.pseudo_order, event.diagnostics,
            conn.client_settings or (), conn.upgrade_settings, conn.first_window_update,
            tuple(conn.priority_frames), conn.fingerprint(),
            tuple(conn.stream_frames(stream_id)), exchange.trailers)
        self._respond(stream_id, request, status)

    def _answer_upgraded(self, request: Request) -> None:
        conn = self._conn
        request.http2 = HTTP2Details(
            self._way, 1, HeaderBlock([], [], (), 0, False), "", (), (),
            conn.upgrade_settings, None, (), "", ())
        self._respond(1, request, None)

    def _respond(self, stream_id: int, request: Request, status: int | None) -> None:
        state = self._state
        self._count += 1
        info = _new(ConnectionInfo, (self._client, self._server, self._count, self._tls,
                                     self._details))
        offload = state.offload
        if offload.wants(request):
            if offload.full():
                self._send(stream_id, request, status, _BUSY_LARGE)
                return
            if offload.submit(request, info, lambda response: self._offloaded(
                    stream_id, request, status, response)):
                return
        try:
            response = state.app(request, info)
        except Exception:
            log.exception("application error answering stream %d from %s", stream_id,
                          self._client[0])
            response = _APP_ERROR
        self._send(stream_id, request, status, response)

    def _offloaded(self, stream_id: int, request: Request, status: int | None,
                   response: Response | None) -> None:
        """A large request's answer, built on the worker thread (server/_offload.py)."""
        if self._transport is None:
            return  # the client went away meanwhile
        if stream_id not in self._conn.streams:
            return  # the client reset the stream meanwhile (or the connection ended)
        self._send(stream_id, request, status, response or _APP_ERROR)
        self._flush()

    def _send(self, stream_id: int, request: Request, status: int | None,
              response: Response) -> None:
        state = self._state
        body = response.body
        if len(body) > _SMALL_ANSWER and state.output_over(
                max(0, state.config.max_output_memory - len(body))):
            response = _BUSY
            body = response.body
        headers = self._with_owned(response.headers, state.dates.get(), len(body))
        if request.method == "HEAD":
            body = b""
        self._conn.send_response(stream_id, status or response.status, headers, body)
        if state.access_log:
            access_log.info('%s "%s %s HTTP/2" %d %d', self._client[0],
                            log_text(request.method), log_text(request.target),
                            response.status, len(response.body))
        if self._count >= state.config.max_requests:
            self._conn.shutdown()

    def _with_owned(self, fields: Sequence[tuple[str, str]], date: bytes,
                    length: int) -> tuple[tuple[str, str], ...]:
        owned = self._owned
        if owned[0] is fields and owned[1] is date and owned[2] == length:
            return owned[3]
        out = (*fields, ("date", date.decode("latin-1")),
               ("server", self._state.config.server_name), ("content-length", str(length)))
        if type(fields) is tuple:  # a list could change before the next response
            self._owned = (fields, date, length, out)
        return out

    def _drop(self, stream_id: int) -> None:
        exchange = self._exchanges.pop(stream_id, None)
        if exchange is not None:
            self._account_input(-len(exchange.body))

    def _account_input(self, change: int) -> None:
        self._held.set_input(self._held.input + change)

    def _shed_input(self) -> None:
        """Over the server-wide budget for request content: refuse our largest request."""
        largest = max(self._exchanges, key=lambda s: len(self._exchanges[s].body))
        self._drop(largest)
        self._conn.send_rst(largest, ErrorCode.REFUSED_STREAM)

    # -- output and deadlines -------------------------------------------------------------------

    def _flush(self) -> None:
        transport = self._transport
        if transport is None:
            return
        data = self._conn.data_to_send()
        if data:
            transport.write(data)
        if self._conn.closed or (self._conn.goaway_sent and not self._conn.streams):
            transport.close()
            return
        if self._held.output or transport.get_write_buffer_size() or self._conn.pending_body:
            self.recount_output()
        self._arm()

    def _arm(self) -> None:
        """One timer at the earliest deadline; moved earlier when needed, never per request
        (after an answer the next deadline is the keep-alive one, later than the timer's)."""
        config = self._state.config
        conn = self._conn
        if self._exchanges:
            when: float | None = self._active + config.body_timeout
        elif not conn.streams:
            when = self._active + config.keepalive_timeout
        else:
            when = None
        stall = conn.next_deadline()
        if stall is not None and (when is None or stall < when):
            when = stall
        if self._write_paused_at is not None:
            paused = self._write_paused_at + config.write_timeout
            if when is None or paused < when:
                when = paused
        if when is None:
            return
        if self._timer is None or when < self._timer_at:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = self._state.loop.call_at(when, self._on_timer)
            self._timer_at = when

    def _on_timer(self) -> None:
        self._timer = None
        transport = self._transport
        if transport is None:
            return
        now = self._state.loop.time()
        config = self._state.config
        paused = self._write_paused_at
        if paused is not None and now >= paused + config.write_timeout:
            transport.abort()  # the client reads nothing: free the memory now
            return
        self._conn.expire(now)
        if self._exchanges and now >= self._active + config.body_timeout:
            self._conn.close(ErrorCode.CANCEL, "request not received in time")
        elif not self._exchanges and not self._conn.streams \
                and now >= self._active + config.keepalive_timeout:
            self._conn.shutdown()  # RFC 9113, 9.1: an idle connection may be closed (GOAWAY)
        self._flush()


_SMALL_ANSWER = 16 << 10
_new = tuple.__new__  # ConnectionInfo(...) runs a Python-level __new__; this builds the same tuple


def _address(name: object) -> tuple[str, int]:
    if isinstance(name, tuple) and len(name) >= 2:
        return (str(name[0]), int(name[1]))
    return ("", 0)
