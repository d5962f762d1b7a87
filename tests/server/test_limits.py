"""Server-wide limits: maximum connections, write backpressure, the write timeout, fds."""

from __future__ import annotations

import logging
import socket
import struct
import subprocess
import sys
import time

import pytest

from headerscope.http import ConnectionInfo, Request, Response
from headerscope.server import ServerConfig

from ._support import Reply, Start, connect, echo_app, exchange, get, parse_replies, receive

GET = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"


def test_over_max_connections_gets_503_and_close(start: Start) -> None:
    server = start(max_connections=2)
    held = [connect(server.port), connect(server.port)]
    try:
        for sock in held:  # both are accepted and served
            sock.sendall(GET)
            assert sock.recv(4096).startswith(b"HTTP/1.1 200 ")
        result = exchange(server.port, GET)
        assert [r.status for r in result.replies] == [503] and result.closed
        assert result.replies[0].header("Content-Type") == "text/plain; charset=utf-8"
    finally:
        for sock in held:
            sock.close()
    deadline = time.monotonic() + 5
    while server.call(lambda: server.server.connections) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert get(server.port).status == 200  # a slot is free again


def test_default_allows_ten_thousand_idle_connections() -> None:
    assert ServerConfig().max_connections >= 10_000


def test_fd_soft_limit_is_raised_to_the_hard_limit() -> None:
    code = (
        "import resource\n"
        "from headerscope.server._server import raise_fd_limit\n"
        "soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)\n"
        "resource.setrlimit(resource.RLIMIT_NOFILE, (min(256, hard), hard))\n"
        "assert raise_fd_limit() == hard == resource.getrlimit(resource.RLIMIT_NOFILE)[0]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def _flood(sock: socket.socket, request: bytes, limit: int) -> int:
    """Send pipelined requests without reading until the send blocks; return bytes sent."""
    sock.settimeout(1.0)
    batch = request * 100
    sent = 0
    while sent < limit:
        offset = sent % len(batch)  # resume a partial send where it stopped
        try:
            sent += sock.send(batch[offset:])
        except (TimeoutError, ConnectionResetError, BrokenPipeError):
            break  # blocked: the server stopped reading (or already dropped us)
    return sent


def test_a_client_that_does_not_read_is_not_read_from(start: Start) -> None:
    server = start(write_timeout=30.0, max_requests=10**6)
    request = b"GET /big/8192 HTTP/1.1\r\nHost: a\r\nX-Pad: " + b"p" * 1000 + b"\r\n\r\n"
    with connect(server.port) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
        sent = _flood(sock, request, 64 << 20)
        # Had the server kept reading, all 64 MiB of requests would have been taken.
        assert sent < 64 << 20
        assert get(server.port).status == 200  # meanwhile others are served
        # Reading now, every answer arrives, in order and complete.
        expected = sent // len(request)
        sock.settimeout(5)
        data = bytearray()
        replies: list[Reply] = []
        while len(replies) < expected:  # the last head can arrive before its body
            chunk = sock.recv(1 << 20)
            assert chunk
            data += chunk
            if data.count(b"HTTP/1.1 200 OK") >= expected:
                replies, _ = parse_replies(bytes(data))
        assert len(replies) == expected and all(r.body == b"b" * 8192 for r in replies)


def test_a_client_that_never_reads_is_dropped_after_the_write_timeout(start: Start) -> None:
    server = start(write_timeout=0.5)
    with connect(server.port) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        _flood(sock, b"GET /big/65536 HTTP/1.1\r\nHost: a\r\n\r\n", 64 << 20)
        deadline = time.monotonic() + 10
        while server.call(lambda: server.server.connections) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server.call(lambda: server.server.connections) == 0
        _, closed = receive(sock, idle=5, total=30)
        assert closed


def test_resets_and_early_closes_leave_no_traceback_and_no_connection(
    start: Start, caplog: pytest.LogCaptureFixture
) -> None:
    answered: list[str] = []

    def app(request: Request, info: ConnectionInfo) -> Response:
        answered.append(request.target)
        return echo_app(request, info)

    server = start(app)
    linger_zero = struct.pack("ii", 1, 0)  # close() then sends RST
    with connect(server.port) as sock:  # reset in the middle of a head
        sock.sendall(b"GET / HTTP/1.1\r\nHo")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger_zero)
    with connect(server.port) as sock:  # reset while a large response is being written
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(b"GET /big/4000000 HTTP/1.1\r\nHost: a\r\n\r\n")
        time.sleep(0.2)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger_zero)
    with connect(server.port) as sock:  # plain close before reading the response
        sock.sendall(b"GET /big/4000000 HTTP/1.1\r\nHost: a\r\n\r\n")
    deadline = time.monotonic() + 5
    # Until the last request reached the app, its connection may not even be accepted yet,
    # and "no connection left" would be seen too early.
    while server.call(lambda: len(answered)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    while server.call(lambda: server.server.connections) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.call(lambda: server.server.connections) == 0
    assert get(server.port).status == 200
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
