"""Cache-Control: directives with typed arguments, and the warnings about their spelling."""

from __future__ import annotations

import pytest

from headerscope.headers._shared.types import Directive
from headerscope.headers.cache_control import CACHE_CONTROL, MAX_DELTA

from ._content_helpers import rejects, round_trips, warned, warnings

D = Directive


@pytest.mark.parametrize(("raw", "expected"), [
    ("max-age=0", (D("max-age", 0),)),  # Chromium, on a reload
    ("no-cache", (D("no-cache"),)),  # Firefox, on a reload
    ("no-cache, no-store, must-revalidate",
     (D("no-cache"), D("no-store"), D("must-revalidate"))),
    ("public, max-age=31536000, immutable",
     (D("public"), D("max-age", 31536000), D("immutable"))),
    ("max-age=604800, stale-while-revalidate=86400, stale-if-error=0",
     (D("max-age", 604800), D("stale-while-revalidate", 86400), D("stale-if-error", 0))),
    ("s-maxage=60, min-fresh=5", (D("s-maxage", 60), D("min-fresh", 5))),
    ("MAX-AGE=10", (D("max-age", 10),)),
    ('max-age="60"', (D("max-age", 60),)),
    ("max-stale", (D("max-stale"),)),
    ("max-stale=30", (D("max-stale", 30),)),
    ('private="Set-Cookie, X-Foo"', (D("private", ("set-cookie", "x-foo")),)),
    ("no-cache=Set-Cookie", (D("no-cache", ("set-cookie",)),)),
    ('no-cache=""', (D("no-cache", ()),)),
    ("max-age=99999999999999999999", (D("max-age", MAX_DELTA),)),
    ("max-age=2147483649", (D("max-age", MAX_DELTA),)),
    ('community="UCI", x-ext', (D("community", "UCI"), D("x-ext"))),
    ("only-if-cached, no-transform, proxy-revalidate, must-understand",
     (D("only-if-cached"), D("no-transform"), D("proxy-revalidate"), D("must-understand"))),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[Directive, ...]) -> None:
    assert CACHE_CONTROL.parse(raw) == expected


@pytest.mark.parametrize(("raw", "canonical"), [
    ('Max-Age="60",PUBLIC', "max-age=60, public"),
    ("no-cache=set-cookie", 'no-cache="set-cookie"'),
    ('x="token", y="two words"', 'x=token, y="two words"'),
])
def test_writes_canonically(raw: str, canonical: str) -> None:
    round_trips(CACHE_CONTROL, raw, canonical)


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("max-age", "max-age needs a number of seconds", 7),
    ("max-age=", "expected an argument", 8),
    ("max-age=-1", "max-age takes delta-seconds", 8),
    ("max-age=1.5", "max-age takes delta-seconds", 9),
    ('max-age="1x"', "max-age takes delta-seconds", 10),
    ('s-maxage=""', "s-maxage takes delta-seconds", 10),
    ("max-age=\u00b2", "expected an argument", 8),
    ("no-store=1", "no-store takes no argument", 8),
    ('no-cache="a b"', "expected ',' or the end of the value", 12),
    ("public private", "expected ',' or the end of the value", 7),
    ('x="open', "quoted-string is not closed", 2),
    ("max-age=0;", "expected ',' or the end of the value", 9),
    ("=3", "expected a directive name", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(CACHE_CONTROL, raw, fragment, position)


def test_warnings() -> None:
    warned(CACHE_CONTROL, 'max-age="60"', "max-age uses the token form", 8)
    warned(CACHE_CONTROL, "public, no-cache=Set-Cookie", "token form of no-cache", 17)
    warned(CACHE_CONTROL, "max-age=1, foo", "unknown directive 'foo'", 11)
    warned(CACHE_CONTROL, "max-age=1, max-age=2", "repeated directive 'max-age'", 11)
    warned(CACHE_CONTROL, "max-age=9999999999", "read as 2147483648", 8)
    assert warnings(CACHE_CONTROL, 'private="set-cookie", max-age=0, no-transform') == []
