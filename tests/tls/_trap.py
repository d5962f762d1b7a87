"""A TCP listener on 127.0.0.1 that records the ClientHello of each connection, then closes it.

Real clients (curl, openssl s_client, Chromium, Firefox) are pointed at it as at an HTTPS
server; each sends its hello and gets nothing back. The bytes are kept exactly as they came,
up to the end of the records that hold the hello (`HelloAccumulator` says where that is).
Every wait is bounded, and `close` ends the listener and its threads.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading

from headerscope.tls import HelloAccumulator, HelloError


class HelloTrap:
    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port: int = self.sock.getsockname()[1]
        self.hellos: list[bytes] = []
        self.errors: list[str] = []
        self._ready = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._read, args=(conn,), daemon=True).start()

    def _read(self, conn: socket.socket) -> None:
        acc = HelloAccumulator()
        data = b""
        with conn:
            conn.settimeout(20)
            try:
                while (chunk := conn.recv(65536)) and len(data) < 1 << 20:
                    data += chunk
                    hello = acc.feed(chunk)
                    if hello is not None:
                        with self._ready:
                            self.hellos.append(data[:hello.size])
                            self._ready.notify_all()
                        return
            except (OSError, HelloError) as exc:
                with self._ready:
                    self.errors.append(f"{type(exc).__name__}: {exc} after {data[:64]!r}")
                    self._ready.notify_all()

    def first(self, timeout: float = 60) -> bytes:
        with self._ready:
            if not self._ready.wait_for(lambda: self.hellos or self.errors, timeout):
                raise AssertionError(f"no ClientHello within {timeout} s")
        assert not self.errors, self.errors
        return self.hellos[0]

    def close(self) -> None:
        self._stop.set()
        self.sock.close()
        self._thread.join(5)


def run_until_hello(command: list[str], trap: HelloTrap, env: dict[str, str],
                    timeout: float = 60) -> bytes:
    """Start a client in its own process group, take the first hello it sends, then end the
    client and every process it started."""
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        return trap.first(timeout)
    except AssertionError:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=10)
        raise AssertionError(f"{command[0]}: no hello; stderr: {err[-2000:]!r}") from None
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
