from __future__ import annotations

import pytest

from headerscope.headers._shared.uri import parse_uri_reference as url

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed

NAME = "Speculation-Rules"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"/speculationrules.json"', (url("/speculationrules.json"),)),
        ('"/rules/prefetch.json", "https://cdn.example/rules.json";x',
         (url("/rules/prefetch.json"), url("https://cdn.example/rules.json"))),
    ],
)
def test_parses(raw: str, expected: tuple[object, ...]) -> None:
    assert_parses(NAME, raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ("/speculationrules.json", "expected an item", 0),  # not even a Token
        ('"/a.json" "/b.json"', "expected ','", 10),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects(NAME, raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ('rules.json, "/b.json"', 'found the Token rules.json (quote it: "rules.json"); '
         "browsers skip it", 0),
        ('"/a b.json", "/b.json"', "is not a URI reference (RFC 3986)", 0),
        ('?1, "/b.json"', "found the Boolean ?1", 0),
    ],
)
def test_warns(raw: str, fragment: str, position: int) -> None:
    assert_warns(NAME, raw, fragment, position)
    assert parsed(NAME, raw).value == (url("/b.json"),)
