"""The store as the server uses it: opened lazily, fed on every request, flushed on time.

Strategy: the server process forks its `--workers` after the app is made, and an SQLite
connection must not cross a fork, so `CaptureService` opens its `CaptureStore` on first use,
in the process that uses it (the worker). `record()` is on every request's path: it builds
the capture and appends it to the store's batch (store.py), and, when that batch has just
begun, asks the running event loop to flush it `FlushPolicy.max_delay` seconds later. Without
a running loop (tests and WSGI hosts call the app directly) it flushes at once.

What a crash can lose (the README's words): the captures of at most one batch, that is at
most `max_records` (64) requests, all answered less than `max_delay` (50 ms) before the
crash; `close()` (server shutdown, SIGINT, SIGTERM) flushes them. kill -9 of a worker loses
that worker's batch only: the other workers and the file are untouched (WAL).

Live viewers (`live.py`) are told after every flush of this process, and poll the file every
`POLL_INTERVAL` for the other processes' captures.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from ..http import ConnectionInfo, Request
from .memory import MemoryStore
from .record import BODY_LIMIT, Capture, TLSFacts, capture_request
from .store import CaptureStore, FlushPolicy, StoreError, StoreLimits

Store = CaptureStore | MemoryStore  # a file (--store FILE), or this process's memory

log = logging.getLogger("headerscope.captures")


@dataclass(frozen=True, slots=True)
class StoreConfig:
    """`serve --store FILE --store-max-requests N --store-max-bytes N` (None: in memory)."""

    path: str | None = None
    limits: StoreLimits = field(default_factory=StoreLimits)
    policy: FlushPolicy = field(default_factory=FlushPolicy)
    body_limit: int = BODY_LIMIT


def tls_facts(info: ConnectionInfo) -> TLSFacts | None:
    """What the TLS handshake negotiated, from the connection's details."""
    if not info.tls:
        return None
    details = info.details.tls if info.details is not None else None
    if details is None:
        return TLSFacts()
    hello = details.hello
    return TLSFacts(details.version, details.cipher, details.alpn,
                    hello.server_name if hello is not None else None)


def protocol_of(request: Request) -> str | None:
    """"h2" or "h2c" for HTTP/2 (the request line says HTTP/1.x otherwise)."""
    if request.http2 is None:
        return None
    return "h2" if request.http2.way == "h2" else "h2c"


class CaptureService:
    """One process's store, opened on first use (after any fork)."""

    def __init__(self, config: StoreConfig, redact: frozenset[str] = frozenset()) -> None:
        self.config = config
        self.redact = redact
        self._store: Store | None = None
        self._timer: asyncio.TimerHandle | None = None
        self.failed = 0  # captures lost to a store that could not be written (logged)
        # Called with no argument after each flush of this process (the live hub's poll).
        self.on_flush: list[Callable[[], None]] = []
        # A store inherited through fork belongs to the parent: the child never touches its
        # handle, and opens its own on first use. (A hook, not os.getpid() per request.)
        os.register_at_fork(after_in_child=self._forget)

    def _forget(self) -> None:
        self._store = None
        self._timer = None

    @property
    def store(self) -> Store:
        store = self._store
        if store is None:
            config = self.config
            store = self._store = (
                MemoryStore(limits=config.limits, policy=config.policy) if config.path is None
                else CaptureStore(config.path, limits=config.limits, policy=config.policy))
        return store

    @property
    def shared(self) -> bool:
        """True when other processes may write the same store (a file)."""
        return self.config.path is not None

    def record(self, request: Request, info: ConnectionInfo, status: int,
               diagnostics: int) -> None:
        """Capture an answered request (on every request's path: kept short)."""
        self.add(capture_request(
            request, info, status, diagnostics=diagnostics,
            tls=tls_facts(info) if info.tls else None,
            protocol=protocol_of(request) if request.http2 else None,
            redact=self.redact, body_limit=self.config.body_limit))

    def add(self, capture: Capture) -> None:
        store = self._store or self.store
        try:
            store.add(capture)  # flushes itself when a batch is full
        except StoreError as e:
            self.failed += 1
            log.warning("capture store: %s", e)
        if not store.pending:  # written at once (memory) or a full batch just flushed
            self._flushed(1)
        elif self._timer is None:
            self._schedule(store)

    def _schedule(self, store: Store) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.flush()  # no loop: a direct call (tests, WSGI); write now
            return
        self._timer = loop.call_later(store.policy.max_delay, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        self.flush()

    def flush(self) -> int:
        """Write what is pending now; return how many captures were written."""
        store = self._store
        if store is None:
            return 0
        try:
            written = store.flush()
        except StoreError as e:
            log.warning("capture store: %s", e)
            if store.pending:
                self._schedule(store)  # try again after another delay
            return 0
        self._flushed(written)
        return written

    def _flushed(self, written: int) -> None:
        if written:
            for callback in self.on_flush:
                callback()

    def close(self) -> None:
        """Flush and close (server shutdown). A later use opens the store again."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        store = self._store
        if store is None:
            return
        self._store = None
        try:
            store.close()
        except StoreError as e:
            log.warning("capture store: %s", e)
