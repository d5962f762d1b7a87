"""Expect: expectations with optional values and parameters; only 100-continue is defined."""

from __future__ import annotations

import pytest

from headerscope.headers.expect import EXPECT, Expectation

from ._content_helpers import rejects, round_trips, warned, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    ("100-continue", (Expectation("100-continue"),)),  # curl, for bodies over 1 MiB
    ("100-Continue", (Expectation("100-continue"),)),
    ('x=y;a=b, z="w"', (Expectation("x", "y", {"a": "b"}), Expectation("z", "w"))),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[Expectation, ...]) -> None:
    assert EXPECT.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(EXPECT, 'X="y" ; A=b', "x=y;a=b")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("100-continue;a=b", "expected ',' or the end of the value", 12),
    ("100-continue=", "expected an argument", 13),
    ("a b", "expected ',' or the end of the value", 2),
    ("=x", "expected a directive name", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(EXPECT, raw, fragment, position)


def test_unknown_expectations_are_warned() -> None:
    warned(EXPECT, "100-continue, x=y", "unknown expectation", 14)
    assert warnings(EXPECT, "100-continue") == []
