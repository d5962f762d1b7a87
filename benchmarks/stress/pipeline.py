"""Item 6: 100 connections x 100 pipelined requests, all present, in order, their own; then
clients that pipeline and never read: the server's memory, what it takes from them, and a
normal client's latency meanwhile."""

from __future__ import annotations

import asyncio
import time

from tests.reliability._aclient import pipeline
from tests.reliability._server import QUICK
from tests.reliability.test_pipelining import Flooder

from ._common import Clock, Figure, latency_figures, mib, rss, server
from ._probe import ProbeProcess

ITEM = "6 pipelining"


async def _pipelines(port: int, connections: int, depth: int) -> list[str]:
    results = await asyncio.gather(*(pipeline(port, c, depth, timeout=600)
                                     for c in range(connections)))
    return [p for problems in results for p in problems]


def _normal(port: int, seconds: float) -> tuple[list[float], int]:
    normal = ProbeProcess(port).start()
    time.sleep(seconds)
    return normal.finish()


def run(connections: int, depth: int, flooders: int) -> list[Figure]:
    figures = []
    with server(*QUICK[:-4], "--write-timeout", "600", "--max-requests", "1000000") as process:
        clock = Clock()
        problems = asyncio.run(_pipelines(process.port, connections, depth))
        took = clock()
        figures.append(Figure(
            ITEM, f"{connections} x {depth} pipelined: wrong or missing responses",
            f"{len(problems)} ({connections * depth / took:.0f} req/s, {took:.1f} s)", "0",
            not problems))
        pid = process.proc.pid
        start_rss = rss(pid)
        floods = [Flooder(process.port, c) for c in range(flooders)]
        for flood in floods:
            flood.start()
        # While they are still being served (the busy part), a normal client meanwhile.
        busy_latencies, busy_failures = _normal(process.port, 5.0)
        deadline = time.monotonic() + 300
        offered = -1
        while offered != (offered := sum(f.sent for f in floods)) and time.monotonic() < deadline:
            time.sleep(2.0)
        steady_rss = rss(pid)
        latencies, failures = _normal(process.port, 10.0)
        taken = sum(f.sent for f in floods) - offered
        end_rss = rss(pid)
        for flood in floods:
            flood.stop.set()
            flood.join(10)
            flood.sock.close()
    figures += [
        Figure(ITEM, f"{flooders} never-reading clients: requests taken, then in 10 s more",
               f"{offered} then {taken}", "then ~0", taken <= 2 * flooders),
        Figure(ITEM, "server RSS: before -> blocked -> 10 s later",
               f"{mib(start_rss)} -> {mib(steady_rss)} -> {mib(end_rss)}", "flat after blocked",
               end_rss - steady_rss < 16 << 20),
        *latency_figures(ITEM + " (while floods are served)", busy_latencies, busy_failures,
                         None),
        *latency_figures(ITEM + " (floods blocked)", latencies, failures, 0.050),
    ]
    return figures
