"""Fixtures for the benchmark tooling: a live server in a thread, and one in a subprocess."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from headerscope.http import ConnectionInfo, Request, Response
from headerscope.pages.app import make_app
from tests.server._support import TEST_CONFIG, RunningServer

App = Callable[[Request, ConnectionInfo], Response]


@pytest.fixture
def live() -> Iterator[Callable[..., RunningServer]]:
    """start(app=inspector, **config changes) -> a server on its own loop in a thread."""
    running: list[RunningServer] = []

    def start(app: App | None = None, **changes: Any) -> RunningServer:
        config = dataclasses.replace(TEST_CONFIG, keepalive_timeout=5.0, **changes)
        server = RunningServer(config, app or make_app())
        running.append(server)
        return server

    yield start
    for server in running:
        server.stop()
