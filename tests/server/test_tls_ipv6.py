"""TLS with the standard library's ssl module, and IPv6 on ::1."""

from __future__ import annotations

import socket
import ssl
from pathlib import Path

import pytest

from ._support import Reply, Start, get, parse_replies, receive


def _tls_exchange(port: int, cert: Path, data: bytes) -> tuple[list[Reply], bool, str | None]:
    context = ssl.create_default_context(cafile=str(cert))
    context.set_alpn_protocols(["http/1.1"])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw, \
            context.wrap_socket(raw, server_hostname="localhost") as sock:
        sock.sendall(data)
        received, closed = receive(sock, idle=1)
        protocol = sock.selected_alpn_protocol()
    replies, _ = parse_replies(received)
    return replies, closed, protocol


def test_https(start: Start, certificate: tuple[Path, Path]) -> None:
    cert, key = certificate
    server = start(certfile=str(cert), keyfile=str(key))
    replies, _, protocol = _tls_exchange(
        server.port, cert, b"GET /secure HTTP/1.1\r\nHost: a\r\n\r\n" * 2)
    assert protocol == "http/1.1"
    assert [r.status for r in replies] == [200, 200]
    assert b"tls=True" in replies[0].body and b"number=2" in replies[1].body


def test_https_error_closes(start: Start, certificate: tuple[Path, Path]) -> None:
    cert, key = certificate
    server = start(certfile=str(cert), keyfile=str(key))
    replies, closed, _ = _tls_exchange(server.port, cert, b"GET / HTTP/1.1\r\n\r\n")
    assert [r.status for r in replies] == [400] and closed


def test_plain_http_on_the_tls_port_is_dropped_quietly(
    start: Start, certificate: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    cert, key = certificate
    server = start(certfile=str(cert), keyfile=str(key))
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        data, closed = receive(sock, idle=3)
    assert not data.startswith(b"HTTP/") and closed
    assert not [r for r in caplog.records if r.exc_info]


def _has_ipv6() -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _has_ipv6(), reason="this host has no IPv6 loopback")
def test_ipv6(start: Start) -> None:
    server = start(host="::1")
    assert server.host == "::1"
    reply = get(server.port, "/six", host="::1")
    assert reply.status == 200 and b"client=::1" in reply.body
