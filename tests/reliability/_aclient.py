"""Asyncio clients for the reliability tests and benchmarks/stress: many sockets, one thread.

Each client is a coroutine that does one thing a real client does (trickles a head, holds a
keep-alive connection, pipelines, measures a normal request) and returns what it saw, so a
test asserts behaviour and a benchmark reports the figures from the same code. Responses are
parsed with `tests.server._support.parse_replies`, the parser the live server tests use.
"""

from __future__ import annotations

import asyncio
import contextlib
import resource
import time
from dataclasses import dataclass, field

from tests.server._support import Reply, parse_replies

HOST = "127.0.0.1"
NORMAL = b"GET /?format=text HTTP/1.1\r\nHost: a\r\nUser-Agent: probe/1\r\nAccept: */*\r\n\r\n"
_RESETS = (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)


def raise_fd_limit() -> int:
    """Raise this (client) process's soft descriptor limit to the hard one; return it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        soft = hard
    return soft


async def open_connection(
    port: int, attempts: int = 50
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """Connect, retrying briefly: a full accept queue under a burst refuses or times out."""
    for attempt in range(attempts):
        try:
            return await asyncio.wait_for(asyncio.open_connection(HOST, port), 10)
        except (OSError, TimeoutError):
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def close(writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(Exception):
        writer.close()


async def read_replies(reader: asyncio.StreamReader, count: int, timeout: float,
                       head_requests: int = 0) -> tuple[list[Reply], bool]:
    """Read until `count` final responses arrived, the peer closed (True), or the timeout."""
    data = bytearray()
    deadline = time.monotonic() + timeout
    closed = False
    while True:
        replies, _ = parse_replies(bytes(data), head_requests)
        if len([r for r in replies if r.status >= 200]) >= count:
            return replies, closed
        left = deadline - time.monotonic()
        if left <= 0:
            return replies, closed
        try:
            chunk = await asyncio.wait_for(reader.read(1 << 16), left)
        except TimeoutError:
            return parse_replies(bytes(data), head_requests)[0], False
        except _RESETS:
            chunk = b""
        if not chunk:
            return parse_replies(bytes(data), head_requests)[0], True
        data += chunk


async def wait_closed(reader: asyncio.StreamReader, timeout: float) -> tuple[bytes, bool]:
    """Read and keep everything until the peer closes (True) or `timeout` passes (False)."""
    data = bytearray()
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            chunk = await asyncio.wait_for(reader.read(1 << 16), left)
        except TimeoutError:
            break
        except _RESETS:
            return bytes(data), True
        if not chunk:
            return bytes(data), True
        data += chunk
    return bytes(data), False


# -- a normal client -------------------------------------------------------------------------


async def probe(port: int, stop: asyncio.Event, pause: float = 0.01,
                request: bytes = NORMAL) -> tuple[list[float], int]:
    """Sequential keep-alive requests until `stop`: (latencies in seconds, failures).

    A failure is anything but a 200 within 10 s; the client then reconnects, as a browser
    would. Latency runs from the write to the last byte of the response."""
    latencies: list[float] = []
    failures = 0
    conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    while not stop.is_set():
        try:
            if conn is None:
                conn = await open_connection(port)
            reader, writer = conn
            began = time.perf_counter()
            writer.write(request)
            replies, closed = await read_replies(reader, 1, 10.0)
            elapsed = time.perf_counter() - began
        except (OSError, TimeoutError):
            replies, closed, elapsed = [], True, 0.0
        if len(replies) == 1 and replies[0].status == 200:
            latencies.append(elapsed)
        else:
            failures += 1
        if conn is not None and (closed or not replies or replies[0].header("Connection")):
            close(conn[1])
            conn = None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), pause)
    if conn is not None:
        close(conn[1])
    return latencies, failures


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# -- slow clients ----------------------------------------------------------------------------


@dataclass
class SlowResult:
    closed: bool  # the server closed the connection
    after: float  # seconds from the first byte sent to the close (or to giving up)
    statuses: list[int] = field(default_factory=list)  # what the server answered


async def trickle(port: int, first: bytes, piece: bytes, interval: float,
                  give_up: float) -> SlowResult:
    """Send `first`, then `piece` every `interval` seconds, until the server closes.

    With `first` an unfinished head this is slowloris; with a head that declares a body it
    is a slow body. Nothing we send ever completes the request."""
    reader, writer = await open_connection(port)
    began = time.monotonic()
    data = bytearray()
    closed = False
    try:
        writer.write(first)
        while time.monotonic() - began < give_up:
            try:
                chunk = await asyncio.wait_for(reader.read(4096), interval)
            except TimeoutError:
                writer.write(piece)
                continue
            except _RESETS:
                chunk = b""
            if not chunk:
                closed = True
                break
            data += chunk
    except _RESETS:
        closed = True
    after = time.monotonic() - began
    close(writer)
    replies, _ = parse_replies(bytes(data))
    return SlowResult(closed, after, [r.status for r in replies])


# -- idle keep-alive connections -------------------------------------------------------------


async def hold(port: int, count: int, batch: int = 200) -> list[
    tuple[asyncio.StreamReader, asyncio.StreamWriter]
]:
    """`count` keep-alive connections, each answered once and then left idle."""
    held: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def one() -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        reader, writer = await open_connection(port)
        writer.write(b"GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        replies, closed = await read_replies(reader, 1, 30.0)
        if closed or [r.status for r in replies] != [200]:
            close(writer)
            raise AssertionError(f"idle connection setup failed: {replies} closed={closed}")
        return reader, writer

    for start in range(0, count, batch):
        held += await asyncio.gather(*(one() for _ in range(min(batch, count - start))))
    return held


async def still_open(conns: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]],
                     batch: int = 500) -> int:
    """How many of the held connections still answer a request (each is asked once)."""
    async def ask(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        try:
            writer.write(b"GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            replies, _ = await read_replies(reader, 1, 30.0)
        except OSError:
            return False
        return [r.status for r in replies] == [200]

    alive = 0
    for start in range(0, len(conns), batch):
        alive += sum(await asyncio.gather(*(ask(r, w) for r, w in conns[start:start + batch])))
    return alive


# -- pipelining ------------------------------------------------------------------------------


def pipelined_request(conn: int, number: int) -> bytes:
    """A request that its response must reflect: its own target and its own field value."""
    return (f"GET /p/{conn}/{number}?format=text HTTP/1.1\r\nHost: a\r\n"
            f"X-Seq: c{conn}n{number}\r\n\r\n").encode()


async def pipeline(port: int, conn: int, depth: int, timeout: float = 120.0) -> list[str]:
    """Send `depth` requests in one write, read the answers; return what was wrong."""
    reader, writer = await open_connection(port)
    try:
        writer.write(b"".join(pipelined_request(conn, n) for n in range(depth)))
        replies, _ = await read_replies(reader, depth, timeout)
    finally:
        close(writer)
    problems = []
    if len(replies) != depth:
        problems.append(f"connection {conn}: {len(replies)} of {depth} responses")
    for number, reply in enumerate(replies):
        first = reply.body.split(b"\n", 1)[0]
        own = f"GET /p/{conn}/{number}?format=text ".encode()
        if reply.status != 200 or not first.startswith(own) or (
            f"c{conn}n{number}".encode() not in reply.body
        ):
            problems.append(f"connection {conn}: response {number} is {first[:60]!r}")
            break
    return problems
