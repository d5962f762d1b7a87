"""Item 4: slowloris and slow-body connections (1000 of each at full size) closed by their
deadline (+2 s), while a normal client's p99 stays under 50 ms."""

from __future__ import annotations

import asyncio
import time

from tests.reliability._aclient import SlowResult, trickle
from tests.reliability.test_slow_clients import SLOW_BODY, SLOWLORIS

from ._common import Figure, latency_figures, server
from ._probe import ProbeProcess

ITEM = "4 slow clients"


async def _drive(port: int, count: int, deadline: float) -> tuple[
    list[SlowResult], list[SlowResult]
]:
    # Both kinds at once, a field line or a body byte each second per connection.
    slow = await asyncio.gather(
        *(trickle(port, *SLOWLORIS, interval=1.0, give_up=deadline + 30) for _ in range(count)),
        *(trickle(port, *SLOW_BODY, interval=1.0, give_up=deadline + 30) for _ in range(count)))
    return slow[:count], slow[count:]


def run(count: int, deadline: float = 5.0) -> list[Figure]:
    seconds = str(deadline)
    with server("--header-timeout", seconds, "--body-timeout", seconds,
                "--keepalive-timeout", "60", "--max-connections", "20000") as process:
        normal = ProbeProcess(process.port).start()
        time.sleep(1.0)
        heads, bodies = asyncio.run(_drive(process.port, count, deadline))
        latencies, failures = normal.finish()
    figures = []
    for name, results in (("slowloris", heads), ("slow body", bodies)):
        closed = [r for r in results if r.closed]
        latest = max((r.after for r in closed), default=float("nan"))
        on_time = len(closed) == count and latest <= deadline + 2
        answered = sum(r.statuses == [408] for r in results)
        figures += [
            Figure(ITEM, f"{name}: closed / 408 answered", f"{len(closed)} / {answered} of {count}",
                   f"{count}", len(closed) == count),
            Figure(ITEM, f"{name}: latest close after first byte",
                   f"{latest:.2f} s (deadline {deadline:g} s)", f"<= {deadline + 2:g} s",
                   on_time),
        ]
    return figures + latency_figures(ITEM, latencies, failures, 0.050)
