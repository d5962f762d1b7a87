"""CaptureStore: the request history in SQLite (the standard library's sqlite3).

Strategy: `add()` only appends the capture to a list in memory; `flush()` writes the list in
one transaction (one INSERT per capture through executemany, the totals updated once, the
oldest captures dropped past the limits) and is what costs. A `FlushPolicy` says when: `add()`
flushes itself when `max_records` are pending, and the server flushes `max_delay` seconds
after the first pending record (`due_in()` says when) and when it stops (`close()`).

What a crash can lose: the captures pending in memory and nothing else, that is at most
`max_records` captures, all answered less than `max_delay` seconds (plus the time the event
loop takes to run the timer) before the crash. Once `flush()` has returned, the captures are
committed. A file store runs in WAL mode with synchronous=NORMAL: a commit survives the
process being killed (kill -9), because the WAL is written before the commit returns; after
a power loss or an operating-system crash the last commits before the last checkpoint may be
rolled back (SQLite's documented NORMAL behaviour; FULL would add an fsync to every batch).

Processes: every `--workers` process opens its own CaptureStore on the same file. Writers
take SQLite's write lock for one short transaction per batch (waiting up to `busy_timeout`);
readers never wait in WAL mode. The limits are checked inside the writing transaction against
totals kept in the file, so they hold for the processes together. Ids come from
AUTOINCREMENT: they grow in commit order across processes and are never reused, so a viewer
that asks `newer_than(last id seen)` misses nothing that was committed.

Threads: a CaptureStore belongs to the thread that made it (sqlite3's check_same_thread is on),
the event loop's in the server. No writer thread: a batch of 64 captures commits in well
under a millisecond (benchmarks/store_bench.py), so moving it off the loop would not save CPU,
only add a queue, a lock and a second way to lose records.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from . import _schema as schema
from .listing import Entry, Filters, Page, entry_of, sql_where
from .record import Capture

MEMORY = ":memory:"


class StoreError(Exception):
    """A store that cannot be opened, read or written; the message names the file."""


@dataclass(frozen=True, slots=True)
class StoreLimits:
    """Past either limit, the oldest captures are dropped (`--store-max-requests/-bytes`)."""

    max_requests: int = 1000
    max_bytes: int = 64 << 20  # octets of head, body and trailers (Capture.size) together

    def __post_init__(self) -> None:
        if self.max_requests < 1 or self.max_bytes < 1:
            raise ValueError("store limits must be at least 1")


@dataclass(frozen=True, slots=True)
class FlushPolicy:
    max_records: int = 64  # flush when this many captures are pending
    max_delay: float = 0.05  # seconds: the server flushes this long after the first pending one

    def __post_init__(self) -> None:
        if self.max_records < 1 or self.max_delay < 0:
            raise ValueError("flush policy needs max_records >= 1 and max_delay >= 0")


class CaptureStore:
    def __init__(self, path: str = MEMORY, *, limits: StoreLimits = StoreLimits(),
                 policy: FlushPolicy = FlushPolicy(), busy_timeout: float = 5.0) -> None:
        self.path = path
        self.limits = limits
        self.policy = policy
        self.dropped = 0  # captures given up after failed flushes (see add)
        self._pending: list[Capture] = []
        self._first_pending = 0.0
        try:
            self._db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as e:
            raise StoreError(f"{path}: cannot open the capture store: {e}") from e
        try:
            self._open()
        except sqlite3.Error as e:
            self._db.close()
            raise StoreError(f"{path}: cannot open the capture store: {e}") from e
        except StoreError:
            self._db.close()
            raise

    def _open(self) -> None:
        db = self._db
        if self.path != MEMORY:
            mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode != "wal":
                raise StoreError(f"{self.path}: SQLite refused WAL mode (got {mode!r})")
            db.execute("PRAGMA synchronous=NORMAL")
        # One writer creates the schema; another process opening the same new file waits on
        # the lock, then finds the version set.
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    raise StoreError(f"{self.path}: an SQLite file, but not a headerscope "
                                     "capture store (no schema version); refusing to touch it")
                for statement in schema.CREATE:
                    db.execute(statement)
                db.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("application", schema.APPLICATION),
                    ("schema_version", str(schema.SCHEMA_VERSION))])
                db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            else:
                self._check_version(version)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _check_version(self, version: int) -> None:
        want = schema.SCHEMA_VERSION
        if version > want:
            raise StoreError(
                f"{self.path}: capture store schema version {version} was written by a newer "
                f"headerscope; this one reads version {want} only. Upgrade headerscope or "
                "use another --store file.")
        if version != want:
            raise StoreError(
                f"{self.path}: capture store schema version {version} is older than version "
                f"{want}, which this headerscope reads, and it has no conversion; use another "
                "--store file.")
        try:
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.OperationalError:
            meta = {}
        if meta.get("application") != schema.APPLICATION or meta.get(
                "schema_version") != str(want):
            raise StoreError(f"{self.path}: user_version is {version} but the meta table does "
                             f"not say {schema.APPLICATION!r} version {want}: not our store")

    # -- writing --------------------------------------------------------------------------

    def add(self, capture: Capture) -> None:
        """Queue a capture; flush when `policy.max_records` are pending. Cheap: one append.

        Raises StoreError when the flush it starts fails; the captures then stay pending for
        the next flush (at most 4 batches of them: older ones are dropped and counted).
        """
        pending = self._pending
        pending.append(capture)
        if len(pending) == 1:
            self._first_pending = time.monotonic()
        elif len(pending) >= self.policy.max_records:
            self._flush_or_keep()

    def _flush_or_keep(self) -> None:
        try:
            self.flush()
        except StoreError:
            # The file is locked past busy_timeout, or full: keep what is pending for the next
            # flush, but never more than 4 batches, so a dead disk cannot grow memory.
            excess = len(self._pending) - 4 * self.policy.max_records
            if excess > 0:
                del self._pending[:excess]
                self.dropped += excess
            raise

    @property
    def pending(self) -> int:
        return len(self._pending)

    def due_in(self) -> float | None:
        """Seconds until the pending captures should be flushed; None when none is pending."""
        if not self._pending:
            return None
        return max(0.0, self._first_pending + self.policy.max_delay - time.monotonic())

    def flush(self) -> int:
        """Write every pending capture in one transaction; return how many were written."""
        if not self._pending:
            return 0
        batch = self._pending
        rows = [schema.to_row(c) for c in batch]
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany(schema.INSERT, rows)
                db.execute("UPDATE totals SET count = count + ?, bytes = bytes + ?",
                           (len(rows), sum(c.size for c in batch)))
                self._prune()
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:  # some errors (SQLITE_FULL) have rolled back already
                    db.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: writing {len(rows)} captures failed: {e}") from e
        self._pending = []
        return len(rows)

    def _prune(self) -> None:
        """Drop the oldest captures until both limits hold (inside the writing transaction)."""
        count, total = self._db.execute("SELECT count, bytes FROM totals").fetchone()
        over_count = count - self.limits.max_requests
        over_bytes = total - self.limits.max_bytes
        if over_count <= 0 and over_bytes <= 0:
            return
        last = None
        removed = removed_bytes = 0
        cursor = self._db.execute("SELECT id, size FROM captures ORDER BY id")
        for id_, size in cursor:  # O(captures dropped): stops at the first one that stays
            if removed >= over_count and removed_bytes >= over_bytes:
                break
            last = id_
            removed += 1
            removed_bytes += size
        cursor.close()
        if last is not None:
            self._db.execute("DELETE FROM captures WHERE id <= ?", (last,))
            self._db.execute("UPDATE totals SET count = count - ?, bytes = bytes - ?",
                             (removed, removed_bytes))

    def close(self) -> None:
        """Flush what is pending, then close the file."""
        try:
            self.flush()
        finally:
            self._db.close()

    def __enter__(self) -> CaptureStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading --------------------------------------------------------------------------

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: reading failed: {e}") from e

    def get(self, id_: int) -> Capture | None:
        rows = self._query(f"SELECT {schema.CAPTURE_COLUMNS} FROM captures WHERE id = ?",
                           (id_,))
        return schema.capture_of(rows[0]) if rows else None

    def list(self, filters: Filters | None = None, page: int = 1, page_size: int = 50) -> Page:
        """Captures newest first, `page_size` at a time (committed ones: flush() first)."""
        if page < 1 or page_size < 1:
            raise ValueError("page and page_size start at 1")
        where, params = sql_where(filters or Filters())
        rows = self._query(
            f"SELECT {schema.ENTRY_COLUMNS} FROM captures{where} ORDER BY id DESC LIMIT ? "
            "OFFSET ?", (*params, page_size + 1, (page - 1) * page_size))
        return Page(tuple(entry_of(r) for r in rows[:page_size]), page, page_size,
                    len(rows) > page_size)

    def newer_than(self, id_: int, limit: int = 100) -> tuple[Entry, ...]:
        """Captures committed with an id above `id_`, oldest first, by any process."""
        rows = self._query(f"SELECT {schema.ENTRY_COLUMNS} FROM captures WHERE id > ? "
                           "ORDER BY id LIMIT ?", (id_, limit))
        return tuple(entry_of(r) for r in rows)

    def totals(self) -> tuple[int, int]:
        """(captures, octets) committed, as the limits count them."""
        count, size = self._query("SELECT count, bytes FROM totals")[0]
        return int(count), int(size)

    def ids(self) -> Iterator[int]:
        for (id_,) in self._query("SELECT id FROM captures ORDER BY id"):
            yield int(id_)
