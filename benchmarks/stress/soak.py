"""Item 8: the long soak, 1,000,000 inspector requests of every kind (tests/reliability/
_soak.py): zero errors, and the server's RSS growth after warm-up under 10 MB."""

from __future__ import annotations

import asyncio
import sys
import time

from tests.reliability._server import QUICK, tracebacks
from tests.reliability._soak import soak

from ._common import Figure, mib, rss, server

ITEM = "8 soak"
WARM_UP = 20_000  # requests before the memory baseline: caches, allocator arenas


def run(total: int, seconds: float) -> list[Figure]:
    began = time.monotonic()
    with server(*QUICK) as process:
        pid = process.proc.pid
        warm = asyncio.run(soak(process.port, min(WARM_UP, total)))
        baseline = rss(pid)
        samples: list[tuple[int, int]] = []
        last = [0.0]

        def progress(done: int) -> None:
            now = time.monotonic()
            if now - last[0] >= 30:
                last[0] = now
                samples.append((done, rss(pid)))
                print(f"  soak: {done:,} requests, RSS {mib(samples[-1][1])}", file=sys.stderr,
                      flush=True)

        result = asyncio.run(soak(process.port, max(0, total - WARM_UP), stop_after=seconds,
                                  progress=progress))
        end = rss(pid)
        logged = tracebacks(process)
    took = time.monotonic() - began
    peak = max([end, *(r for _, r in samples)])
    done = result.requests + result.errors + warm.requests + warm.errors
    grown = end - baseline
    return [
        Figure(ITEM, "requests answered (incl. warm-up)",
               f"{done:,} in {took:.0f} s ({done / max(took, 1e-9):.0f} req/s)",
               f"{total:,}", done >= total),
        Figure(ITEM, "errors (wrong, missing or not its own answer)",
               str(result.errors + warm.errors)
               + (f": {result.first_errors[:2]}" if result.first_errors else ""),
               "0", result.errors + warm.errors == 0),
        Figure(ITEM, "server RSS after warm-up -> end (peak)",
               f"{mib(baseline)} -> {mib(end)} ({mib(peak)})", ""),
        Figure(ITEM, "server RSS growth", mib(grown), "< 10 MB", grown < 10_000_000),
        Figure(ITEM, "tracebacks in the log", str(len(logged)), "0", not logged),
    ]
