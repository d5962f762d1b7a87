"""Item 7: clients that fail in every way a network lets them, at once, against the real server
in its own process: no traceback in its log, and its file descriptors back to the baseline.
Then the same server with a low `ulimit -n` under a burst of connections: it keeps serving
once descriptors free up, and says so in a line or two, not a line per failed accept.
(tests/server/test_limits.py and test_process.py hold the single-client versions with the test
app; these run the real pages, many clients at once, and count descriptors.)
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import socket
import struct
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from headerscope.pages.app import make_app
from headerscope.server import ServerConfig
from headerscope.server._connection import HTTPConnection
from headerscope.server._state import ServerState
from tests.server._support import exchange, parse_replies, receive

from ._server import QUICK, settle, tracebacks
from .conftest import Spawn

LINGER_ZERO = struct.pack("ii", 1, 0)  # close() then sends RST instead of FIN
BIG_HEAD = "".join(f"X-Pad-{i}: {'v' * 200}\r\n" for i in range(60))
BIG = (f"GET /?format=raw HTTP/1.1\r\nHost: a\r\n{BIG_HEAD}\r\n").encode() * 300  # ~4 MB out


def _connect(port: int, rcvbuf: int = 0) -> socket.socket:
    sock = socket.socket()
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(10)
    sock.connect(("127.0.0.1", port))
    return sock


def _reset(sock: socket.socket) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, LINGER_ZERO)
    sock.close()


def reset_mid_head(port: int) -> None:
    sock = _connect(port)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: a\r\nX-Half: ")
    time.sleep(0.05)
    _reset(sock)


def reset_mid_body(port: int) -> None:
    sock = _connect(port)
    sock.sendall(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\npartial")
    time.sleep(0.05)
    _reset(sock)


def reset_while_written(port: int) -> None:
    sock = _connect(port, rcvbuf=4096)
    with contextlib.suppress(OSError):
        sock.sendall(BIG)
    sock.recv(1000)  # the answers have started
    _reset(sock)


def close_while_written(port: int) -> None:
    sock = _connect(port, rcvbuf=4096)
    with contextlib.suppress(OSError):
        sock.sendall(BIG)
    sock.recv(1000)
    sock.close()


def half_close_after_sending(port: int) -> None:
    sock = _connect(port)
    sock.sendall(b"GET /a HTTP/1.1\r\nHost: a\r\n\r\n" * 3)
    sock.shutdown(socket.SHUT_WR)
    data, closed = receive(sock, idle=10)
    sock.close()
    replies, _ = parse_replies(data)
    assert [r.status for r in replies] == [200, 200, 200] and closed


def close_at_once(port: int) -> None:
    _connect(port).close()


def garbage_then_reset(port: int) -> None:
    sock = _connect(port)
    sock.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(256)))
    time.sleep(0.05)
    _reset(sock)


FAULTS: list[tuple[Callable[[int], None], int]] = [
    (reset_mid_head, 60), (reset_mid_body, 60), (reset_while_written, 8),
    (close_while_written, 8), (half_close_after_sending, 60), (close_at_once, 60),
    (garbage_then_reset, 60),
]


def test_faulty_clients_leave_no_traceback_and_no_descriptor(spawn: Spawn) -> None:
    server = spawn(*QUICK)
    assert exchange(server.port, b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                    ).replies[0].status == 200
    baseline = settle(server, 0, timeout=0.5)
    jobs = [fault for fault, count in FAULTS for _ in range(count)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda fault: fault(server.port), jobs))
    assert settle(server, baseline) == baseline
    assert exchange(server.port, b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                    ).replies[0].status == 200
    assert tracebacks(server) == []


def test_out_of_descriptors_the_real_server_recovers_and_logs_little(spawn: Spawn) -> None:
    server = spawn(*QUICK, fd_limit=128)
    baseline = settle(server, 0, timeout=0.5)
    held: list[socket.socket] = []
    try:
        for _ in range(400):  # far more than 128 descriptors allow, all at once
            sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            with contextlib.suppress(OSError):
                sock.sendall(b"GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            held.append(sock)
        time.sleep(3.0)  # asyncio retries accept() every second meanwhile
    finally:
        for sock in held:
            sock.close()
    # The backlog still holds connections we closed; the server accepts and drops them (a
    # 503 is a fair answer while it is over its limit), then serves again.
    deadline = time.monotonic() + 30
    statuses: list[int] = []
    while 200 not in statuses:
        assert time.monotonic() < deadline, f"the server did not recover: {statuses}"
        with contextlib.suppress(OSError):
            result = exchange(server.port, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", idle=0.5)
            statuses += [r.status for r in result.replies]
        time.sleep(0.1)
    assert settle(server, baseline) == baseline
    assert server.proc.poll() is None
    assert tracebacks(server) == []
    assert len(server.lines) <= 6, server.lines  # start-up, the limit, a warning or two


class _GonePeer(asyncio.Transport):
    """A transport whose peer reset after our answer was queued: write_eof fails (ENOTCONN)."""

    def __init__(self) -> None:
        super().__init__()
        self.written: list[bytes] = []
        self.aborted = False

    def get_extra_info(self, name: str, default: object = None) -> object:
        return ("127.0.0.1", 1) if name in ("peername", "sockname") else default

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written.append(bytes(data))

    def can_write_eof(self) -> bool:
        return True

    def get_write_buffer_size(self) -> int:
        return 0  # the server counts unread answers against --max-output-memory

    def write_eof(self) -> None:
        raise OSError(errno.ENOTCONN, "Transport endpoint is not connected")

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    def abort(self) -> None:
        self.aborted = True


def test_an_error_answer_to_a_peer_already_gone_aborts_quietly() -> None:
    # The fix in server/_connection.py `_close_gracefully`: write_eof raised out of
    # data_received / connection_made, and asyncio logged a traceback per connection.
    loop = asyncio.new_event_loop()
    try:
        state = ServerState(ServerConfig(access_log=False), make_app(), loop, 10)
        connection = HTTPConnection(state)
        transport = _GonePeer()
        connection.connection_made(transport)
        connection.data_received(b"BAD\x00 / HTTP/1.1\r\n\r\n")
    finally:
        loop.close()
    assert transport.written[0].startswith(b"HTTP/1.1 400 ")
    assert transport.aborted
