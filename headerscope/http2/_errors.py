"""HTTP/2 error codes (RFC 9113, 7) and the one error type this package raises.

A connection error (stream id 0) ends the connection with GOAWAY; a stream error ends one
stream with RST_STREAM (RFC 9113, 5.4). Reasons are literals at the line that raises them, never
bytes of the peer's input, so that a page can show them without escaping surprises.
"""

from __future__ import annotations

import enum


class ErrorCode(enum.IntEnum):
    """RFC 9113, 7: the 32-bit codes of RST_STREAM and GOAWAY."""

    NO_ERROR = 0x0
    PROTOCOL_ERROR = 0x1
    INTERNAL_ERROR = 0x2
    FLOW_CONTROL_ERROR = 0x3
    SETTINGS_TIMEOUT = 0x4
    STREAM_CLOSED = 0x5
    FRAME_SIZE_ERROR = 0x6
    REFUSED_STREAM = 0x7
    CANCEL = 0x8
    COMPRESSION_ERROR = 0x9
    CONNECT_ERROR = 0xA
    ENHANCE_YOUR_CALM = 0xB
    INADEQUATE_SECURITY = 0xC
    HTTP_1_1_REQUIRED = 0xD


def code_name(code: int) -> str:
    """The name of a code, or its hex value: "Unknown or unsupported error codes MUST NOT
    trigger any special behavior" (RFC 9113, 7), but a page still shows what was sent."""
    try:
        return ErrorCode(code).name
    except ValueError:
        return f"0x{code:x}"


class H2Error(Exception):
    """A protocol error: `stream_id` 0 for a connection error, else a stream error.

    `offset` is the position in the connection's byte stream (the preface starts at 0) of the
    frame that caused it, or -1 when no single frame did.
    """

    def __init__(self, code: ErrorCode, reason: str, stream_id: int = 0,
                 offset: int = -1) -> None:
        super().__init__(code, reason, stream_id)
        self.code = code
        self.reason = reason
        self.stream_id = stream_id
        self.offset = offset

    def __repr__(self) -> str:
        where = f", stream {self.stream_id}" if self.stream_id else ""
        return f"H2Error({self.code.name}{where}: {self.reason!r})"

    def __str__(self) -> str:
        at = f" at octet {self.offset}" if self.offset >= 0 else ""
        return f"{self.code.name}: {self.reason}{at}"


class HPACKError(Exception):
    """A header block that cannot be decoded (RFC 7541); `position` is the octet in the block.

    The connection turns it into a connection error of type COMPRESSION_ERROR (RFC 9113, 4.3:
    "A decoding error in a field block MUST be treated as a connection error").
    """

    def __init__(self, reason: str, position: int) -> None:
        super().__init__(reason, position)
        self.reason = reason
        self.position = position

    def __str__(self) -> str:
        return f"{self.reason} (octet {self.position} of the field block)"
