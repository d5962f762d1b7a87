"""Item 2: every Transfer-Encoding obfuscation of tests/reliability/_smuggling.py against the
live server, each compared with the reader's framing of the same bytes."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from tests.reliability._server import QUICK, tracebacks
from tests.reliability._smuggling import variants
from tests.reliability.test_smuggling import live_problems

from ._common import Clock, Figure, server

ITEM = "2 smuggling"


def run(limit: int = 0) -> list[Figure]:
    chosen = variants()
    if limit and limit < len(chosen):
        chosen = chosen[:: len(chosen) // limit]
    clock = Clock()
    with server(*QUICK) as process, ThreadPoolExecutor(max_workers=24) as pool:
        results = list(pool.map(lambda v: live_problems(process, v), chosen))
        logged = tracebacks(process)
    smuggled = sum(any("smuggled" in p for p in problems) for problems in results)
    wrong = sum(bool(problems) for problems in results)
    return [
        Figure(ITEM, "variants sent live", f"{len(chosen)} in {clock():.0f} s"),
        Figure(ITEM, "smuggled request answered", str(smuggled), "0", smuggled == 0),
        Figure(ITEM, "answers differing from the reader's framing", str(wrong), "0",
               wrong == 0),
        Figure(ITEM, "tracebacks in the server log", str(len(logged)), "0", not logged),
    ]
