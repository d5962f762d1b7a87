"""An HTTP/2 request as the pages see an HTTP/1.1 one (`headerscope.http.Request`).

The pages are pure functions of a `Request`, so the server hands them HTTP/2 requests in the
same shape: method and target from the pseudo-header fields (RFC 9113, 8.3.1), version
"HTTP/2", the regular fields in order. HTTP/2 has no request head on the wire, so `head` is
the decoded field block written out one field per line, pseudo-header fields included (the
HPACK view, with the representations, is the event's `block`).
"""

from __future__ import annotations

from ..http import FieldLine, Request
from .hpack import HeaderBlock


def _line(name: str, value: str) -> FieldLine:
    return FieldLine(name, value, f"{name}: {value}".encode("latin-1"))


def as_request(block: HeaderBlock, body: bytes = b"",
               trailers: HeaderBlock | None = None) -> Request:
    """The request of a `RequestReceived.block`, with its content and trailers, if any."""
    pseudo: dict[str, str] = {}
    fields: list[FieldLine] = []
    for f in block.fields:
        if f.name.startswith(":"):
            pseudo.setdefault(f.name, f.value)
        else:
            fields.append(_line(f.name, f.value))
    method = pseudo.get(":method", "")
    target = pseudo.get(":authority", "") if method == "CONNECT" else pseudo.get(":path", "")
    head = "".join(f"{f.name}: {f.value}\r\n" for f in block.fields) + "\r\n"
    length = next((int(f.value) for f in fields
                   if f.name == "content-length" and f.value.isdigit()), None)
    return Request(method, target, "HTTP/2", head.encode("latin-1"), fields, body,
                   [_line(f.name, f.value) for f in trailers.fields] if trailers else [],
                   keep_alive=True, chunked=False, content_length=length)
