"""benchmarks/_phase_loop.py, which `benchmarks/callgrind.py --phases` runs under valgrind:
every phase runs on the real request and does the work it names."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

from _phase_loop import PHASES, phases

from headerscope.headers import FieldSection
from headerscope.http import Request, Response


def test_each_phase_makes_what_it_names() -> None:
    run = phases("firefox")
    assert list(run) == list(PHASES)
    request, page, response, encoded = (run[p]() for p in (
        "framing", "rendering", "application", "encoding"))
    assert isinstance(request, Request) and len(request.fields) == 13
    assert isinstance(page, str) and "<table" in page and "Mozilla" in page
    assert isinstance(response, Response) and response.status == 200
    assert isinstance(encoded, bytes) and encoded.startswith(b"HTTP/1.1 200 OK\r\n")
    section = run["parsing"]()
    assert isinstance(section, FieldSection)
    assert [f.name for f in section][:2] == ["host", "user-agent"]


@pytest.mark.parametrize("phase", list(PHASES))
def test_the_loop_runs_as_a_process(phase: str) -> None:
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "_phase_loop.py"), phase, "3",
                    "chromium"], check=True, timeout=120, cwd=REPO)
