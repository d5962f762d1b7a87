"""Our asyncio load generator against a live server: counts, errors, both modes, reconnects."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from headerscope.bench.loadgen import LoadGenerator
from headerscope.bench.profiles import PROFILES, request_bytes
from headerscope.http import ConnectionInfo, Request, Response
from tests.server._support import RunningServer

Start = Callable[..., RunningServer]


def _generator(port: int, profile: str, *, close: bool, connections: int = 4,
               path: str = "/") -> LoadGenerator:
    make = request_bytes(PROFILES[profile], f"127.0.0.1:{port}", path, close=close)
    return LoadGenerator("127.0.0.1", port, make, connections=connections, close=close)


@pytest.mark.parametrize(("profile", "close"), [
    ("firefox", False), ("chromium", True), ("varied", False), ("curl", True)])
def test_serves_exactly_the_budget_without_errors(live: Start, profile: str,
                                                  close: bool) -> None:
    server = live()
    result = _generator(server.port, profile, close=close).run(60, requests=200)
    assert (result.requests, result.errors) == (200, 0)
    assert result.generator == "asyncio"
    assert 0 < result.p50 <= result.p90 <= result.p99 <= result.max
    assert len(result.latencies) == 200


def test_reconnects_when_the_server_ends_a_keepalive_connection(live: Start) -> None:
    server = live(max_requests=7)  # every 7th response says Connection: close
    result = _generator(server.port, "firefox", close=False, connections=2).run(60, 100)
    assert (result.requests, result.errors) == (100, 0)


def test_non_2xx_responses_count_as_errors(live: Start) -> None:
    def teapot(request: Request, info: ConnectionInfo) -> Response:
        return Response(418 if request.target == "/tea" else 200, [], b"short and stout")

    server = live(teapot)
    assert _generator(server.port, "host", close=False, path="/tea").run(60, 20).errors == 20
    assert _generator(server.port, "host", close=True, path="/ok").run(60, 20).errors == 0


def test_a_refused_connection_is_an_error_not_a_crash() -> None:
    import socket

    with socket.socket() as sock:  # a port that nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = _generator(port, "host", close=True, connections=1).run(60, 3)
    assert (result.requests, result.errors) == (3, 3)
