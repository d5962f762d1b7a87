"""The soak client (item 8): many inspector requests of every kind, each answer checked.

Workers share one counter; each keeps a keep-alive connection, pipelines `depth` requests at
a time, and reconnects every `per_connection` requests, so that connection set-up and
tear-down are soaked too. A request carries a unique number in its target and in a field,
and the inspector's answer must show that number back: 200 alone would not notice a
response sent to the wrong request.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ._aclient import close, open_connection, read_replies

_BROWSER = ("Host: localhost\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) "
            "Gecko/20100101 Firefox/128.0\r\nAccept: text/html,application/xhtml+xml,"
            "application/xml;q=0.9,*/*;q=0.8\r\nAccept-Language: en-US,en;q=0.5\r\n"
            "Accept-Encoding: gzip, deflate, br, zstd\r\nUpgrade-Insecure-Requests: 1\r\n"
            "Sec-Fetch-Dest: document\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Site: none\r\n"
            "Cookie: a=1; b=2\r\nIf-None-Match: W/\"x\", \"y\"\r\nPriority: u=0, i\r\n")
_FORM = b"name=Cache-Control&value=max-age%3D60%2C+no-cache%3D%22Set-Cookie%22"
_CHUNKED = b'7\r\n{"a": 1\r\n1\r\n}\r\n0\r\nServer-Timing: db;dur=53\r\n\r\n'
# (template, whether the answer must show the request's number)
TEMPLATES: list[tuple[bytes, bool]] = [
    (f"GET /s/%d HTTP/1.1\r\n{_BROWSER}X-Soak: soak%d\r\n\r\n".encode(), True),
    (b"GET /s/%d HTTP/1.1\r\nHost: a\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n"
     b"X-Soak: soak%d\r\n\r\n", True),
    (b"GET /s/%d?format=json HTTP/1.1\r\nHost: a\r\nAccept: application/json\r\n"
     b"X-Soak: soak%d\r\n\r\n", True),
    (b"GET /s/%d?format=raw HTTP/1.1\r\nHost: a\r\nX-Soak: soak%d\r\n\r\n", True),
    (b"POST /s/%d HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
     b"Content-Type: application/json\r\nX-Soak: soak%d\r\n\r\n" + _CHUNKED, True),
    (b"POST /fields?format=html&n=%d HTTP/1.1\r\nHost: a\r\nContent-Type: "
     b"application/x-www-form-urlencoded\r\nX-Soak: soak%d\r\nContent-Length: "
     + str(len(_FORM)).encode() + b"\r\n\r\n" + _FORM.replace(b"%", b"%%"), False),
    (b"GET /fields/Accept?format=json&n=%d HTTP/1.1\r\nHost: a\r\nX-Soak: soak%d\r\n\r\n",
     False),
    (b"GET /hello?n=%d HTTP/1.1\r\nHost: a\r\nX-Soak: soak%d\r\n\r\n", False),
]


def soak_request(number: int) -> tuple[bytes, bool]:
    template, reflects = TEMPLATES[number % len(TEMPLATES)]
    return template % (number, number), reflects


@dataclass
class SoakResult:
    requests: int = 0  # answered correctly
    errors: int = 0
    seconds: float = 0.0
    first_errors: list[str] = field(default_factory=list)

    def error(self, text: str) -> None:
        self.errors += 1
        if len(self.first_errors) < 10:
            self.first_errors.append(text)


async def soak(port: int, total: int, *, connections: int = 8, depth: int = 4,
               per_connection: int = 500, stop_after: float = float("inf"),
               progress: Callable[[int], None] | None = None) -> SoakResult:
    """`total` requests, or as many as `stop_after` seconds allow."""
    result = SoakResult()
    issued = 0
    began = time.monotonic()

    def take(count: int) -> list[int]:
        nonlocal issued
        if time.monotonic() - began > stop_after:
            return []
        numbers = list(range(issued, min(total, issued + count)))
        issued += len(numbers)
        return numbers

    async def worker() -> None:
        conn = None
        used = 0
        while numbers := take(depth):
            if conn is None or used >= per_connection:
                if conn is not None:
                    close(conn[1])
                conn, used = await open_connection(port), 0
            reader, writer = conn
            pairs = [soak_request(n) for n in numbers]
            try:
                writer.write(b"".join(data for data, _ in pairs))
                replies, closed = await read_replies(reader, len(numbers), 60.0)
            except OSError as error:
                replies, closed = [], True
                result.error(f"request {numbers[0]}: {error!r}")
            used += len(numbers)
            for number, (_, reflects), reply in zip(numbers, pairs, replies, strict=False):
                if reply.status != 200 or not reply.body or (
                    reflects and b"soak%d" % number not in reply.body
                ):
                    result.error(f"request {number}: {reply.status} {reply.body[:80]!r}")
                else:
                    result.requests += 1
            if len(replies) < len(numbers):
                for number in numbers[len(replies):]:
                    result.error(f"request {number}: no answer (closed={closed})")
            if closed or len(replies) < len(numbers):
                close(writer)
                conn = None
            if progress is not None:
                progress(result.requests + result.errors)
        if conn is not None:
            close(conn[1])

    await asyncio.gather(*(worker() for _ in range(connections)))
    result.seconds = time.monotonic() - began
    return result
