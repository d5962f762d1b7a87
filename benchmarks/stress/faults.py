"""Item 7: every fault of tests/reliability/test_faults.py, many times over and at once,
then descriptor exhaustion with a low `ulimit -n`: tracebacks, descriptors, log lines,
and how long the server takes to serve again."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from tests.reliability._server import QUICK, settle, tracebacks
from tests.reliability.test_faults import FAULTS
from tests.server._support import exchange

from ._common import Figure, server

ITEM = "7 faults"
GET = b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"


def run(scale: int, burst: int) -> list[Figure]:
    figures = []
    with server(*QUICK) as process:
        exchange(process.port, GET)
        baseline = settle(process, 0, timeout=0.5)
        jobs = [fault for fault, count in FAULTS for _ in range(count * scale)]
        errors = 0

        def one(fault: Callable[[int], None]) -> None:
            nonlocal errors
            try:
                fault(process.port)
            except (OSError, AssertionError):
                errors += 1

        with ThreadPoolExecutor(max_workers=32) as pool:
            list(pool.map(one, jobs))
        after = settle(process, baseline)
        logged = tracebacks(process)
        figures += [
            Figure(ITEM, "faulty clients (resets, early closes, half-closes, garbage)",
                   f"{len(jobs)} ({errors} half-closers not fully answered)", "all answered",
                   errors == 0),
            Figure(ITEM, "server descriptors: baseline -> after", f"{baseline} -> {after}",
                   "equal", after == baseline),
            Figure(ITEM, "tracebacks in the log", str(len(logged)), "0", not logged),
        ]
    with server(*QUICK, fd_limit=128) as process:
        baseline = settle(process, 0, timeout=0.5)
        held: list[socket.socket] = []
        try:
            for _ in range(burst):
                with contextlib.suppress(OSError):
                    sock = socket.create_connection(("127.0.0.1", process.port), timeout=10)
                    sock.sendall(b"GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
                    held.append(sock)
            time.sleep(5.0)
        finally:
            for sock in held:
                sock.close()
        released = time.monotonic()
        recovered: float | None = None
        while time.monotonic() - released < 60:
            with contextlib.suppress(OSError):
                if [r.status for r in exchange(process.port, GET, idle=0.5).replies] == [200]:
                    recovered = time.monotonic() - released
                    break
            time.sleep(0.05)
        after = settle(process, baseline)
        lines = list(process.lines)
        logged = tracebacks(process)
    return [
        *figures,
        Figure(ITEM, f"ulimit -n 128, {burst} connections at once: serving again after release",
               "never" if recovered is None else f"{recovered:.2f} s", "< 60 s",
               recovered is not None),
        Figure(ITEM, "  log lines during it (start-up included) / tracebacks",
               f"{len(lines)} / {len(logged)}", "few / 0", len(lines) <= 6 and not logged),
        Figure(ITEM, "  descriptors: baseline -> after", f"{baseline} -> {after}", "equal",
               after == baseline),
    ]
