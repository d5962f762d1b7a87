"""The server-wide memory budgets: request content in flight, and answers nobody reads.

Each connection has its own limits (1 MiB of body, the write timeout), but together many
connections could still hold any amount: 300 clients stalled half-way through 1 MiB bodies held
286 MB. These tests hold the budget with stalled clients and check who is refused and that
the memory is given back.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

from ._support import Start, connect, get, parse_replies, receive

BUDGET = 300_000


def _stall_upload(port: int, length: int, sent: int) -> socket.socket:
    """A client that announces `length` octets of content, sends `sent` of them, and stops."""
    sock = connect(port)
    sock.sendall(f"POST /up HTTP/1.1\r\nHost: a\r\nContent-Length: {length}\r\n\r\n".encode()
                 + b"x" * sent)
    return sock


def _wait_for(condition: str, check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    raise AssertionError(f"not reached in 5 s: {condition}")


def test_stalled_bodies_past_the_budget_get_503_and_the_memory_comes_back(start: Start) -> None:
    server = start(body_timeout=30.0, max_input_memory=BUDGET)
    held = [_stall_upload(server.port, 200_000, 120_000) for _ in range(2)]
    try:
        _wait_for("both bodies buffered",
                  lambda: server.call(lambda: server.server.memory_held[0]) >= 240_000)
        # The third upload does not fit: 503, closed, and nothing of it is kept.
        with _stall_upload(server.port, 200_000, 120_000) as third:
            data, closed = receive(third, idle=2)
        replies, _ = parse_replies(data)
        assert [r.status for r in replies] == [503] and closed
        assert b"too much request content" in replies[0].body
        # Requests without content are still served while the budget is spent.
        assert get(server.port).status == 200
        assert server.call(lambda: server.server.memory_held[0]) < BUDGET
    finally:
        for sock in held:
            sock.close()
    _wait_for("every byte given back",
              lambda: server.call(lambda: server.server.memory_held) == (0, 0))
    # With the budget free again, the same upload is served.
    with _stall_upload(server.port, 200_000, 200_000) as sock:
        data, _ = receive(sock, idle=1)
    assert [r.status for r in parse_replies(data)[0]] == [200]


def test_an_idle_keepalive_connection_keeps_no_body(start: Start) -> None:
    server = start(keepalive_timeout=30.0)
    with connect(server.port) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n"
                     + b"x" * 100_000)
        data, _ = receive(sock, idle=0.5)
        assert [r.status for r in parse_replies(data)[0]] == [200]
        # The answered request's bytes are freed, not kept until the next request arrives.
        assert server.call(lambda: server.server.memory_held[0]) == 0


def _big_reader(port: int) -> socket.socket:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.settimeout(5)
    sock.connect(("127.0.0.1", port))
    return sock


def test_unread_answers_past_the_budget_turn_large_answers_into_503(start: Start) -> None:
    server = start(write_timeout=30.0, keepalive_timeout=30.0, max_output_memory=20_000_000)
    # A client asks for 20 MB and reads none of it: the kernel's socket buffers take a few MB,
    # the rest waits in the server's memory.
    with _big_reader(server.port) as stalled:
        stalled.sendall(b"GET /big/20000000 HTTP/1.1\r\nHost: a\r\n\r\n")
        _wait_for("the answer held",
                  lambda: server.call(lambda: server.server.memory_held[1]) > 10_000_000)
        # Another large answer would pass the budget: a short 503 instead, and the close.
        with connect(server.port) as sock:
            sock.sendall(b"GET /big/5000000 HTTP/1.1\r\nHost: a\r\n\r\n")
            data, closed = receive(sock, idle=2)
        replies, _ = parse_replies(data)
        assert [r.status for r in replies] == [503] and closed
        assert replies[0].header("Retry-After") == "1"
        # Small answers still go out, so everyone else is served.
        assert get(server.port, "/big/1000").status == 200
        assert server.call(lambda: server.server.memory_held[1]) <= 20_000_000
    _wait_for("every answer given back",
              lambda: server.call(lambda: server.server.memory_held[1]) == 0)
    assert get(server.port, "/big/5000000").status == 200
