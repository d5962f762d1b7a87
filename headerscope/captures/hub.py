"""Live viewers of the captures (/captures/live, `headerscope tail`): Server-Sent Events.

    event-stream = *( comment / field-lines blank )     (HTML Living Standard, 9.2.5)
    an event     = "id: " ID LF "event: capture" LF "data: " JSON LF LF

Strategy: one `LiveHub` per process. It learns of new captures by asking the store for
`newer_than(last id)` (store.py): right after each flush of this process, and every
`POLL_INTERVAL` while anyone watches a file store, which is how the other `--workers`
processes' captures reach this process's viewers. Each capture is rendered once into the
bytes of its event and the same bytes object goes to every viewer.

Memory is bounded everywhere: a poll renders at most `POLL_BATCH` captures and skips the
rest, saying so to every viewer (": skipped N captures", and a "notice" event for
EventSource, which shows no comment); each viewer holds at most `QUEUE_LIMIT` events, and
the connection takes at most `CHUNK_LIMIT` octets of them at a time, and only while its
socket takes them (http StreamingResponse): a viewer whose client does not read loses the
newest events, counted, and is told ": dropped N events" (and a notice) before the next one
it gets. At most `MAX_VIEWERS` per process.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable

from .record import Capture
from .service import CaptureService

POLL_INTERVAL = 0.25  # seconds between polls of a file store while someone watches
POLL_BATCH = 64  # captures rendered per poll at most
QUEUE_LIMIT = 64  # events waiting per viewer
CHUNK_LIMIT = 64 * 1024  # octets handed to the connection at once (one event may be more)
MAX_VIEWERS = 1000  # per process
HEARTBEAT = 15.0  # seconds: a comment, so that a dead viewer's connection is found
RETRY_MS = 2000  # the browser's reconnection delay (EventSource)

Render = Callable[[Capture], bytes]  # a capture -> its whole event, ending in a blank line


def notice(text: bytes) -> bytes:
    """A comment for any reader of the raw stream, and a "notice" event for EventSource
    (which never shows comments) and `headerscope tail`. `text` is our own, one line."""
    return b": %b\nevent: notice\ndata: %b\n\n" % (text, text)


class Viewer:
    """One live viewer's queue, read by the connection that streams it (http ChunkSource)."""

    def __init__(self, hub: LiveHub) -> None:
        self._hub = hub
        self._queue: deque[bytes] = deque()
        self._dropped = 0
        self._wake: asyncio.Event | None = None
        self._started = False
        self._closed = False

    def push(self, event: bytes) -> None:
        if len(self._queue) >= QUEUE_LIMIT:
            self._dropped += 1
            return
        self._queue.append(event)
        if self._wake is not None:
            self._wake.set()

    async def next_chunk(self) -> bytes | None:
        """The next bytes to send; waits for events. None: the stream is over."""
        if self._closed:
            return None
        if not self._started:
            self._started = True
            self._wake = asyncio.Event()
            if not self._hub.subscribe(self):
                self._closed = True
                return b": too many live viewers on this server; try again later\n\n"
            return f"retry: {RETRY_MS}\n: connected; new captures follow\n\n".encode()
        wake = self._wake
        assert wake is not None
        if not self._queue and not self._dropped:
            wake.clear()
            try:
                await asyncio.wait_for(wake.wait(), HEARTBEAT)
            except TimeoutError:
                return b": keep-alive\n\n"
        if self._is_closed():
            return None
        parts: list[bytes] = []
        if self._dropped:
            parts.append(notice(b"dropped %d events: this viewer read too slowly" % self._dropped))
            self._dropped = 0
        queue = self._queue
        size = 0
        while queue and (not size or size + len(queue[0]) <= CHUNK_LIMIT):
            event = queue.popleft()
            parts.append(event)
            size += len(event)
        return b"".join(parts)

    def _is_closed(self) -> bool:  # a method: close() may have run while we waited
        return self._closed

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._hub.unsubscribe(self)
            if self._wake is not None:
                self._wake.set()


class LiveHub:
    def __init__(self, service: CaptureService, render: Render) -> None:
        self._service = service
        self._render = render
        self.viewers: set[Viewer] = set()
        self._last_id = 0
        self._timer: asyncio.TimerHandle | None = None
        self._poll_soon = False
        service.on_flush.append(self._flushed)

    @property
    def full(self) -> bool:
        return len(self.viewers) >= MAX_VIEWERS

    def viewer(self) -> Viewer:
        """A viewer that joins when its connection starts reading it (never, under HTTP/2)."""
        return Viewer(self)

    def subscribe(self, viewer: Viewer) -> bool:
        if self.full:
            return False
        if not self.viewers:
            newest = self._service.store.list(page_size=1).entries
            self._last_id = newest[0].id if newest else 0
            if self._service.shared:
                self._arm()
        self.viewers.add(viewer)
        return True

    def unsubscribe(self, viewer: Viewer) -> None:
        self.viewers.discard(viewer)
        if not self.viewers and self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _arm(self) -> None:
        self._timer = asyncio.get_running_loop().call_later(POLL_INTERVAL, self._tick)

    def _tick(self) -> None:
        self._timer = None
        if self.viewers:
            self.poll()
            self._arm()

    def _flushed(self) -> None:
        if not self.viewers or self._poll_soon:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.poll()
            return
        self._poll_soon = True  # off the request's path, once for however many flushes

        def later() -> None:
            self._poll_soon = False
            self.poll()
        loop.call_soon(later)

    def poll(self) -> int:
        """Send every viewer the captures committed since the last poll; return how many."""
        if not self.viewers:
            return 0
        store = self._service.store
        entries = store.newer_than(self._last_id, POLL_BATCH + 1)
        if not entries:
            return 0
        events: list[bytes] = []
        for e in entries[:POLL_BATCH]:
            c = store.get(e.id)
            if c is not None:
                events.append(self._render(c))
        self._last_id = entries[min(len(entries), POLL_BATCH) - 1].id
        if len(entries) > POLL_BATCH:
            # Arriving faster than a viewer could read them: jump to the newest.
            newest = store.list(page_size=1).entries
            if newest and newest[0].id > self._last_id:
                skipped = newest[0].id - self._last_id
                self._last_id = newest[0].id
                events.append(notice(b"skipped up to %d captures: they arrive faster than "
                                     b"the live view shows them; see /captures" % skipped))
        for viewer in list(self.viewers):
            for event in events:
                viewer.push(event)
        return len(events)
