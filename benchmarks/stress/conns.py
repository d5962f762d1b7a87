"""Item 5: 10,000 idle keep-alive connections held open while a normal client's p99 stays
under 200 ms; the server's memory with and without them."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from tests.reliability._aclient import close, hold, still_open
from tests.reliability._server import descriptors

from ._common import Figure, latency_figures, mib, rss, server
from ._probe import ProbeProcess

ITEM = "5 many connections"


@dataclass
class Held:
    rss_before: int
    rss_held: int
    fds_held: int
    alive: int
    latencies: list[float]
    failures: int


async def _drive(port: int, pid: int, count: int, seconds: float) -> Held:
    before = rss(pid)
    conns = await hold(port, count, batch=500)
    held_rss, held_fds = rss(pid), descriptors(pid)
    normal = ProbeProcess(port).start()
    await asyncio.sleep(seconds)
    latencies, failures = normal.finish()
    alive = await still_open(conns)
    for _, writer in conns:
        close(writer)
    return Held(before, held_rss, held_fds, alive, latencies, failures)


def run(count: int, seconds: float = 10.0) -> list[Figure]:
    with server("--keepalive-timeout", "300", "--max-connections", "20000") as process:
        pid = process.proc.pid
        asyncio.run(_drive(process.port, pid, 50, 0.1))  # warm up: pages, imports
        got = asyncio.run(_drive(process.port, pid, count, seconds))
    grown = got.rss_held - got.rss_before
    return [
        Figure(ITEM, "idle connections held, still answering after",
               f"{got.alive} of {count}", f"{count}", got.alive == count),
        Figure(ITEM, "server descriptors while held", str(got.fds_held)),
        Figure(ITEM, "server RSS: before -> holding them",
               f"{mib(got.rss_before)} -> {mib(got.rss_held)} "
               f"({grown / max(count, 1) / 1024:.1f} KiB per connection)"),
        *latency_figures(ITEM, got.latencies, got.failures, 0.200),
    ]
