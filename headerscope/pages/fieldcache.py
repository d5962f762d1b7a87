"""The field cache: parsed field lines, and their inspector rows, keyed by (name, raw value).

A browser sends the same field lines on every request (User-Agent, Accept, Sec-CH-UA...), and
parsing is a pure function of the line, so each line is parsed once and the same ParsedField
is handed to every request that repeats it. That is safe because parsed values are immutable
(tuples, frozen dataclasses, FrozenDict: headers/_shared/frozen.py), so nothing is copied on a
hit.
The inspector draws the row of a cached line once too (`row`, filled by pages/inspector.py),
so a repeated line costs a dictionary lookup here and a join there.

Strategy:

- Key: (field name as sent, value as sent). The ParsedField carries the name as sent
  (`wire_name`), so a lower-cased key could hand back another spelling's field. What is
  cached is what the registry parses, one line at a time: parse_section parses each line and
  only then marks repeated singletons, on a copy (`_replace`), which is never cached.
- Never cached: Authorization, Proxy-Authorization, Cookie, any field the server redacts
  (serve --redact): credentials must not outlive their request in memory, and a redacted value
  is hidden anyway. Nor a value longer than MAX_VALUE: large values are rare, and a few must
  not evict everything else.
- Kept from its second sight: a line is stored the second time it is parsed, as told by a
  doorkeeper (`_door`: one byte per bucket of key hashes, DOOR_SIZE of them, set at a first
  sighting and all cleared after DOOR_MARKS marks, so a line counts as seen within about the
  last DOOR_MARKS first sightings). A client that changes its values on every request (the
  varied benchmark) would otherwise pay, on every line, for storing it, evicting another, and
  a page row drawn apart that nobody asks for again: 23 % more CPU per request than
  --no-cache. The check costs a hash and two byte accesses; two keys in one bucket only store
  a line on its first sighting now and then (at most DOOR_MARKS / DOOR_SIZE of them). A
  browser's lines are stored on its second request and hit from its third.
- Bounded in entries and in bytes (the length of name and value of every entry); the oldest
  entry goes first (FIFO, in insertion order). Not LRU: LRU would move an entry on
  every hit, two more dict operations on the path this cache exists to make short, and under
  the varied load nothing repeats, so both orders evict the same. A busy line evicted by FIFO
  comes back on its next request, at the cost of one parse.
- One cache per app, so per process (each worker has its own after the fork).
- Threads: the server draws large pages on a worker thread (server/_offload.py) and small ones
  on its loop, both through this cache. A hit is one `dict.get`, atomic under the GIL, and
  takes no lock. A store and its evictions (the miss path, which has just parsed a field)
  take a lock, so that the byte count and the row index stay exact. The hit and miss counts
  are plain increments: two threads may lose one now and then; they are statistics.

Counts reach `headerscope bench` the way bench --phases does (headerscope/phases.py): when the
environment variable HEADERSCOPE_CACHE_STATS names a file at start-up, SIGUSR2 makes the
process write its counts to FILE.PID as JSON; the benchmark signals before and after its
load and subtracts. No endpoint: anything the server answers would show in the inspector.
"""

from __future__ import annotations

import os
import signal
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from types import FrameType

from ..headers import ParsedField
from ..headers._shared.section import LineParser
from ..phases import signal_and_read, write_report

# Field values that carry credentials (RFC 9110, 11.6.2 and 11.7.2; RFC 6265, 5.4).
CREDENTIALS = frozenset({"authorization", "proxy-authorization", "cookie"})
MAX_ENTRIES = 1024
MAX_BYTES = 256 * 1024  # of names and values: the parsed values and rows are a few times more
MAX_VALUE = 4096  # a longer value is parsed on every request, never cached
DOOR_SIZE = 1 << 18  # doorkeeper buckets (one byte each: 256 KiB)
DOOR_MARKS = 1 << 14  # first sightings between two clearings: at most 1 in 16 buckets set
RUNNING = ("hits", "misses", "stored", "skipped")  # counts since start: a load's is a difference
COUNTS = (*RUNNING, "entries", "bytes")  # what stats() says

STATS_ENV = "HEADERSCOPE_CACHE_STATS"
STATS_SIGNAL = signal.SIGUSR2  # SIGUSR1 is bench --phases' (phases.py)


class Entry:
    """One cached line: its ParsedField, the size counted for it, and its inspector row
    (markup, drawn by pages/inspector.py the second time a page shows the line, `seen` the
    first; None until then)."""

    __slots__ = ("field", "row", "seen", "size")

    def __init__(self, field: ParsedField, size: int) -> None:
        self.field = field
        self.size = size
        self.row: str | None = None
        self.seen = False


# id(ParsedField) -> its Entry, for every cached line of every cache in this process: how the
# inspector finds a line's row from the line alone. An entry keeps its field alive, so an id
# found here is that field's as long as the entry is here; the reader checks `entry.field is
# f` all the same.
ROWS: dict[int, Entry] = {}


