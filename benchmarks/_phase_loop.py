"""One phase of an inspector request, run N times in-process: what callgrind.py --phases counts.

    python benchmarks/_phase_loop.py PHASE N PROFILE POOL [--no-cache]

Each phase takes the previous phase's output as it is made for the real request (the same
request bytes as the server benchmark), so the phases add up to the application's part of a
request; the server's own part (asyncio, the connection) is what `callgrind.py` measures
beyond them.

Run i uses request i % POOL of the profile, every input prepared before the loop. callgrind.py
passes the same POOL (3N) to its N and 3N runs, so the preparation costs the same in both and
cancels in their difference: under "varied" no request repeats, under "browser" Chromium's
and Firefox's alternate, as in the server benchmark. "parsing" goes through a field cache as
the server's does (one cache for the whole loop, as one per server process), unless
--no-cache; "application" is the whole app, made with or without its cache the same way.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from headerscope.bench.profiles import PROFILES, request_bytes
from headerscope.headers import REGISTRY
from headerscope.http import (
    NEED_DATA,
    ConnectionInfo,
    Request,
    RequestReader,
    encode_response,
)
from headerscope.pages import PageOptions
from headerscope.pages.app import make_app
from headerscope.pages.fieldcache import FieldCache
from headerscope.pages.inspection import Inspection, inspect_fields
from headerscope.pages.inspector import inspector_tree
from headerscope.pages.valueview import show
from headerscope.sxml import render_document

# phase -> what it covers; the order is a request's
PHASES = {
    "framing": "request line and field lines checked, a Request built (one reader, reused)",
    "parsing": "every field through the registry (through the field cache unless --no-cache)",
    "values": "every parsed value shown as text (part of building the tree)",
    "tree": "the inspector's SXML tree, values shown included",
    "rendering": "the tree to HTML",
    "application": "the whole application: parsing, negotiation, tree, HTML, UTF-8",
    "encoding": "status line and fields of the response, to bytes",
}

Run = Callable[[int], object]


def phases(profile: str, pool: int, cache: bool,
           field_cache: FieldCache | None = None) -> dict[str, Run]:
    """The phases over a pool of `pool` requests; `field_cache` (with `cache`) is parsing's."""
    make = request_bytes(PROFILES[profile], "127.0.0.1:8080", "/", close=False)
    raws = [make(i) for i in range(pool)]
    reader = RequestReader()

    def framing(i: int) -> Request:
        reader.feed(raws[i % pool])
        request = reader.next_event()
        assert isinstance(request, Request) and reader.next_event() is NEED_DATA
        return request

    app = make_app(PageOptions(cache=cache))
    info = ConnectionInfo(("127.0.0.1", 40000), ("127.0.0.1", 8080), 1, False)
    requests = [framing(i) for i in range(pool)]
    pairs = [[(f.name, f.value) for f in r.fields] for r in requests]
    sections = [inspect_fields(p) for p in pairs]
    inspections = [Inspection(r.method, r.target, r.version, s, inspect_fields([]), b"",
                              r.head, "127.0.0.1:40000", 1)
                   for r, s in zip(requests, sections, strict=True)]
    values = [[f.value for f in s] for s in sections]
    trees = [inspector_tree(i) for i in inspections]
    uncached = make_app(PageOptions(cache=False))  # encoding's inputs: made, not measured
    responses = [uncached(r, info) for r in requests]
    if not cache:
        field_cache = None
    elif field_cache is None:
        field_cache = FieldCache(REGISTRY)
    return {
        "framing": framing,
        "parsing": lambda i: inspect_fields(pairs[i % pool], cache=field_cache),
        "values": lambda i: [show(v) for v in values[i % pool]],
        "tree": lambda i: inspector_tree(inspections[i % pool]),
        "rendering": lambda i: render_document(trees[i % pool]),
        "application": lambda i: app(requests[i % pool], info),
        "encoding": lambda i: encode_response(
            responses[i % pool], date=b"Thu, 26 Nov 2026 00:00:00 GMT", server=b"headerscope",
            head_only=False, close=False),
    }


def main() -> None:
    phase, n, profile, pool = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    run = phases(profile, pool, cache="--no-cache" not in sys.argv[5:])[phase]
    for i in range(n):
        run(i)


if __name__ == "__main__":
    main()
