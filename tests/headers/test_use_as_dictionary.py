from __future__ import annotations

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed

NAME = "Use-As-Dictionary"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # RFC 9842's examples
        ('match="/product/*", match-dest=("document")',
         {"match": "/product/*", "match-dest": ("document",)}),
        ('match="/app/*/main.js"', {"match": "/app/*/main.js"}),
        ('match="/js/app-*.js", id="v1.2", type=raw',
         {"match": "/js/app-*.js", "id": "v1.2", "type": "raw"}),
        ('match="/", match-dest=()', {"match": "/", "match-dest": ()}),  # () is all
        ('match="/a", match-dest=("script" "style" "")',
         {"match": "/a", "match-dest": ("script", "style", "")}),
        ('match="/assets/\\\\(x"', {"match": "/assets/\\(x"}),  # an escaped "(" is a letter
    ],
)
def test_parses(raw: str, expected: dict[str, object]) -> None:
    assert_parses(NAME, raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # "The "match" value is required and MUST be included"
        ('match-dest=("document")', "match is required", None),
        ("match=/product/*", "expected an item", 6),
        ("match=product", "match must be a String, found the Token product", 6),
        ('match="/v/(\\\\d+)/app.js"', "match has a regexp group", 6),
        ('match="/a", match-dest=document', "match-dest must be an Inner List of Strings", 23),
        ('match="/a", match-dest=(document)', "each destination must be a String", 24),
        ('match="/a", id=1', "id must be a String", 15),
        ('match="/a", id="' + "x" * 1025 + '"', "id is at most 1024 characters; this one has "
         "1025", 15),
        ('match="/a", type="raw"', "type must be a Token", 17),
    ],
)
def test_rejects(raw: str, fragment: str, position: int | None) -> None:
    assert_rejects(NAME, raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position", "expected"),
    [
        # "If a client receives a dictionary with a type that it does not understand, it
        # MUST NOT use the dictionary": the value is legal, but no client uses it
        ('match="/a", type=zstd', "type=zstd is not a dictionary format a client knows", 17,
         {"match": "/a", "type": "zstd"}),
        ('match="/a", match-dest=("empty")', "'empty' is not a request destination", 24,
         {"match": "/a", "match-dest": ("empty",)}),
        ('match="/a", ttl=3600', "unknown member 'ttl'", 12, {"match": "/a"}),
    ],
)
def test_warns(raw: str, fragment: str, position: int, expected: object) -> None:
    assert_warns(NAME, raw, fragment, position)
    assert parsed(NAME, raw).value == expected
