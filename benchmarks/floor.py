"""Two floors under every headerscope figure: servers that answer "Hello, World!" to anything.

    python benchmarks/floor.py asyncio PORT       # a bare asyncio Protocol: no parsing at all
    python benchmarks/floor.py headerscope PORT   # headerscope's server, a constant application

`peers.py --floors` measures both beside the peers. The first is what asyncio itself costs
per request (one data_received, one write); the second adds headerscope's framing, checks,
connection bookkeeping and response encoding, but no field parsing and no page. /hello sits
above the second by the cost of parsing every field.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from headerscope.http import ConnectionInfo, Request, Response
from headerscope.server import ServerConfig, serve

HELLO = b"Hello, World!"
_ANSWER = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
           b"Content-Length: 13\r\n\r\n" + HELLO)
_RESPONSE = Response(200, (("Content-Type", "text/plain; charset=utf-8"),), HELLO)


class _Bare(asyncio.Protocol):
    """One answer per request head received; an HTTP/1.0 request (the article's mode, a
    connection per request) is answered and the connection closed."""

    def __init__(self) -> None:
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        heads = self.buffer.count(b"\r\n\r\n")
        if heads and self.transport is not None:
            close = b" HTTP/1.0\r\n" in self.buffer
            self.buffer = self.buffer[self.buffer.rfind(b"\r\n\r\n") + 4:]
            self.transport.write(_ANSWER * heads)
            if close:
                self.transport.close()


async def _serve_bare(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Bare, "127.0.0.1", port, backlog=1024)
    async with server:
        await server.serve_forever()


def _constant(request: Request, info: ConnectionInfo) -> Response:
    return _RESPONSE


def main() -> None:
    how, port = sys.argv[1], int(sys.argv[2])
    if how == "asyncio":
        asyncio.run(_serve_bare(port))
    elif how == "headerscope":
        # The settings `headerscope serve --no-access-log` runs the inspector with.
        raise SystemExit(serve(ServerConfig(host="127.0.0.1", port=port, access_log=False),
                               _constant))
    else:
        raise SystemExit("usage: floor.py asyncio|headerscope PORT")


if __name__ == "__main__":
    main()
