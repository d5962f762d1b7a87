"""`--workers N`: N forked processes, each with its own SO_REUSEPORT listener, supervised.

Strategy: the parent binds (without listening) one socket per address to fix the port, so
that `--port 0` means one port for all, and keeps it bound so the port stays ours while a
worker is replaced. The kernel spreads connections over the workers' listeners. The parent
blocks the signals it handles and takes them synchronously with sigtimedwait, so no handler
ever runs in the middle of a fork. The start-up line waits until every first worker says,
through a pipe, that it listens: a script that connects as soon as it sees the line must
not be refused.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import select
import signal
import time

from ..http import App
from ._run import run_one
from ._server import bind_sockets, url
from .config import ServerConfig

log = logging.getLogger("headerscope.server")

_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGCHLD}
_QUICK_DEATH = 1.0  # a worker that dies sooner than this after start is restarted slowly
_MAX_BACKOFF = 10.0
_READY_WAIT = 10.0  # seconds to wait for the first workers before announcing anyway


def supervise(config: ServerConfig, app: App) -> int:
    holders = bind_sockets(config.host, config.port, reuse_port=True)
    port = holders[0].getsockname()[1]
    worker_config = dataclasses.replace(config, port=port)
    old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    workers: dict[int, float] = {}  # pid -> start time
    backoff = 0.0
    respawn_at: list[float] = []

    def spawn() -> int:
        """Start a worker; return the read end of the pipe on which it says it listens."""
        readable, writable = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 1
            try:
                os.close(readable)
                for sock in holders:
                    sock.close()
                signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
                code = run_one(worker_config, app, reuse_port=True, announce=False,
                               ready=lambda: _say_ready(writable))
            except BaseException:
                log.exception("worker %d failed", os.getpid())
            finally:
                os._exit(code)
        os.close(writable)
        workers[pid] = time.monotonic()
        return readable

    try:
        _await_ready([spawn() for _ in range(config.workers)])
        where = ", ".join(url(config, (str(s.getsockname()[0]), port)) for s in holders)
        log.info("headerscope serving on %s with %d workers (Ctrl+C to stop)", where,
                 config.workers)
        while True:
            info = signal.sigtimedwait(_SIGNALS, 0.5)
            if info is not None and info.si_signo in (signal.SIGINT, signal.SIGTERM):
                break
            for pid, status in _reap():
                started = workers.pop(pid, None)
                if started is None:
                    continue
                log.warning("worker %d exited (%s); starting another", pid, _describe(status))
                quick = time.monotonic() - started < _QUICK_DEATH
                backoff = min(_MAX_BACKOFF, backoff * 2 or 0.1) if quick else 0.0
                respawn_at.append(time.monotonic() + backoff)
            now = time.monotonic()
            while respawn_at and respawn_at[0] <= now:
                respawn_at.pop(0)
                os.close(spawn())  # nobody waits for a replacement to listen
        log.info("shutting down %d workers", len(workers))
        _stop(workers, config.shutdown_timeout + 5.0)
        return 0
    finally:
        for sock in holders:
            sock.close()
        signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)


def _say_ready(writable: int) -> None:
    with contextlib.suppress(OSError):  # the supervisor stopped listening: nothing to say
        os.write(writable, b"!")
    os.close(writable)


def _await_ready(pipes: list[int]) -> None:
    """Wait until each pipe has a byte (the worker listens) or its end (the worker died)."""
    deadline = time.monotonic() + _READY_WAIT
    waiting = set(pipes)
    try:
        while waiting and (left := deadline - time.monotonic()) > 0:
            readable, _, _ = select.select(list(waiting), [], [], left)
            for fd in readable:
                os.read(fd, 1)
                waiting.discard(fd)
    finally:
        for fd in pipes:
            os.close(fd)


def _reap() -> list[tuple[int, int]]:
    done: list[tuple[int, int]] = []
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return done
        if pid == 0:
            return done
        done.append((pid, status))


def _stop(workers: dict[int, float], grace: float) -> None:
    for pid in workers:
        _kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while workers and time.monotonic() < deadline:
        for pid, _ in _reap():
            workers.pop(pid, None)
        time.sleep(0.05)
    for pid in workers:
        log.warning("worker %d did not stop in time; killing it", pid)
        _kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5.0  # SIGKILL cannot be ignored; this only bounds the wait
    while workers and time.monotonic() < deadline:
        for pid, _ in _reap():
            workers.pop(pid, None)
        time.sleep(0.05)


def _kill(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it exited meanwhile
        os.kill(pid, signum)


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"status {os.waitstatus_to_exitcode(status)}"
