"""Accept-Language: RFC 4647 language ranges (kept as sent) with exact weights."""

from __future__ import annotations

from decimal import Decimal

import pytest

from headerscope.headers._shared.types import QualityItem
from headerscope.headers.accept_language import ACCEPT_LANGUAGE

from ._content_helpers import rejects, round_trips


@pytest.mark.parametrize(("raw", "expected"), [
    ("en-US,en;q=0.9", (QualityItem("en-US"), QualityItem("en", Decimal("0.9")))),  # Chromium
    ("en-US,en;q=0.5", (QualityItem("en-US"), QualityItem("en", Decimal("0.5")))),  # Firefox
    ("de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7",
     (QualityItem("de-DE"), QualityItem("de", Decimal("0.9")),
      QualityItem("en-US", Decimal("0.8")), QualityItem("en", Decimal("0.7")))),
    ("zh-Hant-TW, *;q=0.1", (QualityItem("zh-Hant-TW"), QualityItem("*", Decimal("0.1")))),
    ("x-pig-latin", (QualityItem("x-pig-latin"),)),
    ("sgn-BE-FR", (QualityItem("sgn-BE-FR"),)),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[QualityItem, ...]) -> None:
    assert ACCEPT_LANGUAGE.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(ACCEPT_LANGUAGE, "fr-CH, fr;q=0.90, *;q=0.5", "fr-CH, fr;q=0.9, *;q=0.5")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("en_US", "not a language range", 2),
    ("en-", "not a language range", 3),
    ("en--us", "not a language range", 3),
    ("en-toolongsubtag", "not a language range", 11),
    ("1en", "not a language range", 0),
    ("*-US", "not a language range", 0),
    ("en, de;q=1.1", "a weight is a q-value", 11),
    ("en;level=1", "a weight 'q=...'", 3),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(ACCEPT_LANGUAGE, raw, fragment, position)
