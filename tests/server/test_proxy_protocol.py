"""The PROXY protocol in front of HTTP and TLS (--proxy-protocol-from): accepted from the
allowed networks only, its addresses passed to the application beside the socket's."""

from __future__ import annotations

import logging
import socket
import ssl
import time
from pathlib import Path

import pytest

from headerscope.http import ConnectionInfo, Request, Response
from headerscope.proxy import ProxyHeader, encode_v1, encode_v2

from ._support import RunningServer, Start, connect, parse_replies, receive

GET = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"
HEADER = ProxyHeader.proxied("203.0.113.7", 51000, "198.51.100.1", 443)


def proxy_app(request: Request, info: ConnectionInfo) -> Response:
    details = info.details
    proxy = details.proxy if details else None
    tls = details.tls if details else None
    text = (f"socket={info.client[0]} proxy={proxy.client if proxy else None} "
            f"tls={tls.version if tls else None} number={info.request_number}\n")
    return Response(200, [("Content-Type", "text/plain")], text.encode())


def _serve(start: Start, allowed: str, **changes: object) -> RunningServer:
    return start(proxy_app, proxy_protocol_from=(allowed,), **changes)


@pytest.mark.parametrize("encode", [encode_v1, encode_v2], ids=["v1", "v2"])
def test_the_header_gives_the_client_beside_the_socket_for_every_request(
    start: Start, encode: object
) -> None:
    server = _serve(start, "127.0.0.0/8")
    header = encode(HEADER)  # type: ignore[operator]
    with connect(server.port) as sock:
        sock.sendall(header + GET)  # the header and the request in one segment
        sock.sendall(GET)
        data, _ = receive(sock, idle=0.5)
    replies, _ = parse_replies(data)
    assert [r.body for r in replies] == [
        b"socket=127.0.0.1 proxy=('203.0.113.7', 51000) tls=None number=%d\n" % n
        for n in (1, 2)]


def test_a_header_split_in_single_bytes_is_read(start: Start) -> None:
    server = _serve(start, "127.0.0.1/32")
    with connect(server.port) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for byte in encode_v2(HEADER):
            sock.send(bytes([byte]))
        sock.sendall(GET)
        data, _ = receive(sock, idle=0.5)
    assert b"proxy=('203.0.113.7', 51000)" in parse_replies(data)[0][0].body


def test_a_peer_outside_the_allowed_networks_is_refused_unread(
    start: Start, caplog: pytest.LogCaptureFixture
) -> None:
    server = _serve(start, "10.0.0.0/8")
    with connect(server.port) as sock:
        sock.sendall(encode_v1(HEADER) + GET)
        data, closed = receive(sock, idle=2)
    assert data == b"" and closed
    assert any("PROXY protocol refused from 127.0.0.1" in r.getMessage()
               for r in caplog.records if r.levelno == logging.WARNING)


def test_a_bad_or_missing_header_aborts_and_says_where(
    start: Start, caplog: pytest.LogCaptureFixture
) -> None:
    server = _serve(start, "127.0.0.1")
    for sent in (GET, b"PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n"):  # no header; a bare LF
        with connect(server.port) as sock:
            sock.sendall(sent)
            data, closed = receive(sock, idle=2)
        assert data == b"" and closed
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(messages) == 2
    assert messages[0].startswith("PROXY header refused from 127.0.0.1: expected a PROXY")
    assert messages[0].endswith("(at byte 0)")
    assert messages[1].endswith("line feed without a carriage return before it (at byte 30)")


def test_a_silent_peer_is_dropped_after_the_deadline(start: Start) -> None:
    server = _serve(start, "127.0.0.1", header_timeout=3.0)
    started = time.monotonic()
    with connect(server.port) as sock:
        sock.sendall(b"PROXY TCP4 ")
        data, closed = receive(sock, idle=6, total=8)
    assert data == b"" and closed and 2.5 < time.monotonic() - started < 6


def test_the_header_comes_before_tls(start: Start, certificate: tuple[Path, Path]) -> None:
    cert, key = certificate
    server = _serve(start, "127.0.0.1", certfile=str(cert), keyfile=str(key))
    context = ssl.create_default_context(cafile=str(cert))
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw:
        raw.sendall(encode_v1(HEADER))
        with context.wrap_socket(raw, server_hostname="localhost") as sock:
            sock.sendall(GET)
            data, _ = receive(sock, idle=0.5)
    body = parse_replies(data)[0][0].body
    assert body.startswith(b"socket=127.0.0.1 proxy=('203.0.113.7', 51000) tls=TLSv1.3")
