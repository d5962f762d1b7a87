"""One client connection: bytes in through the reader, responses out in order.

Strategy: an asyncio.Protocol, not streams, because a callback per read is much cheaper than
a task per connection. Each read is fed to the sans-IO reader; every complete request in it is
answered at once and the answers leave in one write, so pipelined requests cost one syscall.
A connection is always in one phase (idle, reading a head, reading a body) with one deadline,
kept by a single lazy timer that is only moved earlier, never re-armed per request.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, cast

from .. import phases
from ..http import (
    CONTINUE,
    NEED_DATA,
    ConnectionDetails,
    ConnectionInfo,
    HeadComplete,
    HTTPError,
    Request,
    RequestReader,
    Response,
    encode_response,
    error_response,
)
from ..http._model import ChunkSource, StreamingResponse
from ..http._writer import LAST_CHUNK, encode_chunk, encode_stream_head
from ..http2 import PREFACE, H2Error, ServerConnection, is_preface_prefix
from ._h2 import H2Connection, h2c_settings, limits_for
from ._log import log_text
from ._state import MemoryShare

if TYPE_CHECKING:
    from ._state import ServerState


log = logging.getLogger("headerscope.server")
access_log = logging.getLogger("headerscope.access")

# _WORKING: a large request's answer is being built on the worker thread (_offload.py);
# nothing more is read or answered until it is written.
# _STREAM: a StreamingResponse is being sent; nothing more is read, and it ends the connection.
_IDLE, _HEAD, _BODY, _WORKING, _CLOSING, _STREAM = range(6)
_BATCH = 64  # requests answered per turn of the loop before other clients get theirs
_BATCH_BYTES = 1 << 18
# ... or this many seconds of work, whichever comes first: a page can take milliseconds, so
# 64 of them from each of a few pipelining clients would hold every other client for seconds.
_BATCH_SECONDS = 0.005
_LINGER = 2.0  # seconds to drain a client's unread input after our last response
_APP_ERROR = error_response(500, "the application failed")
_BUSY = error_response(503, "server busy: too many answers are waiting for their clients "
                           "to read them", (("Retry-After", "1"),))
_BUSY_LARGE = error_response(503, "server busy: too many large requests are waiting to be "
                                  "inspected", (("Retry-After", "1"),))
_SMALL_ANSWER = 16 << 10  # answers up to this size go out even when the output budget is spent
# RFC 7540, 3.2: "the server ... sends a 101 (Switching Protocols) response", then HTTP/2.
_SWITCHING = b"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"
_new = tuple.__new__  # ConnectionInfo(...) runs a Python-level __new__; this builds the same tuple


class HTTPConnection(asyncio.Protocol):
    def __init__(self, state: ServerState, details: ConnectionDetails | None = None) -> None:
        self._state = state
        self._details = details  # PROXY header and TLS handshake, when there were any
        self._loop = state.loop
        self._transport: asyncio.Transport | None = None
        self._reader = RequestReader(state.config.limits)
        self._client = ("", 0)
        self._server = ("", 0)
        self._tls = False
        self._count = 0  # requests answered
        self._phase = _IDLE
        self._deadline = 0.0
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = 0.0
        self._write_paused = False
        self._read_paused = False  # by us, while answers wait for the client to read
        self._deferred = False  # complete requests left in the reader for a later turn
        self._eof = False
        self._draining = False  # the server is shutting down: answer, then close
        # HTTP/2 in cleartext (h2c): the first bytes may be its preface (prior knowledge), and
        # a request may ask for it (Upgrade: h2c). With TLS, ALPN decides before we exist.
        h2c = not state.config.http1_only and (details is None or details.tls is None)
        self._sniff = h2c
        self._sniff_upgrade = h2c
        self._stash = b""  # a start of the preface, waiting for the rest
        self._upgrade: tuple[ServerConnection, Request] | None = None  # h2c, once answered 101
        self._held = MemoryShare(state)  # our part of the server-wide memory totals
        self._stream: tuple[ChunkSource, bool] | None = None  # (source, chunked), to start
        self._stream_task: asyncio.Task[None] | None = None
        self._drained: asyncio.Future[None] | None = None  # a streaming task waits on it

    # -- asyncio callbacks -------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # A cast, not an isinstance check: uvloop's transports are not asyncio's classes.
        self._transport = transport = cast(asyncio.Transport, transport)
        self._client = _address(transport.get_extra_info("peername"))
        self._server = _address(transport.get_extra_info("sockname"))
        self._tls = transport.get_extra_info("sslcontext") is not None
        state = self._state
        state.connections.add(self)
        if len(state.connections) > state.max_connections:
            self._fail(503, "too many connections")
            return
        self._set_deadline(self._loop.time() + state.config.keepalive_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        state = self._state
        state.connections.discard(self)
        self._held.release()
        self._reader = RequestReader(state.config.limits)  # free the buffer now, not at GC
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._transport = None
        if self._stream_task is not None:
            self._stream_task.cancel()  # its finally closes the source
        self._wake_stream()

    def data_received(self, data: bytes) -> None:
        if self._phase >= _CLOSING:  # _CLOSING or _STREAM
            return  # draining what the client still sends after our last response
        if self._sniff:
            data = self._sniff_preface(data)
            if not data:
                return
        if self._phase == _IDLE:
            self._phase = _HEAD
            # A total deadline from the first byte: trickling bytes does not extend it. It is
            # only armed below if the head is still incomplete: most requests arrive whole,
            # and arming a timer to cancel it at once would cost a timer per request.
            self._deadline = self._loop.time() + self._state.config.header_timeout
        self._reader.feed(data)
        if not self._deferred:
            self._process()
        if self._held_input() and self._phase == _BODY:
            # Over the server-wide budget: the request whose content does not fit is refused,
            # not the ones that still fit (heads are small and have their own limits).
            self._fail(503, "server busy: too much request content in flight")
        if self._phase == _HEAD and not self._deferred and self._transport is not None:
            self._set_deadline(self._deadline)

    def eof_received(self) -> bool | None:
        if self._phase != _CLOSING and self._deferred and not self._tls:
            self._eof = True  # answer what was sent before the half-close, then close
            return True
        return False  # the transport closes once our pending output is flushed

    def pause_writing(self) -> None:
        self._write_paused = True
        self._pause_reading()
        self._set_deadline(self._loop.time() + self._state.config.write_timeout)

    def resume_writing(self) -> None:
        self._write_paused = False
        self.recount_output()
        if self._phase == _STREAM:
            self._wake_stream()
            return
        if self._phase == _CLOSING:
            return
        self._restart_deadline()
        if self._deferred:
            self._loop.call_soon(self._process)
        else:
            self._resume_reading()

    # -- requests ----------------------------------------------------------------------------

    def _process(self) -> None:  # noqa: C901, PLR0912, PLR0915
        # The connection's one loop over its reader's events (see the class docstring): a
        # split would add a call per event on the path every request takes.
        transport = self._transport
        if transport is None or self._phase in (_CLOSING, _WORKING):
            return
        self._deferred = False
        reader = self._reader
        config = self._state.config
        out: list[bytes] = []
        size = 0
        started = self._loop.time()
        try:
            while True:
                event = reader.next_event()
                if event is NEED_DATA:
                    break
                if isinstance(event, HeadComplete):
                    if event.request.expect_continue:
                        # RFC 9110, 10.1.1: "A server that receives a 100-continue expectation
                        # ... MAY omit sending a 100 (Continue) response if it has already
                        # received some or all of the content"; we send it only while waiting.
                        out.append(CONTINUE)
                    self._phase = _BODY
                    self._set_deadline(self._loop.time() + config.body_timeout)
                    continue
                assert isinstance(event, Request)
                data = self._respond(event)
                if data is None:  # answered later, from the worker thread (_offloaded)
                    self._phase = _WORKING
                    self._deferred = True  # what arrives meanwhile waits in the reader
                    break
                out.append(data)
                if self._phase >= _CLOSING or self._upgrade is not None:
                    break
                size += len(data)
                if reader.buffered:
                    self._phase = _HEAD
                    self._set_deadline(self._loop.time() + config.header_timeout)
                else:
                    self._phase = _IDLE
                    self._set_deadline(self._loop.time() + config.keepalive_timeout)
                if (len(out) >= _BATCH or size >= _BATCH_BYTES
                        or self._loop.time() - started >= _BATCH_SECONDS):
                    self._deferred = True  # more may be waiting: let other clients go first
                    break
        except HTTPError as error:
            out.append(self._error_bytes(error.status, error.reason, error.headers))
            self._phase = _CLOSING
        if out:
            transport.write(out[0] if len(out) == 1 else b"".join(out))
        if self._upgrade is not None:
            conn, upgraded = self._upgrade
            self._switch(H2Connection(self._state, self._details, "h2c upgrade", conn, upgraded),
                         reader.take_rest())
            return
        if out and (self._held.output or transport.get_write_buffer_size()):
            self.recount_output()  # what the client has not read yet
        reader.compact()
        if self._phase == _WORKING:
            self._pause_reading()
        elif self._phase == _CLOSING:
            self._close_gracefully()
        elif self._stream is not None:
            self._start_stream()
        elif self._deferred:
            self._pause_reading()
            if not self._write_paused:
                self._loop.call_soon(self._process)
        elif self._eof:
            transport.close()
        elif not self._write_paused:
            self._resume_reading()

    def _respond(self, request: Request) -> bytes | None:
        """The answer's bytes; None when a worker thread builds it (_offloaded writes it)."""
        state = self._state
        if self._sniff_upgrade and b"h2c" in request.head:
            settings = h2c_settings(request)
            if settings is not None:
                try:
                    conn = ServerConnection.from_upgrade(settings, limits_for(state),
                                                         clock=self._loop.time)
                except H2Error:
                    pass  # RFC 7540, 3.2.1: a bad HTTP2-Settings: served as HTTP/1.1
                else:
                    self._upgrade = (conn, request)
                    return _SWITCHING
        self._count += 1
        keep = (
            request.keep_alive and not self._draining
            and self._count < state.config.max_requests
        )
        info = _new(ConnectionInfo, (self._client, self._server, self._count, self._tls,
                                     self._details))
        offload = state.offload
        if offload.wants(request):
            if offload.full():
                return self._answer(request, _BUSY_LARGE, False)
            if offload.submit(request, info,
                              lambda response: self._offloaded(request, response, keep)):
                return None
        try:
            response: Response | None = state.app(request, info)
        except Exception:
            log.exception("application error answering request %d from %s", self._count,
                          self._client[0])
            response = None
        return self._answer(request, response, keep)

    def _offloaded(self, request: Request, response: Response | None, keep: bool) -> None:
        """The worker thread's answer (None: the application failed) is back on the loop:
        write it, then go on with what the client sent meanwhile."""
        transport = self._transport
        if transport is None or self._phase != _WORKING:
            return  # the client went away meanwhile
        transport.write(self._answer(request, response, keep and not self._draining))
        if self._phase == _CLOSING:
            self._close_gracefully()
            return
        if self._phase == _STREAM:
            self._start_stream()
            return
        self._phase = _HEAD if self._reader.buffered else _IDLE
        if self._write_paused:
            # The client is not reading: its write deadline stands (pause_writing), and
            # resume_writing goes on with what it sent meanwhile.
            self._deferred = True
            return
        self._restart_deadline()
        self.recount_output()
        self._process()  # the requests that came meanwhile, or reading again

    def _answer(self, request: Request, response: Response | None, keep: bool) -> bytes:
        """The bytes of `response` (None: the application failed) to `request`."""
        state = self._state
        if response is None:  # the application failed (logged where it ran)
            response, keep = _APP_ERROR, False
        try:
            if (type(response) is StreamingResponse and response.source is not None
                    and request.method != "HEAD"):
                self._phase = _STREAM
                chunked = request.version != "HTTP/1.0"
                self._stream = (response.source, chunked)
                data = encode_stream_head(response, date=state.dates.get(),
                                          server=state.server_name, chunked=chunked)
                self._log_access(request, response)
                return data
            data = encode_response(
                response, date=state.dates.get(), server=state.server_name,
                head_only=request.method == "HEAD", close=not keep,
                keep_alive=keep and request.version == "HTTP/1.0",
            )
        except Exception:
            log.exception("application error answering request %d from %s", self._count,
                          self._client[0])
            response = _APP_ERROR
            keep = False
            data = encode_response(response, date=state.dates.get(), server=state.server_name,
                                   head_only=request.method == "HEAD", close=True)
        if len(data) > _SMALL_ANSWER and state.output_over(
                max(0, state.config.max_output_memory - len(data))):
            # Clients that do not read hold their answers in our memory until the write
            # timeout: a large answer that would take the unread total past the server-wide
            # budget is replaced by a short one (with nothing held, any answer goes out).
            response = _BUSY
            keep = False
            data = encode_response(response, date=state.dates.get(), server=state.server_name,
                                   head_only=request.method == "HEAD", close=True)
        if not keep:
            self._phase = _CLOSING
        self._log_access(request, response)
        return data

    def _start_stream(self) -> None:
        assert self._stream is not None
        # Reading goes on (data_received drops it): a viewer's close is seen at once.
        self._resume_reading()
        source, chunked = self._stream
        self._stream = None
        self._stream_task = self._loop.create_task(self._send_stream(source, chunked))

    def _log_access(self, request: Request, response: Response) -> None:
        if self._state.access_log:
            access_log.info('%s "%s %s %s" %d %d', log_text(str(self._client[0])),
                            log_text(request.method), log_text(request.target),
                            log_text(request.version), response.status, len(response.body))

    async def _send_stream(self, source: ChunkSource, chunked: bool) -> None:
        """Write what `source` produces, one piece at a time, never faster than the client
        reads: while the transport is over its high-water mark (pause_writing) nothing is
        asked of the source, whose own queue is bounded (it drops, and says so). A client
        that reads nothing for write_timeout is cut off by the deadline (_on_timer)."""
        try:
            while self._transport is not None and not self._draining:
                while self._write_paused and self._transport is not None:
                    self._drained = self._loop.create_future()
                    await self._drained
                data = await source.next_chunk()
                if data is None or self._transport is None:
                    break
                if data:
                    self._transport.write(encode_chunk(data) if chunked else data)
            if self._transport is not None:
                if chunked:
                    self._transport.write(LAST_CHUNK)
                self._phase = _CLOSING
                self._close_gracefully()
        finally:
            self._stream_task = None
            source.close()

    def _wake_stream(self) -> None:
        drained = self._drained
        if drained is not None and not drained.done():
            drained.set_result(None)
        self._drained = None

    def _error_bytes(
        self, status: int, reason: str, headers: tuple[tuple[str, str], ...] = ()
    ) -> bytes:
        state = self._state
        response = error_response(status, reason, headers)
        if state.access_log:
            access_log.info('%s "-" %d %d', log_text(str(self._client[0])), status,
                            len(response.body))
        return encode_response(response, date=state.dates.get(), server=state.server_name,
                               head_only=False, close=True)

    def _sniff_preface(self, data: bytes) -> bytes:
        """The bytes to read as HTTP/1.1: b"" when they were (or may yet be) HTTP/2's
        preface, in which case the connection is handed over (or the start is kept)."""
        seen = self._stash + data if self._stash else data
        if not is_preface_prefix(seen):
            self._sniff = False
            self._stash = b""
            return seen
        if len(seen) < len(PREFACE):
            self._stash = seen
            return b""
        self._sniff = False
        self._switch(H2Connection(self._state, self._details, "h2c"), seen)
        return b""

    def _switch(self, protocol: H2Connection, data: bytes) -> None:
        """Hand the transport to HTTP/2, with the bytes it should read first."""
        transport = self._transport
        self.connection_lost(None)  # leaves the roster, gives back its memory, stops its timer
        self._phase = _CLOSING
        if transport is None:
            return
        transport.set_protocol(protocol)
        protocol.connection_made(transport)
        if data:
            protocol.data_received(data)

    def recount_output(self) -> int:
        """Our answers still in the transport's buffer, brought up to date in the total."""
        transport = self._transport
        held = transport.get_write_buffer_size() if transport is not None else 0
        self._held.set_output(held)
        return held

    def _held_input(self) -> bool:
        """Bring our request bytes up to date in the total; whether it is over the budget."""
        self._held.set_input(self._reader.held)
        state = self._state
        return state.input_held > state.config.max_input_memory

    def _fail(self, status: int, reason: str) -> None:
        """Answer with an error outside any request (timeouts, overload), then close."""
        if self._transport is None or self._phase == _CLOSING:
            return
        self._phase = _CLOSING
        self._transport.write(self._error_bytes(status, reason))
        self._close_gracefully()

    # -- closing -----------------------------------------------------------------------------

    def _close_gracefully(self) -> None:
        """Send FIN after our output, then read and drop input for a moment before closing.

        Closing a socket that still has unread input makes the kernel send RST, which can
        destroy the response before the client has read it (the reason for nginx's
        lingering_close); TLS has no half-close, so there we simply close."""
        transport = self._transport
        if transport is None:
            return
        self._phase = _CLOSING
        if self._tls or not transport.can_write_eof():
            transport.close()
        else:
            try:
                transport.write_eof()
            except OSError:
                # The peer is already gone (ENOTCONN: it reset while our answer was queued,
                # as a burst of abandoned connections does); there is nothing to linger for.
                transport.abort()
                return
            self._resume_reading()
        self._deadline = self._loop.time() + min(_LINGER, self._state.config.write_timeout)
        self._set_deadline(self._deadline)

    def shutdown(self) -> None:
        """The server stops: close when idle, else after the response in progress."""
        self._draining = True
        if self._phase == _STREAM and self._transport is not None:
            if self._stream_task is not None:
                self._stream_task.cancel()
            self._transport.close()  # a stream has no end of its own to wait for
        elif self._phase == _IDLE and not self._write_paused and self._transport is not None:
            self._transport.close()

    def abort(self) -> None:
        if self._transport is not None:
            self._transport.abort()

    # -- deadlines ---------------------------------------------------------------------------

    def _set_deadline(self, when: float) -> None:
        self._deadline = when
        if self._timer is None or when < self._timer_at:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = self._loop.call_at(when, self._on_timer)
            self._timer_at = when

    def _restart_deadline(self) -> None:
        config = self._state.config
        timeout = {_IDLE: config.keepalive_timeout, _HEAD: config.header_timeout,
                   _BODY: config.body_timeout}.get(self._phase, _LINGER)
        self._set_deadline(self._loop.time() + timeout)

    def _on_timer(self) -> None:
        self._timer = None
        if self._transport is None:
            return
        if self._loop.time() < self._deadline:
            self._set_deadline(self._deadline)  # moved later since it was armed
            return
        if self._phase == _CLOSING or self._write_paused:
            self._transport.abort()  # the client reads nothing: free the memory now
        elif self._phase in (_STREAM, _WORKING):
            # A stream has no deadline while its client reads; a page being built is ours
            # to finish (_offloaded sets the next deadline).
            return
        elif self._phase == _IDLE:
            self._transport.close()  # RFC 9112, 9.5: an idle connection may just be closed
        else:
            self._fail(408, "request not received in time")

    def _pause_reading(self) -> None:
        if not self._read_paused and self._transport is not None:
            self._read_paused = True
            self._transport.pause_reading()

    def _resume_reading(self) -> None:
        if self._read_paused and self._transport is not None:
            self._read_paused = False
            self._transport.resume_reading()


def _address(name: Any) -> tuple[str, int]:
    if isinstance(name, tuple) and len(name) >= 2:
        return (str(name[0]), int(name[1]))
    return ("", 0)


if phases.RECORDER is not None:  # `headerscope bench --phases` only; decided once, at import
    phases.RECORDER.instrument(HTTPConnection)
