"""Fixtures for the live server tests: a server in a thread, always stopped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from headerscope.http import ConnectionInfo, Request, Response
from headerscope.server._loops import LOOPS, available

from ..conftest import IN_CI
from ._support import RunningServer, Start, config, echo_app


@pytest.fixture(params=LOOPS)
def loop_name(request: pytest.FixtureRequest) -> str:
    """Every live server test runs on each event loop the server offers (uvloop is a test
    extra: missing, it skips locally and fails under CI=true)."""
    name = str(request.param)
    if not available(name):
        message = f"{name} is not installed (pip install 'headerscope[uvloop]')"
        if IN_CI:
            pytest.fail(message + " (CI=true: the test extra should have installed it)")
        pytest.skip(message)
    return name


@pytest.fixture
def start(loop_name: str) -> Iterator[Start]:
    running: list[RunningServer] = []

    def start(app: Callable[[Request, ConnectionInfo], Response] = echo_app,
              **changes: Any) -> RunningServer:
        changes.setdefault("loop", loop_name)
        server = RunningServer(config(**changes), app)
        running.append(server)
        return server

    yield start
    for server in running:
        server.stop()


@pytest.fixture
def server(start: Start) -> RunningServer:
    return start()
