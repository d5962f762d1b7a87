"""HTTP/2 frames (RFC 9113, 6; PRIORITY_UPDATE from RFC 9218, 7.1): each type's payload
read by a `parse_*` function, raising `H2Error` with the code the RFC names, next to a writer
of the same name; the writers take already-valid values and return the frame's bytes. The
reader, the types and flags live in `_framing.py` and are re-exported here.
"""

from __future__ import annotations

from typing import NamedTuple

from ._errors import ErrorCode, H2Error
from ._framing import (
    _GOAWAY,
    _HEADER,
    _PRIORITY,
    _SETTING,
    _U32,
    ACK,
    DEFAULT_MAX_FRAME_SIZE,
    END_HEADERS,
    END_STREAM,
    HEADER_SIZE,
    MAX_WINDOW,
    PADDED,
    PREFACE,
    PRIORITY_FLAG,
    SETTING_NAMES,
    Frame,
    FrameInfo,
    FrameReader,
    FrameType,
    flag_names,
    is_preface_prefix,
    type_name,
)

__all__ = [
    "ACK",
    "DEFAULT_MAX_FRAME_SIZE",
    "END_HEADERS",
    "END_STREAM",
    "HEADER_SIZE",
    "MAX_WINDOW",
    "PADDED",
    "PREFACE",
    "PRIORITY_FLAG",
    "SETTING_NAMES",
    "Frame",
    "FrameInfo",
    "FrameReader",
    "FrameType",
    "flag_names",
    "is_preface_prefix",
    "type_name",
]


def frame(frame_type: int, flags: int, stream_id: int, payload: bytes = b"") -> bytes:
    """Any frame's bytes: the 9-octet header and the payload."""
    return _HEADER.pack((len(payload) << 8) | frame_type, flags, stream_id) + payload


def _error(f: Frame, code: ErrorCode, reason: str, stream: bool = False) -> H2Error:
    return H2Error(code, reason, f.stream_id if stream else 0, f.offset)


def _unpad(f: Frame, fixed: int = 0) -> tuple[int, int]:
    """(start, end) of the payload after the Pad Length and `fixed` octets, without padding."""
    payload = f.payload
    if not f.flags & PADDED:
        if len(payload) < fixed:
            raise _error(f, ErrorCode.FRAME_SIZE_ERROR, "a frame too short for its fields")
        return fixed, len(payload)
    if len(payload) < 1 + fixed:
        raise _error(f, ErrorCode.FRAME_SIZE_ERROR, "a padded frame too short for its fields")
    pad = payload[0]
    if pad > len(payload) - 1 - fixed:
        # RFC 9113, 6.1: "If the length of the padding is the length of the frame payload or
        # greater, the recipient MUST treat this as a connection error ... PROTOCOL_ERROR."
        raise _error(f, ErrorCode.PROTOCOL_ERROR, f"{pad} octets of padding do not fit")
    return 1 + fixed, len(payload) - pad


# DATA (6.1) ---------------------------------------------------------------------------
def parse_data(f: Frame) -> bytes:
    start, end = _unpad(f)
    return f.payload[start:end] if (start, end) != (0, len(f.payload)) else f.payload


def data(stream_id: int, payload: bytes, end_stream: bool = False) -> bytes:
    return frame(FrameType.DATA, END_STREAM if end_stream else 0, stream_id, payload)


# HEADERS (6.2) ------------------------------------------------------------------------
class Priority(NamedTuple):
    """RFC 9113, 5.3.2 (deprecated, still shown): `weight` is 1-256 (the octet plus one)."""

    depends_on: int
    weight: int
    exclusive: bool


def _priority_fields(payload: bytes, at: int) -> Priority:
    word, weight = _PRIORITY.unpack_from(payload, at)
    return Priority(word & 0x7FFFFFFF, weight + 1, bool(word >> 31))


def parse_headers(f: Frame) -> tuple[bytes, Priority | None]:
    """(field block fragment, priority fields if the PRIORITY flag is set)."""
    has_priority = bool(f.flags & PRIORITY_FLAG)
    start, end = _unpad(f, 5 if has_priority else 0)
    priority = _priority_fields(f.payload, start - 5) if has_priority else None
    return f.payload[start:end], priority


def headers(stream_id: int, block: bytes, end_stream: bool = False, end_headers: bool = True,
            priority: Priority | None = None) -> bytes:
    flags = (END_STREAM if end_stream else 0) | (END_HEADERS if end_headers else 0)
    if priority is not None:
        flags |= PRIORITY_FLAG
        block = _priority_payload(priority) + block
    return frame(FrameType.HEADERS, flags, stream_id, block)


# PRIORITY (6.3) -----------------------------------------------------------------------
def parse_priority(f: Frame) -> Priority:
    if len(f.payload) != 5:  # "... MUST be treated as a stream error of type FRAME_SIZE_ERROR"
        raise _error(f, ErrorCode.FRAME_SIZE_ERROR, "a PRIORITY frame not 5 octets long", True)
    return _priority_fields(f.payload, 0)


def _priority_payload(p: Priority) -> bytes:
    return _PRIORITY.pack(p.depends_on | (p.exclusive << 31), p.weight - 1)


def priority(stream_id: int, p: Priority) -> bytes:
    return frame(FrameType.PRIORITY, 0, stream_id, _priority_payload(p))


