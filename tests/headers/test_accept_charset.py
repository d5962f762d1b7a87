"""Accept-Charset: charsets (lower-cased) with exact weights."""

from __future__ import annotations

from decimal import Decimal

import pytest

from headerscope.headers._shared.types import QualityItem
from headerscope.headers.accept_charset import ACCEPT_CHARSET

from ._content_helpers import rejects, round_trips


@pytest.mark.parametrize(("raw", "expected"), [
    ("utf-8", (QualityItem("utf-8"),)),
    ("UTF-8, ISO-8859-1;q=0.5", (QualityItem("utf-8"), QualityItem("iso-8859-1", Decimal("0.5")))),
    ("ISO-8859-1,utf-8;q=0.7,*;q=0.7",  # what Firefox sent until version 10
     (QualityItem("iso-8859-1"), QualityItem("utf-8", Decimal("0.7")),
      QualityItem("*", Decimal("0.7")))),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[QualityItem, ...]) -> None:
    assert ACCEPT_CHARSET.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(ACCEPT_CHARSET, "UTF-8 ; Q=1.0 ,, latin1;q=0.50", "utf-8, latin1;q=0.5")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("utf-8;level=1", "a weight 'q=...'", 6),
    ("utf-8;q=2", "a weight is a q-value", 8),
    ("utf 8", "expected ',' or the end of the value", 4),
    ('"utf-8"', "expected a charset name or '*'", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(ACCEPT_CHARSET, raw, fragment, position)
