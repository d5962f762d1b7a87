"""Issue 13, linear cost: no parser or view super-linear in its input, and no request holding
the loop.

- "linear": the walk of tests/headers/test_linear_cost.py at a larger size (full: 8 KB against
  64 KB; --quick: 2 against 16, as the test). Every shape of every registered field through
  REGISTRY.parse, then each field's slowest value through each view of the inspector. Figures:
  how many pairs cost more than 24x at 8 times the size (target 0), the worst ratios per field,
  the slowest parses and views.
- "hold": the worst page one request can ask for, and what it does to everyone else. The
  fields that cost most at 16 KB are found by the same walk; a maximal request fills its
  16 KiB header section, and its 16 KiB trailer section, with one of them. Figures: the time
  to build each view of the worst maximal requests (CPU, in this process), then, against the
  real server, one client pipelining the worst of them as fast as it is answered while
  another asks for /hello: /hello's p50 and p99 (target < 50 ms). The server builds those
  pages, and the capture pages that show them again, on its worker thread
  (server/_offload.py); the same flood again with the worst requests that stay on its loop
  (field sections just under OFFLOAD_BYTES), with the same target.
"""

from __future__ import annotations

import asyncio
import os

from headerscope.headers import REGISTRY
from headerscope.server._offload import OFFLOAD_BYTES
from tests.headers._linear import (
    INFO,
    RATIO,
    SCALE,
    VIEWS,
    Cost,
    Shape,
    cpu,
    measure,
    page,
    parser,
    shapes,
    slowest,
    uncached_app,
)
from tests.pages.helpers import make_request
from tests.reliability._aclient import percentile
from tests.reliability.test_hold import HELLO, fill, hold, maximal_request

from ._common import Figure, ms, server
from ._probe import ProbeProcess

ITEM = "13 linear cost"
HOLD_ITEM = "13 no request holds the loop"
SECTION_SIZE = 16 * 1024  # the size the hold part looks for slow fields at: a field section


def _kb(size: int) -> str:
    return f"{size // 1024} KB"


def run(size: int) -> list[Figure]:
    """Every shape of every field at size/SCALE and size; each field's slowest through each
    view."""
    small = size // SCALE
    app = uncached_app()
    per_field: dict[str, list[tuple[str, Cost]]] = {}
    count = 0
    for spec in REGISTRY:
        fn = parser(spec.name)
        found: list[tuple[str, Cost]] = []
        slow_shape, slow_time = Shape(""), -1.0
        for shape in shapes(spec):
            cost = measure(fn, shape.value(small), shape.value(size), limit=float("inf"))
            found.append((f"parse {shape}", cost))
            if cost.large > slow_time:
                slow_shape, slow_time = shape, cost.large
        for view in VIEWS:
            cost = measure(page(spec.name, view, app), slow_shape.value(small),
                           slow_shape.value(size), limit=float("inf"))
            found.append((f"{view} view of {slow_shape}", cost))
        count += len(found)
        per_field[spec.name] = found
    over = [(name, what, cost) for name, found in per_field.items() for what, cost in found
            if not cost.linear]
    worst_ratio = sorted(((max(c.ratio if c.large > 0.0005 else 0 for _, c in found), name)
                          for name, found in per_field.items()), reverse=True)
    parses = sorted(((c.large, name, what) for name, found in per_field.items()
                     for what, c in found if what.startswith("parse ")), reverse=True)
    views = sorted(((c.large, name, what) for name, found in per_field.items()
                    for what, c in found if not what.startswith("parse ")), reverse=True)
    return [
        Figure(ITEM, f"values timed at {_kb(small)} and {_kb(size)}",
               f"{count} ({len(per_field)} fields)"),
        Figure(ITEM, f"pairs over {RATIO}x at {SCALE} times the size",
               "; ".join(f"{name} {what}: {cost}" for name, what, cost in over[:5])
               or "0", "0", not over),
        Figure(ITEM, "worst ratio per field (top 5)",
               ", ".join(f"{name} x{ratio:.2f}" for ratio, name in worst_ratio[:5])),
        Figure(ITEM, f"slowest parses at {_kb(size)}",
               ", ".join(f"{name} {what[6:]} {ms(t)}" for t, name, what in parses[:3])),
        Figure(ITEM, f"slowest views at {_kb(size)}",
               ", ".join(f"{name} {what} {ms(t)}" for t, name, what in views[:3])),
    ]


# -- hold ----------------------------------------------------------------------------------

