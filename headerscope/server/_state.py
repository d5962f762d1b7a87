"""What every connection of one server shares: settings, the app, the Date cache, the roster."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Protocol

from ..http import App, DateCache
from ._offload import Offloader
from .config import ServerConfig


class Member(Protocol):
    """A connection at HTTP on the roster (HTTPConnection, H2Connection): what the server
    asks of each, so that this module, which they all import, imports none of them."""

    def recount_output(self) -> int:
        """Its answers still in the transport's buffer, brought up to date in the total."""

    def shutdown(self) -> None:
        """The server stops: finish what is in progress, then close."""

    def abort(self) -> None:
        """Close now."""


class Pending(Protocol):
    """A connection not yet at HTTP (ProxyFront, TLSConnection)."""

    def abort(self) -> None:
        """Close now."""


_RECOUNT = 0.05  # seconds between exact counts of the output held


@dataclass(slots=True, eq=False)
class ServerState:
    config: ServerConfig
    app: App
    loop: asyncio.AbstractEventLoop
    max_connections: int  # the configured maximum, lowered to fit the file-descriptor limit
    dates: DateCache = field(default_factory=DateCache)
    connections: set[Member] = field(default_factory=set)
    # Connections not yet at HTTP: a PROXY header or a TLS handshake still to come.
    pending: set[Pending] = field(default_factory=set)
    server_name: bytes = b""  # the Server field value, encoded once
    # Memory held by all connections (config.max_input_memory, max_output_memory): each
    # connection adds the change in what it holds, so the totals cost nothing to keep.
    input_held: int = 0  # request bytes in the readers' buffers
    output_held: int = 0  # answer bytes in the transports' buffers, as last seen
    _output_counted: float = float("-inf")  # when output_held was last counted exactly
    offload: Offloader = field(init=False)  # large requests are answered on its thread

    def __post_init__(self) -> None:
        self.server_name = self.config.server_name.encode("latin-1")
        self.offload = Offloader(self.app, self.loop)

    def output_over(self, budget: int) -> bool:
        """Whether the answers waiting for their clients exceed `budget`.

        A connection sees its output grow when it writes, but the loop drains it without
        telling us (only a paused transport reports that it resumed), so output_held can be
        stale on the high side: before refusing anything, count again, at most every 50 ms
        (a count visits every connection)."""
        if self.output_held <= budget:
            return False
        now = self.loop.time()
        if now - self._output_counted >= _RECOUNT:
            self._output_counted = now
            self.output_held = sum(c.recount_output() for c in self.connections)
        return self.output_held > budget

    @property
    def access_log(self) -> bool:
        return self.config.access_log


@dataclass(slots=True, eq=False)
class MemoryShare:
    """One connection's part of the server-wide totals (input_held, output_held): it moves
    the totals by what changed, and gives it all back when the connection goes."""

    state: ServerState
    input: int = 0  # request bytes this connection holds
    output: int = 0  # answer bytes its transport holds, as last seen

    def set_input(self, held: int) -> None:
        self.state.input_held += held - self.input
        self.input = held

    def set_output(self, held: int) -> None:
        self.state.output_held += held - self.output
        self.output = held

    def release(self) -> None:
        self.set_input(0)
        self.set_output(0)
