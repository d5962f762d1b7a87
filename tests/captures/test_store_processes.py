"""Processes sharing one store file, as `--workers` do: concurrent writers, a live viewer in
another process, and a writer killed with SIGKILL in the middle of a flood."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from multiprocessing.connection import Connection
from pathlib import Path

from headerscope.captures import CaptureStore, FlushPolicy, StoreLimits

from .helpers import simple

CTX = multiprocessing.get_context("fork")  # the children open their own store: nothing shared


def _writer(path: str, tag: int, count: int, limits: StoreLimits) -> None:
    with CaptureStore(path, limits=limits, policy=FlushPolicy(max_records=16)) as store:
        for n in range(count):
            store.add(simple(tag * 100_000 + n))


def test_concurrent_writers(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    CaptureStore(path).close()
    limits = StoreLimits(max_requests=700)
    children = [CTX.Process(target=_writer, args=(path, tag, 500, limits)) for tag in (1, 2)]
    for child in children:
        child.start()
    for child in children:
        child.join(30)
        assert child.exitcode == 0
    with CaptureStore(path, limits=limits) as store:
        entries = store.list(page_size=1000).entries
        assert store.totals()[0] == len(entries) == 700  # the limit held for both together
        ns = [int(e.summary.target.rsplit("/", 1)[1]) for e in entries]
        assert len(set(ns)) == 700
        for tag in (1, 2):  # each writer's captures, newest first, are in the order it wrote
            mine = [n for n in ns if n // 100_000 == tag]
            assert mine == sorted(mine, reverse=True) and mine[0] == tag * 100_000 + 499
        ids = [e.id for e in entries]
        assert ids == sorted(ids, reverse=True) and len(set(ids)) == 700


def _late_writer(path: str, go: Connection) -> None:
    go.recv()
    with CaptureStore(path) as store:
        for n in range(3):
            store.add(simple(n))


def test_newer_than_sees_other_processes(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    viewer = CaptureStore(path)
    viewer.add(simple(99))
    viewer.flush()
    seen = viewer.newer_than(0)[-1].id
    ours, theirs = CTX.Pipe()
    child = CTX.Process(target=_late_writer, args=(path, theirs))
    child.start()
    ours.send("go")
    child.join(30)
    assert child.exitcode == 0
    assert [e.summary.target for e in viewer.newer_than(seen)] == ["/n/0", "/n/1", "/n/2"]
    viewer.close()


BATCH = 10


def _flooder(path: str, report: Connection) -> None:
    # No count limit: the parent reads the reports late, and the child may have flushed
    # past the default 1000 by then, which would drop the oldest and fail the count below.
    store = CaptureStore(path, policy=FlushPolicy(max_records=BATCH, max_delay=60),
                         limits=StoreLimits(max_requests=1 << 40, max_bytes=1 << 50))
    added = 0
    while True:  # until killed
        store.add(simple(added, body=b"x" * 200))
        added += 1
        report.send((added, added - store.pending))  # (added, committed by this process)


def test_kill_9_loses_at_most_the_batch_in_flight(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    CaptureStore(path).close()
    ours, theirs = CTX.Pipe(duplex=False)
    child = CTX.Process(target=_flooder, args=(path, theirs))
    child.start()
    theirs.close()
    added = flushed = 0
    deadline = time.monotonic() + 20
    while flushed < 300 and time.monotonic() < deadline:
        added, flushed = ours.recv()
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    child.join(10)
    assert child.exitcode == -signal.SIGKILL
    while ours.poll(0.5):  # what the child reported before it died
        try:
            added, flushed = ours.recv()
        except EOFError:
            break
    with CaptureStore(path) as store:
        stored = store.totals()[0]
        assert stored == len(list(store.ids()))
    # Everything reported flushed is there; at most one batch of those added is missing
    # (the child may have added, or even committed, one capture it did not live to report).
    assert flushed >= 300
    assert flushed <= stored <= added + 1
    assert added - stored < BATCH
