from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, to_json
from headerscope.headers.no_vary_search import parse_key, write_key
from headerscope.headers.types import NoVarySearch as N

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed

NAME = "No-Vary-Search"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the specification's examples
        ("key-order", N(ignore_key_order=True)),
        ('params=("utm_source" "utm_medium" "utm_campaign")',
         N(ignore_params=("utm_source", "utm_medium", "utm_campaign"))),
        ('params, except=("productId")', N(ignore_params=True, except_params=("productId",))),
        ('params=("a")', N(ignore_params=("a",))),
        ('params, except=("x")', N(ignore_params=True, except_params=("x",))),
        # "parse a key": "+" is a space, then percent-decoding, then UTF-8
        ('params=("%C3%A9+%E6%B0%97")', N(ignore_params=("é 気",))),
        # valid but unconventional forms
        ("params=?1", N(ignore_params=True)),
        ("key-order=?1", N(ignore_key_order=True)),
        ('params, key-order, except=("x")', N(True, True, ("x",))),
        ("params, except=()", N(ignore_params=True, except_params=())),
        ("", N()),  # the default URL search variance
    ],
)
def test_parses(raw: str, expected: N) -> None:
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
    assert parsed(NAME, raw).value == N()  # the default, as if not sent


@pytest.mark.parametrize("key", ["é 気", "a+b", "100%", "utm_source", "\"q\"", " "])
def test_keys_round_trip(key: str) -> None:
    assert parse_key(write_key(key)) == key


def test_written_keys_are_the_conventional_encoding() -> None:
    assert write_key("é 気") == "%C3%A9+%E6%B0%97"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # docs/json.md is stable: the field's member names, only those that change the default
        ('key-order, params, except=("productId")',
         {"key-order": True, "params": True, "except": ["productId"]}),
        ('params=("a" "b")', {"params": ["a", "b"]}),
        ("params, except=()", {"params": True, "except": []}),
        ("params=?0", {}),
    ],
)
def test_json_keeps_the_member_names(raw: str, expected: dict[str, object]) -> None:
    assert to_json(REGISTRY.parse(NAME, raw).value) == expected


def test_except_params_without_params_is_no_value() -> None:
    # "except" is only read with params=?1: a value that holds it otherwise could not be sent
    with pytest.raises(ValueError, match="except_params needs ignore_params=True"):
        N(ignore_params=("a",), except_params=("x",))
