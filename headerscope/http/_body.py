"""The chunked transfer coding, decoded as bytes arrive (RFC 9112, 7.1).

    chunked-body   = *chunk last-chunk trailer-section CRLF
    chunk          = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
    chunk-size     = 1*HEXDIG
    last-chunk     = 1*("0") [ chunk-ext ] CRLF
    trailer-section = *( field-line CRLF )

Strategy: a small state machine over the reader's buffer. Chunk data is copied out as it
arrives, so the buffer never holds more than one read; every wait is bounded by a limit.
"""

from __future__ import annotations

from . import _syntax as syn
from ._errors import HTTPError
from ._framing import split_fields
from ._head import field_section_partial
from ._limits import Limits
from ._model import FieldLine

_SIZE, _DATA, _DATA_END, _TRAILERS, _DONE = range(5)
_MAX_HEX = 16  # 64 bits of chunk size; more digits is an overflow


class ChunkedDecoder:
    __slots__ = ("_count", "_limits", "_parts", "_remaining", "_scan", "_section", "_state",
                 "_total", "trailers")

    def __init__(self, limits: Limits) -> None:
        self._limits = limits
        self._state = _SIZE
        self._parts: list[bytes] = []
        self._total = 0
        self._remaining = 0
        self._section = 0  # where the trailer section starts in the buffer (kept until done)
        self._scan = 0  # where the first unchecked trailer line starts
        self._count = 0  # trailer lines checked so far
        self.trailers: list[FieldLine] = []

    @property
    def done(self) -> bool:
        return self._state == _DONE

    @property
    def decoded(self) -> int:
        """Octets of chunk data copied out of the buffer so far."""
        return self._total

    def body(self) -> bytes:
        return b"".join(self._parts)

    def rebase(self, offset: int) -> None:
        """The reader dropped `offset` consumed bytes from the front of its buffer."""
        self._section -= offset
        self._scan -= offset

    def advance(self, buf: bytearray, pos: int, end: int) -> int:  # noqa: C901, PLR0912
        # A state machine over the chunked coding's states, one loop: split, each state would
        # be a call per chunk on the path every request body takes.
        """Decode from buf[pos:end]; return how far the bytes were consumed."""
        limits = self._limits
        while True:
            state = self._state
            if state == _SIZE:
                eol = buf.find(b"\r\n", pos, end)
                least_end = eol if eol >= 0 else end - (end > pos and buf[end - 1] == 0x0D)
                if least_end - pos > _MAX_HEX + limits.max_chunk_ext:
                    raise HTTPError(400, "chunk-size line too long")
                if eol < 0:
                    return pos
                match = syn.CHUNK_LINE.fullmatch(buf, pos, eol)
                if match is None:
                    raise HTTPError(400, "malformed chunk size")
                if match.end(1) - pos > _MAX_HEX:
                    raise HTTPError(400, "chunk size too large")
                size = int(buf[pos : match.end(1)], 16)
                if self._total + size > limits.max_body:
                    raise HTTPError(413, "content too large")
                pos = eol + 2
                if size:
                    self._remaining = size
                    self._state = _DATA
                else:
                    self._state = _TRAILERS
                    self._section = self._scan = pos
            elif state == _DATA:
                take = min(self._remaining, end - pos)
                if take == 0:
                    return pos
                self._parts.append(bytes(buf[pos : pos + take]))
                self._total += take
                self._remaining -= take
                pos += take
                if self._remaining == 0:
                    self._state = _DATA_END
            elif state == _DATA_END:
                if end - pos < 2:
                    return pos
                if buf[pos] != 0x0D or buf[pos + 1] != 0x0A:
                    raise HTTPError(400, "chunk data does not end with CRLF")
                pos += 2
                self._state = _SIZE
            elif state == _TRAILERS:
                # The trailer lines stay in the buffer (we return the section's start as the
                # consumed position) until the empty line arrives.
                scan, self._count = field_section_partial(
                    buf, self._scan, end, self._section, self._count, limits
                )
                self._scan = scan
                if not buf.startswith(b"\r\n", scan, end):
                    return self._section
                if scan > self._section:
                    section = bytes(buf[self._section : scan - 2])
                    self.trailers = split_fields(section.decode("latin-1"), section)
                self._state = _DONE
                return scan + 2
            else:
                return pos
