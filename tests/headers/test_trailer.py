"""Trailer: the field names a sender promises in the trailer section."""

from __future__ import annotations

import pytest

from headerscope.headers.trailer import TRAILER

from ._content_helpers import rejects, round_trips, warned, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    ("Server-Timing", ("server-timing",)), ("Expires, X-Checksum", ("expires", "x-checksum")),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[str, ...]) -> None:
    assert TRAILER.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(TRAILER, "Expires ,X-A", "expires, x-a")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("Expires:", "expected ',' or the end of the value", 7),
    ("a b", "expected ',' or the end of the value", 2),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(TRAILER, raw, fragment, position)


def test_header_only_fields_are_warned() -> None:
    warned(TRAILER, "Server-Timing, Content-Length", "content-length cannot be sent", 15)
    warned(TRAILER, "TE", "te cannot be sent", 0)
    assert warnings(TRAILER, "Server-Timing, Expires, Content-Type-Foo") == []
