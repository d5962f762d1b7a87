"""One measurement: warm up, read the server's accounting, load it, read the accounting again.

Shared by `headerscope bench` and benchmarks/peers.py, so that every contender is measured
the same way: the same request bytes, the same generator, the same window.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .. import phases
from . import procstat
from .h2load import run_h2load
from .loadgen import LoadGenerator
from .profiles import Profile, request_bytes
from .results import LoadResult, Measurement, fmt_us
from .target import cpu_list
from .wrk import run_wrk, wrk_path


@dataclass(frozen=True)
class LoadSpec:
    profile: Profile
    path: str = "/"
    close: bool = False  # the article's mode: HTTP/1.0, a new connection per request
    connections: int = 10
    seconds: float = 5.0
    warmup: float = 1.0
    generator: str = "auto"  # "wrk", "asyncio" or "auto" (wrk when installed)
    client_cpus: str | None = "1"
    # "http1", "https" (HTTP/1.1 on TLS: wrk), "h2c" (prior knowledge), "h2" (TLS, ALPN):
    # the last two are loaded by h2load.
    protocol: str = "http1"

    @property
    def use_wrk(self) -> bool:
        if self.protocol == "https":
            return True  # our generator speaks no TLS
        return self.generator == "wrk" or (self.generator == "auto" and wrk_path() is not None)

    @property
    def use_h2load(self) -> bool:
        return self.protocol in ("h2c", "h2")

    @property
    def scheme(self) -> str:
        return "https" if self.protocol in ("https", "h2") else "http"

    @property
    def mode(self) -> str:
        return "close (HTTP/1.0)" if self.close else f"keep-alive ×{self.connections}"


T = TypeVar("T")


def interleaved(runs: Sequence[T], rounds: int) -> Iterator[tuple[int, T]]:
    """(round, run): every run once a round, the order reversed every other round, so that a
    noisy neighbour hits all the contenders alike (peers.py, tls_cost.py)."""
    for round_ in range(rounds):
        for run in runs if round_ % 2 == 0 else runs[::-1]:
            yield round_, run


def progress(round_: int, name: str, m: Measurement) -> str:
    """The line a multi-round benchmark prints after each measurement."""
    return (f"round {round_ + 1}: {name}: {fmt_us(m.cpu_us)} µs CPU/req, "
            f"{m.load.rps:.0f} req/s, {m.load.errors} errors")


def run_load(spec: LoadSpec, host: str, port: int, seconds: float,
             status: Callable[[Callable[[], str]], None] | None = None) -> LoadResult:
    authority = f"{host}:{port}"
    cpus = spec.client_cpus if cpu_list(spec.client_cpus) else None
    if spec.use_h2load:
        if status:
            status(lambda: "")
        return run_h2load(f"{spec.scheme}://{authority}{spec.path}", spec.profile,
                          connections=spec.connections, seconds=seconds, cpus=cpus)
    if spec.use_wrk:
        templates = [t.replace("{host}", authority)
                     for t in spec.profile.templates(spec.path, close=spec.close)]
        if status:
            status(lambda: "")
        return run_wrk(f"{spec.scheme}://{authority}{spec.path}", templates,
                       connections=spec.connections, seconds=seconds, cpus=cpus)
    generator = LoadGenerator(host, port, request_bytes(spec.profile, authority, spec.path,
                                                        close=spec.close),
                              connections=spec.connections, close=spec.close)
    if status:
        status(lambda: f"{generator.count} requests")
    return generator.run(seconds, cpus=cpu_list(spec.client_cpus))


class Progress:
    """A line on stderr, rewritten twice a second while a load runs (only on a terminal)."""

    def __init__(self, label: str, seconds: float, pid: int | None) -> None:
        self.label, self.seconds, self.pid = label, seconds, pid
        self.extra: Callable[[], str] = lambda: ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._cpu0 = procstat.cpu_seconds(pid) if pid else 0.0

    def __enter__(self) -> Progress:
        if sys.stderr.isatty():
            self._thread = threading.Thread(target=self._show, daemon=True)
            self._thread.start()
        return self

    def set_extra(self, extra: Callable[[], str]) -> None:
        self.extra = extra

    def _show(self) -> None:
        start = time.monotonic()
        while not self._stop.wait(0.5):
            cpu = procstat.cpu_seconds(self.pid) - self._cpu0 if self.pid else 0.0
            text = (f"  {self.label}: {time.monotonic() - start:4.1f}/{self.seconds:g} s, "
                    f"server CPU {cpu:.2f} s {self.extra()}")
            sys.stderr.write("\r" + text[:110].ljust(110))
            sys.stderr.flush()

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            sys.stderr.write("\r" + " " * 110 + "\r")
            sys.stderr.flush()


def measure(name: str, spec: LoadSpec, host: str, port: int, pid: int | None, *,
            phases_file: str | None = None, cache_file: str | None = None) -> Measurement:
    """Warm up, then load for `spec.seconds` and charge the server's CPU to the requests.

    `cache_file`: the server was started with HEADERSCOPE_CACHE_STATS=cache_file, so its
    field cache's counts are read before and after the load (pages/fieldcache.py)."""
    rss_before = procstat.rss_kib(pid) if pid else None
    if spec.warmup > 0:
        run_load(spec, host, port, spec.warmup)
    tree = procstat.process_tree(pid) if pid else []
    phase_base = phases.collect(phases_file, tree) if phases_file else (0, {})
    cache_base = _cache_stats(cache_file, tree)
    cpu_before = procstat.cpu_seconds(pid) if pid else None
    sched_before = procstat.sched_ns(pid) if pid else (0, 0)
    with Progress(name, spec.seconds, pid) as progress:
        result = run_load(spec, host, port, spec.seconds, progress.set_extra)
    cpu_after = procstat.cpu_seconds(pid) if pid else None
    sched_after = procstat.sched_ns(pid) if pid else (0, 0)
    phase_ns: dict[str, int] = {}
    phase_requests = 0
    if phases_file:
        count, totals = phases.collect(phases_file, tree)
        phase_requests = count - phase_base[0]
        phase_ns = {k: v - phase_base[1].get(k, 0) for k, v in totals.items()}
    cache = _cache_stats(cache_file, tree)
    if cache is not None and cache_base is not None:
        from ..pages.fieldcache import RUNNING

        cache = {k: v - cache_base[k] if k in RUNNING else v for k, v in cache.items()}
    cpu = cpu_after - cpu_before if cpu_after is not None and cpu_before is not None else None
    return Measurement(name, result, cpu, rss_before, procstat.rss_kib(pid) if pid else None,
                       phase_ns, phase_requests, (sched_after[0] - sched_before[0],
                                                  sched_after[1] - sched_before[1]), cache)


def _cache_stats(path: str | None, pids: list[int]) -> dict[str, int] | None:
    if not path or not pids:
        return None
    from ..pages.fieldcache import collect_stats

    return collect_stats(path, pids)
