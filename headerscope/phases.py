"""Where a request's time goes, phase by phase: the hooks behind `headerscope bench --phases`.

Strategy: zero cost when off. `RECORDER` is None unless the environment variable
HEADERSCOPE_PHASES names a file when the server starts; the server and the app test it once, at
import, and only then wrap their steps (see the end of `server/_connection.py`, and
`pages/app.py` and `pages/respond.py`), so the request path of a normal server is the unwrapped
code. When on, each phase's wall time is summed with `perf_counter_ns` (a thread CPU clock
would cost a system call, about 1 µs, per reading). SIGUSR1 makes every server process write
its sums to FILE.PID as JSON, which the benchmark reads before and after its load and
subtracts. On a shared machine wall time also counts the moments the server was ready but
waited for its core; the benchmark scales the phases by the share of such time the kernel
reports for the server (/proc/PID/schedstat: time on the CPU, time waiting on the run queue).
What no hook covers (accept, the read system calls, the event loop, timers) is the process's
CPU time minus the phases.

This module imports only the standard library: the server imports it.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable
from pathlib import Path
from time import perf_counter_ns as clock
from types import FrameType
from typing import Any, TypeVar

ENV = "HEADERSCOPE_PHASES"
# The phases, in request order, with what the table calls them.
PHASES: dict[str, str] = {
    "framing": "framing (reader: request line, fields, body)",
    "parsing": "field parsing (registry)",
    "tree": "building the tree",
    "rendering": "rendering HTML (sxml)",
    "response": "rest of the app, encoding the response",
    "writing": "writing and closing (send, shutdown)",
}
REST = "accept, read, event loop (CPU minus the phases)"

F = TypeVar("F", bound=Callable[..., Any])


class Recorder:
    """Nanoseconds per phase and requests answered, in this process."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.ns: dict[str, int] = dict.fromkeys(PHASES, 0)
        self.requests = 0
        self.dumps = 0

    def timed(self, phase: str, function: F) -> F:
        """`function`, adding its wall time to `phase`."""
        ns = self.ns

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return function(*args, **kwargs)
            finally:
                ns[phase] += clock() - start

        wrapper.__wrapped__ = function  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    def instrument(self, connection: type[Any]) -> None:
        """Wrap HTTPConnection's reader, its transport's writes and `_respond`, in place."""
        recorder = self
        ns = self.ns
        init = connection.__init__
        made = connection.connection_made
        respond = connection._respond

        def __init__(conn: Any, state: Any, *rest: Any) -> None:
            init(conn, state, *rest)
            conn._reader = _TimedReader(conn._reader, ns)

        def connection_made(conn: Any, transport: Any) -> None:
            for name in ("write", "write_eof", "close"):  # instance attributes shadow methods
                setattr(transport, name, recorder.timed("writing", getattr(transport, name)))
            made(conn, transport)

        def _respond(conn: Any, request: Any) -> bytes:
            inside = ns["parsing"] + ns["tree"] + ns["rendering"]
            start = clock()
            data: bytes = respond(conn, request)
            spent = clock() - start
            ns["response"] += spent - (ns["parsing"] + ns["tree"] + ns["rendering"] - inside)
            recorder.requests += 1
            return data

        connection.__init__ = __init__
        connection.connection_made = connection_made
        connection._respond = _respond

    def dump(self, signum: int = 0, frame: FrameType | None = None) -> None:
        self.dumps += 1
        data = {"pid": os.getpid(), "dumps": self.dumps, "requests": self.requests,
                "ns": self.ns}
        write_report(self.path, data)


class _TimedReader:
    """A RequestReader (which has __slots__, so cannot be wrapped in place) with timed calls."""

    __slots__ = ("_ns", "_reader")

    def __init__(self, reader: Any, ns: dict[str, int]) -> None:
        self._reader = reader
        self._ns = ns

    @property
    def buffered(self) -> int:
        return int(self._reader.buffered)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)  # the untimed rest: held, compact, take_rest

    def feed(self, data: bytes) -> None:
        start = clock()
        self._reader.feed(data)
        self._ns["framing"] += clock() - start

    def next_event(self) -> Any:
        start = clock()
        try:
            return self._reader.next_event()
        finally:
            self._ns["framing"] += clock() - start


def _recorder() -> Recorder | None:
    path = os.environ.get(ENV)
    if not path:
        return None
    recorder = Recorder(path)
    try:
        signal.signal(signal.SIGUSR1, recorder.dump)
    except ValueError:  # not the main thread: nobody could ask for the sums
        return None
    return recorder


RECORDER = _recorder()


# -- the benchmark's side ----------------------------------------------------------------------

def write_report(path: str, data: dict[str, Any]) -> None:
    """Write `data` to PATH.PID as JSON, atomically: the benchmark never reads half a file.
    (The server's side of `signal_and_read`; pages/fieldcache.py's counts use it too.)"""
    target = Path(f"{path}.{os.getpid()}")
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(json.dumps(data))
    temporary.replace(target)


def signal_and_read(path: str, pids: list[int], signum: int,
                    timeout: float = 5.0) -> list[dict[str, Any]]:
    """Send `signum` to each server process and read the PATH.PID reports they write
    (`write_report`), waiting up to `timeout` for all of them: what arrived in time."""
    import time

    folder = Path(path).parent
    prefix = Path(path).name + "."
    for old in folder.glob(prefix + "*"):
        old.unlink(missing_ok=True)
    for pid in pids:
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            continue
    deadline = time.monotonic() + timeout
    files: list[Path] = []
    while time.monotonic() < deadline:
        files = [f for f in folder.glob(prefix + "*") if f.suffix != ".tmp"]
        if len(files) >= len(pids):
            break
        time.sleep(0.02)
    return [json.loads(f.read_text()) for f in files]


def collect(path: str, pids: list[int], timeout: float = 5.0) -> tuple[int, dict[str, int]]:
    """Ask each server process for its sums (SIGUSR1) and add them up: (requests, ns)."""
    requests = 0
    total = dict.fromkeys(PHASES, 0)
    for data in signal_and_read(path, pids, signal.SIGUSR1, timeout):
        requests += int(data["requests"])
        for name in PHASES:
            total[name] += int(data["ns"].get(name, 0))
    return requests, total
