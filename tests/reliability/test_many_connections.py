"""Item 5, scaled for CI: 2,000 idle keep-alive connections are held open (each answered
once) while a normal client keeps being answered; afterwards every one of them still answers,
and once they close the server's descriptors return to where they started. benchmarks/stress
holds 10,000 and reports the normal client's p99 and the server's memory.
"""

from __future__ import annotations

import asyncio

from ._aclient import close, hold, probe, still_open
from ._server import descriptors, settle, tracebacks
from .conftest import Spawn

COUNT = 2000


async def _run(port: int, pid: int) -> tuple[int, int, int, int]:
    conns = await hold(port, COUNT)
    held_fds = descriptors(pid)
    stop = asyncio.Event()
    normal = asyncio.create_task(probe(port, stop))
    await asyncio.sleep(2.0)
    stop.set()
    latencies, failures = await normal
    alive = await still_open(conns)
    for _, writer in conns:
        close(writer)
    return held_fds, len(latencies), failures, alive


def test_thousands_of_idle_connections_are_kept_and_others_served(spawn: Spawn) -> None:
    server = spawn("--keepalive-timeout", "120")
    pid = server.proc.pid
    baseline = descriptors(pid)
    held_fds, answered, failures, alive = asyncio.run(_run(server.port, server.proc.pid))
    assert held_fds >= baseline + COUNT  # the server really holds them all at once
    assert failures == 0 and answered > 0
    assert alive == COUNT
    assert settle(server, baseline) == baseline
    assert tracebacks(server) == []
