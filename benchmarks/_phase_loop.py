"""One phase of an inspector request, run N times in-process: what callgrind.py --phases counts.

    python benchmarks/_phase_loop.py PHASE N PROFILE

Each phase takes the previous phase's output as it is made for the real request (the same
request bytes as the server benchmark), so the phases add up to the application's part of a
request; the server's own part (asyncio, the connection) is what `callgrind.py` measures
beyond them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from headerscope.bench.profiles import PROFILES, request_bytes
from headerscope.http import (
    NEED_DATA,
    ConnectionInfo,
    Request,
    RequestReader,
    encode_response,
)
from headerscope.pages.app import make_app
from headerscope.pages.inspection import Inspection, inspect_fields
from headerscope.pages.inspector import inspector_tree
from headerscope.pages.valueview import show
from headerscope.sxml import render_document

# phase -> what it covers; the order is a request's
PHASES = {
    "framing": "request line and field lines checked, a Request built (one reader, reused)",
    "parsing": "every field through the registry",
    "values": "every parsed value shown as text (part of building the tree)",
    "tree": "the inspector's SXML tree, values shown included",
    "rendering": "the tree to HTML",
    "application": "the whole application: parsing, negotiation, tree, HTML, UTF-8",
    "encoding": "status line and fields of the response, to bytes",
}


def phases(profile: str) -> dict[str, Callable[[], object]]:
    raw = request_bytes(PROFILES[profile], "127.0.0.1:8080", "/", close=False)(0)
    reader = RequestReader()

    def framing() -> Request:
        reader.feed(raw)
        request = reader.next_event()
        assert isinstance(request, Request) and reader.next_event() is NEED_DATA
        return request

    request = framing()
    pairs = [(f.name, f.value) for f in request.fields]
    section = inspect_fields(pairs)
    inspection = Inspection(request.method, request.target, request.version, section,
                            inspect_fields([]), b"", request.head, "127.0.0.1:40000", 1)
    values = [f.value for f in section]
    tree = inspector_tree(inspection)
    app = make_app()
    info = ConnectionInfo(("127.0.0.1", 40000), ("127.0.0.1", 8080), 1, False)
    response = app(request, info)
    return {
        "framing": framing,
        "parsing": lambda: inspect_fields(pairs),
        "values": lambda: [show(v) for v in values],
        "tree": lambda: inspector_tree(inspection),
        "rendering": lambda: render_document(tree),
        "application": lambda: app(request, info),
        "encoding": lambda: encode_response(response, date=b"Thu, 26 Nov 2026 00:00:00 GMT",
                                            server=b"headerscope", head_only=False,
                                            close=False),
    }


def main() -> None:
    phase, n, profile = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    run = phases(profile)[phase]
    run()  # first sight of every type: formatters generated, names validated
    for _ in range(n):
        run()


if __name__ == "__main__":
    main()
