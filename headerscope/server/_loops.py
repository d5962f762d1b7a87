"""The event loop a server runs on: the standard library's asyncio, or uvloop when installed.

uvloop (libuv under the asyncio API) is an optional extra: `pip install 'headerscope[uvloop]'`.
Its transports are not asyncio's classes (uvloop.loop.TCPTransport is no asyncio.Transport
subclass), so the server only ever calls the transport methods both document.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
from collections.abc import Callable

log = logging.getLogger("headerscope.server")

LOOPS = ("asyncio", "uvloop")

LoopFactory = Callable[[], asyncio.AbstractEventLoop]


def available(name: str) -> bool:
    """Whether a loop of this kind can be made here."""
    if name == "uvloop":
        return importlib.util.find_spec("uvloop") is not None
    return name == "asyncio"


def loop_factory(name: str) -> LoopFactory:
    """A function making a new loop of the kind `name`; asyncio's, with a warning, when uvloop
    is asked for and not installed (the server still runs, only slower)."""
    if name not in LOOPS:
        raise ValueError(f"unknown event loop {name!r}: choose one of {', '.join(LOOPS)}")
    if name == "uvloop":
        if available("uvloop"):
            import uvloop

            return uvloop.new_event_loop
        log.warning("uvloop is not installed (pip install 'headerscope[uvloop]'): using asyncio")
    return asyncio.new_event_loop
