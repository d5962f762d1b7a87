"""MemoryStore (the default) answers as CaptureStore does, on the same captures."""

from __future__ import annotations

import pytest

from headerscope.captures import CaptureStore, Filters, StoreLimits
from headerscope.captures.memory import MemoryStore

from .helpers import simple

FILTERS = [
    Filters(), Filters(path_prefix="/n/1"), Filters(path_prefix="/n?x"), Filters(method="POST"),
    Filters(field="x-n"), Filters(field="X-MISSING"), Filters(has_diagnostics=True),
    Filters(has_diagnostics=False), Filters(bin="b"), Filters(bin="b", method="GET"),
]


def both(limits: StoreLimits) -> tuple[CaptureStore, MemoryStore]:
    sql, mem = CaptureStore(limits=limits), MemoryStore(limits=limits)
    for n in range(40):
        c = simple(n, method="POST" if n % 3 == 0 else "GET", diagnostics=n % 4,
                   bin_name="b" if n % 5 == 0 else None, body=b"x" * (n * 10))
        sql.add(c)
        mem.add(c)
    sql.flush()
    return sql, mem


@pytest.mark.parametrize("limits", [StoreLimits(), StoreLimits(max_requests=7),
                                    StoreLimits(max_bytes=2000)])
def test_same_answers(limits: StoreLimits) -> None:
    sql, mem = both(limits)
    assert sql.totals() == mem.totals()
    assert list(sql.ids()) == list(mem.ids())
    for f in FILTERS:
        for page in (1, 2, 3):
            assert sql.list(f, page, 6) == mem.list(f, page, 6), (f, page)
    for id_ in (0, 1, 20, 39, 40, 41):
        assert sql.get(id_) == mem.get(id_)
        assert sql.newer_than(id_, 5) == mem.newer_than(id_, 5)
