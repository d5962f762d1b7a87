"""Sans-IO HTTP/1.1 request framing (RFC 9112): bytes in, requests or a status out.

Nothing here touches a socket, so every rule can be tested, and fuzzed, as a pure function.
"""

from ._errors import HTTPError
from ._limits import Limits
from ._model import (
    App,
    ClientCertificate,
    ConnectionDetails,
    ConnectionInfo,
    FieldLine,
    Finish,
    HTTP2Details,
    Request,
    Response,
    TLSDetails,
    Work,
)
from ._reader import NEED_DATA, Event, HeadComplete, RequestReader, Signal
from ._writer import CONTINUE, DateCache, encode_response, error_response

__all__ = [
    "CONTINUE",
    "NEED_DATA",
    "App",
    "ClientCertificate",
    "ConnectionDetails",
    "ConnectionInfo",
    "DateCache",
    "Event",
    "FieldLine",
    "Finish",
    "HTTP2Details",
    "HTTPError",
    "HeadComplete",
    "Limits",
    "Request",
    "RequestReader",
    "Response",
    "Signal",
    "TLSDetails",
    "Work",
    "encode_response",
    "error_response",
]
