"""The normal client in a process of its own, so that its latency is the server's and not the
time our own load-generating clients (thousands of coroutines in this process) hold the GIL."""

from __future__ import annotations

import asyncio
import multiprocessing
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event

from tests.reliability._aclient import NORMAL, probe


async def _probe_until(port: int, pause: float, request: bytes,
                       stop: Event) -> tuple[list[float], int]:
    done = asyncio.Event()

    async def watch() -> None:
        while not stop.is_set():
            await asyncio.sleep(0.02)
        done.set()

    watcher = asyncio.create_task(watch())
    result = await probe(port, done, pause=pause, request=request)
    await watcher
    return result


def _child(port: int, pause: float, request: bytes, stop: Event, out: Connection) -> None:
    out.send(asyncio.run(_probe_until(port, pause, request, stop)))


class ProbeProcess:
    """`start()`, generate the load, then `finish()` -> (latencies in seconds, failures)."""

    def __init__(self, port: int, pause: float = 0.02, request: bytes = NORMAL) -> None:
        context = multiprocessing.get_context("spawn")
        self._stop = context.Event()
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_child, args=(port, pause, request, self._stop, send), daemon=True)

    def start(self) -> ProbeProcess:
        self._process.start()
        return self

    def finish(self) -> tuple[list[float], int]:
        self._stop.set()
        if not self._receive.poll(60):
            self._process.kill()
            return [], 1
        latencies, failures = self._receive.recv()
        self._process.join(10)
        return list(latencies), int(failures)
