"""Item 9: the output-safety property of tests/reliability/_safety.py on many more hostile
requests than CI runs (every view of the inspector and the /fields form each), plus every
corpus request in every view."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings

from headerscope.pages.app import make_app
from tests.reliability._safety import Hostile, check, hostile_requests
from tests.reliability.test_output_safety import test_every_corpus_request_is_inert_in_every_view

from ._common import Figure

ITEM = "9 output safety"


def run(examples: int) -> list[Figure]:
    app = make_app()
    tried = 0
    problems: list[str] = []

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(hostile_requests())
    def property_(hostile: Hostile) -> None:
        nonlocal tried
        tried += 1
        found = check(app, hostile)
        if found and len(problems) < 5:
            problems.extend(found[:1])
        assert not found

    began = time.monotonic()
    failed = ""
    try:
        property_()
    except AssertionError as error:  # hypothesis shrank a failing example: report it
        failed = str(error)[:200]
    corpus = "pass"
    try:
        test_every_corpus_request_is_inert_in_every_view()
    except AssertionError as error:
        corpus = f"FAIL: {str(error)[:200]}"
    return [
        Figure(ITEM, "hostile requests x 10 pages (4 views + /fields GET/POST x 3)",
               f"{tried:,} in {time.monotonic() - began:.0f} s", f"{examples:,}",
               tried >= examples or bool(failed)),
        Figure(ITEM, "pages with markup, bad JSON or missing headers",
               f"{len(problems)}" + (f": {problems[0][:120]}" if problems else ""), "0",
               not problems and not failed),
        Figure(ITEM, "corpus requests x 4 views", corpus,
               "pass", corpus == "pass"),
    ]
