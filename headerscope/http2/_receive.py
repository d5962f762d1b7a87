"""The receiving half for streams: DATA, and field blocks (HEADERS + CONTINUATION).

Strategy: a field block is bounded in frames (`max_continuation_frames`) and octets
(`max_header_block`) as each fragment arrives, before it is kept, then decoded whole. It is
decoded even for a stream that will be refused or ignored, because the HPACK state is shared
by the whole connection. A new stream's request is checked (`_validate.py`) and announced with
what is wrong with it; the content is counted against the windows (padding included), against
content-length and against `max_body`, and given back to the client as WINDOW_UPDATEs once half
a window has been consumed.
"""

from __future__ import annotations

from collections.abc import Callable

from . import _events as ev
from . import frames
from ._budget import Budget
from ._errors import ErrorCode, H2Error, HPACKError
from ._events import Diagnostic, Event
from ._limits import Limits
from ._send import SendSide
from ._streams import Closed, Move, State, Stream
from ._validate import check_request, check_trailers
from .frames import END_HEADERS, END_STREAM, Frame, Priority
from .hpack import DecodedField, Decoder, HeaderBlock

E_PROTOCOL, E_FLOW = ErrorCode.PROTOCOL_ERROR, ErrorCode.FLOW_CONTROL_ERROR
E_CALM = ErrorCode.ENHANCE_YOUR_CALM
_Checked = tuple[list[DecodedField], tuple[Diagnostic, ...], str, int | None]  # list, verdict


class _Pending:
    """A field block being collected: HEADERS seen, END_HEADERS not yet."""

    __slots__ = ("continuations", "end_stream", "fragments", "frames", "offset", "priority",
                 "size", "stream_id")

    def __init__(self, f: Frame, fragment: bytes, priority: Priority | None) -> None:
        self.stream_id = f.stream_id
        self.fragments = [fragment]
        self.size = len(fragment)
        self.continuations = 0
        self.end_stream = bool(f.flags & END_STREAM)
        self.priority = priority
        self.frames = [f.info]
        self.offset = f.offset


