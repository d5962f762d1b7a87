"""The server as a process: start-up line, clean shutdown on signals, workers, EMFILE."""

from __future__ import annotations

import os
import pstats
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ._process import ServerProcess
from ._support import connect, exchange, parse_replies, receive


@pytest.fixture
def processes() -> Iterator[list[ServerProcess]]:
    started: list[ServerProcess] = []
    yield started
    for process in started:
        process.stop()


def _pid(port: int) -> int:
    reply = exchange(port, b"GET /pid HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").replies[0]
    return int(reply.body.rsplit(b"pid=", 1)[1])


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_finishes_the_request_in_flight_and_exits_0(
    processes: list[ServerProcess], signum: int
) -> None:
    server = ServerProcess("--no-access-log")
    processes.append(server)
    with connect(server.port) as sock:
        sock.sendall(b"POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhe")
        time.sleep(0.2)  # the head has arrived; the body is in flight
        server.proc.send_signal(signum)
        server.wait_for("shutting down")
        sock.sendall(b"llo")
        data, closed = receive(sock, idle=5)
    (reply,), _ = parse_replies(data)
    assert reply.status == 200 and b"body=b'hello'" in reply.body
    assert reply.header("Connection") == "close" and closed
    assert server.proc.wait(15) == 0
    assert not [line for line in server.lines if "Traceback" in line]


def test_workers_share_the_port_and_a_killed_one_is_replaced(
    processes: list[ServerProcess],
) -> None:
    server = ServerProcess("--workers", "2", "--no-access-log")
    processes.append(server)
    assert "with 2 workers" in server.lines[-1] or server.count("with 2 workers") == 1
    pids = {_pid(server.port)}  # the line waits for the workers: nothing may be refused
    deadline = time.monotonic() + 20
    while len(pids) < 2 and time.monotonic() < deadline:
        pids.add(_pid(server.port))
    assert len(pids) == 2 and server.proc.pid not in pids
    victim = pids.pop()
    os.kill(victim, signal.SIGKILL)
    server.wait_for(rf"worker {victim} exited \(signal SIGKILL\)")
    fresh: set[int] = set()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not fresh - pids - {victim}:
        try:
            fresh.add(_pid(server.port))
        except (OSError, IndexError):
            time.sleep(0.05)  # a connection queued on the dead worker's listener
    assert fresh - pids - {victim}, "no replacement worker answered"
    server.proc.send_signal(signal.SIGTERM)
    assert server.proc.wait(20) == 0
    for pid in (*pids, *(fresh - pids)):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


EMFILE_SERVER = """
import asyncio, logging, resource, sys
from headerscope.server import Server
from tests.server._support import config, echo_app
logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
resource.setrlimit(resource.RLIMIT_NOFILE, (48, 48))
async def main():
    server = Server(config(keepalive_timeout=30.0, header_timeout=30.0), echo_app)
    await server.start(fd_limit=1 << 20)  # no clamping: we want accept() itself to fail
    print("serving on http://127.0.0.1:%d/" % server.addresses[0][1], file=sys.stderr)
    await asyncio.sleep(120)
asyncio.run(main())
"""


def test_out_of_file_descriptors_keeps_serving_and_logs_rarely(
    processes: list[ServerProcess],
) -> None:
    server = ServerProcess(code=EMFILE_SERVER)
    processes.append(server)
    held: list[socket.socket] = []
    try:
        # More connections than the 48 descriptors the server may have.
        held.extend(socket.create_connection(("127.0.0.1", server.port), timeout=5)
                    for _ in range(80))
        server.wait_for("cannot accept connections: Too many open files")
        time.sleep(2.5)  # asyncio retries accept() every second; we must not log each time
        assert server.count("cannot accept connections") == 1
    finally:
        for sock in held:
            sock.close()
    deadline = time.monotonic() + 15
    while True:
        try:
            reply = exchange(server.port, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", idle=0.5)
            if reply.replies:
                break
        except OSError:
            pass
        assert time.monotonic() < deadline, "the server did not recover"
    assert reply.replies[0].status == 200
    assert not [line for line in server.lines if "Traceback" in line]


@pytest.mark.parametrize("workers", [1, 2])
def test_profile_is_written_at_exit_by_every_serving_process(
    processes: list[ServerProcess], tmp_path: Path, workers: int
) -> None:
    profile = tmp_path / "serve.prof"
    code = ("import sys; from headerscope.cli import main; sys.exit(main(['serve', '--port', "
            f"'0', '--no-access-log', '--workers', '{workers}', '--profile', '{profile}']))")
    server = ServerProcess(code=code)
    processes.append(server)
    deadline = time.monotonic() + 20
    answered = 0
    while answered < 4 and time.monotonic() < deadline:
        try:
            reply = exchange(server.port, b"GET /hello HTTP/1.1\r\nHost: a\r\n"
                                          b"Connection: close\r\n\r\n").replies[0]
            answered += reply.status == 200
        except IndexError:
            time.sleep(0.05)
    server.proc.send_signal(signal.SIGTERM)
    assert server.proc.wait(20) == 0
    written = [profile] if workers == 1 else sorted(tmp_path.glob("serve.prof.*"))
    assert len(written) == workers
    # Each file is readable with pstats; the requests' work is in them (a worker that the
    # kernel gave no connection has only its loop, so the app is looked for in the union).
    functions = {name for path in written
                 for (_, _, name) in pstats.Stats(str(path)).stats}  # type: ignore[attr-defined]
    assert "app" in functions
