"""Transfer-Encoding: codings with parameters; chunked placement is reported, not refused."""

from __future__ import annotations

import pytest

from headerscope.headers._shared.types import TransferCoding
from headerscope.headers.transfer_encoding import TRANSFER_ENCODING

from ._content_helpers import rejects, round_trips, warned, warnings

C = TransferCoding


@pytest.mark.parametrize(("raw", "expected"), [
    ("chunked", (C("chunked"),)),
    ("gzip, chunked", (C("gzip"), C("chunked"))),
    ("Chunked", (C("chunked"),)),
    ('x;a="b"; c = d', (C("x", {"a": "b", "c": "d"}),)),
])
def test_parses(raw: str, expected: tuple[TransferCoding, ...]) -> None:
    assert TRANSFER_ENCODING.parse(raw) == expected


def test_writes_canonically() -> None:
    round_trips(TRANSFER_ENCODING, "GZIP ;Level = 9,Chunked", "gzip;level=9, chunked")


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("chunked;", "expected a parameter name", 8),
    ("chunked gzip", "expected ',' or the end of the value", 8),
    ('"chunked"', "expected a transfer coding", 0),
    ("chunked;a", "expected '='", 9),
    ("chunked;a=1;A=2", "parameter 'a' is repeated", 12),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(TRANSFER_ENCODING, raw, fragment, position)


def test_chunked_placement_is_warned() -> None:
    warned(TRANSFER_ENCODING, "chunked, gzip", "chunked is not the final coding", 0)
    warned(TRANSFER_ENCODING, "chunked, chunked", "more than once", 9)
    assert warnings(TRANSFER_ENCODING, "gzip, chunked") == []
    assert warnings(TRANSFER_ENCODING, "gzip") == []
