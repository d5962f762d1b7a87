"""Listening sockets and the lifetime of one server process: start, serve, drain, stop."""

from __future__ import annotations

import asyncio
import errno
import logging
import resource
import socket
import ssl
import time
from typing import Any

from ..http import App, ConnectionDetails, TLSDetails
from ..proxy import Networks, ProxyHeader
from ._connection import HTTPConnection
from ._front import ProxyFront
from ._h2 import H2Connection
from ._state import ServerState
from ._tls import TLSConnection
from .config import ServerConfig

log = logging.getLogger("headerscope.server")

_FD_RESERVE = 64  # descriptors kept for the listener, logs, TLS files, the event loop
_RESOURCE_ERRNOS = frozenset((errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM))
RESOURCE_LOG_INTERVAL = 10.0  # seconds between two "out of file descriptors" messages


def raise_fd_limit() -> int:
    """Raise the soft RLIMIT_NOFILE to the hard limit; return the soft limit now in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError) as error:
            log.warning("could not raise the file-descriptor limit: %s", error)
    return soft if soft != resource.RLIM_INFINITY else 1 << 20


def bind_sockets(host: str, port: int, *, reuse_port: bool) -> list[socket.socket]:
    """Bound (not yet listening) sockets for every address `host` resolves to."""
    infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                               flags=socket.AI_PASSIVE)
    sockets: list[socket.socket] = []
    seen = set()
    for family, kind, proto, _, address in infos:
        if (family, address[0]) in seen:
            continue
        seen.add((family, address[0]))
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if reuse_port:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            if port == 0 and sockets:  # every address on the port the first one was given
                address = (address[0], sockets[0].getsockname()[1], *address[2:])
            sock.bind(address)
        except OSError:
            sock.close()
            for other in sockets:
                other.close()
            raise
        sockets.append(sock)
    return sockets


def tls_context(config: ServerConfig) -> ssl.SSLContext | None:
    if config.certfile is None:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(config.certfile, config.keyfile)
    context.set_alpn_protocols(["http/1.1"] if config.http1_only else ["h2", "http/1.1"])
    if config.client_ca is not None:
        # mTLS debugging: ask every client for a certificate, accept a connection without one
        # (the page says none came), refuse one that the CA did not sign.
        context.load_verify_locations(config.client_ca)
        context.verify_mode = ssl.CERT_OPTIONAL
    return context


def url(config: ServerConfig, address: tuple[str, int]) -> str:
    host = f"[{address[0]}]" if ":" in address[0] else address[0]
    return f"{'https' if config.tls else 'http'}://{host}:{address[1]}/"


class Server:
    """One process's listeners and connections. `start`, then `shutdown` (from its loop)."""

    def __init__(self, config: ServerConfig, app: App, *, reuse_port: bool = False) -> None:
        self.config = config
        self.app = app
        self._reuse_port = reuse_port
        self._servers: list[asyncio.Server] = []
        self._state: ServerState | None = None
        self._last_resource_log = -RESOURCE_LOG_INTERVAL

    @property
    def addresses(self) -> list[tuple[str, int]]:
        return [(str(s.getsockname()[0]), int(s.getsockname()[1]))
                for server in self._servers for s in server.sockets]

    @property
    def connections(self) -> int:
        return len(self._state.connections) if self._state else 0

    @property
    def memory_held(self) -> tuple[int, int]:
        """(request bytes buffered, answer bytes unread) across all connections, as counted
        against max_input_memory and max_output_memory."""
        state = self._state
        return (state.input_held, state.output_held) if state else (0, 0)

    async def start(self, fd_limit: int | None = None) -> None:
        config = self.config
        loop = asyncio.get_running_loop()
        limit = fd_limit if fd_limit is not None else raise_fd_limit()
        max_connections = min(config.max_connections, max(1, limit - _FD_RESERVE))
        if max_connections < config.max_connections:
            log.warning("file-descriptor limit %d allows only %d connections", limit,
                        max_connections)
        state = ServerState(config, self.app, loop, max_connections)
        self._state = state
        loop.set_exception_handler(self._exception_handler)
        context = tls_context(config)

        def after_proxy(proxy: ProxyHeader | None) -> asyncio.Protocol:
            if context is None:
                if proxy is None:
                    return HTTPConnection(state)
                return HTTPConnection(state, ConnectionDetails(proxy=proxy))
            # TLS runs in our own protocol, not asyncio's, so that the ClientHello is ours
            # to see (server/_tls.py); ALPN then picks the protocol inside.
            return TLSConnection(state, context, lambda tls: after_tls(proxy, tls))

        def after_tls(proxy: ProxyHeader | None, tls: TLSDetails) -> asyncio.Protocol:
            details = ConnectionDetails(proxy=proxy, tls=tls)
            if tls.alpn == "h2":
                return H2Connection(state, details, "h2")
            return HTTPConnection(state, details)

        allowed = Networks.parse(config.proxy_protocol_from) if config.proxy_protocol_from \
            else None

        def factory() -> asyncio.Protocol:
            if allowed is None:
                return after_proxy(None)
            return ProxyFront(state, allowed, after_proxy)

        for sock in bind_sockets(config.host, config.port, reuse_port=self._reuse_port):
            sock.listen(config.backlog)
            server = await loop.create_server(factory, sock=sock, backlog=config.backlog)
            self._servers.append(server)

    def _exception_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, OSError) and error.errno in _RESOURCE_ERRNOS:
            # asyncio stops accepting for a second and retries on its own; we keep serving
            # the connections we have and say so at most once per interval, not per retry.
            now = time.monotonic()
            if now - self._last_resource_log >= RESOURCE_LOG_INTERVAL:
                self._last_resource_log = now
                log.warning("cannot accept connections: %s; still serving, retrying "
                            "(logged at most every %.0f s)", error.strerror,
                            RESOURCE_LOG_INTERVAL)
            return
        loop.default_exception_handler(context)

    async def shutdown(self) -> None:
        """Stop listening, let requests in flight finish, close everything."""
        for server in self._servers:
            server.close()
        state = self._state
        if state is None:
            return
        for connection in list(state.connections):
            connection.shutdown()
        deadline = time.monotonic() + self.config.shutdown_timeout
        while state.connections and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        for connection in list(state.connections):
            connection.abort()
        for pending in list(state.pending):
            pending.abort()
        await asyncio.sleep(0)  # let connection_lost callbacks run
        state.offload.close()
