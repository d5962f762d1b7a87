"""CaptureStore in one process: limits under a flood, reopening, refusing other versions,
listing with filters, and the flush policy."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from headerscope.captures import (
    CaptureStore,
    Filters,
    FlushPolicy,
    StoreError,
    StoreLimits,
)

from .helpers import capture, head_of, simple


def test_round_trip_in_memory() -> None:
    c = capture(head_of([("Host", "h"), ("X", "\x00\xff")]), b"\x00body", body_length=9,
                trailers=b"T: 1\r\n", bin_name="b", diagnostics=2, status=418)
    with CaptureStore() as store:
        store.add(c)
        assert store.get(1) is None  # pending until flushed
        assert store.flush() == 1
        assert store.get(1) == dataclasses.replace(c, id=1)
        assert store.get(2) is None


def test_flood_never_passes_the_limits(tmp_path: Path) -> None:
    limits = StoreLimits(max_requests=50, max_bytes=6000)
    store = CaptureStore(str(tmp_path / "s.db"), limits=limits, policy=FlushPolicy(7, 1.0))
    sizes = []
    for n in range(1000):
        c = simple(n, body=b"x" * (n % 300))
        sizes.append(c.size)
        store.add(c)
        assert store.pending < 7  # add() flushes at max_records: memory is bounded too
        count, octets = store.totals()
        assert count <= 50 and octets <= 6000
    store.flush()
    count, octets = store.totals()
    ids = list(store.ids())
    assert count == len(ids) and octets == sum(sizes[i - 1] for i in ids)
    assert ids == list(range(ids[0], 1001))  # the newest kept, the oldest dropped
    assert octets + sizes[ids[0] - 2] > 6000 or count == 50  # and no more dropped than needed
    store.close()


def test_a_capture_larger_than_the_byte_limit_is_not_kept() -> None:
    store = CaptureStore(limits=StoreLimits(max_requests=10, max_bytes=100))
    store.add(simple(1))
    store.add(simple(2, body=b"x" * 200))
    store.flush()
    assert store.totals() == (0, 0)
    store.add(simple(3))
    store.flush()
    assert list(store.ids()) == [3]  # ids are never reused, even after everything went


def test_persistence_across_reopen(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    with CaptureStore(path) as store:
        for n in range(5):
            store.add(simple(n))
    with CaptureStore(path) as store:  # close() flushed
        assert [e.summary.target for e in store.list().entries] == [
            f"/n/{n}" for n in range(4, -1, -1)]
        store.add(simple(5))
        store.flush()
        assert store.totals()[0] == 6
        assert list(store.ids()) == [1, 2, 3, 4, 5, 6]
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _set_version(path: str, version: int) -> None:
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()


def test_refuses_a_newer_version(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    CaptureStore(path).close()
    _set_version(path, 2)
    with pytest.raises(StoreError) as e:
        CaptureStore(path)
    message = str(e.value)
    assert path in message and "version 2" in message and "version 1" in message
    assert "newer" in message


def test_refuses_an_older_version(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE captures (id INTEGER)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a headerscope capture store"):
        CaptureStore(path)  # user_version 0 with tables: a store from before versions, or not ours
    _set_version(path, 1)
    with pytest.raises(StoreError, match="meta table"):
        CaptureStore(path)  # user_version 1 but no meta: not ours


def test_refuses_what_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=str(path)):
        CaptureStore(str(path))
    assert path.read_bytes() == b"this is not a database" * 100  # untouched


def test_list_filters_and_pages() -> None:
    store = CaptureStore()
    store.add(simple(1, target="/api/users", method="POST", body=b"{}"))
    store.add(simple(2, target="/api/users?x=1", diagnostics=3))
    store.add(simple(3, fields=[("Host", "h"), ("Cookie", "a=1")], target="/bin/one/x",
                     bin_name="one"))
    store.add(simple(4, target="/static/%_x"))
    store.add(simple(5, target="/bin/two", bin_name="two", diagnostics=1))
    store.flush()
    c_time = simple(0).time

    def ids(**kw: object) -> list[int]:
        return [e.id for e in store.list(Filters(**kw)).entries]  # type: ignore[arg-type]

    assert ids() == [5, 4, 3, 2, 1]
    assert ids(path_prefix="/api/") == [2, 1]
    assert ids(path_prefix="/api/users?") == []  # a path prefix, not a target prefix
    assert ids(path_prefix="/static/%") == [4]  # no LIKE wildcards
    assert ids(path_prefix="/static/_") == []
    assert ids(method="POST") == [1]
    assert ids(field="COOKIE") == [3]
    assert ids(field="content-length") == [1]
    assert ids(field="cook") == []  # a whole name, not a part of one
    assert ids(field="ookie") == []
    assert ids(field="get") == []  # the request line is no field line
    assert ids(has_diagnostics=True) == [5, 2]
    assert ids(has_diagnostics=False) == [4, 3, 1]
    assert ids(bin="one") == [3]
    assert ids(bin="two", has_diagnostics=True) == [5]
    assert ids(bin="'; DROP TABLE captures; --") == []
    first = store.list(page=1, page_size=2)
    assert [e.id for e in first.entries] == [5, 4] and first.more
    last = store.list(page=3, page_size=2)
    assert [e.id for e in last.entries] == [1] and not last.more
    entry = store.list().entries[-1]
    assert (entry.summary.method, entry.summary.field_count, entry.status) == ("POST", 3, 200)
    assert entry.time == c_time and entry.client == ("127.0.0.1", 40000)
    with pytest.raises(ValueError, match="start at 1"):
        store.list(page=0)


def test_newer_than() -> None:
    store = CaptureStore()
    for n in range(5):
        store.add(simple(n))
    store.flush()
    assert [e.id for e in store.newer_than(2)] == [3, 4, 5]
    assert [e.id for e in store.newer_than(0, limit=2)] == [1, 2]
    assert store.newer_than(5) == ()


def test_flush_policy() -> None:
    store = CaptureStore(policy=FlushPolicy(max_records=3, max_delay=0.25))
    assert store.due_in() is None
    store.add(simple(1))
    due = store.due_in()
    assert due is not None and 0 < due <= 0.25
    store.add(simple(2))
    assert store.pending == 2 and store.totals() == (0, 0)
    store.add(simple(3))  # the third flushes the batch
    assert store.pending == 0 and store.totals()[0] == 3
    assert store.due_in() is None


def test_a_locked_file_keeps_the_batch_pending(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    store = CaptureStore(path, policy=FlushPolicy(max_records=2), busy_timeout=0.05)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    store.add(simple(1))
    with pytest.raises(StoreError, match="writing 2 captures failed"):
        store.add(simple(2))
    assert store.pending == 2
    for n in range(3, 12):  # never more than 4 batches wait in memory
        with pytest.raises(StoreError):
            store.add(simple(n))
    assert store.pending <= 8 and store.dropped == 11 - store.pending
    other.execute("ROLLBACK")
    other.close()
    store.flush()
    assert store.totals()[0] == 11 - store.dropped
    store.close()


def test_limits_and_policy_are_checked() -> None:
    with pytest.raises(ValueError):
        StoreLimits(max_requests=0)
    with pytest.raises(ValueError):
        FlushPolicy(max_records=0)
