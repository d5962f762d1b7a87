"""The sending half of a server connection: responses under flow control, resets, GOAWAY.

Strategy: a response's content is queued as memoryviews of the caller's bytes (no copy until
the octets are framed) and sent round-robin across streams as the client's windows allow
(RFC 9113, 5.2 and 6.9), at most `peer_max_frame_size` per DATA frame. HPACK blocks are encoded
at the moment their HEADERS frame is written, so the client's decoder sees blocks in the order
our encoder made them even when trailers wait behind a closed window. A stream whose content
cannot move is stamped `blocked_since`; `next_deadline()` and `expire()` let the server bound
how long a client may stall it, and `max_pending_body` bounds what waits.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from . import frames
from ._budget import Budget
from ._errors import ErrorCode, H2Error
from ._events import ConnectionClosed, Event, StreamReset
from ._framing import _HEADER as _DATA_HEADER  # one struct for every DATA frame we write
from ._limits import Limits
from ._streams import Closed, Move, State, Stream
from ._validate import CONNECTION_SPECIFIC
from .frames import DEFAULT_MAX_FRAME_SIZE, END_STREAM, FrameType
from .hpack import Encoder


class SendSide:
    def __init__(self, limits: Limits, clock: Callable[[], float]) -> None:
        self.limits = limits
        self._clock = clock
        self._out = bytearray()
        self._answers = 0  # octets of `_out` that are our responses (the rest: protocol replies)
        self.encoder = Encoder()  # the client's initial SETTINGS_HEADER_TABLE_SIZE is 4096
        self.streams: dict[int, Stream] = {}  # the open and half-closed ones
        self._closed_streams: OrderedDict[int, Closed] = OrderedDict()
        self._sendable: dict[int, Stream] = {}  # content waiting, in round-robin order
        self.send_window = 65535  # RFC 9113, 6.9.2: the initial connection window
        self.peer_initial_window = 65535
        self.peer_max_frame_size = DEFAULT_MAX_FRAME_SIZE
        self._pending_body = 0
        self.last_stream_id = 0  # the highest stream the client opened
        self.closed = False  # we sent GOAWAY for an error, or close(): nothing more is read
        self.goaway_sent = False
        self._resets = Budget(limits.reset_burst, limits.reset_rate, clock)
        self._last_fields: tuple[int, object, tuple[tuple[str, str], ...]] = (0, None, ())

    # ---- the public sending API ----------------------------------------------------------
    def data_to_send(self) -> bytes:
        """The octets to write to the transport now (possibly empty)."""
        out = bytes(self._out)
        self._out.clear()
        self._answers = 0
        return out

    @property
    def pending_body(self) -> int:
        """Response content octets queued behind the client's flow-control windows."""
        return self._pending_body

    def send_response(self, stream_id: int, status: int,
                      headers: Iterable[tuple[str, str]] = (), body: bytes = b"",
                      trailers: Iterable[tuple[str, str]] | None = None) -> bool:
        """Answer a request: HEADERS now, content as the windows allow, then trailers.

        Field names are sent lower-case and connection-specific fields (Connection,
        Keep-Alive, Transfer-Encoding, ...) are left out (RFC 9113, 8.2.2). Returns False when
        the stream is gone (the client reset it), was already answered, or its content would
        take the queued content over `max_pending_body` (the stream is then reset with
        ENHANCE_YOUR_CALM). After the answer, a request that is still being sent is reset:
        PROTOCOL_ERROR for a malformed one, otherwise NO_ERROR (RFC 9113, 8.1).
        """
        stream = self.streams.get(stream_id)
        if stream is None or self.closed or stream.responded:
            return False
        if not 200 <= status <= 999:
            raise ValueError("a final status, 200-999 (1xx: send_informational)")
        stream.responded = True
        if body and self._pending_body + len(body) > self.limits.max_pending_body:
            self._reset_stream(stream_id, ErrorCode.ENHANCE_YOUR_CALM, [], count=False)
            return False
        end_now = not body and trailers is None
        stream.move(Move.SEND_HEADERS)
        self._write_block(stream_id, self.encoder.encode(self._response_fields(status, headers)),
                          end_now)
        if end_now:
            self._end_local(stream)
            return True
        size = len(body)
        if (trailers is None and not self._sendable and size <= stream.send_window
                and size <= self.send_window):
            self._data_now(stream, body)
            self._end_local(stream)
            return True
        if body:
            stream.outbound.append(memoryview(body))
            self._pending_body += len(body)
        stream.trailers = [(n.lower(), v) for n, v in trailers] if trailers is not None else None
        stream.end_after = True
        self._sendable[stream_id] = stream
        self._flush()
        return True

    def _data_now(self, stream: Stream, body: bytes) -> None:
        """All of `body` at once, END_STREAM on the last frame: what `_flush` writes when the
        windows take it all and no other stream waits (a small answer, nearly always), without
        the queue."""
        out = self._out
        size = len(body)
        max_frame = self.peer_max_frame_size
        if size <= max_frame:
            stream.move(Move.SEND_DATA)
            out += _DATA_HEADER.pack((size << 8) | FrameType.DATA, END_STREAM, stream.id)
            out += body
            self._answers += size + 9
        else:
            view = memoryview(body)
            for at in range(0, size, max_frame):
                n = min(max_frame, size - at)
                stream.move(Move.SEND_DATA)
                out += _DATA_HEADER.pack((n << 8) | FrameType.DATA,
                                         END_STREAM if at + n == size else 0, stream.id)
                out += view[at:at + n]
                self._answers += n + 9
        stream.send_window -= size
        self.send_window -= size

    def _response_fields(self, status: int,
                         headers: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
        """`:status` and the fields as HTTP/2 sends them. A server answers with the same tuple
        of fields again and again (a tuple cannot change), so the last one is kept: the
        encoder then knows the result by its identity too."""
        last = self._last_fields
        if last[1] is headers and last[0] == status:
            return last[2]
        fields = [(":status", str(status))]
        for name, value in headers:
            lower = name.lower()
            if lower not in CONNECTION_SPECIFIC and not lower.startswith(":"):
                fields.append((lower, value))
        out = tuple(fields)
        if type(headers) is tuple and all(type(h) is tuple for h in headers):
            self._last_fields = (status, headers, out)
        return out

    def send_informational(self, stream_id: int, status: int,
                           headers: Iterable[tuple[str, str]] = ()) -> bool:
        """A 1xx response (e.g. 100 Continue, 103 Early Hints) before the final one: a HEADERS
        frame without END_STREAM (RFC 9113, 8.1)."""
        stream = self.streams.get(stream_id)
        if not 100 <= status < 200 or status == 101:
            raise ValueError("an informational status other than 101 (RFC 9113, 8.6)")
        if stream is None or self.closed or stream.responded:
            return False
        fields = [(":status", str(status))]
        fields += [(n.lower(), v) for n, v in headers if n.lower() not in CONNECTION_SPECIFIC]
        stream.move(Move.SEND_HEADERS)
        self._write_block(stream_id, self.encoder.encode(fields), False)
        return True

    def send_rst(self, stream_id: int, code: ErrorCode = ErrorCode.CANCEL) -> None:
        """Reset a stream (the server gave up on it); a no-op for a stream already gone."""
        if stream_id in self.streams and not self.closed:
            self._reset_stream(stream_id, code, [], count=False)

    def shutdown(self) -> None:
        """Graceful close (RFC 9113, 6.8): GOAWAY(NO_ERROR); streams already open are still
        served, new ones are ignored. Close the transport once `streams` is empty."""
        if not self.goaway_sent and not self.closed:
            self.goaway_sent = True
            self._out += frames.goaway(self.last_stream_id, ErrorCode.NO_ERROR)

    def close(self, code: ErrorCode = ErrorCode.NO_ERROR, reason: str = "") -> None:
        """Send GOAWAY with `code` and stop: write out `data_to_send()`, then close."""
        if not self.closed:
            self.closed = self.goaway_sent = True
            self._out += frames.goaway(self.last_stream_id, code, reason.encode("latin-1"))

    def next_deadline(self) -> float | None:
        """When (on the connection's clock) `expire()` next has something to do, if ever."""
        if not self._sendable:
            return None
        times = [s.blocked_since for s in self._sendable.values() if s.blocked_since is not None]
        return min(times) + self.limits.stall_timeout if times and not self.closed else None

    def expire(self, now: float | None = None) -> list[Event]:
        """End what has waited on a zero window longer than `stall_timeout`: the stream
        (RST_STREAM), or the connection (GOAWAY) when its own window is the one at zero.
        Both with ENHANCE_YOUR_CALM: the client holds our memory without reading."""
        events: list[Event] = []
        now = self._clock() if now is None else now
        for stream in list(self._sendable.values()):
            since = stream.blocked_since
            if self.closed or since is None or now - since < self.limits.stall_timeout:
                continue
            if self.send_window <= 0:
                self._fail(H2Error(ErrorCode.ENHANCE_YOUR_CALM,
                                   "the client kept the connection window at zero"), events)
            else:
                self._reset_stream(stream.id, ErrorCode.ENHANCE_YOUR_CALM, events, count=False)
        return events

    # ---- internals -----------------------------------------------------------------------
    def _write_block(self, stream_id: int, block: bytes, end_stream: bool) -> None:
        before = len(self._out)
        self._write_fragments(stream_id, block, end_stream)
        self._answers += len(self._out) - before

    def _write_fragments(self, stream_id: int, block: bytes, end_stream: bool) -> None:
        size = self.peer_max_frame_size
        if len(block) <= size:
            self._out += frames.headers(stream_id, block, end_stream)
            return
        self._out += frames.headers(stream_id, block[:size], end_stream, end_headers=False)
        for at in range(size, len(block), size):
            last = at + size >= len(block)
            self._out += frames.continuation(stream_id, block[at:at + size], last)

    def _flush(self) -> None:
        max_frame = self.peer_max_frame_size
        out = self._out
        progress = True
        while progress and self._sendable:
            progress = False
            for stream in list(self._sendable.values()):
                if stream.outbound:
                    view = stream.outbound[0]
                    n = min(len(view), stream.send_window, self.send_window, max_frame)
                    if n <= 0:
                        continue
                    if n < len(view):
                        stream.outbound[0] = view[n:]
                    else:
                        stream.outbound.popleft()
                    last = not stream.outbound and stream.trailers is None
                    stream.move(Move.SEND_DATA)
                    out += _DATA_HEADER.pack((n << 8) | FrameType.DATA,
                                             END_STREAM if last else 0, stream.id)
                    out += view[:n]
                    self._answers += n + 9
                    stream.send_window -= n
                    self.send_window -= n
                    self._pending_body -= n
                    stream.blocked_since = None
                    progress = True
                    if not last:
                        continue
                elif stream.trailers is not None:
                    self._write_block(stream.id, self.encoder.encode(stream.trailers), True)
                else:  # content done and no trailers: should not happen, but end cleanly
                    out += frames.data(stream.id, b"", True)
                del self._sendable[stream.id]
                self._end_local(stream)
                progress = True
        if self._sendable:
            now = self._clock()
            for stream in self._sendable.values():
                if stream.blocked_since is None:
                    stream.blocked_since = now

    def _end_local(self, stream: Stream) -> None:
        """We sent END_STREAM: close, or reset what the client is still sending."""
        stream.move(Move.SEND_END_STREAM)
        if stream.state is State.CLOSED:
            self._close_stream(stream, Closed.ENDED)
        else:
            code = stream.reset_after or ErrorCode.NO_ERROR
            self._reset_stream(stream.id, code, [], count=False)

    def _close_stream(self, stream: Stream, how: Closed) -> None:
        stream.state = State.CLOSED
        self.streams.pop(stream.id, None)
        if self._sendable.pop(stream.id, None) is not None:
            self._pending_body -= sum(len(v) for v in stream.outbound)
        stream.outbound.clear()
        closed = self._closed_streams
        closed[stream.id] = how
        if len(closed) > self.limits.max_closed_streams:
            closed.popitem(last=False)

    def _reset_stream(self, stream_id: int, code: ErrorCode, events: list[Event],
                      count: bool = True) -> None:
        """RST_STREAM; `count`: the client caused it, so it spends from the reset budget."""
        self._out += frames.rst_stream(stream_id, code)
        stream = self.streams.get(stream_id)
        if stream is not None:
            self._close_stream(stream, Closed.RESET_SENT)
        elif stream_id not in self._closed_streams:
            self._closed_streams[stream_id] = Closed.RESET_SENT
        events.append(StreamReset(stream_id, code, False))
        if count and not self._resets.spend():
            raise H2Error(ErrorCode.ENHANCE_YOUR_CALM,
                          "too many streams reset (rapid reset, CVE-2023-44487)")

    def _fail(self, error: H2Error, events: list[Event]) -> None:
        if self.closed:
            return
        self.closed = self.goaway_sent = True
        self._out += frames.goaway(self.last_stream_id, error.code, error.reason.encode())
        events.append(ConnectionClosed(error.code, error.reason, error.offset))
