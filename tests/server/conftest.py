"""Fixtures for the live server tests: a server in a thread, always stopped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from headerscope.http import ConnectionInfo, Request, Response

from ._support import RunningServer, Start, config, echo_app


@pytest.fixture
def start() -> Iterator[Start]:
    running: list[RunningServer] = []

    def start(app: Callable[[Request, ConnectionInfo], Response] = echo_app,
              **changes: Any) -> RunningServer:
        server = RunningServer(config(**changes), app)
        running.append(server)
        return server

    yield start
    for server in running:
        server.stop()


@pytest.fixture
def server(start: Start) -> RunningServer:
    return start()
