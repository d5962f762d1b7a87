"""Fixtures for the real-client tests: one `headerscope serve` process for the session, and a
fresh recording relay in front of it for each test.

Every client talks to 127.0.0.1 only. Each test names the artifacts it saved; the terminal
summary lists them with the fields each client sent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import require_tool
from ..server._process import ServerProcess
from ._checks import ARTIFACTS, REPORTS, SAVED
from ._devtools import Chromium, Page
from ._wire import RecordingProxy

# 2 MiB of content: room for a body large enough that curl sends Expect: 100-continue.
SERVE = ("import sys; from headerscope.cli import main; sys.exit(main(['serve', '--host', "
         "'127.0.0.1', '--port', '0', '--no-access-log', '--max-body', '2097152']))")


@pytest.fixture(scope="session")
def headerscope_server() -> Iterator[ServerProcess]:
    server = ServerProcess(code=SERVE)
    yield server
    server.stop()


@pytest.fixture
def proxy(headerscope_server: ServerProcess) -> Iterator[RecordingProxy]:
    relay = RecordingProxy(headerscope_server.port)
    yield relay
    relay.stop()


@pytest.fixture
def client_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for a client: no proxy settings, and an empty HOME, so that no
    user configuration (~/.curlrc, ~/.wgetrc, ...) changes what the client sends."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["HOME"] = str(tmp_path_factory.mktemp("home"))
    return env


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not REPORTS and not SAVED:
        return
    terminalreporter.section("real clients: the fields each one sent")
    for report in REPORTS.values():
        names: list[str] = []
        notes: list[str] = []
        for request in report.requests:
            names += [n for n in request["fields"] if n not in names]
            unknown = [f"{n}: unknown field, raw value kept" for n in request["unknown"]]
            notes += [n for n in unknown + request["notes"] if n not in notes]
        terminalreporter.write_line(f"{report.client}: {', '.join(names)}")
        for note in notes:  # unknown fields sent on purpose, and accepted standing notes
            terminalreporter.write_line(f"    {note}")
    terminalreporter.write_line(f"artifacts in {ARTIFACTS}:")
    for path in SAVED:
        terminalreporter.write_line(f"  {path}" + ("" if path.exists() else " (not written)"))


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Page]:
    """A tab in a fresh Chromium with a fresh profile, ended with all its processes; then its
    network log must show TCP connections to 127.0.0.1 only."""
    browser = Chromium(require_tool("chromium"), tmp_path)
    try:
        yield browser.new_page()
    finally:
        browser.close()
    peers = browser.tcp_peers()
    assert peers and all(p.startswith("127.0.0.1:") for p in peers), peers
