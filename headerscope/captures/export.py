"""A capture as HAR 1.2, as a curl command, and as the raw request bytes.

    HAR 1.2: http://www.softwareishard.com/blog/har-12-spec/ (log, creator, entries; each
    entry's request, response, cache and timings), the format browsers' developer tools import.

Everything here is inert whatever the capture holds: HAR is built as data and encoded by the
caller with json.dumps (every string is text decoded as ISO-8859-1, so it is valid JSON);
the curl command quotes every argument for a POSIX shell (curl.py).
"""

from __future__ import annotations

import base64
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from .. import __version__
from ._wire import Head, HeadLine, is_chunked, read_head, url_of
from .curl import to_curl
from .record import Capture

__all__ = ["http_notes", "to_curl", "to_har", "to_http"]

HAR_VERSION = "1.2"


def to_http(c: Capture) -> bytes:
    """The request as it was sent, for replay with `nc`: the head byte for byte, then the
    content. A chunked request is sent as one chunk, then its trailer lines (http_notes)."""
    if not is_chunked(read_head(c.head)):
        return c.head + c.body
    chunk = b"%x\r\n%b\r\n" % (len(c.body), c.body) if c.body else b""
    return c.head + chunk + b"0\r\n" + c.trailers + b"\r\n"


def http_notes(c: Capture) -> list[str]:
    """Where `to_http(c)` differs from the bytes the client sent."""
    notes = []
    if c.body_cut:
        notes.append(f"the content was cut to its first {len(c.body)} of {c.body_length} "
                     "octets when stored; the request sends only those")
    if is_chunked(read_head(c.head)):
        notes.append("chunk sizes and chunk extensions are not stored: the content is sent "
                     "as one chunk")
    return notes


def _http_version(c: Capture, head: Head) -> str:
    return "HTTP/2" if c.protocol in ("h2", "h2c") else head.version or c.protocol


def _cookies(fields: tuple[HeadLine, ...]) -> list[dict[str, str]]:
    out = []
    for f in fields:
        if f.colon and f.name.lower() == "cookie":
            for pair in f.value.split(";"):
                name, _, value = pair.strip(" \t").partition("=")
                if name or value:
                    out.append({"name": name, "value": value})
    return out


def _pairs(text: str) -> list[dict[str, str]]:
    return [{"name": n, "value": v}
            for n, v in parse_qsl(text, keep_blank_values=True, errors="replace")]


def _post_data(c: Capture, fields: tuple[HeadLine, ...]) -> dict[str, Any]:
    mime = next((f.value for f in fields if f.colon and f.name.lower() == "content-type"), "")
    data: dict[str, Any] = {"mimeType": mime}
    try:
        text = c.body.decode("utf-8")
    except UnicodeDecodeError:
        # HAR 1.2 gives response content an "encoding" ("base64") and postData none; we note
        # it the same way on postData, as the spec's author proposed for HAR 1.3 and as
        # HTTP Toolkit and Reqable write it.
        data["text"] = base64.b64encode(c.body).decode("ascii")
        data["encoding"] = "base64"
        return data
    data["text"] = text
    if mime.split(";", 1)[0].strip(" \t").lower() == "application/x-www-form-urlencoded":
        # The spec calls text and params exclusive; Chrome and Firefox write both for a form,
        # and text is what keeps the exact bytes, so both are here.
        data["params"] = _pairs(text)
    return data


def to_har(c: Capture) -> dict[str, Any]:
    """A HAR 1.2 log with one entry. Field values are text decoded as ISO-8859-1, in wire
    order with their original case; bodySize is the full length received, and a `comment`
    says when the stored content was cut. Unknown timings are 0 (required) or -1 (optional);
    the response holds what a capture knows of it: the status."""
    head = read_head(c.head)
    fields = head.fields
    query = head.target.split("?", 1)[1] if "?" in head.target else ""
    request: dict[str, Any] = {
        "method": head.method,
        "url": url_of(head, c.tls is not None, c.server),
        "httpVersion": _http_version(c, head),
        "cookies": _cookies(fields),
        "headers": [{"name": f.name, "value": f.value} for f in fields],
        "queryString": _pairs(query.split("#", 1)[0]),
        "headersSize": len(c.head),
        "bodySize": c.body_length,
    }
    if c.body_length:
        request["postData"] = _post_data(c, fields)
    if c.body_cut:
        request["comment"] = f"content cut to its first {len(c.body)} of {c.body_length} octets"
    try:
        reason = HTTPStatus(c.status).phrase
    except ValueError:
        reason = ""
    entry: dict[str, Any] = {
        "startedDateTime": c.time.isoformat(),
        "time": 0,
        "request": request,
        "response": {
            "status": c.status, "statusText": reason, "httpVersion": request["httpVersion"],
            "cookies": [], "headers": [], "content": {"size": 0, "mimeType": ""},
            "redirectURL": "", "headersSize": -1, "bodySize": -1,
            "comment": "headerscope keeps the status of its answer, not the answer",
        },
        "cache": {},
        "timings": {"blocked": -1, "dns": -1, "connect": -1, "send": 0, "wait": 0,
                    "receive": 0, "ssl": -1},
        "serverIPAddress": c.server[0],
        # Custom fields start with "_" (HAR 1.2, "Custom Fields").
        "_client": f"{c.client[0]}:{c.client[1]}",
        "_protocol": c.protocol,
    }
    if c.id is not None:
        entry["_id"] = c.id
    if c.bin is not None:
        entry["_bin"] = c.bin
    if c.tls is not None:
        entry["_tls"] = {"version": c.tls.version, "cipher": c.tls.cipher,
                         "alpn": c.tls.alpn, "serverName": c.tls.server_name}
    return {"log": {"version": HAR_VERSION,
                    "creator": {"name": "headerscope", "version": __version__},
                    "entries": [entry]}}
