"""Fixtures for the live server tests: a server in a thread, always stopped."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from headerscope.http import ConnectionInfo, Request, Response
from headerscope.server._loops import LOOPS, available

from ..conftest import IN_CI, require_tool
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


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A throwaway certificate and key for localhost and 127.0.0.1 (cert.pem, key.pem)."""
    openssl = require_tool("openssl")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )
    return cert, key
