from __future__ import annotations

import pytest

from headerscope.headers.no_vary_search import parse_key, write_key

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed

NAME = "No-Vary-Search"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the specification's examples
        ("key-order", {"key-order": True}),
        ('params=("utm_source" "utm_medium" "utm_campaign")',
         {"params": ("utm_source", "utm_medium", "utm_campaign")}),
        ('params, except=("productId")', {"params": True, "except": ("productId",)}),
        ('params=("a")', {"params": ("a",)}),
        ('params, except=("x")', {"params": True, "except": ("x",)}),
        # "parse a key": "+" is a space, then percent-decoding, then UTF-8
        ('params=("%C3%A9+%E6%B0%97")', {"params": ("é 気",)}),
        # valid but unconventional forms
        ("params=?1", {"params": True}),
        ("key-order=?1", {"key-order": True}),
        ('params, key-order, except=("x")', {"params": True, "key-order": True,
                                             "except": ("x",)}),
        ("", {}),  # the default URL search variance
    ],
)
def test_parses(raw: str, expected: dict[str, object]) -> None:
    assert_parses(NAME, raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # every input the specification lists as "invalid and will cause the default URL
        # search variance to be returned", but for unknown-key (ignored: a warning below)
        ('key-order="not a boolean"', "key-order must be a Boolean", 10),
        ('params="not a boolean or inner list"', "params must be an Inner List of Strings", 7),
        ("params=(not-a-string)", "each key in params must be a String, found the Token", 8),
        ('params=("a"), except=("x")', "except needs params (params=?1)", 14),
        ("params=(), except=()", "except needs params", 11),
        ('params=?0, except=("x")', "except needs params", 11),
        ("params, except=(not-a-string)", "each key in except must be a String", 16),
        ('params, except="not an inner list"', "except must be an Inner List", 15),
        ("params, except=?1", "found the Boolean ?1", 15),
        ('except=("x")', "except needs params", 0),
        ("except=()", "the field has no effect: the cache uses the whole query", 0),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects(NAME, raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ("unknown-key", "unknown member 'unknown-key': caches ignore it", 0),
        ("params=?0", "params=?0 is the default", 0),
        ("params=()", "params=() is the default", 0),
        ("key-order=?0", "key-order=?0 is the default", 0),
    ],
)
def test_warns(raw: str, fragment: str, position: int) -> None:
    assert_warns(NAME, raw, fragment, position)
    assert parsed(NAME, raw).value == {}


@pytest.mark.parametrize("key", ["é 気", "a+b", "100%", "utm_source", "\"q\"", " "])
def test_keys_round_trip(key: str) -> None:
    assert parse_key(write_key(key)) == key


def test_written_keys_are_the_conventional_encoding() -> None:
    assert write_key("é 気") == "%C3%A9+%E6%B0%97"
