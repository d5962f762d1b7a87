"""benchmarks/floor.py, the two floors `peers.py --floors` measures: both answer keep-alive
requests (pipelined too) and close after an HTTP/1.0 one."""

from __future__ import annotations

import socket
import sys

import pytest

from headerscope.bench.target import Target, free_port
from tests.conftest import REPO

HEAD = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n"


def _read_all(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


@pytest.mark.parametrize("how", ["asyncio", "headerscope"])
def test_each_floor_answers_hello(how: str) -> None:
    port = free_port()
    command = [sys.executable, str(REPO / "benchmarks" / "floor.py"), how, str(port)]
    with Target(command, "127.0.0.1", port, cwd=str(REPO)) as target:
        with socket.create_connection(("127.0.0.1", target.port), timeout=10) as sock:
            sock.sendall(HEAD * 3 + HEAD.replace(b"HTTP/1.1", b"HTTP/1.0"))
            data = _read_all(sock)  # the server closes after the HTTP/1.0 request
        assert data.count(b"HTTP/1.1 200 OK\r\n") == 4
        assert data.count(b"\r\n\r\nHello, World!") == 4
