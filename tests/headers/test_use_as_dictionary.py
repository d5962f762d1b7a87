from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, to_json
from headerscope.headers.types import DictionaryUse as D

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed

NAME = "Use-As-Dictionary"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # RFC 9842's examples
        ('match="/product/*", match-dest=("document")',
         D("/product/*", ("document",))),
        ('match="/app/*/main.js"', D("/app/*/main.js")),
        ('match="/js/app-*.js", id="v1.2", type=raw',
         D("/js/app-*.js", dictionary_id="v1.2", dictionary_format="raw")),
        ('match="/", match-dest=()', D("/", ())),  # () is all, as not sending it
        ('match="/a", match-dest=("script" "style" "")',
         D("/a", ("script", "style", ""))),
        ('match="/assets/\\\\(x"', D("/assets/\\(x")),  # an escaped "(" is a letter
    ],
)
def test_parses(raw: str, expected: D) -> None:
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
         D("/a", dictionary_format="zstd")),
        ('match="/a", match-dest=("empty")', "'empty' is not a request destination", 24,
         D("/a", ("empty",))),
        ('match="/a", ttl=3600', "unknown member 'ttl'", 12, D("/a")),
    ],
)
def test_warns(raw: str, fragment: str, position: int, expected: object) -> None:
    assert_warns(NAME, raw, fragment, position)
    assert parsed(NAME, raw).value == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # docs/json.md is stable: the field's member names, only the members sent
        ('match="/product/*", match-dest=("document")',
         {"match": "/product/*", "match-dest": ["document"]}),
        ('match="/a", id="v1", type=raw', {"match": "/a", "id": "v1", "type": "raw"}),
        ('match="/a", match-dest=()', {"match": "/a", "match-dest": []}),
    ],
)
def test_json_keeps_the_member_names(raw: str, expected: dict[str, object]) -> None:
    assert to_json(REGISTRY.parse(NAME, raw).value) == expected
