"""MemoryStore: the default store (no --store FILE): the newest captures in a deque.

Strategy: the same interface as CaptureStore, without SQLite. An SQLite insert costs about
6 us per capture (binding 18 columns in Python), which is 5 % of a /hello answer; a deque
append costs nothing by comparison, and a process-local history needs no transaction, no
file and no cross-process ids. Ids are a counter that starts at 1 and never goes back, so
`newer_than` works as for the file. A listing walks the deque newest first: at most
`max_requests` (1000 by default) summaries per page asked, when someone asks.

The filters mean what listing.sql_where makes SQLite do (tests/captures/test_memory.py runs
both on the same captures).
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Iterator

from .listing import Entry, Filters, Page
from .record import Capture
from .store import FlushPolicy, StoreLimits


class MemoryStore:
    path = ":memory:"

    def __init__(self, *, limits: StoreLimits = StoreLimits(),  # noqa: B008 (frozen)
                 policy: FlushPolicy = FlushPolicy()) -> None:  # noqa: B008
        self.limits = limits
        self.policy = policy
        self.dropped = 0
        # (id, capture): the capture keeps id None, as given; get() returns it with its id.
        self._captures: deque[tuple[int, Capture]] = deque()
        self._next = 1
        self._bytes = 0

    # -- writing: add() stores at once; flush() and pending exist for the common interface --

    def add(self, capture: Capture) -> None:
        captures = self._captures
        captures.append((self._next, capture))
        self._next += 1
        self._bytes += len(capture.head) + len(capture.body) + len(capture.trailers)
        limits = self.limits
        if len(captures) > limits.max_requests or self._bytes > limits.max_bytes:
            while captures and (len(captures) > limits.max_requests
                                or self._bytes > limits.max_bytes):
                self._bytes -= captures.popleft()[1].size

    pending = 0

    def due_in(self) -> float | None:
        return None

    def flush(self) -> int:
        return 0

    def close(self) -> None:
        self._captures.clear()
        self._bytes = 0

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------

    def get(self, id_: int) -> Capture | None:
        captures = self._captures
        if not captures:
            return None
        index = id_ - captures[0][0]  # ids are consecutive: the deque drops the oldest
        if 0 <= index < len(captures) and captures[index][0] == id_:
            return dataclasses.replace(captures[index][1], id=id_)
        return None

    def list(self, filters: Filters | None = None, page: int = 1, page_size: int = 50) -> Page:
        if page < 1 or page_size < 1:
            raise ValueError("page and page_size start at 1")
        f = filters or Filters()
        skip = (page - 1) * page_size
        found: list[Entry] = []
        for id_, c in reversed(self._captures):
            if not _matches(c, f):
                continue
            if skip:
                skip -= 1
                continue
            if len(found) == page_size:
                return Page(tuple(found), page, page_size, True)
            found.append(entry(id_, c))
        return Page(tuple(found), page, page_size, False)

    def newer_than(self, id_: int, limit: int = 100) -> tuple[Entry, ...]:
        captures = self._captures
        if not captures:
            return ()
        start = max(0, id_ + 1 - captures[0][0])
        return tuple(entry(*captures[i]) for i in range(start, min(len(captures), start + limit)))

    def totals(self) -> tuple[int, int]:
        return len(self._captures), self._bytes

    def ids(self) -> Iterator[int]:
        for id_, _ in list(self._captures):
            yield id_


def entry(id_: int, c: Capture) -> Entry:
    return Entry(id_, c.time, c.bin, c.client, c.protocol, c.tls is not None, c.status,
                 c.summary, c.size)


def _matches(c: Capture, f: Filters) -> bool:
    s = c.summary
    if f.path_prefix and ("?" in f.path_prefix or not s.target.startswith(f.path_prefix)):
        return False
    if f.method is not None and s.method != f.method:
        return False
    if f.field is not None and ("\n" + f.field.lower() + ":").encode(
            "utf-8", "replace") not in c.head.lower():
        return False
    if f.has_diagnostics is not None and (s.diagnostics > 0) != f.has_diagnostics:
        return False
    return f.bin is None or c.bin == f.bin
