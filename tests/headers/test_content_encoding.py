"""Content-Encoding: the codings applied, in order, lower-cased."""

from __future__ import annotations

import pytest

from headerscope.headers.content_encoding import CONTENT_ENCODING

from ._content_helpers import rejects, warned, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    ("gzip", ("gzip",)), ("br", ("br",)), ("deflate, GZIP", ("deflate", "gzip")), ("", ()),
])
def test_parses(raw: str, expected: tuple[str, ...]) -> None:
    assert CONTENT_ENCODING.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("gzip;q=1", "expected ',' or the end of the value", 4),
    ("gzip deflate", "expected ',' or the end of the value", 5),
    ('"gzip"', "expected a token", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(CONTENT_ENCODING, raw, fragment, position)


def test_identity_is_warned() -> None:
    warned(CONTENT_ENCODING, "gzip, Identity", "'identity' is used only in Accept-Encoding", 6)
    assert warnings(CONTENT_ENCODING, "gzip") == []
