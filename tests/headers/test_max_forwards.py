"""Max-Forwards: a non-negative number of hops."""

from __future__ import annotations

import pytest

from headerscope.headers.max_forwards import MAX_FORWARDS

from ._content_helpers import rejects


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), ("10", 10), ("070", 70)])
def test_parses(raw: str, expected: int) -> None:
    assert MAX_FORWARDS.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "expected a number of hops", 0), ("-1", "expected a number of hops", 0),
    ("ten", "expected a number of hops", 0), ("1 2", "unexpected U+0020", 1),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(MAX_FORWARDS, raw, fragment, position)
