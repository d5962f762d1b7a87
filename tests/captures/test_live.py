"""The live view over a real server: Server-Sent Events, 100 viewers, a viewer that does not
read, `headerscope tail`, and a flood that must not grow the store or starve others."""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from headerscope.captures import CaptureStore, StoreLimits
from headerscope.captures.hub import QUEUE_LIMIT
from headerscope.captures.service import StoreConfig
from headerscope.pages.app import PageOptions, make_app
from tests.server._support import TEST_CONFIG, RunningServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def running(tmp_path: Path) -> Iterator[RunningServer]:
    app = make_app(PageOptions(store=StoreConfig(str(tmp_path / "c.db"))))
    server = RunningServer(dataclasses.replace(TEST_CONFIG, write_timeout=10.0), app)
    yield server
    server.stop()


def send(server: RunningServer, target: str, *lines: bytes, body: bytes = b"") -> bytes:
    """One request on its own connection; the whole answer."""
    with socket.create_connection((server.host, server.port), timeout=5) as s:
        head = (f"POST {target} HTTP/1.1\r\nHost: x\r\n".encode() + b"".join(
            line + b"\r\n" for line in lines) + b"Content-Length: %d\r\nConnection: close\r\n"
            b"\r\n" % len(body))
        s.sendall(head + body)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
        return data


def open_stream(server: RunningServer, rcvbuf: int | None = None) -> socket.socket:
    s = socket.socket()
    if rcvbuf is not None:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(5)
    s.connect((server.host, server.port))
    s.sendall(b"GET /captures/live HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
    return s


def read_until(s: socket.socket, marker: bytes, limit: float = 5.0) -> bytes:
    data = b""
    deadline = time.monotonic() + limit
    while marker not in data and time.monotonic() < deadline:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def test_a_viewer_gets_each_new_capture_as_one_event(running: RunningServer) -> None:
    s = open_stream(running)
    head = read_until(s, b"connected")
    assert b"Transfer-Encoding: chunked" in head and b"text/event-stream" in head
    send(running, "/first", b"X-A: 1")
    data = read_until(s, b"/first")
    s.close()
    event = next(line for line in data.split(b"\n") if line.startswith(b"data: "))
    doc = json.loads(event[6:].split(b"\r\n")[0])
    assert doc["target"] == "/first" and doc["method"] == "POST"
    assert "X-A" in doc["text"]


def test_100_viewers_at_once(running: RunningServer) -> None:
    viewers = [open_stream(running) for _ in range(100)]
    for v in viewers:
        assert b"connected" in read_until(v, b"connected")
    send(running, "/for-everyone")
    for v in viewers:
        assert b"/for-everyone" in read_until(v, b"/for-everyone")
        v.close()


def test_a_viewer_that_does_not_read_loses_events_and_is_told(running: RunningServer) -> None:
    s = open_stream(running, rcvbuf=4096)
    read_until(s, b"connected")

    def small_send_buffers() -> None:
        # Loopback's send buffer grows to megabytes: make the server's side small, so that
        # the viewer's unread events stay in the server, where the bound must hold.
        state = running.server._state
        assert state is not None
        for connection in state.connections:
            transport = getattr(connection, "_transport", None)
            assert transport is not None
            sock = transport.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    running.call(small_send_buffers)
    big = [b"X-A: " + b"a" * 6000, b"X-B: " + b"b" * 6000]  # each event: ~12 KB of text
    for n in range(150):  # ~1.8 MB of events: more than the socket and the queue hold
        send(running, f"/n/{n}", *big)
    time.sleep(0.3)
    data = b""
    s.settimeout(1.0)
    try:
        while chunk := s.recv(1 << 20):
            data += chunk
    except TimeoutError:
        pass
    s.close()
    got = data.count(b"event: capture")
    assert b": dropped " in data
    assert got < 150
    # Never more than the viewer's queue, one chunk and the small socket buffers held.
    assert got <= QUEUE_LIMIT + 16


def test_tail_prints_text_blocks_and_json_lines(running: RunningServer) -> None:
    url = f"http://{running.host}:{running.port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "headerscope", "tail", url, *extra,
                               "--timeout", "3"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env)
             for extra in ([], ["--json"])]
    time.sleep(1.2)
    send(running, "/tailed", b"X-Plain: ok")
    send(running, "/evil", b"X-Evil: a\xe2\x80\xaeb\xc2\x9b")  # RLO and C1 CSI, as obs-text
    outs = [p.communicate(timeout=20) for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    text = outs[0][0].decode()
    assert "--- capture #" in text and "POST /tailed HTTP/1.1" in text and "/evil" in text
    lines = outs[1][0].decode().splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["target"] for d in docs] == ["/tailed", "/evil"]
    for out, _ in outs:
        assert out.isascii() or all(unicodedata.category(ch) not in ("Cc", "Cf")
                                    for ch in out.decode() if ch != "\n")
        assert b"\x1b" not in out and "\u202e".encode() not in out and b"\xc2\x9b" not in out


