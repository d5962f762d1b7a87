"""Item 4, scaled for CI: 200 slowloris connections (a head trickled a field line at a time)
and 200 slow bodies are all answered 408 and closed by their deadline, while a normal client
keeps being answered. The deadlines are 1 s; the bound we assert is generous (deadline + 10 s)
because a loaded machine must make this slower, not flaky. benchmarks/stress runs 1000 of
each and reports the closing times and the normal client's p99.
"""

from __future__ import annotations

import asyncio

from ._aclient import SlowResult, probe, trickle
from ._server import tracebacks
from .conftest import Spawn

COUNT = 200
DEADLINE = 1.0
SLOWLORIS = (b"GET / HTTP/1.1\r\nHost: a\r\n", b"X-Slow: 1\r\n")
SLOW_BODY = (b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n", b"x")


async def _run(port: int) -> tuple[list[list[SlowResult]], list[float], int]:
    stop = asyncio.Event()
    normal = asyncio.create_task(probe(port, stop))
    results: list[list[SlowResult]] = []
    for first, piece in (SLOWLORIS, SLOW_BODY):
        results.append(await asyncio.gather(*(
            trickle(port, first, piece, interval=0.2, give_up=DEADLINE + 30)
            for _ in range(COUNT))))
    stop.set()
    latencies, failures = await normal
    return results, latencies, failures


def test_slow_clients_are_closed_by_the_deadline_and_others_served(spawn: Spawn) -> None:
    server = spawn("--header-timeout", str(DEADLINE), "--body-timeout", str(DEADLINE),
                   "--keepalive-timeout", "30")
    (slowloris, slow_body), latencies, failures = asyncio.run(_run(server.port))
    for results in (slowloris, slow_body):
        assert len(results) == COUNT
        late = [r for r in results if not r.closed or r.after > DEADLINE + 10]
        assert late == []
        assert {tuple(r.statuses) for r in results} == {(408,)}
    assert failures == 0 and len(latencies) > 0
    assert tracebacks(server) == []
