"""The frame layer's vocabulary and reader (RFC 9113, 4): types, flags, the preface, and
`FrameReader`, which cuts a byte stream into frames and refuses a frame longer than the
maximum from its 9-octet header, before a byte of its payload is buffered.

    HTTP Frame {
      Length (24), Type (8), Flags (8), Reserved (1), Stream Identifier (31),
      Frame Payload (..),
    }
"""

from __future__ import annotations

import enum
import struct
from typing import NamedTuple

from ._errors import ErrorCode, H2Error

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"  # RFC 9113, 3.4: the client connection preface
HEADER_SIZE = 9
DEFAULT_MAX_FRAME_SIZE = 16384  # RFC 9113, 6.5.2: the initial SETTINGS_MAX_FRAME_SIZE
MAX_WINDOW = (1 << 31) - 1
_HEADER = struct.Struct(">LBL")  # (length << 8 | type), flags, R + stream id
_U32 = struct.Struct(">L")
_PRIORITY = struct.Struct(">LB")
_SETTING = struct.Struct(">HL")
_GOAWAY = struct.Struct(">LL")


class FrameType(enum.IntEnum):
    DATA = 0x0
    HEADERS = 0x1
    PRIORITY = 0x2
    RST_STREAM = 0x3
    SETTINGS = 0x4
    PUSH_PROMISE = 0x5
    PING = 0x6
    GOAWAY = 0x7
    WINDOW_UPDATE = 0x8
    CONTINUATION = 0x9
    ALTSVC = 0xA  # RFC 7838: only shown, a server ignores it
    ORIGIN = 0xC  # RFC 8336: likewise
    PRIORITY_UPDATE = 0x10  # RFC 9218, 7.1


END_STREAM, ACK, END_HEADERS, PADDED, PRIORITY_FLAG = 0x1, 0x1, 0x4, 0x8, 0x20
# The flags each type defines (RFC 9113, 6): a flag's meaning depends on the frame type.
_FLAGS = {
    0x0: ((0x1, "END_STREAM"), (0x8, "PADDED")),
    0x1: ((0x1, "END_STREAM"), (0x4, "END_HEADERS"), (0x8, "PADDED"), (0x20, "PRIORITY")),
    0x4: ((0x1, "ACK"),),
    0x5: ((0x4, "END_HEADERS"), (0x8, "PADDED")),
    0x6: ((0x1, "ACK"),),
    0x9: ((0x4, "END_HEADERS"),),
}

SETTING_NAMES = {1: "HEADER_TABLE_SIZE", 2: "ENABLE_PUSH", 3: "MAX_CONCURRENT_STREAMS",
                 4: "INITIAL_WINDOW_SIZE", 5: "MAX_FRAME_SIZE", 6: "MAX_HEADER_LIST_SIZE",
                 8: "ENABLE_CONNECT_PROTOCOL", 9: "NO_RFC7540_PRIORITIES"}


def type_name(frame_type: int) -> str:
    try:
        return FrameType(frame_type).name
    except ValueError:
        return f"0x{frame_type:x}"


def flag_names(frame_type: int, flags: int) -> list[str]:
    """The names of the flags set, as the type defines them; others as hex (0x40)."""
    names = []
    for bit, name in _FLAGS.get(frame_type, ()):
        if flags & bit:
            names.append(name)
            flags &= ~bit
    return names + [f"0x{1 << i:x}" for i in range(8) if flags >> i & 1]


def is_preface_prefix(data: bytes) -> bool:
    """True when `data` starts with the preface, or is a start of it (wait for more): how a
    server tells prior-knowledge HTTP/2 from an HTTP/1.1 request line ("PRI" is no method)."""
    head = bytes(data[:len(PREFACE)])
    return PREFACE.startswith(head)


class Frame(NamedTuple):
    type: int
    flags: int
    stream_id: int
    payload: bytes
    offset: int  # of the frame header in the connection's byte stream

    @property
    def info(self) -> FrameInfo:
        return FrameInfo(self.type, self.flags, self.stream_id, len(self.payload), self.offset)


class FrameInfo(NamedTuple):
    """What the raw view shows of one frame."""

    type: int
    flags: int
    stream_id: int
    length: int
    offset: int

    @property
    def type_name(self) -> str:
        return type_name(self.type)

    @property
    def flag_names(self) -> list[str]:
        return flag_names(self.type, self.flags)


class FrameReader:
    """Frames out of a byte stream. `offset` is where the stream's first octet sits in the
    connection (24 after the preface)."""

    __slots__ = ("_buf", "_pos", "max_frame_size", "offset")

    def __init__(self, max_frame_size: int = DEFAULT_MAX_FRAME_SIZE, offset: int = 0) -> None:
        self._buf = bytearray()
        self._pos = 0
        self.max_frame_size = max_frame_size
        self.offset = offset  # connection offset of self._buf[0]

    def feed(self, data: bytes) -> None:
        if self._pos:
            del self._buf[:self._pos]
            self.offset += self._pos
            self._pos = 0
        self._buf += data

    @property
    def buffered(self) -> int:
        return len(self._buf) - self._pos

    def next_frame(self) -> Frame | None:
        """The next complete frame, or None until more data arrives."""
        buf, pos = self._buf, self._pos
        if len(buf) - pos < HEADER_SIZE:
            return None
        word, flags, stream_id = _HEADER.unpack_from(buf, pos)
        length = word >> 8
        if length > self.max_frame_size:
            # RFC 9113, 4.2: "An endpoint MUST send an error code of FRAME_SIZE_ERROR if a
            # frame exceeds the size defined in SETTINGS_MAX_FRAME_SIZE"; we end the
            # connection, as we must for frames that carry a field block or are on stream 0.
            raise H2Error(ErrorCode.FRAME_SIZE_ERROR,
                          f"a frame of {length} octets, over the {self.max_frame_size} allowed",
                          0, self.offset + pos)
        end = pos + HEADER_SIZE + length
        if len(buf) < end:
            return None
        self._pos = end
        return Frame(word & 0xFF, flags, stream_id & 0x7FFFFFFF,
                     bytes(buf[pos + HEADER_SIZE:end]), self.offset + pos)
