"""An HTTP/2 request as the pages see an HTTP/1.1 one (`headerscope.http.Request`).

It lives here, not in `http2/`, so that the HTTP/2 protocol code depends on nothing of HTTP/1.1
and the request model: `http` imports `http2` (its types, and this), never the other way.

The pages are pure functions of a `Request`, so the server hands them HTTP/2 requests in the
same shape: method and target from the pseudo-header fields (RFC 9113, 8.3.1), version
"HTTP/2", the regular fields in order. HTTP/2 has no request head on the wire, so `head` is
the decoded field block written out one field per line, pseudo-header fields included (the
HPACK view, with the representations, is the event's `block`).

Strategy: what a request takes from its field block (method, target, the field lines, the
head) depends on the decoded fields alone, and a client that asks for the same thing again
sends a block the decoder answers with the same (read-only) list of fields. `RequestMaker`,
one per connection, keeps the parts of the last list it saw and only builds a new `Request`
around them: each request still gets its own `fields` list, body and trailers.
"""

from __future__ import annotations

from typing import NamedTuple

from ..http2._validate import length_value
from ..http2.hpack import DecodedField, HeaderBlock
from ._model import FieldLine, Request

_new = tuple.__new__  # FieldLine(...) runs a Python-level __new__; this builds the same tuple


def _line(name: str, value: str) -> FieldLine:
    return _new(FieldLine, (name, value, f"{name}: {value}".encode("latin-1")))


class _Parts(NamedTuple):
    method: str
    target: str
    head: bytes
    fields: tuple[FieldLine, ...]
    content_length: int | None


def _parts(decoded: list[DecodedField]) -> _Parts:
    pseudo: dict[str, str] = {}
    fields: list[FieldLine] = []
    for f in decoded:
        if f.name.startswith(":"):
            pseudo.setdefault(f.name, f.value)
        else:
            fields.append(_line(f.name, f.value))
    method = pseudo.get(":method", "")
    target = pseudo.get(":authority", "") if method == "CONNECT" else pseudo.get(":path", "")
    head = "".join([f"{f.name}: {f.value}\r\n" for f in decoded]) + "\r\n"
    # The first content-length that is a size (the validation says what is wrong with others).
    sizes = (length_value(f.value) for f in fields if f.name == "content-length")
    length = next((n for n in sizes if n is not None), None)
    return _Parts(method, target, head.encode("latin-1"), tuple(fields), length)


def _request(parts: _Parts, body: bytes, trailers: HeaderBlock | None) -> Request:
    return Request(parts.method, parts.target, "HTTP/2", parts.head, list(parts.fields), body,
                   [_line(f.name, f.value) for f in trailers.fields] if trailers else [],
                   keep_alive=True, chunked=False, content_length=parts.content_length)


def as_request(block: HeaderBlock, body: bytes = b"",
               trailers: HeaderBlock | None = None) -> Request:
    """The request of a `RequestReceived.block`, with its content and trailers, if any."""
    return _request(_parts(block.fields), body, trailers)


class RequestMaker:
    """`as_request` for one connection, with the parts of the last field list kept (by
    identity: the decoder hands the same list again for a repeated block, and the list is
    held here, so its identity cannot pass to another)."""

    __slots__ = ("_decoded", "_parts")

    def __init__(self) -> None:
        self._decoded: list[DecodedField] | None = None
        self._parts: _Parts | None = None

    def __call__(self, block: HeaderBlock, body: bytes = b"",
                 trailers: HeaderBlock | None = None) -> Request:
        parts = self._parts
        if parts is None or block.fields is not self._decoded:
            parts = self._parts = _parts(block.fields)
            self._decoded = block.fields
        return _request(parts, body, trailers)
