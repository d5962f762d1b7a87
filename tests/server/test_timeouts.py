"""Timeouts with short configured values: header deadline, body deadline, idle keep-alive.

Each test only asserts what the client sees (a 408, a close) and that a deadline is a total
one; the generous waits mean a loaded machine makes them slower, not flaky."""

from __future__ import annotations

import time

from ._support import Start, connect, parse_replies, receive


def test_header_deadline_is_total_not_reset_by_each_byte(start: Start) -> None:
    server = start(header_timeout=0.5)
    with connect(server.port) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\n")
        sock.settimeout(0.1)
        answered = b""
        for _ in range(60):  # trickle one byte every 0.1 s for up to 6 s
            try:
                sock.sendall(b"X")
                answered = sock.recv(4096)
            except TimeoutError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                break
            if answered:
                break
        data, closed = receive(sock, idle=2)
    replies, _ = parse_replies(answered + data)
    assert [r.status for r in replies] == [408] and closed


def test_body_deadline(start: Start) -> None:
    server = start(body_timeout=0.3)
    with connect(server.port) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhello")
        data, closed = receive(sock, idle=3)
    replies, _ = parse_replies(data)
    assert [r.status for r in replies] == [408] and closed


def test_idle_keep_alive_connection_is_closed_without_a_response(start: Start) -> None:
    server = start(keepalive_timeout=0.3)
    with connect(server.port) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        data, closed = receive(sock, idle=3)
    replies, rest = parse_replies(data)
    assert [r.status for r in replies] == [200] and rest == b"" and closed


def test_a_connection_that_never_speaks_is_closed(start: Start) -> None:
    server = start(keepalive_timeout=0.3)
    with connect(server.port) as sock:
        data, closed = receive(sock, idle=3)
    assert data == b"" and closed


def test_an_active_keep_alive_connection_outlives_the_idle_timeout(start: Start) -> None:
    server = start(keepalive_timeout=0.4)
    with connect(server.port) as sock:
        began = time.monotonic()
        while time.monotonic() - began < 1.2:  # three idle timeouts, never idle for one
            sock.sendall(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            data = sock.recv(4096)
            assert data.startswith(b"HTTP/1.1 200 ")
            time.sleep(0.1)
