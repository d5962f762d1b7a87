"""The in-process allocation figures: measured on the server's own code path."""

from __future__ import annotations

from headerscope.bench import alloc
from headerscope.bench.profiles import PROFILES, request_bytes
from headerscope.pages.app import make_app


def test_serve_bytes_answers_like_the_server() -> None:
    one = alloc.serve_bytes(make_app())
    data = one(request_bytes(PROFILES["curl"], "h", "/hello", close=False)(0))
    assert data.startswith(b"HTTP/1.1 200 OK\r\n") and data.endswith(b"\r\n\r\nHello, World!")


def test_figures_for_a_small_run() -> None:
    one = alloc.serve_bytes(make_app())
    result = alloc.measure(one, request_bytes(PROFILES["firefox"], "h", "/", close=False),
                           traced=20, counted=300, seconds=30)
    assert result.requests == 300
    assert 0 < result.peak_bytes <= result.peak_bytes_max
    assert len(result.gc_per_100k) == 3 and all(g >= 0 for g in result.gc_per_100k)
    assert abs(result.net_blocks) < 5  # a request leaves (almost) nothing behind