# RST_STREAM (6.4) ---------------------------------------------------------------------
def parse_rst_stream(f: Frame) -> int:
    if len(f.payload) != 4:
        raise _error(f, ErrorCode.FRAME_SIZE_ERROR, "a RST_STREAM frame not 4 octets long")
    return int(_U32.unpack(f.payload)[0])


def rst_stream(stream_id: int, code: int) -> bytes:
    return frame(FrameType.RST_STREAM, 0, stream_id, _U32.pack(code))


# SETTINGS (6.5) -----------------------------------------------------------------------
def parse_settings(f: Frame) -> list[tuple[int, int]]:
    """The (identifier, value) pairs in the order sent, unknown identifiers included."""
    if f.flags & ACK and f.payload:
        raise _error(f, ErrorCode.FRAME_SIZE_ERROR, "a SETTINGS acknowledgement with a payload")
    if len(f.payload) % 6:
        raise _error(f, ErrorCode.FRAME_SIZE_ERROR, "a SETTINGS payload not a multiple of 6")
    return [_SETTING.unpack_from(f.payload, i) for i in range(0, len(f.payload), 6)]


def settings(pairs: list[tuple[int, int]] | tuple[tuple[int, int], ...] = (),
             ack: bool = False) -> bytes:
    return frame(FrameType.SETTINGS, ACK if ack else 0, 0,
                 b"".join(_SETTING.pack(i, v) for i, v in pairs))


# PUSH_PROMISE (6.6) -------------------------------------------------------------------
def parse_push_promise(f: Frame) -> tuple[int, bytes]:
    start, end = _unpad(f, 4)
    return int(_U32.unpack_from(f.payload, start - 4)[0]) & 0x7FFFFFFF, f.payload[start:end]


def push_promise(stream_id: int, promised: int, block: bytes) -> bytes:
    return frame(FrameType.PUSH_PROMISE, END_HEADERS, stream_id, _U32.pack(promised) + block)


# PING (6.7) ---------------------------------------------------------------------------
def parse_ping(f: Frame) -> bytes:
    if len(f.payload) != 8:
        raise _error(f, ErrorCode.FRAME_SIZE_ERROR, "a PING frame not 8 octets long")
    return f.payload


def ping(opaque: bytes, ack: bool = False) -> bytes:
    return frame(FrameType.PING, ACK if ack else 0, 0, opaque)


# GOAWAY (6.8) -------------------------------------------------------------------------
class GoAway(NamedTuple):
    last_stream_id: int
    error_code: int
    debug: bytes


def parse_goaway(f: Frame) -> GoAway:
    if len(f.payload) < 8:
        raise _error(f, ErrorCode.FRAME_SIZE_ERROR, "a GOAWAY frame shorter than 8 octets")
    last, code = _GOAWAY.unpack_from(f.payload)
    return GoAway(last & 0x7FFFFFFF, code, f.payload[8:])


def goaway(last_stream_id: int, code: int, debug: bytes = b"") -> bytes:
    return frame(FrameType.GOAWAY, 0, 0, _GOAWAY.pack(last_stream_id, code) + debug)


# WINDOW_UPDATE (6.9) ------------------------------------------------------------------
def parse_window_update(f: Frame) -> int:
    if len(f.payload) != 4:
        raise _error(f, ErrorCode.FRAME_SIZE_ERROR, "a WINDOW_UPDATE frame not 4 octets long")
    increment = int(_U32.unpack(f.payload)[0]) & 0x7FFFFFFF
    if not increment:
        # "A receiver MUST treat the receipt of a WINDOW_UPDATE frame with a flow-control
        # window increment of 0 as a stream error ... of type PROTOCOL_ERROR; errors on the
        # connection flow-control window MUST be treated as a connection error"
        raise _error(f, ErrorCode.PROTOCOL_ERROR, "a WINDOW_UPDATE increment of 0", True)
    return increment


def window_update(stream_id: int, increment: int) -> bytes:
    return frame(FrameType.WINDOW_UPDATE, 0, stream_id, _U32.pack(increment))


# CONTINUATION (6.10) ------------------------------------------------------------------
def continuation(stream_id: int, fragment: bytes, end_headers: bool = True) -> bytes:
    return frame(FrameType.CONTINUATION, END_HEADERS if end_headers else 0, stream_id, fragment)


# PRIORITY_UPDATE (RFC 9218, 7.1) ------------------------------------------------------
class PriorityUpdate(NamedTuple):
    prioritized_stream_id: int
    field_value: str  # the Priority field value (RFC 9218, 5), as ISO-8859-1 text


def parse_priority_update(f: Frame) -> PriorityUpdate:
    if len(f.payload) < 4:
        raise _error(f, ErrorCode.FRAME_SIZE_ERROR, "a PRIORITY_UPDATE frame under 4 octets")
    if f.stream_id:
        raise _error(f, ErrorCode.PROTOCOL_ERROR, "a PRIORITY_UPDATE frame on a stream")
    target = int(_U32.unpack_from(f.payload)[0]) & 0x7FFFFFFF
    if not target:
        raise _error(f, ErrorCode.PROTOCOL_ERROR, "a PRIORITY_UPDATE for stream 0")
    return PriorityUpdate(target, f.payload[4:].decode("latin-1"))


def priority_update(prioritized_stream_id: int, field_value: str) -> bytes:
    return frame(FrameType.PRIORITY_UPDATE, 0, 0,
                 _U32.pack(prioritized_stream_id) + field_value.encode("latin-1"))
