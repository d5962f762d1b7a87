"""Item 8, the CI version: 20,000 inspector requests of every kind against the real server,
each answer checked against its own request; zero errors, no traceback, and the server's
descriptors back to the baseline. benchmarks/stress runs 1,000,000 and reports memory growth.
"""

from __future__ import annotations

import asyncio

import pytest

from ._server import QUICK, descriptors, settle, tracebacks
from ._soak import TEMPLATES, SoakResult, soak, soak_request
from .conftest import Spawn

TOTAL = 20_000


@pytest.mark.slow
def test_twenty_thousand_requests_without_an_error(spawn: Spawn) -> None:
    server = spawn(*QUICK)
    baseline = descriptors(server.proc.pid)
    result = asyncio.run(soak(server.port, TOTAL))
    assert (result.errors, result.first_errors) == (0, [])
    assert result.requests == TOTAL
    assert settle(server, baseline) == baseline
    assert tracebacks(server) == []


def test_every_template_is_a_distinct_request() -> None:
    requests = {soak_request(n)[0] for n in range(len(TEMPLATES) * 2)}
    assert len(requests) == len(TEMPLATES) * 2


def test_the_soak_client_counts_a_wrong_answer(spawn: Spawn) -> None:
    # With --max-requests 1 the server closes every connection after its first answer, so
    # the pipelined requests behind it go unanswered: the client must count those as errors.
    server = spawn(*QUICK, "--max-requests", "1")
    result: SoakResult = asyncio.run(soak(server.port, 40, connections=2, depth=4))
    assert result.errors > 0 and result.requests + result.errors == 40
