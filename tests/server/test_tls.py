"""TLS run by our own protocol (server/_tls.py): the handshake, records both ways, flow control,
deadlines, and the client's first flight kept for the fingerprints."""

from __future__ import annotations

import contextlib
import socket
import ssl
import time
from pathlib import Path

from headerscope.http import ConnectionInfo, Request, Response
from headerscope.server._state import ServerState

from ._support import RunningServer, Start, connect, echo_app, parse_replies, receive

GET = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"


def _client(cert: Path, port: int) -> ssl.SSLSocket:
    context = ssl.create_default_context(cafile=str(cert))
    raw = socket.create_connection(("127.0.0.1", port), timeout=5)
    return context.wrap_socket(raw, server_hostname="localhost")


def _state(server: RunningServer) -> ServerState:
    state = server.server._state
    assert state is not None
    return state


def _tls_server(start: Start, certificate: tuple[Path, Path], **changes: object) -> RunningServer:
    cert, key = certificate
    return start(certfile=str(cert), keyfile=str(key), **changes)


def test_keepalive_pipelining_and_a_body_in_many_records(
    start: Start, certificate: tuple[Path, Path]
) -> None:
    server = _tls_server(start, certificate)
    body = bytes(range(256)) * 1200  # 300 KiB: about twenty TLS records
    with _client(certificate[0], server.port) as sock:
        sock.sendall(GET * 3)
        sock.sendall(b"POST /up HTTP/1.1\r\nHost: a\r\nContent-Length: %d\r\n\r\n" % len(body)
                     + body)
        data, _ = receive(sock, idle=1)
    replies, _ = parse_replies(data)
    assert [r.status for r in replies] == [200] * 4
    assert b"number=3" in replies[2].body and b"tls=True" in replies[0].body
    assert repr(body).encode()[:200] in replies[3].body  # the echo app shows the body


def test_a_large_answer_to_a_slow_reader_arrives_whole(
    start: Start, certificate: tuple[Path, Path]
) -> None:
    server = _tls_server(start, certificate, write_timeout=10.0)
    with _client(certificate[0], server.port) as sock:
        sock.sendall(b"GET /big/3000000 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        time.sleep(0.5)  # the server's socket buffer fills and it must pause, not buffer all
        data, closed = receive(sock, idle=2, total=20)
    replies, _ = parse_replies(data)
    assert [r.status for r in replies] == [200] and closed
    assert replies[0].body == b"b" * 3_000_000


def test_a_hello_in_one_byte_segments_completes_and_is_decoded_once(
    start: Start, certificate: tuple[Path, Path]
) -> None:
    seen: list[ConnectionInfo] = []

    def app(request: Request, info: ConnectionInfo) -> Response:
        seen.append(info)
        return echo_app(request, info)

    cert, key = certificate
    server = start(app, certfile=str(cert), keyfile=str(key))
    context = ssl.create_default_context(cafile=str(cert))
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    client = context.wrap_bio(incoming, outgoing, server_hostname="localhost")
    with contextlib.suppress(ssl.SSLWantReadError):
        client.do_handshake()
    hello = outgoing.read()
    assert hello[:1] == b"\x16"
    with connect(server.port) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for i in range(len(hello)):  # one TCP segment per byte
            sock.send(hello[i : i + 1])
        sock.settimeout(5)
        while True:  # finish the handshake over the socket
            incoming.write(sock.recv(65536))
            try:
                client.do_handshake()
                break
            except ssl.SSLWantReadError:
                sock.sendall(outgoing.read())
        sock.sendall(outgoing.read())
        for _ in range(2):
            client.write(GET)
            sock.sendall(outgoing.read())
            answer = b""
            while not answer.endswith(b"body=b''\ntrailers=[]\n"):
                incoming.write(sock.recv(65536))
                with contextlib.suppress(ssl.SSLWantReadError):
                    answer += client.read(65536)
            assert answer.startswith(b"HTTP/1.1 200 ")
    assert len(seen) == 2 and seen[0].details is seen[1].details  # one per connection
    details = seen[0].details
    assert details is not None and details.tls is not None and details.proxy is None
    tls = details.tls
    assert tls.client_hello == hello  # exactly the hello's records, nothing after them
    assert tls.hello is not None and tls.hello_error is None
    assert [name for name, _ in tls.fingerprints] == ["ja3", "ja3_hash", "ja4", "ja4_r",
                                                      "ja4_o", "ja4_ro"]
    assert tls.version == "TLSv1.3" and tls.alpn is None and not tls.resumed


def test_a_silent_or_half_hello_client_is_dropped_at_the_header_deadline(
    start: Start, certificate: tuple[Path, Path]
) -> None:
    server = _tls_server(start, certificate, header_timeout=0.5)
    with connect(server.port) as silent, connect(server.port) as half:
        half.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc")  # a hello that never ends
        started = time.monotonic()
        for sock in (silent, half):
            data, closed = receive(sock, idle=3)
            assert closed and data == b""
        assert time.monotonic() - started < 3
    deadline = time.monotonic() + 3
    while server.call(lambda: len(_state(server).pending)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.call(lambda: len(_state(server).pending)) == 0


def test_handshakes_count_against_max_connections(
    start: Start, certificate: tuple[Path, Path]
) -> None:
    server = _tls_server(start, certificate, max_connections=2)
    with connect(server.port), connect(server.port):  # two handshakes that never start
        time.sleep(0.2)
        with connect(server.port) as third:
            data, closed = receive(third, idle=2)
        assert closed and data == b""


def test_close_notify_from_the_client_closes_the_connection(
    start: Start, certificate: tuple[Path, Path]
) -> None:
    server = _tls_server(start, certificate)
    sock = _client(certificate[0], server.port)
    sock.sendall(GET)
    assert parse_replies(receive(sock, idle=0.5)[0])[0][0].status == 200
    raw = sock.unwrap()  # sends close_notify and waits for the server's
    raw.settimeout(3)
    assert raw.recv(10) == b""
    raw.close()
