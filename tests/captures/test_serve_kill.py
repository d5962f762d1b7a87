"""`headerscope serve --store FILE --workers 2` under load, one worker killed with SIGKILL:
every answered request is in the file, but for at most the batch that worker had in flight
(FlushPolicy.max_records); the other worker and the file carry on."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from headerscope.bench.target import free_port, wait_listening
from headerscope.captures import CaptureStore, FlushPolicy

ROOT = Path(__file__).resolve().parents[2]


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _load(port: int, tag: int, stop: threading.Event, answered: list[str]) -> None:
    n = 0
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                for _ in range(20):  # a new connection now and then: both workers get some
                    target = f"/k/{tag}-{n}"
                    n += 1
                    s.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                    data = b""
                    while b"\r\n\r\n" not in data:
                        chunk = s.recv(65536)
                        if not chunk:
                            raise ConnectionError("closed")
                        data += chunk
                    length = int(data.split(b"Content-Length: ")[1].split(b"\r\n")[0])
                    while len(data.split(b"\r\n\r\n", 1)[1]) < length:
                        data += s.recv(65536)
                    if data.startswith(b"HTTP/1.1 200"):
                        answered.append(target)
                    if stop.is_set():
                        return
        except (OSError, ConnectionError, IndexError, ValueError):
            time.sleep(0.01)  # the worker died under us: that request was not answered


def test_kill_9_of_a_worker_loses_at_most_its_batch(tmp_path: Path) -> None:
    path = str(tmp_path / "c.db")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "headerscope", "serve", "--port", str(port), "--store", path,
         "--store-max-requests", "1000000", "--workers", "2", "--no-access-log"],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE)
    try:
        wait_listening("127.0.0.1", port, 20, server)
        workers = _children(server.pid)
        assert len(workers) == 2
        stop = threading.Event()
        answered: list[list[str]] = [[] for _ in range(4)]
        threads = [threading.Thread(target=_load, args=(port, t, stop, answered[t]), daemon=True)
                   for t in range(4)]
        for t in threads:
            t.start()
        time.sleep(1.5)
        os.kill(workers[0], signal.SIGKILL)
        time.sleep(0.7)
        stop.set()
        for t in threads:
            t.join(10)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    done = {target for a in answered for target in a}
    assert len(done) > 200
    with CaptureStore(path) as store:
        stored: set[str] = set()
        for id_ in list(store.ids()):
            c = store.get(id_)
            assert c is not None
            stored.add(c.summary.target)
    missing = done - stored
    assert len(missing) <= FlushPolicy().max_records, len(missing)
