"""Item 2: request smuggling. Transfer-Encoding obfuscations with and without Content-Length
and a pipelined second request (see _smuggling.py): one framing only, never the smuggled one.

The reader sees all ~30,000 variants (whole, and split at random points, since a framing
that depended on how the bytes arrive would be a second framing); the live server sees a
fixed sample of them (benchmarks/stress runs them all) and must answer exactly as the reader
frames, never answer /smuggled, and close after an error.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

from tests.http._support import read
from tests.server._process import ServerProcess
from tests.server._support import exchange

from ._server import QUICK, tracebacks
from ._smuggling import Variant, classify, variants
from .conftest import Spawn

VARIANTS = variants()
LIVE_SAMPLE = 1500


def _splits(data: bytes, rng: random.Random) -> list[bytes]:
    cuts = sorted(rng.sample(range(1, len(data)), min(8, len(data) - 1)))
    return [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]


def test_the_reader_frames_every_variant_one_way() -> None:
    rng = random.Random(6)
    failures: dict[str, list[str]] = {}
    for variant in VARIANTS:
        whole = read(variant.data)
        problems = classify(variant, whole.requests,
                            whole.error.status if whole.error else None)
        if read(_splits(variant.data, rng)).key() != whole.key():
            problems.append("the outcome depends on how the bytes were split")
        if problems:
            failures[variant.name] = problems
    assert failures == {}
    assert len(VARIANTS) > 20_000


def test_classify_catches_a_smuggled_request() -> None:
    # The judge must be able to fail: a server that framed a cl-covers variant by its
    # Transfer-Encoding (ignoring Content-Length) would read /smuggled as a request.
    variant = next(v for v in VARIANTS if v.shape == "cl-covers" and v.te_like)
    by_te_alone = read(b"POST /first HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                       + variant.data.split(b"\r\n\r\n", 1)[1])
    assert [r.target.split("?")[0] for r in by_te_alone.requests] == [
        "/first", "/smuggled", "/second"]
    assert "the smuggled request was framed as a request" in classify(
        variant, by_te_alone.requests, None)


def live_problems(server: ServerProcess, variant: Variant) -> list[str]:
    """The server's answer to one variant against the reader's framing of the same bytes."""
    expected = read(variant.data)
    classes = ["accept"] * len(expected.requests)
    if expected.error is not None:
        classes.append(str(expected.error.status))
    result = exchange(server.port, variant.data, idle=2.0)
    got = [str(r.status) if r.status >= 300 else "accept" for r in result.replies]
    problems = []
    if got != classes:
        problems.append(f"answered {got}, the reader frames {classes}")
    if any(b"GET /smuggled" in r.body for r in result.replies):
        problems.append("answered the smuggled request")
    if not result.closed:
        problems.append("connection left open")
    return problems


def test_the_live_server_answers_as_the_reader_frames(spawn: Spawn) -> None:
    server = spawn(*QUICK)
    sample = VARIANTS[:: len(VARIANTS) // LIVE_SAMPLE]
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda v: (v.name, live_problems(server, v)), sample))
    assert {name: p for name, p in results if p} == {}
    assert len(results) >= LIVE_SAMPLE
    assert tracebacks(server) == []