def test_tail_without_a_server_says_so() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.run([sys.executable, "-m", "headerscope", "tail", f"127.0.0.1:{port}",
                        "--timeout", "2"], capture_output=True, env=env, timeout=20,
                       check=False)
    assert p.returncode == 1 and b"cannot follow" in p.stderr


def test_a_flood_cannot_grow_the_store_or_starve_others(tmp_path: Path) -> None:
    path = str(tmp_path / "flood.db")
    limits = StoreLimits(max_requests=100, max_bytes=300_000)
    app = make_app(PageOptions(store=StoreConfig(path, limits)))
    server = RunningServer(TEST_CONFIG, app)
    stop = threading.Event()
    sent = [0]

    def flood() -> None:
        body = b"f" * 2000
        request = (b"POST /flood HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" + body)
        with socket.create_connection((server.host, server.port), timeout=5) as s:
            while not stop.is_set():
                s.sendall(request * 50)  # pipelined, as fast as the socket takes them
                sent[0] += 50
                marker = b"HTTP/1.1 200 "
                got, rest = 0, b""
                while got < 50:
                    chunk = s.recv(1 << 20)
                    if not chunk:
                        return
                    rest += chunk
                    got += rest.count(marker)
                    rest = rest[-(len(marker) - 1):]  # a marker cut in two is counted once

    thread = threading.Thread(target=flood, daemon=True)
    thread.start()
    try:
        time.sleep(1.0)
        started = time.monotonic()
        answer = send(server, "/other")
        waited = time.monotonic() - started
        time.sleep(0.5)
    finally:
        stop.set()
        thread.join(10)
        server.stop()
    assert b"200 OK" in answer and waited < 1.0
    assert sent[0] > limits.max_requests
    with CaptureStore(path) as store:
        count, size = store.totals()
        assert count <= limits.max_requests and size <= limits.max_bytes
        assert len(list(store.ids())) == count


def test_reconnecting_with_last_event_id_gets_what_it_missed(running: RunningServer) -> None:
    send(running, "/one")
    send(running, "/two")
    send(running, "/three")
    time.sleep(0.2)  # committed (FlushPolicy.max_delay)
    with socket.create_connection((running.host, running.port), timeout=5) as s:
        s.sendall(b"GET /captures/live?format=events HTTP/1.0\r\nLast-Event-ID: 1\r\n\r\n")
        data = read_until(s, b"connected")
    assert b"Transfer-Encoding" not in data  # HTTP/1.0: the close ends the content
    targets = [json.loads(line[6:])["target"] for line in data.split(b"\n")
               if line.startswith(b"data: ")]
    assert targets == ["/two", "/three"]


def test_shutdown_ends_open_streams(tmp_path: Path) -> None:
    app = make_app(PageOptions(store=StoreConfig()))
    server = RunningServer(TEST_CONFIG, app)
    viewers = [open_stream(server) for _ in range(3)]
    for v in viewers:
        read_until(v, b"connected")
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 2.0
    for v in viewers:
        v.settimeout(2)
        rest = b""
        while chunk := v.recv(65536):
            rest += chunk
        v.close()
