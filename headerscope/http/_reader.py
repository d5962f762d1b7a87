"""The request reader: bytes in, events out, no I/O (in the spirit of h11, but faster).

    reader = RequestReader(limits)
    reader.feed(data)
    while (event := reader.next_event()) is not NEED_DATA:
        ...  # HeadComplete (its body is still to come) or a complete Request

`next_event` raises `HTTPError` for a request that cannot be served; the reader then stays
failed, because after a framing error nobody knows where the next request would start.
Pipelined requests are read one after another from the same buffer.

Strategy: the buffer is one bytearray and `_pos` marks what has been consumed; `feed` drops the
consumed front before appending (an O(1) operation for a bytearray). While the head is
incomplete, each new complete line is checked once, so a slow sender cannot make us rescan and
bytes that can never form a request are refused as soon as they arrive.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from . import _syntax as syn
from ._body import ChunkedDecoder
from ._errors import HTTPError
from ._framing import build_request
from ._head import check_line_prefix, diagnose_fields, field_section_partial, parse_request_line
from ._limits import Limits
from ._model import Request


class Signal(enum.Enum):
    NEED_DATA = "need data"


NEED_DATA = Signal.NEED_DATA


@dataclass(slots=True)
class HeadComplete:
    """A head whose body has not all arrived yet: the moment to answer `100 Continue`."""

    request: Request


Event = Request | HeadComplete | Signal

_HEAD, _LENGTH, _CHUNKED = range(3)


class RequestReader:
    __slots__ = ("_announced", "_buf", "_chunked", "_count", "_error", "_length", "_limits",
                 "_line", "_pos", "_request", "_search", "_section", "_skipped", "_state")

    def __init__(self, limits: Limits | None = None) -> None:
        self._limits = limits or Limits()
        self._buf = bytearray()
        self._pos = 0  # bytes before this are consumed
        self._error: HTTPError | None = None
        self._request: Request | None = None
        self._chunked: ChunkedDecoder | None = None
        self._length = 0
        self._reset()

    def _reset(self) -> None:
        self._state = _HEAD
        self._skipped = False  # the one leading empty line a request may have
        self._search = self._pos  # where to resume looking for the end of the head
        self._line = -1  # start of the first unchecked head line; -1: the request line
        self._section = 0  # start of the field section
        self._count = 0  # field lines checked
        self._announced = False

    @property
    def buffered(self) -> int:
        """Bytes received and not yet part of a returned request."""
        return len(self._buf) - self._pos

    @property
    def held(self) -> int:
        """Bytes of memory this reader holds: its buffer, and the chunks decoded so far."""
        chunked = self._chunked
        return len(self._buf) + (chunked.decoded if chunked is not None else 0)

    def take_rest(self) -> bytes:
        """Everything received after the last request returned (what follows an upgrade: the
        new protocol's bytes); the reader is left empty."""
        rest = bytes(self._buf[self._pos:])
        self._buf = bytearray()
        self._pos = 0
        self._reset()
        return rest

    def compact(self) -> None:
        """Free what was consumed when nothing else is buffered: an idle keep-alive connection
        would otherwise keep its last request's bytes (up to a whole body) until the next one."""
        if self._pos and self._pos == len(self._buf) and self._state == _HEAD and self._line < 0:
            self._buf = bytearray()
            self._search = self._pos = 0

    def feed(self, data: bytes) -> None:
        if self._pos:
            drop = self._pos
            del self._buf[:drop]
            self._pos = 0
            self._search = max(0, self._search - drop)
            if self._line >= 0:
                self._line -= drop
                self._section -= drop
            if self._chunked is not None:
                self._chunked.rebase(drop)
        self._buf += data

    def next_event(self) -> Event:
        if self._error is not None:
            raise self._error
        try:
            if self._state == _HEAD:
                return self._next_head()
            return self._next_body()
        except HTTPError as error:
            self._error = error
            raise

    def _next_head(self) -> Event:
        buf = self._buf
        start = self._pos
        end = len(buf)
        if start == end:
            return NEED_DATA
        if not self._skipped and buf[start] == 0x0D:
            # RFC 9112, 2.2: "a server that is expecting to receive and parse a request-line
            # SHOULD ignore at least one empty line (CRLF) received prior to the request-line."
            if end - start < 2:
                return NEED_DATA
            if buf[start + 1] == 0x0A:
                start = self._pos = self._search = start + 2
                self._skipped = True
                if start == end:
                    return NEED_DATA
        self._skipped = True
        limits = self._limits
        idx = buf.find(b"\r\n\r\n", self._search)
        if idx < 0:
            self._search = max(start, end - 3)
            self._check_partial(start, end)
            return NEED_DATA
        eol = buf.find(b"\r\n", start)
        method, target, version, minor = parse_request_line(buf, start, eol, limits)
        section, fields_end = eol + 2, idx + 2
        if fields_end > section and (
            fields_end - section > limits.max_field_section
            or buf.count(b"\r\n", section, fields_end) > limits.max_fields
            or syn.FIELD_BLOCK.fullmatch(buf, section, fields_end) is None
        ):
            diagnose_fields(buf, section, fields_end, limits)
        request = build_request(
            bytes(buf[start : idx + 4]), eol - start, method, target, version, minor, limits
        )
        self._pos = idx + 4
        if request.chunked:
            self._chunked = ChunkedDecoder(limits)
            self._state = _CHUNKED
        elif request.content_length:
            self._length = request.content_length
            self._state = _LENGTH
        else:
            self._reset()
            return request
        self._request = request
        return self._next_body()

    def _check_partial(self, start: int, end: int) -> None:
        buf = self._buf
        if self._line < 0:
            eol = buf.find(b"\r\n", start, end)
            if eol < 0:
                check_line_prefix(buf, start, end - (buf[end - 1] == 0x0D), self._limits)
                return
            parse_request_line(buf, start, eol, self._limits)
            self._line = self._section = eol + 2
        self._line, self._count = field_section_partial(
            buf, self._line, end, self._section, self._count, self._limits
        )

    def _next_body(self) -> Event:
        request = self._request
        assert request is not None
        buf = self._buf
        if self._state == _LENGTH:
            end = self._pos + self._length
            if len(buf) < end:
                return self._wait(request)
            request.body = bytes(buf[self._pos : end])
            self._pos = end
        else:
            decoder = self._chunked
            assert decoder is not None
            self._pos = decoder.advance(buf, self._pos, len(buf))
            if not decoder.done:
                return self._wait(request)
            request.body = decoder.body()
            request.trailers = decoder.trailers
            self._chunked = None
        self._request = None
        self._reset()
        return request

    def _wait(self, request: Request) -> Event:
        if self._announced:
            return NEED_DATA
        self._announced = True
        return HeadComplete(request)
