"""What a connection speaks before HTTP: the PROXY protocol header, then TLS or HTTP itself.

Strategy: each layer is an asyncio.Protocol that owns the raw transport until its part is
done, then hands the transport (and any bytes it read past its part) to the next layer, made
for what it learnt: `ProxyFront` (`--proxy-protocol-from`) reads the header a load balancer
sends first, then makes a TLSConnection (server/_tls.py) or an HTTPConnection. Until then a
connection is "pending": it has the header deadline, counts against max_connections, and is
aborted at shutdown.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from ..proxy import ProxyHeader, ProxyHeaderReader, ProxyProtocolError
from ..proxy.protocol import refusal

if TYPE_CHECKING:
    from ..proxy import Networks
    from ._state import ServerState

log = logging.getLogger("headerscope.server")

# HAProxy's specification: "the receiver ... should wait at least 3 seconds to cover a TCP
# retransmit"; the header deadline applies when it is longer.
PROXY_TIMEOUT = 3.0

NextLayer = Callable[[ProxyHeader], asyncio.Protocol]


class ProxyFront(asyncio.Protocol):
    """Reads the PROXY header from an allowed peer; refuses every other peer unread."""

    def __init__(self, state: ServerState, allowed: Networks, after: NextLayer) -> None:
        self._state = state
        self._allowed = allowed
        self._after = after
        self._reader = ProxyHeaderReader()
        self._transport: asyncio.Transport | None = None
        self._timer: asyncio.TimerHandle | None = None

    def connection_made(self, base: asyncio.BaseTransport) -> None:
        self._transport = transport = cast(asyncio.Transport, base)
        state = self._state
        state.pending.add(self)
        if len(state.pending) + len(state.connections) > state.max_connections:
            transport.abort()
            return
        peer = transport.get_extra_info("peername")
        why = refusal(str(peer[0]) if isinstance(peer, tuple) else "", self._allowed)
        if why is not None:
            log.warning("%s", why)
            transport.abort()
            return
        timeout = max(PROXY_TIMEOUT, state.config.header_timeout)
        self._timer = state.loop.call_later(timeout, self._too_slow)

    def data_received(self, data: bytes) -> None:
        transport = self._transport
        if transport is None:
            return
        try:
            header = self._reader.feed(data)
        except ProxyProtocolError as error:
            # The specification's one answer to a bad header: "abort the connection".
            peer = transport.get_extra_info("peername")
            log.warning("PROXY header refused from %s: %s", peer[0] if peer else "?", error)
            transport.abort()
            return
        if header is None:
            return
        self._done()
        after = self._after(header)
        transport.set_protocol(after)
        after.connection_made(transport)
        if self._reader.rest and not transport.is_closing():
            after.data_received(self._reader.rest)

    def connection_lost(self, exc: Exception | None) -> None:
        self._done()
        self._transport = None

    def _done(self) -> None:
        self._state.pending.discard(self)
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _too_slow(self) -> None:
        self._timer = None
        if self._transport is not None:
            self._transport.abort()

    def abort(self) -> None:
        if self._transport is not None:
            self._transport.abort()
