"""Content-Language: RFC 5646 tags, checked for shape and kept as sent."""

from __future__ import annotations

import pytest

from headerscope.headers.content_language import CONTENT_LANGUAGE

from ._content_helpers import rejects, round_trips


@pytest.mark.parametrize(("raw", "expected"), [
    ("en-US", ("en-US",)),
    ("de-DE, en", ("de-DE", "en")),
    ("mi, en", ("mi", "en")),  # RFC 9110's example: Maori and English
    ("zh-Hant-TW, x-klingon, i-enochian", ("zh-Hant-TW", "x-klingon", "i-enochian")),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[str, ...]) -> None:
    assert CONTENT_LANGUAGE.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(CONTENT_LANGUAGE, "en ,, de-CH", "en, de-CH")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("en_US", "not a language tag", 2),
    ("en, de-", "not a language tag", 7),
    ("123", "not a language tag", 0),
    ("en-abcdefghi", "not a language tag", 11),
    ("en;q=1", "expected ',' or the end of the value", 2),
    ("*", "not a language tag", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(CONTENT_LANGUAGE, raw, fragment, position)
