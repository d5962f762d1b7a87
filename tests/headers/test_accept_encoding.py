"""Accept-Encoding: content codings with exact weights; empty means "identity only"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from headerscope.headers._shared.types import QualityItem
from headerscope.headers.accept_encoding import ACCEPT_ENCODING

from ._content_helpers import rejects, round_trips


@pytest.mark.parametrize(("raw", "expected"), [
    ("gzip, deflate, br, zstd",  # Chromium and Firefox
     tuple(QualityItem(c) for c in ("gzip", "deflate", "br", "zstd"))),
    ("gzip, deflate", (QualityItem("gzip"), QualityItem("deflate"))),  # curl --compressed
    ("br;q=1.0, gzip;q=0.8, *;q=0.1",
     (QualityItem("br"), QualityItem("gzip", Decimal("0.8")), QualityItem("*", Decimal("0.1")))),
    ("GZIP;Q=0", (QualityItem("gzip", Decimal(0)),)),
    ("identity", (QualityItem("identity"),)),
    ("", ()),  # "the user agent does not want any content coding in response"
])
def test_parses(raw: str, expected: tuple[QualityItem, ...]) -> None:
    assert ACCEPT_ENCODING.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(ACCEPT_ENCODING, "gzip;q=1.000,\tbr ;q=0.250", "gzip, br;q=0.25")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("gzip;q=1.1", "a weight is a q-value", 9),
    ("gzip;q=0.1234", "a weight is a q-value", 12),
    ("gzip;q =0.5", "'=' right after 'q'", 6),
    ("gzip;", "a weight 'q=...'", 5),
    ("gzip deflate", "expected ',' or the end of the value", 5),
    ("gzip;q=0.5;q=0.3", "expected ',' or the end of the value", 10),
    ("gzip, @", "expected a content coding", 6),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(ACCEPT_ENCODING, raw, fragment, position)
