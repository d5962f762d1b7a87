"""A test app, a server running in a thread, and a raw HTTP/1.1 client for the live tests."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from headerscope.http import ConnectionInfo, Limits, Request, Response
from headerscope.server import Server, ServerConfig
from headerscope.server._loops import loop_factory

# Short timeouts, so that every timeout test takes well under a second of waiting.
TEST_CONFIG = ServerConfig(
    port=0, access_log=False, header_timeout=1.0, body_timeout=1.0, keepalive_timeout=1.0,
    write_timeout=2.0, shutdown_timeout=2.0,
)


def echo_app(request: Request, info: ConnectionInfo) -> Response:
    """text/plain: the method and target, plus what a test needs to see of the request."""
    if request.target == "/boom":
        raise RuntimeError("the test app fails on purpose")
    if request.target.startswith("/big/"):
        return Response(200, [("Content-Type", "text/plain")],
                        b"b" * int(request.target[5:]))
    if request.target == "/json":
        text = json.dumps({"target": request.target, "fields": [f.value for f in request.fields]})
        body = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return Response(200, [("Content-Type", "application/json")], body.encode())
    lines = [f"{request.method} {request.target}", f"number={info.request_number}",
             f"tls={info.tls}", f"client={info.client[0]}", f"body={request.body!r}",
             f"trailers={[(t.name, t.value) for t in request.trailers]!r}"]
    return Response(200, [("Content-Type", "text/plain; charset=utf-8"),
                          ("X-Content-Type-Options", "nosniff")],
                    ("\n".join(lines) + "\n").encode("utf-8"))


class RunningServer:
    """A Server on its own event loop in a thread; `stop()` shuts it down gracefully."""

    def __init__(self, config: ServerConfig, app: Callable[[Request, ConnectionInfo], Response]):
        self.config = config
        self.server = Server(config, app)
        self.loop = loop_factory(config.loop)()
        self._error: BaseException | None = None
        started = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(self.loop)
            try:
                self.loop.run_until_complete(self.server.start())
            except BaseException as error:
                self._error = error
                started.set()
                return
            started.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        started.wait(10)
        if self._error is not None:
            raise self._error
        self.host, self.port = self.server.addresses[0]

    def call(self, function: Callable[[], Any]) -> Any:
        """Run `function` on the server's loop and return its result."""
        async def wrapper() -> Any:
            return function()
        return asyncio.run_coroutine_threadsafe(wrapper(), self.loop).result(10)

    def stop(self) -> None:
        if not self.loop.is_running():
            return
        asyncio.run_coroutine_threadsafe(self.server.shutdown(), self.loop).result(15)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@dataclass
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


@dataclass
class Exchange:
    replies: list[Reply] = field(default_factory=list)
    closed: bool = False  # the server closed (or reset) the connection
    rest: bytes = b""  # bytes that did not parse as a response


def parse_replies(data: bytes, head_requests: int = 0) -> tuple[list[Reply], bytes]:
    """Responses in `data`; the first `head_requests` final responses carry no body."""
    replies: list[Reply] = []
    pos = 0
    while True:
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            break
        lines = data[pos:end].decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = [(n, v.strip()) for n, _, v in (line.partition(":") for line in lines[1:])]
        reply = Reply(status, headers, b"")
        length = int(reply.header("Content-Length") or 0)
        if status < 200 or status in (204, 304) or len(
            [r for r in replies if r.status >= 200]
        ) < head_requests:
            length = 0
        if len(data) < end + 4 + length:
            break
        reply.body = data[end + 4 : end + 4 + length]
        pos = end + 4 + length
        replies.append(reply)
    return replies, data[pos:]


def connect(port: int, host: str = "127.0.0.1", timeout: float = 5.0) -> socket.socket:
    return socket.create_connection((host, port), timeout=timeout)


def receive(sock: socket.socket, idle: float = 1.0, total: float = 6.0) -> tuple[bytes, bool]:
    """Read until the peer closes (True) or is quiet for `idle` seconds (False)."""
    chunks: list[bytes] = []
    deadline = time.monotonic() + total
    sock.settimeout(idle)
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            return b"".join(chunks), False
        except (ConnectionResetError, BrokenPipeError):
            return b"".join(chunks), True
        if not chunk:
            return b"".join(chunks), True
        chunks.append(chunk)
    return b"".join(chunks), False


def exchange(port: int, data: bytes, *, idle: float = 1.0, head_requests: int = 0,
             host: str = "127.0.0.1") -> Exchange:
    with connect(port, host) as sock:
        # The server may answer early and close; read what it sent.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(data)
        received, closed = receive(sock, idle)
    replies, rest = parse_replies(received, head_requests)
    return Exchange(replies, closed, rest)


def get(port: int, target: str = "/", host: str = "127.0.0.1") -> Reply:
    result = exchange(port, f"GET {target} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                      .encode(), host=host)
    assert len(result.replies) == 1, result
    return result.replies[0]


Start = Callable[..., RunningServer]  # the `start` fixture: start(app=echo_app, **config)


def config(**changes: Any) -> ServerConfig:
    limits = changes.pop("limits", None)
    result = replace(TEST_CONFIG, **changes)
    return replace(result, limits=limits) if isinstance(limits, Limits) else result
