"""Pragma: HTTP/1.0's cache directive, deprecated for Cache-Control."""

from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY
from headerscope.headers._shared.types import Directive
from headerscope.headers.pragma import PRAGMA

from ._content_helpers import rejects, round_trips


@pytest.mark.parametrize(("raw", "expected"), [
    ("no-cache", (Directive("no-cache"),)),  # Chromium and Firefox on a reload
    ("No-Cache, x=y", (Directive("no-cache"), Directive("x", "y"))),
    ('x="a, b"', (Directive("x", "a, b"),)),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[Directive, ...]) -> None:
    assert PRAGMA.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(PRAGMA, 'NO-CACHE,, x="y"', "no-cache, x=y")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("no-cache no-store", "expected ',' or the end of the value", 9),
    ("no-cache=", "expected an argument", 9),
    ("no-cache;", "expected ',' or the end of the value", 8),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(PRAGMA, raw, fragment, position)


def test_every_use_is_flagged_as_deprecated() -> None:
    parsed = REGISTRY.parse("Pragma", "no-cache")
    assert parsed.error is None
    assert [w.reason for w in parsed.warnings] == [PRAGMA.deprecated]
    assert "Cache-Control" in (PRAGMA.deprecated or "")
