"""TE: transfer codings with parameters and weights, and "trailers"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from headerscope.headers.te import TE, TCoding

from ._content_helpers import rejects, round_trips, warned, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    ("trailers", (TCoding("trailers"),)),  # what HTTP/2 allows, and gRPC sends
    ("trailers, deflate;q=0.5", (TCoding("trailers"), TCoding("deflate", q=Decimal("0.5")))),
    ("gzip;level=9;q=0.3", (TCoding("gzip", {"level": "9"}, Decimal("0.3")),)),
    ("GZIP ; Level = 9", (TCoding("gzip", {"level": "9"}),)),  # BWS around "="
    ('x;a="b c"', (TCoding("x", {"a": "b c"}),)),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[TCoding, ...]) -> None:
    assert TE.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(TE, "Trailers,gzip ; level = 1 ;Q=0.50", "trailers, gzip;level=1;q=0.5")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("gzip;q=2", "a weight is a q-value", 7),
    ("gzip;", "expected a parameter name", 5),
    ("gzip;level", "expected '='", 10),
    ("gzip q=0.5", "expected ',' or the end of the value", 5),
    ("gzip;q=0.5;level=1", "expected ',' or the end of the value", 10),
    ('gzip;a="b', "quoted-string is not closed", 7),
    ("gzip;q =0.5", "'=' right after 'q'", 6),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(TE, raw, fragment, position)


def test_chunked_is_warned() -> None:
    warned(TE, "trailers, chunked", "MUST NOT send the chunked transfer coding name", 10)
    assert warnings(TE, "trailers") == []
