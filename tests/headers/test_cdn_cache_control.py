from __future__ import annotations

import pytest

from headerscope.headers.sf import InnerList, Item, Token

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # RFC 9213's example, and what Cloudflare's and Fastly's docs show
        ("max-age=600, stale-while-revalidate=30", {"max-age": 600,
                                                    "stale-while-revalidate": 30}),
        ("max-age=3600", {"max-age": 3600}),
        ("no-store", {"no-store": True}),
        ("private, no-cache", {"private": True, "no-cache": True}),
        # a quoted-string field list becomes an SF String; names are case-insensitive
        ('no-cache="Set-Cookie, X-Debug", s-maxage=60',
         {"no-cache": ("set-cookie", "x-debug"), "s-maxage": 60}),
        ("public, max-age=0, must-revalidate, immutable=?1",
         {"public": True, "max-age": 0, "must-revalidate": True, "immutable": True}),
    ],
)
def test_parses(raw: str, expected: dict[str, object]) -> None:
    assert_parses("CDN-Cache-Control", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # "Implementations MUST NOT generate values that violate these inferred constraints"
        ('max-age="60"', "max-age must be an Integer, found the String", 8),
        ("max-age=60.5", "max-age must be an Integer, found the Decimal", 8),
        ("max-age=-1", "a number of seconds, 0 or more, not -1", 8),
        ("no-store=?0", "no-store takes no value", 9),
        ("public=1", "public takes no value", 7),
        ('private="a b"', "expected ',' or the end of the value, found 'b'", 8),
        ("no-cache=(a b)", "the field names of no-cache must be a String", 9),
        # a Cache-Control parser would take these; a Structured Field parser must not
        ("Max-Age=60", "keys are lower-case", 0),
        ("max-age=60,", "trailing ','", 10),
        ('no-cache="a";', "expected a parameter key", 13),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("CDN-Cache-Control", raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position", "expected"),
    [
        ("max-age=60, min-fresh=10", "min-fresh is a request directive", 12,
         {"max-age": 60, "min-fresh": 10}),
        ("max-age=60, x-cdn-tag=blue", "unknown directive 'x-cdn-tag'", 12,
         {"max-age": 60, "x-cdn-tag": Token("blue")}),
        ("max-age=60;q=1", "parameters on cache directives are ignored", 11, {"max-age": 60}),
        ("s-maxage=99999999999", "read as 2147483648", 9, {"s-maxage": 99999999999}),
        ("x=(1 2)", "unknown directive 'x'", 0,
         {"x": InnerList((Item(1), Item(2)))}),
    ],
)
def test_warns(raw: str, fragment: str, position: int, expected: object) -> None:
    assert_warns("CDN-Cache-Control", raw, fragment, position)
    assert parsed("CDN-Cache-Control", raw).value == expected
