"""Vary: field names (lower-cased) or "*"."""

from __future__ import annotations

import pytest

from headerscope.headers.vary import VARY

from ._content_helpers import rejects, round_trips, warned, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    ("Accept-Encoding", ("accept-encoding",)),  # nginx gzip_vary
    ("Origin, Accept-Encoding,,", ("origin", "accept-encoding")),
    ("*", ("*",)),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[str, ...]) -> None:
    assert VARY.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(VARY, "Cookie,Accept-Language", "cookie, accept-language")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ('"accept"', "expected a token", 0),
    ("accept encoding", "expected ',' or the end of the value", 7),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(VARY, raw, fragment, position)


def test_star_with_names_is_warned() -> None:
    warned(VARY, "Origin, *", "'*' already says", 8)
    assert warnings(VARY, "Accept-Encoding, Origin") == []
