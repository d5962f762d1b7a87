"""Fixtures: the real server in a subprocess, always killed at the end of the test."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.server._process import ServerProcess

from ._aclient import raise_fd_limit
from ._server import real_server

Spawn = Callable[..., ServerProcess]  # spawn(*cli_args, fd_limit=0) -> a started server


@pytest.fixture
def spawn() -> Iterator[Spawn]:
    raise_fd_limit()  # the clients of these tests hold thousands of sockets
    started: list[ServerProcess] = []

    def spawn(*args: str, fd_limit: int = 0, access_log: bool = False) -> ServerProcess:
        server = real_server(*args, fd_limit=fd_limit, access_log=access_log)
        started.append(server)
        return server

    yield spawn
    for server in started:
        server.stop()
