"""Every case of bad-requests.jsonl through the reader, graded as bad-requests.md says.

The reader stands in for the server here: a complete request counts as `accept` (the test app
answers 2xx), a framing error as its status, an unfinished request as `wait`, and like the
server we stop after a request that does not keep the connection alive.
"""

from __future__ import annotations

import pytest

from ._corpus import by_name, names
from ._support import bytewise, read


def _outcomes(chunks: bytes | list[bytes]) -> tuple[str, ...]:
    outcome = read(chunks)
    classes: list[str] = []
    for request in outcome.requests:
        classes.append("accept")
        if not request.keep_alive:
            return tuple(classes)
    if outcome.error is not None:
        classes.append(str(outcome.error.status))
    elif outcome.buffered and not classes:
        classes.append("wait")
    return tuple(classes)


@pytest.mark.parametrize("name", names())
def test_case(name: str) -> None:
    case = by_name(name)
    whole = _outcomes(case.raw)
    assert whole in case.allowed, f"{case.name}: got {whole}, allowed {case.allowed}"
    if len(case.raw) < 70_000:  # byte by byte is the harshest split; the huge cases are slow
        assert _outcomes(bytewise(case.raw)) == whole
