"""Stream states (RFC 9113, 5.1) as a table of transitions, and the per-stream record.

The table has only the legal moves of a server's stream (no push, so no reserved states); a
move that is not a key is illegal, and `ILLEGAL` says what the RFC makes of it.

    idle --recv H--> open --recv ES--> half-closed (remote) --send ES--> closed
                      \\--send ES--> half-closed (local) --recv ES--> closed
    any of open and both half-closed --send R / recv R--> closed
"""

from __future__ import annotations

import enum
from collections import deque

from ._errors import ErrorCode, H2Error
from .frames import FrameInfo
from .hpack import HeaderBlock


class State(enum.IntEnum):  # IntEnum: hashed in C, and moves are looked up per frame
    IDLE = 0
    OPEN = 1
    HALF_CLOSED_LOCAL = 2
    HALF_CLOSED_REMOTE = 3
    CLOSED = 4

    @property
    def text(self) -> str:
        return self.name.lower().replace("_", " ").replace("half closed", "half-closed")


class Move(enum.IntEnum):
    RECV_HEADERS = 0
    RECV_DATA = 1
    RECV_END_STREAM = 2
    RECV_RST = 3
    SEND_HEADERS = 4
    SEND_DATA = 5
    SEND_END_STREAM = 6
    SEND_RST = 7

    @property
    def text(self) -> str:
        verb, _, what = self.name.partition("_")
        return f"{'receive' if verb == 'RECV' else 'send'} {what.replace('RST', 'RST_STREAM')}"


S, M = State, Move
_LIVE = (S.OPEN, S.HALF_CLOSED_LOCAL, S.HALF_CLOSED_REMOTE)
TRANSITIONS: dict[tuple[State, Move], State] = {
    (S.IDLE, M.RECV_HEADERS): S.OPEN,
    (S.OPEN, M.RECV_HEADERS): S.OPEN,  # trailers (they carry END_STREAM)
    (S.OPEN, M.RECV_DATA): S.OPEN,
    (S.OPEN, M.RECV_END_STREAM): S.HALF_CLOSED_REMOTE,
    (S.OPEN, M.SEND_HEADERS): S.OPEN,
    (S.OPEN, M.SEND_DATA): S.OPEN,
    (S.OPEN, M.SEND_END_STREAM): S.HALF_CLOSED_LOCAL,
    (S.HALF_CLOSED_REMOTE, M.SEND_HEADERS): S.HALF_CLOSED_REMOTE,
    (S.HALF_CLOSED_REMOTE, M.SEND_DATA): S.HALF_CLOSED_REMOTE,
    (S.HALF_CLOSED_REMOTE, M.SEND_END_STREAM): S.CLOSED,
    (S.HALF_CLOSED_LOCAL, M.RECV_HEADERS): S.HALF_CLOSED_LOCAL,
    (S.HALF_CLOSED_LOCAL, M.RECV_DATA): S.HALF_CLOSED_LOCAL,
    (S.HALF_CLOSED_LOCAL, M.RECV_END_STREAM): S.CLOSED,
    **{(s, M.RECV_RST): S.CLOSED for s in _LIVE},
    **{(s, M.SEND_RST): S.CLOSED for s in _LIVE},
}

# What an illegal received move is: (code, is it a connection error?). RFC 9113, 5.1:
# half-closed (remote): "If an endpoint receives additional frames, other than WINDOW_UPDATE,
# PRIORITY, or RST_STREAM, for a stream that is in this state, it MUST respond with a stream
# error ... of type STREAM_CLOSED"; idle: "Receiving any frame other than HEADERS or PRIORITY
# on a stream in this state MUST be treated as a connection error ... PROTOCOL_ERROR".
ILLEGAL: dict[State, tuple[ErrorCode, bool]] = {
    S.IDLE: (ErrorCode.PROTOCOL_ERROR, True),
    S.HALF_CLOSED_REMOTE: (ErrorCode.STREAM_CLOSED, False),
    S.CLOSED: (ErrorCode.STREAM_CLOSED, True),
    S.OPEN: (ErrorCode.PROTOCOL_ERROR, False),
    S.HALF_CLOSED_LOCAL: (ErrorCode.PROTOCOL_ERROR, False),
}


class Closed(enum.Enum):
    """How a stream closed, which decides what a late frame on it means (RFC 9113, 5.1)."""

    ENDED = "both sides sent END_STREAM"  # more DATA/HEADERS: connection error STREAM_CLOSED
    RESET_RECEIVED = "the client reset it"  # likewise
    RESET_SENT = "we reset it"  # "An endpoint MUST ignore frames that it receives on closed
    # streams after it has sent a RST_STREAM frame."


class Stream:
    __slots__ = ("blocked_since", "blocks", "declared_length", "dropped_frames", "end_after",
                 "frames", "id", "outbound", "received", "recv_window", "reset_after",
                 "responded", "send_window", "state", "status", "trailers", "unacked")

    def __init__(self, stream_id: int, recv_window: int, send_window: int) -> None:
        self.id = stream_id
        self.state = State.IDLE
        self.recv_window = recv_window
        self.send_window = send_window
        self.unacked = 0  # octets consumed and not yet given back by WINDOW_UPDATE
        self.declared_length: int | None = None  # content-length, when sent and valid
        self.received = 0  # content octets received
        self.frames: list[FrameInfo] = []  # the raw view, bounded
        self.dropped_frames = 0
        self.blocks: list[HeaderBlock] = []  # the HPACK view: request block, trailers
        self.status: int | None = None  # set when the request must be answered with an error
        self.reset_after: ErrorCode | None = None  # RST_STREAM to send after our answer
        self.responded = False
        self.outbound: deque[memoryview] = deque()  # response content waiting for windows
        self.end_after = False  # END_STREAM once `outbound` (and trailers) are out
        self.trailers: list[tuple[str, str]] | None = None
        self.blocked_since: float | None = None  # when the windows stopped our content

    def move(self, move: Move, offset: int = -1) -> None:
        try:
            self.state = TRANSITIONS[self.state, move]
        except KeyError:
            code, connection = ILLEGAL[self.state]
            raise H2Error(code, f"{move.text} on a stream in state {self.state.text}",
                          0 if connection else self.id, offset) from None

    @property
    def remote_open(self) -> bool:
        """The client may still send on it."""
        return self.state is State.OPEN or self.state is State.HALF_CLOSED_LOCAL

    def log(self, info: FrameInfo, limit: int) -> None:
        if len(self.frames) < limit:
            self.frames.append(info)
        else:
            self.dropped_frames += 1
