"""What every part shares: a figure of the table, and the real server in a process."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass

from tests.reliability._aclient import percentile, raise_fd_limit
from tests.reliability._server import real_server, rss
from tests.server._process import ServerProcess


@dataclass(frozen=True)
class Figure:
    item: str  # "4 slow clients"
    what: str  # "normal client p99"
    value: str  # "12.3 ms"
    target: str = ""  # "< 50 ms"
    ok: bool | None = None  # None: reported only


@contextlib.contextmanager
def server(*args: str, fd_limit: int = 0) -> Iterator[ServerProcess]:
    raise_fd_limit()
    process = real_server(*args, fd_limit=fd_limit)
    try:
        yield process
    finally:
        process.stop()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def mib(octets: float) -> str:
    return f"{octets / (1 << 20):.1f} MiB"


def p99(latencies: list[float]) -> float:
    return percentile(latencies, 0.99)


def latency_figures(item: str, latencies: list[float], failures: int,
                    target: float | None) -> list[Figure]:
    """A normal client's answers and latency; `target` None: the p99 is reported only."""
    worst = p99(latencies)
    return [
        Figure(item, "normal client: requests answered / failed",
               f"{len(latencies)} / {failures}", "0 failed", failures == 0 and bool(latencies)),
        Figure(item, "normal client p50", ms(percentile(latencies, 0.5))),
        Figure(item, "normal client p99", ms(worst),
               f"< {ms(target)}" if target is not None else "",
               worst < target if target is not None else None),
    ]


class Clock:
    def __init__(self) -> None:
        self.began = time.monotonic()

    def __call__(self) -> float:
        return time.monotonic() - self.began


__all__ = ["Clock", "Figure", "latency_figures", "mib", "ms", "p99", "rss", "server"]
