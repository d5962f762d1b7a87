"""A werkzeug-based header inspector: the peer that benchmarks/peers.py measures us against.

What a Python developer would write for the same page in an afternoon: every field werkzeug
has a parse function for is parsed with it, every field is shown as a table row (name, raw
value, repr of the parsed value) escaped with html.escape. Served two ways:

    python benchmarks/werkzeug_inspector.py asyncio PORT   # a bare asyncio Protocol server
    python benchmarks/werkzeug_inspector.py uvicorn PORT   # the same page as an ASGI app

The bare server is deliberately minimal (no limits, no timeouts, no chunked bodies): the
cheapest way to serve the page, so a fair ceiling for a Python peer.
"""

from __future__ import annotations

import asyncio
import html
import sys
from collections.abc import Callable
from typing import Any

from werkzeug import http as wz
from werkzeug.datastructures import (
    Authorization,
    CharsetAccept,
    LanguageAccept,
    MIMEAccept,
    RequestCacheControl,
)

PARSERS: dict[str, Callable[[str], Any]] = {
    "accept": lambda v: wz.parse_accept_header(v, MIMEAccept),
    "accept-charset": lambda v: wz.parse_accept_header(v, CharsetAccept),
    "accept-encoding": wz.parse_accept_header,
    "accept-language": lambda v: wz.parse_accept_header(v, LanguageAccept),
    "authorization": Authorization.from_header,
    "cache-control": lambda v: wz.parse_cache_control_header(v, cls=RequestCacheControl),
    "connection": wz.parse_set_header,
    "content-disposition": wz.parse_options_header,
    "content-length": int,
    "content-range": wz.parse_content_range_header,
    "content-type": wz.parse_options_header,
    "cookie": wz.parse_cookie,
    "date": wz.parse_date,
    "forwarded": wz.parse_list_header,
    "if-match": wz.parse_etags,
    "if-modified-since": wz.parse_date,
    "if-none-match": wz.parse_etags,
    "if-range": wz.parse_if_range_header,
    "if-unmodified-since": wz.parse_date,
    "keep-alive": wz.parse_dict_header,
    "pragma": wz.parse_set_header,
    "range": wz.parse_range_header,
    "te": wz.parse_accept_header,
    "upgrade": wz.parse_set_header,
    "vary": wz.parse_set_header,
    "via": wz.parse_list_header,
}
HEAD = ("<!DOCTYPE html><html><head><meta charset=utf-8><title>headers</title></head><body>"
        "<h1>{method} {target}</h1><table><tr><th>Field</th><th>Raw value</th>"
        "<th>Parsed value</th></tr>")


def page(method: str, target: str, fields: list[tuple[str, str]]) -> bytes:
    rows = [HEAD.format(method=html.escape(method), target=html.escape(target))]
    for name, value in fields:
        parse = PARSERS.get(name.lower())
        try:
            parsed = repr(parse(value)) if parse is not None else ""
        except Exception as error:  # werkzeug's parsers mostly return None instead
            parsed = f"error: {error}"
        rows.append(f"<tr><td>{html.escape(name)}</td><td>{html.escape(value)}</td>"
                    f"<td>{html.escape(parsed)}</td></tr>")
    rows.append("</table></body></html>")
    return "".join(rows).encode("utf-8")


class _Connection(asyncio.Protocol):
    def __init__(self) -> None:
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0 and self.transport is not None:
            head, self.buffer = self.buffer[:end].decode("latin-1"), self.buffer[end + 4:]
            line, *lines = head.split("\r\n")
            method, target, version = line.split(" ", 2)
            fields = [(n, v.strip()) for n, _, v in (x.partition(":") for x in lines)]
            connection = next((v.lower() for n, v in fields if n.lower() == "connection"), "")
            keep = "close" not in connection if version == "HTTP/1.1" else (
                "keep-alive" in connection)
            body = page(method, target, fields)
            self.transport.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                b"Content-Length: %d\r\n%s\r\n%s" % (
                    len(body), b"" if keep else b"Connection: close\r\n", body))
            if not keep:
                self.transport.close()
                return


async def serve_asyncio(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Connection, "127.0.0.1", port, backlog=1024)
    async with server:
        await server.serve_forever()


async def asgi_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    fields = [(n.decode("latin-1"), v.decode("latin-1")) for n, v in scope["headers"]]
    target = scope["raw_path"].decode("latin-1") if scope.get("raw_path") else scope["path"]
    body = page(scope["method"], target, fields)
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def main() -> None:
    how, port = sys.argv[1], int(sys.argv[2])
    if how == "asyncio":
        asyncio.run(serve_asyncio(port))
    elif how == "uvicorn":
        import uvicorn

        uvicorn.run(asgi_app, host="127.0.0.1", port=port, log_level="warning",
                    access_log=False)
    else:
        raise SystemExit("usage: werkzeug_inspector.py asyncio|uvicorn PORT")


if __name__ == "__main__":
    main()
