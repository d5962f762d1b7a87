"""A werkzeug-based header inspector: the peer that benchmarks/peers.py measures us against.

What a Python developer would write for the same page in an afternoon: every field werkzeug
has a parse function for is parsed with it, every field is shown as a table row (name, raw
value, repr of the parsed value) escaped with html.escape. Served three ways:

    python benchmarks/werkzeug_inspector.py asyncio PORT     # a bare asyncio Protocol server
    python benchmarks/werkzeug_inspector.py uvicorn PORT     # the same page as an ASGI app
    python benchmarks/werkzeug_inspector.py hypercorn PORT [--certfile C --keyfile K]

The bare server is deliberately minimal (no limits, no timeouts, no chunked bodies): the
cheapest way to serve the page, so a fair ceiling for a Python peer. hypercorn is the ASGI
server a Python user picks for HTTP/2: on a plain port it answers HTTP/1.1 and h2c (prior
knowledge or Upgrade), with a certificate h2 or HTTP/1.1 by ALPN.
"""

from __future__ import annotations

import argparse
import asyncio
import html
from collections.abc import Callable, Mapping
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


async def asgi_app(scope: Mapping[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    fields = [(n.decode("latin-1"), v.decode("latin-1")) for n, v in scope["headers"]]
    target = scope["raw_path"].decode("latin-1") if scope.get("raw_path") else scope["path"]
    body = page(scope["method"], target, fields)
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def serve_hypercorn(port: int, certfile: str | None, keyfile: str | None,
                    max_requests: int | None = None) -> None:
    """hypercorn's asyncio worker run in this process: what `hypercorn --workers 1` runs in
    its one worker, without the idle parent process that would only watch it. `max_requests`:
    requests per connection before hypercorn ends it (its default: 1000)."""
    from hypercorn.asyncio import serve
    from hypercorn.config import Config

    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.accesslog = None
    config.loglevel = "WARNING"
    config.certfile, config.keyfile = certfile, keyfile
    if max_requests is not None:
        config.keep_alive_max_requests = max_requests
    asyncio.run(serve(asgi_app, config, mode="asgi"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("how", choices=("asyncio", "uvicorn", "hypercorn"))
    parser.add_argument("port", type=int)
    parser.add_argument("--certfile", help="hypercorn: serve TLS (h2 or HTTP/1.1 by ALPN)")
    parser.add_argument("--keyfile", help="hypercorn: the certificate's private key")
    parser.add_argument("--max-requests", type=int,
                        help="hypercorn: requests per connection before it ends the connection")
    args = parser.parse_args()
    if (args.certfile or args.keyfile or args.max_requests) and args.how != "hypercorn":
        parser.error("--certfile, --keyfile and --max-requests are for hypercorn")
    if args.how == "asyncio":
        asyncio.run(serve_asyncio(args.port))
    elif args.how == "uvicorn":
        import uvicorn

        uvicorn.run(asgi_app, host="127.0.0.1", port=args.port, log_level="warning",
                    access_log=False)
    else:
        serve_hypercorn(args.port, args.certfile, args.keyfile, args.max_requests)


if __name__ == "__main__":
    main()
