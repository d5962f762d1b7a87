"""Accept: media ranges, parameters before q, the weight, accept-ext after it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from headerscope.headers._shared.types import MediaRange
from headerscope.headers.accept import ACCEPT

from ._content_helpers import rejects, round_trips, warned, warnings

D = Decimal
CHROMIUM = ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")


@pytest.mark.parametrize(("raw", "expected"), [
    ("*/*", (MediaRange("*", "*"),)),
    ("text/html", (MediaRange("text", "html"),)),
    ("TEXT/HTML", (MediaRange("text", "html"),)),
    ("text/*;q=0.5", (MediaRange("text", "*", q=D("0.5")),)),
    ("text/html;Q=0", (MediaRange("text", "html", q=D(0)),)),
    ("text/html;q=1.000", (MediaRange("text", "html"),)),
    ("text/html;q=0.001", (MediaRange("text", "html", q=D("0.001")),)),
    ("text/html ; level=1 ; q=0.5", (MediaRange("text", "html", {"level": "1"}, D("0.5")),)),
    ('text/html;Level="a \\"b\\""', (MediaRange("text", "html", {"level": 'a "b"'}),)),
    ("text/html;q=0.5;ext=1", (MediaRange("text", "html", {}, D("0.5"), {"ext": "1"}),)),
    # Accept does not adopt RFC 8187: "t*" is a plain parameter name (issue 17)
    ("a/b;t*=UTF-8'en'%e2%82%ac", (MediaRange("a", "b", {"t*": "UTF-8'en'%e2%82%ac"}),)),
    (", ,text/html,,  ,", (MediaRange("text", "html"),)),
    ("", ()),
    ("a/b, c/d;q=0.2", (MediaRange("a", "b"), MediaRange("c", "d", q=D("0.2")))),
    ("a/b;;x=y;", (MediaRange("a", "b", {"x": "y"}),)),
])
def test_parses(raw: str, expected: tuple[MediaRange, ...]) -> None:
    assert ACCEPT.parse(raw) == expected


def test_chromium_navigation() -> None:
    value = ACCEPT.parse(CHROMIUM)
    assert [f"{r.type}/{r.subtype}" for r in value] == [
        "text/html", "application/xhtml+xml", "application/xml", "image/avif", "image/webp",
        "image/apng", "*/*", "application/signed-exchange"]
    assert [r.q for r in value] == [1, 1, D("0.9"), 1, 1, 1, D("0.8"), D("0.7")]
    assert value[-1].params == {"v": "b3"}
    assert warnings(ACCEPT, CHROMIUM) == []


def test_q_is_exact_and_written_without_trailing_zeros() -> None:
    (r,) = ACCEPT.parse("a/b;q=0.300")
    assert r.q == D("0.3") and str(r.q) == "0.300"  # the Decimal keeps the spelling...
    assert ACCEPT.write((r,)) == "a/b;q=0.3"  # ...the writer normalizes it


@pytest.mark.parametrize(("raw", "canonical"), [
    ("text/html;q=1", "text/html"),
    ("TEXT/Html ;Level=1;Q=0.50", "text/html;level=1;q=0.5"),
    ("a/b;q=1;x=y", "a/b;q=1;x=y"),  # accept-ext keeps the weight it follows
    ('a/b;x="tok"', "a/b;x=tok"),
    ('a/b;x="two words"', 'a/b;x="two words"'),
])
def test_writes_canonically(raw: str, canonical: str) -> None:
    round_trips(ACCEPT, raw, canonical)


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("text", "expected '/'", 4),
    ("text/", "expected a subtype after '/'", 5),
    ("/html", "expected a media type", 0),
    ("text/html;q=2", "a weight is a q-value", 12),
    ("text/html;q=1.5", "a weight is a q-value", 14),
    ("text/html;q=0.5000", "a weight is a q-value", 17),
    ("text/html;q=.5", "a weight is a q-value", 12),
    ('text/html;q="0.5"', "a weight is a q-value", 12),
    ("text/html;q", "expected '='", 11),
    ("text/html;charset", "expected '='", 17),
    ("text/html;charset=", "expected a parameter value", 18),
    ('text/html;a="open', "quoted-string is not closed", 12),
    ("text/ht ml", "expected ',' or the end of the value", 8),
    ("text/html;q=0.5;x", "expected '='", 17),
    ("text/html;a=1;A=2", "parameter 'a' is repeated", 14),
    ("\u00fc/x", "expected a media type", 0),
    ("text/html, image/png;q=0.5 x", "expected ',' or the end of the value", 27),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(ACCEPT, raw, fragment, position)


def test_warns_about_parameters_after_q_and_odd_wildcards() -> None:
    warned(ACCEPT, "a/b, c/d;q=0.5;ext=1", "parameters after q", 5)
    warned(ACCEPT, "text/html, */html", "only '*/*'", 11)


@pytest.mark.parametrize("raw", [
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",  # Firefox
    "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8",  # Chromium, images
    "*/*",  # curl
    "application/json, text/plain, */*",  # axios
    "text/css,*/*;q=0.1",  # Firefox, style sheets
])
def test_real_world_values_parse_without_warnings(raw: str) -> None:
    assert warnings(ACCEPT, raw) == []
