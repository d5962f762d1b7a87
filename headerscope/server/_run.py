"""One serving process: run until SIGINT or SIGTERM (serve.py decides how many)."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Callable, Coroutine
from typing import Any

from ..http import App
from ._loops import loop_factory
from ._server import Server, url
from .config import ServerConfig

log = logging.getLogger("headerscope.server")


def run_one(config: ServerConfig, app: App, *, reuse_port: bool = False,
            announce: bool = True, ready: Callable[[], None] | None = None) -> int:
    """Serve in this process. `ready` is called once the listeners accept connections."""
    if config.profile is None:
        return _run(config, _main(config, app, reuse_port=reuse_port, announce=announce,
                                  ready=ready))
    import cProfile

    # A worker profiles itself into FILE.PID: one file per process, readable with pstats.
    path = config.profile if announce else f"{config.profile}.{os.getpid()}"
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        return _run(config, _main(config, app, reuse_port=reuse_port, announce=announce,
                                  ready=ready))
    finally:
        profiler.disable()
        profiler.dump_stats(path)


def _run(config: ServerConfig, main: Coroutine[Any, Any, int]) -> int:
    with asyncio.Runner(loop_factory=loop_factory(config.loop)) as runner:
        return runner.run(main)


async def _main(config: ServerConfig, app: App, *, reuse_port: bool, announce: bool,
                ready: Callable[[], None] | None) -> int:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    server = Server(config, app, reuse_port=reuse_port)
    await server.start()
    if ready is not None:
        ready()
    if announce:
        where = ", ".join(url(config, address) for address in server.addresses)
        log.info("headerscope serving on %s (Ctrl+C to stop)", where)
    await stop.wait()
    log.info("shutting down")
    await server.shutdown()
    close = getattr(app, "close", None)  # an app that keeps state (the capture store) flushes
    if callable(close):
        close()
    return 0
