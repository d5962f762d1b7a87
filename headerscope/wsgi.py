"""The inspector as a WSGI application: `gunicorn headerscope.wsgi:app`.

What a WSGI server hides, so the page cannot show it: the raw bytes of the head (the raw view
says so), the field names' original case (CGI turns `Accept-Language` into
`HTTP_ACCEPT_LANGUAGE`; we show it back as `Accept-Language`, and `-` and `_` become the same),
the wire order of the fields (environ is a dict; we show them sorted), and repeated lines
(servers join them with ", ", or keep only one). Everything else is the same page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from .pages.app import route
from .pages.inspection import Inspection, inspect_fields

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
MAX_BODY = 1024 * 1024


def _field_name(key: str) -> str:
    return "-".join(part.capitalize() for part in key.split("_"))


def environ_fields(environ: dict[str, Any]) -> list[tuple[str, str]]:
    pairs = []
    for key in sorted(environ):
        if key.startswith("HTTP_"):
            name = _field_name(key[5:])
        elif key in ("CONTENT_TYPE", "CONTENT_LENGTH") and environ[key]:
            name = _field_name(key)
        else:
            continue
        # PEP 3333: values are "native strings" holding ISO-8859-1 bytes, as we want them.
        pairs.append((name, str(environ[key])))
    return pairs


def _read_body(environ: dict[str, Any]) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return b""
    stream = environ.get("wsgi.input")
    if stream is None or length <= 0:
        return b""
    data: bytes = stream.read(min(length, MAX_BODY))
    return data


def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    target = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if not target:
        target = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "") or "/"
        if environ.get("QUERY_STRING"):
            target += "?" + environ["QUERY_STRING"]
    ins = Inspection(
        environ.get("REQUEST_METHOD", "GET"), target,
        environ.get("SERVER_PROTOCOL", "HTTP/1.1"),
        inspect_fields(environ_fields(environ)), inspect_fields([]),
        _read_body(environ), b"",
        f"{environ.get('REMOTE_ADDR', '')}:{environ.get('REMOTE_PORT', '')}",
        raw_available=False,
    )
    response = route(ins)
    status = f"{response.status} {HTTPStatus(response.status).phrase}"
    headers = [*response.headers, ("Content-Length", str(len(response.body)))]
    start_response(status, headers)
    return [] if ins.method == "HEAD" else [response.body]
