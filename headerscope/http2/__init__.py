"""Sans-IO HTTP/2 for the server (RFC 9113) and HPACK (RFC 7541): bytes in, events out.

Nothing here touches a socket. `ServerConnection` turns the client's octets into events and
our answers into octets; `hpack` keeps, for every decoded field, how it was represented;
`frames` reads and writes every frame type. Every limit an attacking client runs into is in
`Limits`, with the GOAWAY or RST_STREAM it gets.
"""

from . import frames, hpack
from ._errors import ErrorCode, H2Error, HPACKError, code_name
from ._events import (
    ConnectionClosed,
    DataReceived,
    Diagnostic,
    Event,
    GoAwayReceived,
    PingAcknowledged,
    PingReceived,
    PriorityReceived,
    PriorityUpdateReceived,
    RequestMalformed,
    RequestReceived,
    SettingsAcknowledged,
    SettingsReceived,
    StreamEnded,
    StreamReset,
    TrailersReceived,
    UnknownFrameReceived,
    WindowUpdated,
)
from ._limits import Limits
from .connection import ServerConnection
from .frames import PREFACE, FrameInfo, is_preface_prefix

__all__ = [
    "PREFACE",
    "ConnectionClosed",
    "DataReceived",
    "Diagnostic",
    "ErrorCode",
    "Event",
    "FrameInfo",
    "GoAwayReceived",
    "H2Error",
    "HPACKError",
    "Limits",
    "PingAcknowledged",
    "PingReceived",
    "PriorityReceived",
    "PriorityUpdateReceived",
    "RequestMalformed",
    "RequestReceived",
    "ServerConnection",
    "SettingsAcknowledged",
    "SettingsReceived",
    "StreamEnded",
    "StreamReset",
    "TrailersReceived",
    "UnknownFrameReceived",
    "WindowUpdated",
    "code_name",
    "frames",
    "hpack",
    "is_preface_prefix",
]
