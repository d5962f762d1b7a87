"""Responses to bytes: the status line, the fields the server owns, and the content.

The server, not the application, writes Date, Server, Content-Length and Connection, so that
framing is always consistent with the bytes sent. A field value holding CR or LF would let an
application split the response in two; it is refused rather than sent.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from email.utils import formatdate
from http import HTTPStatus

from ._model import Response

CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
_OWNED = frozenset(("date", "server", "content-length", "connection", "transfer-encoding"))
_PHRASES = {status.value: status.phrase for status in HTTPStatus}
_STATUS_LINES: dict[int, bytes] = {}
# RFC 9110, 6.4.1: "All 1xx (Informational), 204 (No Content), and 304 (Not Modified)
# responses do not include content."
_NO_CONTENT = frozenset((204, 304))


class DateCache:
    """The Date field value, formatted at most once per second."""

    __slots__ = ("_second", "_value")

    def __init__(self) -> None:
        self._second = -1
        self._value = b""

    def get(self) -> bytes:
        now = int(time.time())
        if now != self._second:
            self._second = now
            self._value = formatdate(now, usegmt=True).encode("ascii")
        return self._value


def status_line(status: int) -> bytes:
    line = _STATUS_LINES.get(status)
    if line is None:
        if not 100 <= status <= 999:
            raise ValueError("status code out of range")
        line = f"HTTP/1.1 {status} {_PHRASES.get(status, '')}\r\n".encode("ascii")
        _STATUS_LINES[status] = line
    return line


def encode_response(
    response: Response, *, date: bytes, server: bytes, head_only: bool, close: bool,
    keep_alive: bool = False,
) -> bytes:
    """The response as sent. `keep_alive` adds "Connection: keep-alive" for HTTP/1.0 clients,
    which otherwise assume the connection closes (RFC 9112, 9.3)."""
    status = response.status
    headers = response.headers
    if type(headers) is tuple:  # an application's constant fields: encoded once
        block = _BLOCKS.get(headers)
        if block is None:
            block = _field_block(headers)
            if len(_BLOCKS) < _MAX_BLOCKS:
                _BLOCKS[headers] = block
    else:
        block = _field_block(headers)
    parts = [status_line(status), b"Date: ", date, b"\r\nServer: ", server, b"\r\n", block]
    bodiless = status < 200 or status in _NO_CONTENT
    if not bodiless:
        parts += (b"Content-Length: ", str(len(response.body)).encode("ascii"), b"\r\n")
    if close:
        parts.append(b"Connection: close\r\n")
    elif keep_alive:
        parts.append(b"Connection: keep-alive\r\n")
    parts.append(b"\r\n")
    if not (head_only or bodiless):
        parts.append(response.body)
    return b"".join(parts)


def encode_stream_head(response: Response, *, date: bytes, server: bytes,
                       chunked: bool) -> bytes:
    """The head of a StreamingResponse, and its body as the first chunk: chunked for
    HTTP/1.1, delimited by closing the connection for HTTP/1.0 (RFC 9112, 6.3)."""
    parts = [status_line(response.status), b"Date: ", date, b"\r\nServer: ", server, b"\r\n",
             _field_block(response.headers)]
    parts.append(b"Transfer-Encoding: chunked\r\n" if chunked else b"Connection: close\r\n")
    parts.append(b"\r\n")
    if response.body:
        parts.append(encode_chunk(response.body) if chunked else response.body)
    return b"".join(parts)


def encode_chunk(data: bytes) -> bytes:
    """chunk = chunk-size CRLF chunk-data CRLF (RFC 9112, 7.1); never the last chunk."""
    return b"%x\r\n%b\r\n" % (len(data), data) if data else b""


LAST_CHUNK = b"0\r\n\r\n"


# Encoded field blocks of the tuples of fields applications answer with again and again (a
# page's Content-Type and security fields). A tuple, unlike a list, cannot change after it
# was encoded; the bound keeps an application that makes a new tuple per request from
# growing it.
_BLOCKS: dict[Sequence[tuple[str, str]], bytes] = {}
_MAX_BLOCKS = 64


def _field_block(headers: Sequence[tuple[str, str]]) -> bytes:
    kept = [(n, v) for n, v in headers if n.lower() not in _OWNED]
    block = "".join([f"{name}: {value}\r\n" for name, value in kept])
    if block.count("\n") != len(kept) or block.count("\r") != len(kept):
        raise ValueError("CR or LF inside a response field")
    return block.encode("latin-1")


def error_response(
    status: int, reason: str, headers: tuple[tuple[str, str], ...] = ()
) -> Response:
    """The plain, inert response for an error: the fixed reason and nothing of the request."""
    return Response(
        status,
        [("Content-Type", "text/plain; charset=utf-8"), ("X-Content-Type-Options", "nosniff"),
         ("Cache-Control", "no-store"), *headers],
        f"{status} {_PHRASES.get(status, 'Error')}: {reason}\n".encode(),
    )
