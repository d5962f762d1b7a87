"""The smallest headerscope server: every request's fields are parsed, the answer is fixed.

    python examples/hello.py            # then: curl -i http://127.0.0.1:8081/

Like Guile's examples/web/hello.scm, which this project descends from: the server still
reads and frames every request strictly, so bad requests get a 4xx before the app runs.
"""

from __future__ import annotations

import sys

from headerscope.headers import REGISTRY, parse_section
from headerscope.server import ConnectionInfo, Request, Response, ServerConfig, serve


def hello(request: Request, info: ConnectionInfo) -> Response:
    fields = parse_section(REGISTRY, [(f.name, f.value) for f in request.fields])
    errors = sum(1 for f in fields if f.error is not None)
    body = f"Hello, World! ({len(fields)} fields, {errors} with errors)\n"
    return Response(200, [("Content-Type", "text/plain; charset=utf-8")], body.encode())


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8081
    sys.exit(serve(ServerConfig(port=port), hello))
