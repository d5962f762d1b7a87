"""Embed the inspector page in your own server, and add a route of your own beside it.

    python examples/inspector.py        # then: curl http://127.0.0.1:8082/  or open it
"""

from __future__ import annotations

import sys

from headerscope.pages.app import PageOptions, make_app
from headerscope.server import ConnectionInfo, Request, Response, ServerConfig, serve

inspector = make_app(PageOptions(redact=frozenset({"authorization", "cookie"})))


def app(request: Request, info: ConnectionInfo) -> Response:
    if request.target == "/ping":
        return Response(200, [("Content-Type", "text/plain; charset=utf-8")], b"pong\n")
    return inspector(request, info)  # every other path: the inspector, secrets redacted


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8082
    sys.exit(serve(ServerConfig(port=port), app))
