"""Accept-Ranges: range units, lower-cased; at least one ("none" is one)."""

from __future__ import annotations

import pytest

from headerscope.headers.accept_ranges import ACCEPT_RANGES

from ._content_helpers import rejects, round_trips


@pytest.mark.parametrize(("raw", "expected"), [
    ("bytes", ("bytes",)), ("none", ("none",)), ("Bytes, items", ("bytes", "items")),
])
def test_parses(raw: str, expected: tuple[str, ...]) -> None:
    assert ACCEPT_RANGES.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(ACCEPT_RANGES, "BYTES,,items", "bytes, items")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "empty list", 0),
    (" , ", "empty list", 0),
    ("bytes none", "expected ',' or the end of the value", 6),
    ('"bytes"', "expected a token", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(ACCEPT_RANGES, raw, fragment, position)
