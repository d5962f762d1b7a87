"""Large requests are answered off the event loop, one at a time, on a worker thread.

Why: every parser and view is linear in its input (issue 13), but a maximal request (16 KiB of
field lines of the costliest field, as many again in trailers) still takes tens of
milliseconds to inspect and draw; built on the loop, it makes every other client wait that
long, and a client that sends such requests back to back sets everyone's latency. On a worker
thread the loop keeps its turns: CPython hands the GIL to a thread that waits for it every
switch interval (sys.getswitchinterval, 5 ms), so a /hello meanwhile waits a few intervals,
not a page.

Only requests of OFFLOAD_BYTES or more (head, trailers and content) go there, and the ones the
application calls costly (`app.costly(request)`: a small request for the page of a large
stored one): handing work to a thread and back costs more than a small page. One thread,
because pages are CPU work under the GIL (more threads would not answer sooner) and because a
bounded line bounds what waits in memory: beyond MAX_WAITING requests waiting, the next is
refused (503).

The application says what may leave the loop: `app.split(request, info)` gives the Work to run
on the thread, whose result is the step that finishes the answer on the loop (recording the
capture, which touches the store and the live hub): a Response, or more Work when what the
loop read still has to be drawn (a capture page: parsed there, the store read here, drawn
there), or None when the request must be answered on the loop. An app without `split` is
always answered on the loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from ..http import App, ConnectionInfo, Finish, Request, Response, Work

log = logging.getLogger("headerscope.server")

# A request this large or larger is inspected on the worker thread. The costliest fields cost
# about 3 µs of CPU per octet of value on the loop (the cyclic collector included, issue 13's
# measurements in benchmarks/RESULTS.md), so the most one request below it holds the loop is
# about 12 ms; ordinary requests (a browser's head is 0.5 to 3 KB) never leave the loop.
OFFLOAD_BYTES = 4096
MAX_WAITING = 32  # large requests waiting for the thread (and the one it works on)

Done = Callable[[Response | None], None]  # None: the application failed (logged)


class Offloader:
    """The worker thread of one server process, and the large requests waiting for it."""

    def __init__(self, app: App, loop: asyncio.AbstractEventLoop) -> None:
        self._split: Callable[[Request, ConnectionInfo], Work | None] | None = getattr(
            app, "split", None)
        self._costly: Callable[[Request], bool] | None = getattr(app, "costly", None)
        self._loop = loop
        self._pool: ThreadPoolExecutor | None = None  # started by the first large request
        self.waiting = 0

    def wants(self, request: Request) -> bool:
        """Whether `request` is large enough to be inspected off the loop."""
        if self._split is None:
            return False
        size = len(request.head) + len(request.body)
        if size < OFFLOAD_BYTES and request.trailers:
            size += sum(len(f.name) + len(f.value) + 4 for f in request.trailers)
        if size >= OFFLOAD_BYTES:
            return True
        return self._costly is not None and self._costly(request)

    def full(self) -> bool:
        return self.waiting >= MAX_WAITING

    def submit(self, request: Request, info: ConnectionInfo, done: Done) -> bool:
        """Build the answer to `request` on the thread and call `done` with it on the loop;
        False (and nothing called) when the application keeps this request on the loop."""
        assert self._split is not None
        work = self._split(request, info)
        if work is None:
            return False
        self._run(work, info, done)
        return True

    def _run(self, work: Work, info: ConnectionInfo, done: Done) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="headerscope-pages")
        self.waiting += 1
        future = self._loop.run_in_executor(self._pool, work)

        def finished(future: asyncio.Future[Finish]) -> None:
            self.waiting -= 1
            if future.cancelled():
                return  # the server stops: its connections are gone
            try:
                result = future.result()()
            except Exception:
                log.exception("application error answering a large request for %s",
                              info.client[0])
                done(None)
                return
            if isinstance(result, Response):
                done(result)
            else:
                self._run(result, info, done)  # drawn on the thread too, then answered

        future.add_done_callback(finished)

    def close(self) -> None:
        """At shutdown, after the connections: nothing waits for the thread any more."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
