"""A server under test: started in its own process group, pinned to a core, always stopped."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def cpu_list(text: str | None) -> set[int] | None:
    """"0" or "0,2-3" -> {0} or {0, 2, 3}; None when not given or not all on this machine."""
    if not text:
        return None
    cpus: set[int] = set()
    for part in text.split(","):
        low, _, high = part.partition("-")
        cpus.update(range(int(low), int(high or low) + 1))
    return cpus if cpus <= os.sched_getaffinity(0) else None


def wait_listening(host: str, port: int, timeout: float, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with status {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return
        time.sleep(0.05)
    raise RuntimeError(f"the server did not listen on {host}:{port} within {timeout:.0f} s")


class Target:
    """`command` run with `cpus` (taskset) and `env`; ready once it accepts on host:port."""

    def __init__(self, command: Sequence[str], host: str, port: int, *, cpus: str | None = None,
                 env: dict[str, str] | None = None, cwd: str | None = None,
                 startup: float = 60.0) -> None:
        self.host, self.port = host, port
        self.log = Path(tempfile.mkstemp(prefix="headerscope-server-", suffix=".log")[1])
        argv = list(command)
        if cpu_list(cpus) and shutil.which("taskset"):
            argv = ["taskset", "-c", str(cpus), *argv]  # taskset execs: the pid stays the same
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, **(env or {})}, cwd=cwd, start_new_session=True)
        self.pid = self.proc.pid
        try:
            wait_listening(host, port, startup, self.proc)
        except BaseException as error:
            self.stop()
            raise RuntimeError(f"{error}; its output:\n{self.output()[-2000:]}") from None

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def stop(self, grace: float = 10.0) -> int | None:
        """SIGTERM, then SIGKILL to its process group (its workers) if it does not exit."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.pid, signal.SIGKILL)
                self.proc.wait(5)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)  # workers left behind by a dead parent
        return self.proc.returncode

    def __enter__(self) -> Target:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
        self.log.unlink(missing_ok=True)


def headerscope_command(port: int, *, workers: int = 1, extra: Sequence[str] = ()) -> list[str]:
    # --max-requests: the server ends a connection after 1000 requests by default; wrk opens
    # another, but h2load does not after a GOAWAY (its run would end early, its rate be
    # wrong), so every protocol is measured on connections that last.
    return [sys.executable, "-m", "headerscope", "serve", "--host", "127.0.0.1",
            "--port", str(port), "--no-access-log", "--workers", str(workers),
            "--max-requests", "1000000000", *extra]
