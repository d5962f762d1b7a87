"""The allocation cost of one request, in the most faithful forms CPython offers.

Measured in this process, not in the server under load: tracemalloc slows every allocation
several times, which would distort the CPU figures. The same code path as the server's runs
here (bytes -> RequestReader -> app -> encode_response), on the same request bytes:

- tracemalloc peak per request: the most memory above the baseline at any moment of the
  request (tracemalloc.reset_peak before each), median and maximum;
- net blocks per request: the growth of sys.getallocatedblocks() over many requests, divided
  by their number: about 0 when a request leaves nothing behind, the in-process twin of RSS
  growth (CPython counts live blocks only; the count of allocator calls is in callgrind.py);
- garbage collections per 100,000 requests, generation by generation, with the default
  thresholds and tracemalloc off: how much container garbage a request makes.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable

from ..http import ConnectionInfo, Request, RequestReader, encode_response
from .results import Allocation

_INFO = ConnectionInfo(("127.0.0.1", 40000), ("127.0.0.1", 8080), 1, False)


def serve_bytes(app: Callable[[Request, ConnectionInfo], object]) -> Callable[[bytes], bytes]:
    """One request's bytes -> the response bytes, as the server would make them."""
    from ..http import Response

    def one(data: bytes) -> bytes:
        reader = RequestReader()
        reader.feed(data)
        request = reader.next_event()
        assert isinstance(request, Request), request
        response = app(request, _INFO)
        assert isinstance(response, Response)
        return encode_response(response, date=b"Thu, 01 Jan 2026 00:00:00 GMT",
                               server=b"headerscope", head_only=False, close=False)

    return one


def measure(one: Callable[[bytes], bytes], request: Callable[[int], bytes], *,
            traced: int = 300, counted: int = 20_000, seconds: float = 3.0) -> Allocation:
    """`traced` requests under tracemalloc; up to `counted` (or `seconds`) for gc and blocks."""
    for n in range(50):  # warm: first-call caches, interned strings, lazy imports
        one(request(n))
    inputs = [request(n) for n in range(traced)]
    peaks: list[int] = []
    tracemalloc.start()
    try:
        for data in inputs:
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            one(data)
            peaks.append(tracemalloc.get_traced_memory()[1] - base)
    finally:
        tracemalloc.stop()
    gc.collect()
    blocks = sys.getallocatedblocks()
    before = [s["collections"] for s in gc.get_stats()]
    deadline = time.perf_counter() + seconds
    done = 0
    while done < counted and (done % 256 or time.perf_counter() < deadline):
        one(request(done))
        done += 1
    after = [s["collections"] for s in gc.get_stats()]
    gc.collect()
    net = (sys.getallocatedblocks() - blocks) / done
    per = [(a - b) * 100_000 / done for a, b in zip(after, before, strict=True)]
    return Allocation(done, statistics.median(peaks), max(peaks), net,
                      (per[0], per[1], per[2]))