def maximal_pages(top: int = 6) -> list[tuple[float, str, Shape, str, float]]:
    """(CPU seconds, field, shape, view, CPU seconds with the cyclic garbage collector
    running) of the worst maximal requests, costliest first: the `top` fields that parse
    slowest at 16 KB, each in each view, with trailers."""
    app = uncached_app()
    found = []
    for _, spec, shape in slowest(SECTION_SIZE)[:top]:
        for view in VIEWS:
            fields = [("Host", "a"), ("Transfer-Encoding", "chunked")]
            other = sum(len(n) + len(v) + 4 for n, v in fields)
            request = make_request(
                [*fields, (spec.name, fill(spec.name, shape, other))], method="POST",
                target=f"/?format={view}", trailers=[(spec.name, fill(spec.name, shape, 0))])
            found.append((cpu(lambda r: app(r, INFO), request, 3), spec.name, shape, view,
                          cpu(lambda r: app(r, INFO), request, 3, collector=True)))
    return sorted(found, key=lambda t: -t[0])


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (/proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_hold(seconds: float) -> list[Figure]:
    pages = maximal_pages()
    worst = pages[:4]
    maximal = [maximal_request(name, shape, view) for _, name, shape, view, _ in worst]
    # The largest requests the server still answers on its loop: no trailers, and a head of
    # fewer than OFFLOAD_BYTES octets, request line included.
    below = [maximal_request(name, shape, view, trailers=False, section=OFFLOAD_BYTES - 64)
             for _, name, shape, view, _ in worst]
    assert all(len(r) < OFFLOAD_BYTES for r in below)
    cost, name, shape, view, collected = pages[0]
    figures = [
        Figure(HOLD_ITEM, "worst page for a maximal request (16 KiB head + 16 KiB trailers)",
               f"{ms(cost)} ({ms(collected)} with gc): {name} {shape}, {view} view"),
        Figure(HOLD_ITEM, "next worst pages",
               ", ".join(f"{n} {v} {ms(c)}" for c, n, _, v, _ in pages[1:4])),
    ]
    # The pages of their captures cost as much, for a small request: one capture's page and
    # a diff of two (the warm-up's first requests are captures 1 and 2).
    pages_of = [b"GET /captures/1?format=json HTTP/1.1\r\nHost: a\r\n\r\n",
                b"GET /captures/1/diff/2 HTTP/1.1\r\nHost: a\r\n\r\n"]
    figures += _flood("maximal requests and their captures' pages (worker thread)",
                      [*maximal, *pages_of], seconds)
    figures += _flood(f"requests under {OFFLOAD_BYTES} octets (loop)", below, seconds)
    return figures


def _flood(what: str, requests: list[bytes], seconds: float) -> list[Figure]:
    """One client pipelining `requests` as fast as they are answered; /hello meanwhile."""
    # --max-requests: the flooding client pipelines 8 at a time, and would count the ones
    # after a connection's last (the server closes after 1000 by default) as refused;
    # --store-max-requests: captures 1 and 2 must outlive the run (1000 kept by default).
    with server("--keepalive-timeout", "60", "--max-requests", "1000000",
                "--store-max-requests", "1000000") as process:
        asyncio.run(hold(process.port, requests, 0.5, hello=False))  # warm up
        # /hello asked in a process of its own, so that its latency is the server's and not
        # our flooding client's time on the GIL.
        hello = ProbeProcess(process.port, pause=0.01, request=HELLO).start()
        before = _cpu_seconds(process.proc.pid)
        got = asyncio.run(hold(process.port, requests, seconds, hello=False))
        busy = _cpu_seconds(process.proc.pid) - before
        latencies, failures = hello.finish()
    p99 = percentile(latencies, 0.99)
    per_request = busy / max(got.answered + len(latencies), 1)
    return [
        Figure(HOLD_ITEM, f"{what}: answered / refused",
               f"{got.answered} / {got.refused} in {got.seconds:.0f} s "
               f"({got.answered / got.seconds:.0f} req/s)", "0 refused", got.refused == 0),
        Figure(HOLD_ITEM, f"{what}: server CPU per request",
               f"{ms(per_request)} ({busy:.1f} s of CPU in {got.seconds:.0f} s)"),
        Figure(HOLD_ITEM, f"{what}: /hello answered / failed",
               f"{len(latencies)} / {failures}", "0 failed", failures == 0 and bool(latencies)),
        Figure(HOLD_ITEM, f"{what}: /hello p50", ms(percentile(latencies, 0.5))),
        Figure(HOLD_ITEM, f"{what}: /hello p99", ms(p99), "< 50.0 ms", p99 < 0.050),
    ]
