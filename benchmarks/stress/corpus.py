"""Item 1: the adversarial corpus against the real pages, graded as bad-requests.md says,
once as sent and once with each of the html, json and raw views forced."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from headerscope.pages.app import make_app
from tests.http._corpus import load
from tests.reliability.test_corpus import KNOWN, with_view
from tests.server._support import RunningServer, config
from tests.server.test_corpus_live import grade

from ._common import Figure

ITEM = "1 corpus"


def run() -> list[Figure]:
    cases = load()
    variants = [*cases, *(with_view(c, v) for c in cases for v in ("html", "json", "raw"))]
    server = RunningServer(
        config(header_timeout=0.5, body_timeout=0.5, keepalive_timeout=0.5,
               http1_only=True), make_app())
    try:
        with ThreadPoolExecutor(max_workers=12) as pool:
            results = list(pool.map(lambda case: (case.name, grade(server, case)), variants))
    finally:
        server.stop()
    failed = sorted(name for name, problems in results if problems)
    unknown = [name for name in failed if name not in KNOWN]
    return [
        Figure(ITEM, "cases x views graded", f"{len(results) - len(failed)} / {len(results)} pass",
               "all but known", not unknown),
        Figure(ITEM, "known failures (reported)", ", ".join(failed) or "none"),
    ]
