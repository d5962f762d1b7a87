"""benchmarks/_phase_loop.py, which `benchmarks/callgrind.py --phases` runs under valgrind:
every phase runs on the real request and does the work it names."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

from _phase_loop import PHASES, phases

from headerscope.headers import REGISTRY, FieldSection
from headerscope.http import Request, Response
from headerscope.pages.fieldcache import FieldCache


def test_each_phase_makes_what_it_names() -> None:
    run = phases("firefox", 1, cache=True)
    assert list(run) == list(PHASES)
    request, page, response, encoded = (run[p](0) for p in (
        "framing", "rendering", "application", "encoding"))
    assert isinstance(request, Request) and len(request.fields) == 13
    assert isinstance(page, str) and "<table" in page and "Mozilla" in page
    assert isinstance(response, Response) and response.status == 200
    assert isinstance(encoded, bytes) and encoded.startswith(b"HTTP/1.1 200 OK\r\n")
    section = run["parsing"](0)
    assert isinstance(section, FieldSection)
    assert [f.name for f in section][:2] == ["host", "user-agent"]


def test_varied_runs_cycle_through_distinct_requests() -> None:
    """Run i frames request i of the pool: under "varied" no two runs of a pool repeat."""
    frame = phases("varied", 4, cache=False)["framing"]

    def agent(i: int) -> str:
        request = frame(i)
        assert isinstance(request, Request)
        return request.fields[3].value

    assert len({agent(i) for i in range(4)}) == 4
    assert agent(4) == agent(0)


def test_parsing_goes_through_the_cache_unless_told_not_to() -> None:
    field_cache = FieldCache(REGISTRY)
    cached = phases("browser", 2, cache=True, field_cache=field_cache)
    uncached = phases("browser", 2, cache=False, field_cache=FieldCache(REGISTRY))
    for i in range(6):
        one, other = cached["parsing"](i), uncached["parsing"](i)
        assert isinstance(one, FieldSection) and isinstance(other, FieldSection)
        assert [f.value for f in one] == [f.value for f in other]
    assert field_cache.hits > 0
    off = FieldCache(REGISTRY)
    phases("browser", 2, cache=False, field_cache=off)["parsing"](0)
    assert off.hits == off.misses == 0


@pytest.mark.parametrize("phase", list(PHASES))
def test_the_loop_runs_as_a_process(phase: str) -> None:
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "_phase_loop.py"), phase, "3",
                    "chromium", "3"], check=True, timeout=120, cwd=REPO)
