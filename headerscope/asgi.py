"""The inspector as an ASGI application: `uvicorn headerscope.asgi:app`.

What an ASGI server hides: the raw bytes of the head (the raw view says so) and the field
names' original case (ASGI lower-cases them). Wire order and repeated lines are kept by the
servers we test (uvicorn), so they are shown as received.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .pages.app import route
from .pages.inspection import Inspection, inspect_fields

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
MAX_BODY = 1024 * 1024


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size <= MAX_BODY:
            chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] != "http":
        return
    raw_path = scope.get("raw_path") or scope["path"].encode("utf-8")
    target = raw_path.decode("latin-1")
    if scope.get("query_string"):
        target += "?" + scope["query_string"].decode("latin-1")
    client = scope.get("client") or ("", 0)
    ins = Inspection(
        scope["method"], target, "HTTP/" + scope.get("http_version", "1.1"),
        inspect_fields([(n.decode("latin-1"), v.decode("latin-1")) for n, v in scope["headers"]]),
        inspect_fields([]), await _read_body(receive), b"", f"{client[0]}:{client[1]}",
        raw_available=False,
    )
    response = route(ins)
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers]
    headers.append((b"content-length", str(len(response.body)).encode()))
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    body = b"" if ins.method == "HEAD" else response.body
    await send({"type": "http.response.body", "body": body})
