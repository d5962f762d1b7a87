from __future__ import annotations

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        # what Chromium and Firefox send on a typed-in navigation and on a fetch()
        ("Sec-Fetch-Site", "none", "none"),
        ("Sec-Fetch-Mode", "navigate", "navigate"),
        ("Sec-Fetch-User", "?1", True),
        ("Sec-Fetch-Dest", "document", "document"),
        ("Sec-Fetch-Dest", "empty", "empty"),
        ("Sec-Fetch-Mode", "no-cors", "no-cors"),
        ("Sec-Fetch-Site", "cross-site", "cross-site"),
        ("Sec-Fetch-Storage-Access", "active", "active"),
        ("Sec-Fetch-Mode", "cors;grease=?0", "cors"),  # parameters mean nothing, ignored
    ],
)
def test_parses(name: str, raw: str, expected: object) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        ("Sec-Fetch-Dest", '"document"', "must be a Token, found the String", 0),
        ("Sec-Fetch-Dest", '"document"', "without quotes: document", 0),
        ("Sec-Fetch-Mode", "navigate, cors", "unexpected ','", 8),
        ("Sec-Fetch-Site", "?1", "must be a Token, found the Boolean ?1", 0),
        ("Sec-Fetch-User", "true", "must be a Boolean, found the Token true", 0),
        ("Sec-Fetch-User", "1", "must be a Boolean", 0),
        ("Sec-Fetch-Storage-Access", "", "expected an item", 0),
        ("Sec-Fetch-Dest", "(document)", "an inner list is not allowed here", 0),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)


@pytest.mark.parametrize(
    ("name", "raw", "fragment"),
    [
        ("Sec-Fetch-Dest", "speculationrules", "not a known Sec-Fetch-Dest value"),
        ("Sec-Fetch-Mode", "nested-navigate", "servers ignore the field"),
        ("Sec-Fetch-Site", "Same-Origin", "not a known Sec-Fetch-Site value"),  # case matters
        ("Sec-Fetch-Storage-Access", "granted", "not a known"),
        ("Sec-Fetch-User", "?0", "only sent as ?1"),  # a sender's rule: read, warned
    ],
)
def test_unknown_values_are_warnings(name: str, raw: str, fragment: str) -> None:
    assert_warns(name, raw, fragment, 0)
