"""The pages under other servers: WSGI (wsgiref, gunicorn) and ASGI (uvicorn)."""

from __future__ import annotations

import contextlib
import http.client
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import pytest

from headerscope.bench.target import free_port, wait_listening
from headerscope.wsgi import app as wsgi_app

from .conftest import IN_CI


def test_wsgi_app_passes_the_validator() -> None:
    environ: dict[str, Any] = {"HTTP_ACCEPT": "application/json", "HTTP_X_THING": "<a>",
                               "PATH_INFO": "/x", "QUERY_STRING": "y=1",
                               "SCRIPT_NAME": ""}
    setup_testing_defaults(environ)
    seen: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc: Any = None) -> Any:
        seen.append(status)
        return lambda data: None

    result = validator(wsgi_app)(environ, start_response)
    body = b"".join(result)
    getattr(result, "close", lambda: None)()
    doc = json.loads(body)
    assert seen == ["200 OK"]
    assert doc["target"] == "/x?y=1"
    names = [f["wire_name"] for f in doc["fields"]]
    assert "Accept" in names and "X-Thing" in names


def _venv_tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (pip install '.[test]')"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return found


@contextlib.contextmanager
def hosted(argv: list[str], port: int) -> Iterator[None]:
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        try:
            wait_listening("127.0.0.1", port, 30, process)
        except RuntimeError as error:
            raise AssertionError(process.stderr.read().decode() if process.stderr and
                                 process.poll() is not None else str(error)) from error
        yield
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        if process.stderr is not None:
            process.stderr.close()


def _get(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


SERVERS = {
    "gunicorn": lambda port: [_venv_tool("gunicorn"), "-w", "1", "-b", f"127.0.0.1:{port}",
                              "headerscope.wsgi:app"],
    "uvicorn": lambda port: [_venv_tool("uvicorn"), "--host", "127.0.0.1", "--port",
                             str(port), "--no-access-log", "headerscope.asgi:app"],
}


@pytest.mark.parametrize("server", sorted(SERVERS))
def test_pages_under_a_real_server(server: str) -> None:
    port = free_port()
    with hosted(SERVERS[server](port), port):
        status, headers, body = _get(port, "/?format=json", {"X-Probe": "<b>&", "Age": "7"})
        assert status == 200
        assert headers["x-content-type-options"] == "nosniff"
        doc = json.loads(body)
        by_name = {f["name"]: f for f in doc["fields"]}
        assert by_name["age"]["value"] == 7
        assert by_name["x-probe"]["raw"] == "<b>&" and not by_name["x-probe"]["known"]
        status, _, body = _get(port, "/?format=raw", {})
        assert status == 200 and b"not available" in body
        status, headers, body = _get(port, "/", {"Accept": "text/html"})
        assert headers["content-type"] == "text/html; charset=utf-8"
        assert b"<table" in body
        status, _, body = _get(port, "/hello", {})
        assert body == b"Hello, World!"
