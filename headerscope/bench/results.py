"""What one measurement produced, and the arithmetic on it (percentiles, medians, ratios)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """The nearest-rank percentile of already sorted values (0 for none)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return float(sorted_values[min(rank, len(sorted_values)) - 1])


@dataclass(frozen=True)
class LoadResult:
    """What the load generator saw: responses, errors, and latency in microseconds."""

    generator: str  # "wrk 4.1.0" or "asyncio"
    requests: int  # responses received in the measured window
    errors: int  # connection failures, timeouts and non-2xx responses
    seconds: float
    p50: float
    p90: float
    p99: float
    max: float
    # A sample of latencies in microseconds for the histogram: every latency from our own
    # generator (up to a cap), or wrk's percentiles 0.5, 1.5, ..., 99.5 (one per 1 %).
    latencies: tuple[float, ...] = ()

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class Allocation:
    """The allocation cost of one request, measured in the benchmark's own process."""

    requests: int
    peak_bytes: float  # tracemalloc: the median peak above the baseline during a request
    peak_bytes_max: float
    net_blocks: float  # sys.getallocatedblocks() growth per request: ~0 when nothing leaks
    gc_per_100k: tuple[float, float, float]  # collections of generations 0, 1, 2


@dataclass(frozen=True)
class Measurement:
    """One contender under one load: the load, and the server's own accounting around it."""

    name: str
    load: LoadResult
    cpu_seconds: float | None  # server CPU (user + system) during the load; None: unknown
    rss_before_kib: int | None = None
    rss_after_kib: int | None = None
    phases_ns: dict[str, int] = field(default_factory=dict)  # totals for `load.requests`
    phase_requests: int = 0  # requests the server counted while timing phases
    sched_ns: tuple[int, int] = (0, 0)  # server threads: ns on a CPU, ns waiting for one
    # The server's field cache during the load: hits, misses, skipped (never cacheable) as
    # differences, entries and bytes at the end; None when the server did not say.
    cache: dict[str, int] | None = None

    @property
    def hit_rate(self) -> float | None:
        """Hits per field line parsed through the cache (misses and skipped lines count)."""
        if self.cache is None:
            return None
        lookups = self.cache["hits"] + self.cache["misses"] + self.cache["skipped"]
        return self.cache["hits"] / lookups if lookups else None

    @property
    def running_share(self) -> float:
        """The share of its ready time the server really ran (1 on an idle machine)."""
        run, wait = self.sched_ns
        return run / (run + wait) if run > 0 else 1.0

    @property
    def cpu_us(self) -> float | None:
        """Server CPU time per request, in microseconds: the primary figure."""
        if self.cpu_seconds is None or self.load.requests == 0:
            return None
        return self.cpu_seconds * 1e6 / self.load.requests


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def fmt_us(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"
