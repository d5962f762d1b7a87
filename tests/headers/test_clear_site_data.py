from __future__ import annotations

import pytest

from headerscope.headers.clear_site_data import CLEAR_SITE_DATA

from ._content_helpers import rejects, round_trips, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    # the specification's sign-out example
    ('"cache", "cookies", "storage", "executionContexts"',
     ("cache", "cookies", "storage", "executionContexts")),
    ('"*"', ("*",)),
    ('"cookies"', ("cookies",)),
    # Chromium's speculation-rules types
    ('"cache", "prefetchCache", "prerenderCache"', ("cache", "prefetchCache", "prerenderCache")),
    ('"clientHints",,"cookies" ,', ("clientHints", "cookies")),
])
def test_parses(raw: str, expected: tuple[str, ...]) -> None:
    assert CLEAR_SITE_DATA.parse(raw) == expected
    # empty elements are read, and warned of (tests/headers/test_class_lists.py)
    assert [w for w in warnings(CLEAR_SITE_DATA, raw) if "empty list element" not in w[0]] == []


def test_writes_quoted_strings() -> None:
    round_trips(CLEAR_SITE_DATA, '"cache","\\*"', '"cache", "*"')


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("cookies", 'types are quoted strings: write "cookies" with its double quotes', 0),
    ('"cache", storage', 'write "storage"', 9),
    ("'cache'", "types are quoted strings", 0),
    ('"cache', "quoted-string is not closed", 0),
    ('"cache" "cookies"', "expected ',' or the end of the value", 8),
    ("", "at least one element is required", 0),
    (", ,", "at least one element is required", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(CLEAR_SITE_DATA, raw, fragment, position)


@pytest.mark.parametrize(("raw", "expected"), [
    ('"cache", "Cookies"', [('unknown type "Cookies" (types are case-sensitive: "cookies"): '
                             "browsers ignore it", 9)]),
    ('"everything"', [('unknown type "everything": browsers ignore it', 0)]),
    ('"*", "cookies"', [('"*" already clears every type: the others add nothing', 0)]),
])
def test_warnings(raw: str, expected: list[tuple[str, int]]) -> None:
    assert warnings(CLEAR_SITE_DATA, raw) == expected
