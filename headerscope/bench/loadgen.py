"""Our own load generator, for machines without wrk: asyncio, N connections, closed loop.

Each connection sends a request, waits for the whole response, records the latency and sends
the next, until the time is up or the request budget is spent. Keep-alive mode reuses the
connection (and opens a new one when the server closes it, as after its per-connection
request limit); close mode is the article's: HTTP/1.0, a new connection per request, the
response read to the end of the connection. A response is complete at its Content-Length,
or at the close when it has none. Anything but a 2xx status counts as an error.

Requests are numbered in the order they are sent, by one counter for all the connections (as
wrk's script counts them, bench/wrk.py), from `first`: a profile's request n is the same
whichever generator sends it, and runs that continue one another (benchmarks/memory.py)
never send a number twice.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable

from .results import LoadResult, percentile

MAX_SAMPLES = 200_000  # latencies kept for the histogram; percentiles use all of them


class _Response(asyncio.Protocol):
    """One connection's bytes in; resolves `done` with the status at the end of a response."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.done: asyncio.Future[int] | None = None
        self.closed = False
        self.closing = False  # the last response said "Connection: close"
        self._end = -1  # where the response ends, once its head has been read

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def send(self, data: bytes) -> asyncio.Future[int]:
        self.done = self.loop.create_future()
        self._end = -1
        assert self.transport is not None
        self.transport.write(data)
        return self.done

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        self._check()

    def _check(self) -> None:
        buffer = self.buffer
        if self._end < 0:
            head = buffer.find(b"\r\n\r\n")
            if head < 0:
                return
            lower = bytes(buffer[:head]).lower()
            self.closing = b"\nconnection: close" in lower
            start = lower.find(b"\ncontent-length:")
            if start < 0:
                return  # no length: the response ends with the connection
            end = buffer.index(b"\r", start + 1)
            self._end = head + 4 + int(buffer[start + 16:end])
        if len(buffer) >= self._end:
            self._finish(self._end)

    def _finish(self, end: int) -> None:
        status = int(self.buffer[9:12]) if self.buffer[:5] == b"HTTP/" else 0
        del self.buffer[:end]
        if self.done is not None and not self.done.done():
            self.done.set_result(status)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.done is not None and not self.done.done():
            if self.buffer[:5] == b"HTTP/" and b"\r\n\r\n" in self.buffer:
                self._finish(len(self.buffer))
            else:
                self.done.set_result(0)  # closed before a whole response: an error


class LoadGenerator:
    def __init__(self, host: str, port: int, request: Callable[[int], bytes], *,
                 connections: int, close: bool, timeout: float = 10.0) -> None:
        self.host, self.port, self.request = host, port, request
        self.connections, self.close, self.timeout = connections, close, timeout
        self.count = 0  # responses so far, for the progress line
        self.errors = 0
        self.latencies: list[float] = []
        self._stop_at = 0.0
        self._budget = 0
        self._issued = 0
        self._next = 0  # the number of the next request sent

    def run(self, seconds: float, requests: int = 0, cpus: set[int] | None = None, *,
            first: int = 0) -> LoadResult:
        """Load for `seconds` (or until `requests` responses); optionally pinned to `cpus`.
        The requests sent are numbers first, first + 1, ... (`sent` after the run)."""
        previous = os.sched_getaffinity(0) if cpus else None
        if cpus:
            os.sched_setaffinity(0, cpus)
        try:
            return asyncio.run(self._run(seconds, requests, first))
        finally:
            if previous:
                os.sched_setaffinity(0, previous)

    @property
    def sent(self) -> int:
        """The number after the last request sent: where a following run should start."""
        return self._next

    async def _run(self, seconds: float, requests: int, first: int) -> LoadResult:
        self.count = self.errors = 0
        self.latencies = []
        self._budget = requests
        self._issued = 0
        self._next = first
        start = time.perf_counter()
        self._stop_at = start + seconds
        await asyncio.gather(*(self._connection() for _ in range(self.connections)))
        elapsed = time.perf_counter() - start
        ordered = sorted(self.latencies)
        sample = tuple(ordered[:: max(1, len(ordered) // MAX_SAMPLES)])
        return LoadResult("asyncio", self.count, self.errors, elapsed,
                          percentile(ordered, 50), percentile(ordered, 90),
                          percentile(ordered, 99), ordered[-1] if ordered else 0.0, sample)

    def _more(self) -> bool:
        """Whether to send another request; a budget counts requests sent, not answered."""
        if self._budget:
            if self._issued >= self._budget:
                return False
            self._issued += 1
        return time.perf_counter() < self._stop_at

    async def _connection(self) -> None:
        loop = asyncio.get_running_loop()
        protocol: _Response | None = None
        while self._more():
            n = self._next
            self._next += 1
            began = time.perf_counter()
            try:
                if protocol is None or protocol.closed or protocol.closing:
                    if protocol is not None and protocol.transport is not None:
                        protocol.transport.close()  # the server closes it: do not send on it
                    _, fresh = await asyncio.wait_for(loop.create_connection(
                        lambda: _Response(loop), self.host, self.port), self.timeout)
                    protocol = fresh
                sent = protocol.send(self.request(n))
                status = await asyncio.wait_for(sent, self.timeout)
            except (TimeoutError, OSError):
                status = 0
                if protocol is not None and protocol.transport is not None:
                    protocol.transport.abort()
                protocol = None
            self.latencies.append((time.perf_counter() - began) * 1e6)
            self.count += 1
            if not 200 <= status < 300:
                self.errors += 1
            if self.close and protocol is not None:
                if not protocol.closed and protocol.transport is not None:
                    protocol.transport.close()
                protocol = None
        if protocol is not None and protocol.transport is not None:
            protocol.transport.close()