class FieldCache:
    """`parse(wire_name, raw)`, as the registry's, from a bounded cache when it can."""

    def __init__(self, registry: LineParser, *, never: Iterable[str] = (),
                 max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES,
                 max_value: int = MAX_VALUE) -> None:
        self.registry = registry
        self.never = CREDENTIALS | frozenset(n.lower() for n in never)
        self.max_entries = max(1, max_entries)
        self.max_bytes = max_bytes
        self.max_value = max_value
        self.entries: OrderedDict[tuple[str, str], Entry] = OrderedDict()
        self._door = bytearray(DOOR_SIZE)
        self._marks = 0
        self.bytes = 0
        self.hits = 0
        self.misses = 0  # not held, parsed; stored when seen before (`stored`)
        self.stored = 0
        self.skipped = 0  # parsed, never stored: a credential, a redacted or too long value
        self._lock = threading.Lock()
        _CACHES.add(self)
        weakref.finalize(self, _forget, self.entries)  # a cache dropped takes its rows along

    def __len__(self) -> int:
        return len(self.entries)

    def parse(self, wire_name: str, raw: str) -> ParsedField:
        key = (wire_name, raw)
        entry = self.entries.get(key)
        if entry is not None:
            self.hits += 1
            return entry.field
        f = self.registry.parse(wire_name, raw)
        size = len(wire_name) + len(raw)
        if f.name in self.never or len(raw) > self.max_value or size > self.max_bytes:
            self.skipped += 1
            return f
        self.misses += 1
        bucket = hash(key) & (DOOR_SIZE - 1)
        door = self._door
        if door[bucket]:
            self.stored += 1
            self._store(key, Entry(f, size))
            return f
        door[bucket] = 1
        self._marks += 1
        if self._marks >= DOOR_MARKS:  # forget them all: a new window of first sightings
            self._door, self._marks = bytearray(DOOR_SIZE), 0
        return f

    def _store(self, key: tuple[str, str], entry: Entry) -> None:
        entries = self.entries
        with self._lock:
            if key in entries:  # the other thread parsed the same line meanwhile
                return
            while entries and (len(entries) >= self.max_entries
                               or self.bytes + entry.size > self.max_bytes):
                # The oldest out (FIFO). An OrderedDict pops its first item in constant time;
                # a dict's `next(iter(d))` walks over the slots its earlier pops left empty,
                # which made each store cost about 4 us once the cache was full.
                _, old = entries.popitem(last=False)
                self.bytes -= old.size
                ROWS.pop(id(old.field), None)
            entries[key] = entry
            self.bytes += entry.size
            ROWS[id(entry.field)] = entry

    def clear(self) -> None:
        with self._lock:
            for entry in self.entries.values():
                ROWS.pop(id(entry.field), None)
            self.entries.clear()
            self._door, self._marks = bytearray(DOOR_SIZE), 0
            self.bytes = 0

    def stats(self) -> dict[str, int]:
        return {"hits": self.hits, "misses": self.misses, "stored": self.stored,
                "skipped": self.skipped, "entries": len(self.entries), "bytes": self.bytes}


def _forget(entries: Mapping[tuple[str, str], Entry]) -> None:
    for entry in list(entries.values()):
        ROWS.pop(id(entry.field), None)


# Every live cache in this process, for the statistics (one per app; tests make more).
_CACHES: weakref.WeakSet[FieldCache] = weakref.WeakSet()


def process_stats() -> dict[str, int]:
    """The counts of every cache in this process, added up."""
    total = dict.fromkeys(COUNTS, 0)
    for cache in list(_CACHES):
        for name, value in cache.stats().items():
            total[name] += value
    return total


def _dump(path: str) -> None:
    write_report(path, {"pid": os.getpid(), **process_stats()})


def install_stats_signal() -> bool:
    """With HEADERSCOPE_CACHE_STATS=FILE set, make SIGUSR2 write the counts to FILE.PID.

    Run once, at import, as phases.py does: every server process imports this module (the
    app does), with or without --no-cache, so a signalled server never dies of SIGUSR2's
    default action; without the cache its counts are zeros."""
    path = os.environ.get(STATS_ENV)
    if not path:
        return False

    def handler(signum: int, frame: FrameType | None) -> None:
        _dump(path)

    try:
        signal.signal(STATS_SIGNAL, handler)
    except ValueError:  # not the main thread: nobody could ask
        return False
    return True


STATS_ON = install_stats_signal()


# -- the benchmark's side ----------------------------------------------------------------------

def collect_stats(path: str, pids: list[int], timeout: float = 5.0) -> dict[str, int] | None:
    """Ask each server process for its counts (SIGUSR2) and add them up; None when none
    answered (a server without the cache, or not started with HEADERSCOPE_CACHE_STATS)."""
    reports = signal_and_read(path, pids, STATS_SIGNAL, timeout)
    if not reports:
        return None
    total: dict[str, int] = {}
    for data in reports:
        for name in COUNTS:
            total[name] = total.get(name, 0) + int(data.get(name, 0))
    return total
