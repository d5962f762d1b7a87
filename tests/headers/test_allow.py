"""Allow: methods, case-sensitive, possibly none."""

from __future__ import annotations

import pytest

from headerscope.headers.allow import ALLOW

from ._content_helpers import rejects, round_trips


@pytest.mark.parametrize(("raw", "expected"), [
    ("GET, HEAD, OPTIONS", ("GET", "HEAD", "OPTIONS")),
    ("get,PROPFIND", ("get", "PROPFIND")),  # methods are case-sensitive: kept as sent
    ("", ()),  # "An empty Allow field value indicates that the resource allows no methods"
])
def test_parses(raw: str, expected: tuple[str, ...]) -> None:
    assert ALLOW.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(ALLOW, "GET,HEAD ,, POST", "GET, HEAD, POST")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("GET POST", "expected ',' or the end of the value", 4),
    ("GET, /x", "expected a token", 5),
    ("GET;", "expected ',' or the end of the value", 3),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(ALLOW, raw, fragment, position)
