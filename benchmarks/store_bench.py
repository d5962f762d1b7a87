"""What keeping every request in the capture store costs, beside what answering it costs.

    .venv/bin/python benchmarks/store_bench.py [--rounds N] [--batch N] [--profile NAME]

Measured in this process, CPU time (time.process_time), median over rounds:

- answering: request bytes -> RequestReader -> app -> response bytes, as the server does it
  (headerscope.bench.alloc.serve_bytes), for the inspector ("/", HTML as a browser asks) and
  for "/hello"; no socket, so the real per-request CPU is higher and the shares below are
  upper bounds;
- on the request's path: `capture_request` (the Capture, its summary, the bin) with the
  diagnostics counted from the section the pages parsed, and `CaptureStore.add` (an append);
- off the path: `flush()` of a 64-capture batch, per capture, into a store already full (so
  each flush also drops 64 of the oldest), in memory and in a WAL file.

The budget of issue 16 is 15 % more CPU per request than --no-store.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from headerscope.bench.alloc import serve_bytes
from headerscope.bench.profiles import PROFILES, request_bytes
from headerscope.captures import Capture, CaptureStore, FlushPolicy, capture_request
from headerscope.captures import count_diagnostics as count
from headerscope.http import ConnectionInfo, Request, RequestReader
from headerscope.pages.app import make_app
from headerscope.pages.inspection import inspect_fields

INFO = ConnectionInfo(("127.0.0.1", 40000), ("127.0.0.1", 8080), 1, False)
BATCH = 64


def per_call(fn: Callable[[int], object], n: int) -> float:
    """CPU seconds per call of fn(0..n-1)."""
    start = time.process_time()
    for i in range(n):
        fn(i)
    return (time.process_time() - start) / n


def parsed(data: bytes) -> Request:
    reader = RequestReader()
    reader.feed(data)
    request = reader.next_event()
    assert isinstance(request, Request)
    return request


def flush_cost(path: str, captures: list[Capture], rounds: int) -> float:
    """CPU seconds per capture of flushing batches of BATCH into a full store."""
    store = CaptureStore(path, policy=FlushPolicy(max_records=10**9))
    for c in captures * (1000 // len(captures) + 1):  # fill to the 1,000 limit first
        store.add(c)
    store.flush()
    times = []
    for _ in range(rounds):
        for c in captures[:BATCH]:
            store.add(c)
        start = time.process_time()
        store.flush()
        times.append((time.process_time() - start) / BATCH)
    store.close()
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--batch", type=int, default=300)
    ap.add_argument("--profile", default="varied", choices=sorted(PROFILES))
    args = ap.parse_args(argv)
    profile = PROFILES[args.profile]
    one = serve_bytes(make_app())
    inspector = request_bytes(profile, "127.0.0.1:8080", "/", close=False)
    hello = request_bytes(profile, "127.0.0.1:8080", "/hello", close=False)
    requests = [parsed(inspector(n)) for n in range(args.batch)]
    sections = [inspect_fields([(f.name, f.value) for f in r.fields]) for r in requests]
    diagnostics = [count(s) for s in sections]
    captures = [capture_request(r, INFO, 200, diagnostics=d)
                for r, d in zip(requests, diagnostics, strict=True)]
    store = CaptureStore(policy=FlushPolicy(max_records=10**9))

    def add(i: int) -> None:
        store.add(captures[i])

    contenders: dict[str, Callable[[int], object]] = {
        "answer the inspector (/)": lambda i: one(inspector(i)),
        "answer /hello": lambda i: one(hello(i)),
        "count_diagnostics(section)": lambda i: count(sections[i]),
        "capture_request()": lambda i: capture_request(requests[i], INFO, 200,
                                                      diagnostics=diagnostics[i]),
        "CaptureStore.add()": add,
    }
    for fn in contenders.values():  # warm: first-call caches, lazy imports
        per_call(fn, 50)
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.rounds):  # interleaved, so noise falls on all alike
        for name, fn in contenders.items():
            samples[name].append(per_call(fn, args.batch))
            store._pending.clear()  # add() only: flushing is measured below
    us = {name: statistics.median(s) * 1e6 for name, s in samples.items()}
    with tempfile.TemporaryDirectory() as tmp:
        us["flush, in memory, per capture"] = flush_cost(":memory:", captures, args.rounds) * 1e6
        us["flush, WAL file, per capture"] = flush_cost(
            str(Path(tmp) / "bench.db"), captures, args.rounds) * 1e6
    on_path = us["count_diagnostics(section)"] + us["capture_request()"] + us["CaptureStore.add()"]
    print(f"profile {profile.name}: {profile.description}; {args.rounds} rounds of {args.batch}; "
          f"Python {sys.version.split()[0]}")
    for name, value in us.items():
        print(f"  {name:<34}{value:9.2f} µs")
    for store_kind in ("in memory", "WAL file"):
        total = on_path + us[f"flush, {store_kind}, per capture"]
        print(f"store {store_kind}: {on_path:.2f} µs on the path + "
              f"{us[f'flush, {store_kind}, per capture']:.2f} µs flushing = {total:.2f} µs "
              f"per request: {100 * total / us['answer the inspector (/)']:.1f} % of an "
              f"inspector answer, {100 * total / us['answer /hello']:.1f} % of /hello")
    return 0


if __name__ == "__main__":
    sys.exit(main())
