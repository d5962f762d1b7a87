"""The server side of an HTTP/2 connection, sans-IO: bytes in, events out (RFC 9113).

    conn = ServerConnection(limits)           # queues our SETTINGS at once
    transport.write(conn.data_to_send())
    for event in conn.receive_data(data):     # never raises for anything the client sends
        ...                                   # see _events.py for when to answer
        conn.send_response(stream_id, 200, headers, body)
    transport.write(conn.data_to_send())      # and close the transport once `conn.closed`

Strategy: one dispatch table from frame type to handler. Handlers raise `H2Error`: a stream
error becomes RST_STREAM and the connection goes on; a connection error becomes GOAWAY, a
`ConnectionClosed` event, and the end of reading. A field block (HEADERS + CONTINUATION) is
bounded in frames and octets before it is buffered, and is always decoded (even for a stream
that will be refused) because HPACK state is shared by the whole connection. Every flood the
RFC's security section names spends from a budget (`_limits.py`); an empty budget ends the
connection with ENHANCE_YOUR_CALM. The connection keeps what the pages show: the client's
SETTINGS in order, its first WINDOW_UPDATE, its PRIORITY frames, the frames of each stream
with their offsets, and the fingerprint of the Black Hat EU 2017 paper ("Passive
Fingerprinting of HTTP/2 Clients", Akamai).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from . import _events as ev
from . import frames
from ._budget import Budget
from ._errors import ErrorCode, H2Error
from ._events import Event
from ._limits import Limits
from ._receive import StreamSide
from ._streams import Closed, Move, State, Stream
from .frames import (
    ACK,
    MAX_WINDOW,
    PREFACE,
    Frame,
    FrameInfo,
    FrameReader,
    FrameType,
    Priority,
)

E_PROTOCOL, E_FLOW = ErrorCode.PROTOCOL_ERROR, ErrorCode.FLOW_CONTROL_ERROR
E_CALM = ErrorCode.ENHANCE_YOUR_CALM


_DEFAULT_LIMITS = Limits()


class ServerConnection(StreamSide):
    def __init__(self, limits: Limits | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        limits = limits or _DEFAULT_LIMITS
        super().__init__(limits, clock)
        self._reader: FrameReader | None = None  # made once the preface is in
        self._preface = b""
        self._got_settings = False
        # What the pages show of the connection (bounded).
        self.client_settings: tuple[tuple[int, int], ...] | None = None  # the first SETTINGS
        self.upgrade_settings: tuple[tuple[int, int], ...] | None = None  # HTTP2-Settings
        self.first_window_update: int | None = None  # the first connection increment
        self.priority_frames: list[tuple[int, Priority]] = []  # before the first HEADERS
        self.frames: list[FrameInfo] = []
        self.dropped_frames = 0
        self.settings_acknowledged = False
        self._fingerprint: tuple[tuple[object, ...], str] | None = None
        self._settings = Budget(limits.settings_burst, limits.settings_rate, clock)
        self._pings = Budget(limits.ping_burst, limits.ping_rate, clock)
        self._priorities = Budget(limits.priority_burst, limits.priority_rate, clock)
        ours = [(3, limits.max_concurrent_streams), (6, limits.max_header_list_size)]
        if limits.header_table_size != 4096:
            ours.insert(0, (1, limits.header_table_size))
        if limits.initial_window_size != 65535:
            ours.append((4, limits.initial_window_size))
        if limits.max_frame_size != 16384:
            ours.append((5, limits.max_frame_size))
        self._out += frames.settings(ours)
        if limits.connection_window > 65535:
            self._out += frames.window_update(0, limits.connection_window - 65535)

    @classmethod
    def from_upgrade(cls, http2_settings: str, limits: Limits | None = None, *,
                     clock: Callable[[], float] = time.monotonic) -> ServerConnection:
        """A connection upgraded from HTTP/1.1 "h2c" (RFC 7540, 3.2): the server has sent
        `101 Switching Protocols`; stream 1 is the upgraded request, half-closed (remote),
        answered with `send_response(1, ...)`. Raises H2Error (PROTOCOL_ERROR) for a bad
        HTTP2-Settings value, which the server answers over HTTP/1.1 without upgrading."""
        from ..headers import http2_settings as field
        from ..headers._shared.spec import FieldError

        try:
            pairs = tuple((s.identifier, s.value) for s in field.parse(http2_settings))
        except FieldError as e:
            raise H2Error(E_PROTOCOL, f"HTTP2-Settings: {e}") from None
        conn = cls(limits, clock=clock)
        conn._apply_settings(pairs, -1)
        conn.upgrade_settings = pairs
        stream = Stream(1, conn.limits.initial_window_size, conn.peer_initial_window)
        stream.state = State.HALF_CLOSED_REMOTE  # "the request ... is sent in its entirety"
        conn.streams[1] = stream
        conn.last_stream_id = 1
        return conn

    # ---- receiving -----------------------------------------------------------------------
    def receive_data(self, data: bytes) -> list[Event]:
        events: list[Event] = []
        if self.closed:
            return events
        try:
            reader = self._reader
            if reader is None:
                rest = self._receive_preface(data)
                reader = self._reader
                if reader is None or rest is None:
                    return events
                data = rest
            reader.feed(data)
            limit = self.limits.max_output_buffer
            while not self.closed and (f := reader.next_frame()) is not None:
                try:
                    self._on_frame(f, events)
                except H2Error as e:
                    if not e.stream_id:
                        raise
                    self._reset_stream(e.stream_id, e.code, events)
                if len(self._out) - self._answers > limit:  # ACKs, RSTs, WINDOW_UPDATEs
                    raise H2Error(E_CALM, "the client makes us write faster than it reads")
        except H2Error as e:
            self._fail(e, events)
        return events

    def _receive_preface(self, data: bytes) -> bytes | None:
        have = self._preface + data
        n = len(PREFACE)
        if not PREFACE.startswith(have[:n]):
            raise H2Error(E_PROTOCOL, "not the HTTP/2 connection preface (RFC 9113, 3.4)",
                          0, 0)
        if len(have) < n:
            self._preface = have
            return None
        self._preface = b""
        self._reader = FrameReader(self.limits.max_frame_size, n)
        return have[n:]

    def _on_frame(self, f: Frame, events: list[Event]) -> None:
        if len(self.frames) < self.limits.max_frame_log:
            self.frames.append(f.info)
        else:
            self.dropped_frames += 1
        if self._pending is not None and f.type != FrameType.CONTINUATION:
            raise H2Error(E_PROTOCOL, "a frame between HEADERS and its CONTINUATION frames "
                          "(RFC 9113, 6.10)", 0, f.offset)
        if not self._got_settings:
            if f.type != FrameType.SETTINGS or f.flags & ACK:
                raise H2Error(E_PROTOCOL, "the preface must be followed by a SETTINGS frame "
                              "(RFC 9113, 3.4)", 0, f.offset)
            self._got_settings = True
        handler = _HANDLERS.get(f.type)
        if handler is not None:
            handler(self, f, events)
        else:  # "Implementations MUST ignore and discard frames of unknown types" (5.5)
            self._spend(self._empty, "too many empty or ignored frames", f)
            events.append(ev.UnknownFrameReceived(f.info))

    def _on_priority(self, f: Frame, events: list[Event]) -> None:
        if not f.stream_id:
            raise H2Error(E_PROTOCOL, "PRIORITY on stream 0", 0, f.offset)
        priority = frames.parse_priority(f)
        self._spend(self._priorities, "too many PRIORITY frames", f)
        if priority.depends_on == f.stream_id:
            raise H2Error(E_PROTOCOL, "a stream that depends on itself (RFC 9113, 5.3.1)",
                          f.stream_id, f.offset)
        if self.first_pseudo_order is None and len(self.priority_frames) < 64:
            self.priority_frames.append((f.stream_id, priority))
        stream = self.streams.get(f.stream_id)
        if stream is not None:
            stream.log(f.info, self.limits.max_frame_log)
        events.append(ev.PriorityReceived(f.stream_id, priority))

    def _on_rst_stream(self, f: Frame, events: list[Event]) -> None:
        if not f.stream_id:
            raise H2Error(E_PROTOCOL, "RST_STREAM on stream 0", 0, f.offset)
        code = frames.parse_rst_stream(f)
        stream = self.streams.get(f.stream_id)
        if stream is None:
            if f.stream_id > self.last_stream_id:
                raise H2Error(E_PROTOCOL, "RST_STREAM on an idle stream (RFC 9113, 6.4)", 0,
                              f.offset)
            self._spend(self._empty, "too many RST_STREAM frames on closed streams", f)
            return
        stream.log(f.info, self.limits.max_frame_log)
        stream.move(Move.RECV_RST, f.offset)
        self._close_stream(stream, Closed.RESET_RECEIVED)
        events.append(ev.StreamReset(f.stream_id, code, True))
        self._spend(self._resets, "too many streams reset (rapid reset, CVE-2023-44487)", f)

    def _on_settings(self, f: Frame, events: list[Event]) -> None:
        if f.stream_id:
            raise H2Error(E_PROTOCOL, "SETTINGS on a stream", 0, f.offset)
        pairs = tuple(frames.parse_settings(f))
        if f.flags & ACK:
            self.settings_acknowledged = True
            events.append(ev.SettingsAcknowledged())
            return
        self._spend(self._settings, "too many SETTINGS frames", f)
        self._apply_settings(pairs, f.offset)
        if self.client_settings is None:
            self.client_settings = pairs
        self._out += frames.settings(ack=True)
        events.append(ev.SettingsReceived(pairs))
        self._flush()

    def _apply_settings(self, pairs: tuple[tuple[int, int], ...], offset: int) -> None:
        for ident, value in pairs:  # RFC 9113, 6.5.2
            if ident == 1:
                size = min(value, 4096)  # our encoder never needs more
                if size != self.encoder.table.max_size:
                    self.encoder.set_max_table_size(size)
            elif ident in (2, 8, 9) and value > 1:
                raise H2Error(E_PROTOCOL, f"SETTINGS {frames.SETTING_NAMES[ident]} must be 0 or 1",
                              0, offset)
            elif ident == 4:
                if value > MAX_WINDOW:
                    raise H2Error(E_FLOW, "SETTINGS_INITIAL_WINDOW_SIZE over 2^31-1", 0, offset)
                delta = value - self.peer_initial_window
                self.peer_initial_window = value
                for stream in self.streams.values():
                    stream.send_window += delta
                    if stream.send_window > MAX_WINDOW:
                        raise H2Error(E_FLOW, "a stream window over 2^31-1", 0, offset)
            elif ident == 5:
                if not 16384 <= value <= (1 << 24) - 1:
                    raise H2Error(E_PROTOCOL, "SETTINGS_MAX_FRAME_SIZE out of range", 0, offset)
                self.peer_max_frame_size = min(value, 1 << 16)

    def _on_push_promise(self, f: Frame, events: list[Event]) -> None:
        raise H2Error(E_PROTOCOL, "PUSH_PROMISE from a client (RFC 9113, 8.4)", 0, f.offset)

    def _on_ping(self, f: Frame, events: list[Event]) -> None:
        if f.stream_id:
            raise H2Error(E_PROTOCOL, "PING on a stream", 0, f.offset)
        opaque = frames.parse_ping(f)
        if f.flags & ACK:
            events.append(ev.PingAcknowledged(opaque))
            return
        self._spend(self._pings, "too many PING frames", f)
        self._out += frames.ping(opaque, ack=True)
        events.append(ev.PingReceived(opaque))

    def _on_goaway(self, f: Frame, events: list[Event]) -> None:
        if f.stream_id:
            raise H2Error(E_PROTOCOL, "GOAWAY on a stream", 0, f.offset)
        g = frames.parse_goaway(f)
        events.append(ev.GoAwayReceived(g.last_stream_id, g.error_code, g.debug[:256]))

    def _on_window_update(self, f: Frame, events: list[Event]) -> None:
        increment = frames.parse_window_update(f)
        sid = f.stream_id
        if not sid:
            if self.first_window_update is None:
                self.first_window_update = increment
            if self.send_window + increment > MAX_WINDOW:
                raise H2Error(E_FLOW, "the connection window over 2^31-1", 0, f.offset)
            self.send_window += increment
        else:
            stream = self.streams.get(sid)
            if stream is None:
                if sid > self.last_stream_id:
                    raise H2Error(E_PROTOCOL, "WINDOW_UPDATE on an idle stream", 0, f.offset)
                return  # closed: "MUST NOT treat this as an error" (6.9)
            stream.log(f.info, self.limits.max_frame_log)
            if stream.send_window + increment > MAX_WINDOW:
                raise H2Error(E_FLOW, "a stream window over 2^31-1", sid, f.offset)
            stream.send_window += increment
        events.append(ev.WindowUpdated(sid, increment))
        self._flush()

    def _on_priority_update(self, f: Frame, events: list[Event]) -> None:
        update = frames.parse_priority_update(f)
        self._spend(self._priorities, "too many PRIORITY_UPDATE frames", f)
        events.append(ev.PriorityUpdateReceived(update.prioritized_stream_id, update.field_value))

    def _on_ignored(self, f: Frame, events: list[Event]) -> None:
        self._spend(self._empty, "too many empty or ignored frames", f)
        events.append(ev.UnknownFrameReceived(f.info))

    # ---- what the pages show -------------------------------------------------------------
    def stream_frames(self, stream_id: int) -> list[FrameInfo]:
        """The frames of a stream still open (the raw view); [] for one that is gone."""
        stream = self.streams.get(stream_id)
        return list(stream.frames) if stream is not None else []

    def fingerprint(self) -> str:
        """`SETTINGS|WINDOW_UPDATE|PRIORITY|pseudo-header order`, as in "Passive
        Fingerprinting of HTTP/2 Clients" (Akamai, Black Hat EU 2017): settings as id:value
        joined by ";", the first connection WINDOW_UPDATE increment ("00" when none), the
        PRIORITY frames sent before the first request as stream:exclusive:depends-on:weight
        joined by "," ("0" when none), and the initials of the first request's pseudo-header
        fields, e.g. `1:65536;4:6291456;6:262144|15663105|0|m,a,s,p`."""
        # Every part is set once, or only grows before the first request: the text is kept
        # with what it was made of, and made again only when one of them has changed.
        made_of = (self.client_settings, self.first_window_update, len(self.priority_frames),
                   self.first_pseudo_order)
        kept = self._fingerprint
        if kept is not None and kept[0] == made_of:
            return kept[1]
        settings = ";".join(f"{i}:{v}" for i, v in self.client_settings or ())
        window = str(self.first_window_update) if self.first_window_update else "00"
        priority = ",".join(f"{sid}:{int(p.exclusive)}:{p.depends_on}:{p.weight}"
                            for sid, p in self.priority_frames) or "0"
        text = f"{settings}|{window}|{priority}|{self.first_pseudo_order or ''}"
        self._fingerprint = (made_of, text)
        return text


_Handler = Callable[[ServerConnection, Frame, list[Event]], None]
_HANDLERS: dict[int, _Handler] = {
    FrameType.DATA: ServerConnection._on_data,
    FrameType.HEADERS: ServerConnection._on_headers,
    FrameType.PRIORITY: ServerConnection._on_priority,
    FrameType.RST_STREAM: ServerConnection._on_rst_stream,
    FrameType.SETTINGS: ServerConnection._on_settings,
    FrameType.PUSH_PROMISE: ServerConnection._on_push_promise,
    FrameType.PING: ServerConnection._on_ping,
    FrameType.GOAWAY: ServerConnection._on_goaway,
    FrameType.WINDOW_UPDATE: ServerConnection._on_window_update,
    FrameType.CONTINUATION: ServerConnection._on_continuation,
    FrameType.PRIORITY_UPDATE: ServerConnection._on_priority_update,
    FrameType.ALTSVC: ServerConnection._on_ignored,  # a server ignores them (RFC 7838, 4;
    FrameType.ORIGIN: ServerConnection._on_ignored,  # RFC 8336, 2), the page shows them
}
