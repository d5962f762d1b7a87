"""What `ServerConnection.receive_data` reports: one small record per thing that happened.

A server answers a request when it sees `StreamEnded`, or at once when a `RequestReceived` or
`RequestMalformed` carries a `status` (a malformed request, 400; a header list over the limit,
431; a body over the limit, 413): the connection then resets the stream after the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .frames import FrameInfo, Priority
from .hpack import DecodedField, HeaderBlock


class Diagnostic(NamedTuple):
    """Why a request is malformed (RFC 9113, 8.1.1); `field` indexes `block.fields`."""

    reason: str
    field: int | None = None


@dataclass(frozen=True, slots=True)
class RequestReceived:
    stream_id: int
    block: HeaderBlock  # every decoded field in order, pseudo-header fields included
    pseudo_order: str  # "m,a,s,p": the pseudo-header fields' initials, as sent
    end_stream: bool  # no content follows
    priority: Priority | None  # from the HEADERS frame's PRIORITY flag (deprecated)
    diagnostics: tuple[Diagnostic, ...] = ()
    status: int | None = None  # answer now with this status (400, 431), then the reset

    @property
    def fields(self) -> list[DecodedField]:
        return self.block.fields

    def pseudo(self, name: str) -> str | None:
        """The first value of a pseudo-header field, e.g. pseudo(":path")."""
        for f in self.block.fields:
            if f.name == name:
                return f.value
        return None


@dataclass(frozen=True, slots=True)
class DataReceived:
    stream_id: int
    data: bytes  # content octets, padding removed
    flow_length: int  # octets counted against the windows (with padding)


@dataclass(frozen=True, slots=True)
class TrailersReceived:
    stream_id: int
    block: HeaderBlock
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class StreamEnded:
    """The client has sent the whole request (END_STREAM): answer it now."""

    stream_id: int


@dataclass(frozen=True, slots=True)
class RequestMalformed:
    """A request announced by `RequestReceived` turned out malformed (content-length against
    the DATA, bad trailers) or too large (413): answer it with `status`, then it is reset."""

    stream_id: int
    status: int
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class StreamReset:
    stream_id: int
    error_code: int
    remote: bool  # True: the client sent RST_STREAM; False: we did


@dataclass(frozen=True, slots=True)
class SettingsReceived:
    settings: tuple[tuple[int, int], ...]  # (identifier, value) in the order sent


@dataclass(frozen=True, slots=True)
class SettingsAcknowledged:
    pass


@dataclass(frozen=True, slots=True)
class WindowUpdated:
    stream_id: int  # 0: the connection
    increment: int


@dataclass(frozen=True, slots=True)
class PriorityReceived:
    stream_id: int
    priority: Priority


@dataclass(frozen=True, slots=True)
class PriorityUpdateReceived:
    prioritized_stream_id: int
    field_value: str


@dataclass(frozen=True, slots=True)
class PingReceived:
    data: bytes


@dataclass(frozen=True, slots=True)
class PingAcknowledged:
    data: bytes


@dataclass(frozen=True, slots=True)
class GoAwayReceived:
    last_stream_id: int
    error_code: int
    debug: bytes


@dataclass(frozen=True, slots=True)
class UnknownFrameReceived:
    frame: FrameInfo


@dataclass(frozen=True, slots=True)
class ConnectionClosed:
    """We sent GOAWAY and stopped reading: write out `data_to_send()`, then close."""

    error_code: int
    reason: str
    offset: int = -1  # of the offending frame in the connection's byte stream


Event = (RequestReceived | DataReceived | TrailersReceived | StreamEnded | RequestMalformed
         | StreamReset | SettingsReceived | SettingsAcknowledged | WindowUpdated
         | PriorityReceived | PriorityUpdateReceived | PingReceived | PingAcknowledged
         | GoAwayReceived | UnknownFrameReceived | ConnectionClosed)