class StreamSide(SendSide):
    def __init__(self, limits: Limits, clock: Callable[[], float]) -> None:
        super().__init__(limits, clock)
        self.decoder = Decoder(limits.header_table_size, limits.max_header_list_size)
        self._pending: _Pending | None = None
        self.recv_window = limits.connection_window
        self._conn_unacked = 0
        self.first_pseudo_order: str | None = None  # of the first request (the fingerprint)
        self._empty = Budget(limits.empty_frame_burst, limits.empty_frame_rate, clock)
        # The last request's field list and its verdict: the decoder hands the same list again
        # for a repeated block (a client asking for the same thing), whose verdict is the
        # same. Held here, so that no other list can take its identity.
        self._checked: _Checked | None = None

    def _spend(self, budget: Budget, reason: str, f: Frame) -> None:
        if not budget.spend():
            raise H2Error(E_CALM, reason, 0, f.offset)

    def _late(self, what: str, stream_id: int, offset: int, empty: bool) -> None:
        """DATA or HEADERS on a stream that is not open: idle, or closed (RFC 9113, 5.1).
        One we reset (or forgot) is ignored: frames the client sent before it saw our
        RST_STREAM are normal. An empty one costs the client nothing, so it spends."""
        if stream_id > self.last_stream_id:
            raise H2Error(E_PROTOCOL, f"{what} on an idle stream", 0, offset)
        how = self._closed_streams.get(stream_id, Closed.RESET_SENT)
        if how is not Closed.RESET_SENT:
            raise H2Error(ErrorCode.STREAM_CLOSED, f"{what} on a closed stream ({how.value})",
                          0, offset)
        if empty and not self._empty.spend():
            raise H2Error(E_CALM, "too many empty frames on streams already reset", 0, offset)

    def _on_data(self, f: Frame, events: list[Event]) -> None:
        sid = f.stream_id
        if not sid:
            raise H2Error(E_PROTOCOL, "DATA on stream 0", 0, f.offset)
        length = len(f.payload)
        # RFC 9113, 6.9: the whole frame, padding included, counts against the connection
        # window, whatever happens to the stream.
        if length > self.recv_window:
            raise H2Error(E_FLOW, "DATA beyond the connection window", 0, f.offset)
        self.recv_window -= length
        stream = self.streams.get(sid)
        if stream is None:
            self._consumed(length, None)
            self._late("DATA", sid, f.offset, not length)
            return
        stream.log(f.info, self.limits.max_frame_log)
        content = frames.parse_data(f)
        end = bool(f.flags & END_STREAM)
        if not length and not end:
            self._spend(self._empty, "too many empty DATA frames", f)
        if length > stream.recv_window or not stream.remote_open:
            self._consumed(length, None)  # the connection window is credited in any case
            if stream.remote_open:
                raise H2Error(E_FLOW, "DATA beyond the stream window", sid, f.offset)
            stream.move(Move.RECV_DATA, f.offset)  # raises: the table has no such move
        stream.recv_window -= length
        stream.move(Move.RECV_DATA, f.offset)
        self._consumed(length, None if end or stream.status is not None else stream)
        if stream.status is None:
            stream.received += len(content)
            if stream.declared_length is not None and stream.received > stream.declared_length:
                self._malformed(stream, 400, "more content than content-length declared "
                                "(RFC 9113, 8.1.1)", events)
            elif stream.received > self.limits.max_body:
                self._malformed(stream, 413, f"content over the {self.limits.max_body} "
                                "octets this server reads", events, ErrorCode.NO_ERROR)
            else:
                events.append(ev.DataReceived(sid, content, length))
        if end:
            self._end_remote(stream, events, f.offset)

    def _consumed(self, length: int, stream: Stream | None) -> None:
        """Give the octets back to the client as WINDOW_UPDATEs once half a window is used."""
        if not length:
            return
        self._conn_unacked += length
        if self._conn_unacked >= self.limits.connection_window // 2:
            self._out += frames.window_update(0, self._conn_unacked)
            self.recv_window += self._conn_unacked
            self._conn_unacked = 0
        if stream is not None:
            stream.unacked += length
            if stream.unacked >= self.limits.initial_window_size // 2:
                self._out += frames.window_update(stream.id, stream.unacked)
                stream.recv_window += stream.unacked
                stream.unacked = 0

    def _malformed(self, stream: Stream, status: int, reason: str, events: list[Event],
                   reset: ErrorCode = E_PROTOCOL) -> None:
        stream.status = status
        stream.reset_after = reset
        events.append(ev.RequestMalformed(stream.id, status, (Diagnostic(reason),)))

    def _end_remote(self, stream: Stream, events: list[Event], offset: int) -> None:
        stream.move(Move.RECV_END_STREAM, offset)
        if stream.status is None:
            if stream.declared_length not in (None, stream.received):
                self._malformed(stream, 400, f"content-length {stream.declared_length} but "
                                f"{stream.received} octets of DATA (RFC 9113, 8.1.1)", events)
            else:
                events.append(ev.StreamEnded(stream.id))
        if stream.state is State.CLOSED:
            self._close_stream(stream, Closed.ENDED)

    def _on_headers(self, f: Frame, events: list[Event]) -> None:
        if not f.stream_id:
            raise H2Error(E_PROTOCOL, "HEADERS on stream 0", 0, f.offset)
        fragment, priority = frames.parse_headers(f)
        self._pending = _Pending(f, fragment, priority)
        self._block_part(f, fragment, events)

    def _on_continuation(self, f: Frame, events: list[Event]) -> None:
        pending = self._pending
        if pending is None or pending.stream_id != f.stream_id:
            raise H2Error(E_PROTOCOL, "CONTINUATION without a HEADERS frame before it on its "
                          "stream (RFC 9113, 6.10)", 0, f.offset)
        pending.continuations += 1
        if pending.continuations > self.limits.max_continuation_frames:
            raise H2Error(E_CALM, "too many CONTINUATION frames in one field block", 0,
                          f.offset)
        if pending.size + len(f.payload) > self.limits.max_header_block:
            raise H2Error(E_CALM, "a field block over the size this server buffers", 0,
                          f.offset)
        pending.fragments.append(f.payload)
        pending.size += len(f.payload)
        pending.frames.append(f.info)
        self._block_part(f, f.payload, events)

    def _block_part(self, f: Frame, fragment: bytes, events: list[Event]) -> None:
        pending = self._pending
        assert pending is not None
        if pending.size > self.limits.max_header_block:
            raise H2Error(E_CALM, "a field block over the size this server buffers", 0,
                          f.offset)
        if f.flags & END_HEADERS:
            self._pending = None
            self._field_block(pending, events)
        elif not fragment:
            self._spend(self._empty, "too many empty field block fragments", f)

    def _field_block(self, p: _Pending, events: list[Event]) -> None:
        try:
            block = self.decoder.decode(b"".join(p.fragments) if len(p.fragments) > 1
                                        else p.fragments[0])
        except HPACKError as e:
            raise H2Error(ErrorCode.COMPRESSION_ERROR, f"HPACK: {e}", 0, p.offset) from None
        sid = p.stream_id
        stream = self.streams.get(sid)
        if stream is not None:
            return self._trailers(stream, p, block, events)
        if not sid % 2:
            raise H2Error(E_PROTOCOL, "a client stream with an even identifier (RFC 9113, 5.1.1)",
                          0, p.offset)
        if sid <= self.last_stream_id:
            return self._late("HEADERS", sid, p.offset, not p.size)
        self.last_stream_id = sid
        if self.goaway_sent:
            return  # streams after our GOAWAY's last stream id are ignored (6.8)
        if p.priority is not None and p.priority.depends_on == sid:
            raise H2Error(E_PROTOCOL, "a stream that depends on itself (RFC 9113, 5.3.1)", sid,
                          p.offset)
        if len(self.streams) >= self.limits.max_concurrent_streams:
            # RFC 9113, 5.1.2: "... MUST treat this as a stream error ... of type
            # PROTOCOL_ERROR or REFUSED_STREAM"; REFUSED_STREAM tells the client to retry.
            raise H2Error(ErrorCode.REFUSED_STREAM, "over SETTINGS_MAX_CONCURRENT_STREAMS",
                          sid, p.offset)
        stream = Stream(sid, self.limits.initial_window_size, self.peer_initial_window)
        self.streams[sid] = stream
        stream.move(Move.RECV_HEADERS)
        for info in p.frames:
            stream.log(info, self.limits.max_frame_log)
        stream.blocks.append(block)
        checked = self._checked
        if checked is not None and checked[0] is block.fields:
            diagnostics, order, declared = list(checked[1]), checked[2], checked[3]
        else:
            diagnostics, order, declared = check_request(block.fields)
            self._checked = (block.fields, tuple(diagnostics), order, declared)
        if self.first_pseudo_order is None:
            self.first_pseudo_order = order
        stream.declared_length = declared
        status: int | None = None
        if block.truncated:
            status = 431
            diagnostics.append(Diagnostic(
                f"a header list of {block.size} octets (RFC 9113, 6.5.2 counts 32 per field), "
                f"over the {self.decoder.max_list_size} this server advertised; the fields "
                "after the limit are not shown"))
            stream.reset_after = ErrorCode.NO_ERROR
        elif diagnostics:
            status = 400
            stream.reset_after = E_PROTOCOL
        stream.status = status
        events.append(ev.RequestReceived(sid, block, order, p.end_stream, p.priority,
                                      tuple(diagnostics), status))
        if p.end_stream:
            self._end_remote(stream, events, p.offset)
        return None

    def _trailers(self, stream: Stream, p: _Pending, block: HeaderBlock,
                  events: list[Event]) -> None:
        stream.move(Move.RECV_HEADERS, p.offset)
        for info in p.frames:
            stream.log(info, self.limits.max_frame_log)
        if stream.status is not None:  # already answered or to be: nothing more is kept
            if p.end_stream:
                self._end_remote(stream, events, p.offset)
            return
        if not p.end_stream:
            # 8.1: "An endpoint that receives a HEADERS frame without the END_STREAM flag set
            # after receiving the HEADERS frame that opens a request ... MUST treat the
            # corresponding request or response as malformed"
            stream.blocks.append(block)
            self._malformed(stream, 400, "a second HEADERS frame without END_STREAM "
                            "(RFC 9113, 8.1)", events)
            return
        stream.blocks.append(block)
        diagnostics = check_trailers(block.fields)
        events.append(ev.TrailersReceived(stream.id, block, tuple(diagnostics)))
        if diagnostics:
            stream.status, stream.reset_after = 400, E_PROTOCOL
            events.append(ev.RequestMalformed(stream.id, 400, tuple(diagnostics)))
        self._end_remote(stream, events, p.offset)
