"""ETag, If-Match and If-None-Match: entity tags with their weakness, or "*"."""

from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, to_json
from headerscope.headers._shared.types import ANY, EntityTag
from headerscope.headers.etags import ETAG, IF_MATCH, IF_NONE_MATCH

from ._content_helpers import rejects, round_trips, warned, warnings

T = EntityTag


@pytest.mark.parametrize(("raw", "expected"), [
    ('"xyzzy"', T("xyzzy")),
    ('W/"xyzzy"', T("xyzzy", weak=True)),
    ('""', T("")),
    ('"33a64df551425fcc55e4d42a148795d9f25f89d4"', T("33a64df551425fcc55e4d42a148795d9f25f89d4")),
    ('W/"5e1-18f2a3c4b5d"', T("5e1-18f2a3c4b5d", weak=True)),  # nginx, weak after gzip
    ('"a\\b"', T("a\\b")),  # a backslash is an etagc, not an escape
    ('"\u00e9t\u00e9"', T("\u00e9t\u00e9")),  # obs-text
])
def test_etag_parses(raw: str, expected: EntityTag) -> None:
    assert ETAG.parse(raw) == expected
    assert ETAG.write(expected) == raw


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("xyzzy", "expected an entity tag in double quotes", 0),
    ('"xyz', "entity tag is not closed", 0),
    ('w/"x"', "the weak prefix is 'W/', upper-case", 0),
    ('W/ "x"', "expected an entity tag in double quotes", 2),
    ('"a b"', "U+0020 is not allowed in an entity tag", 2),
    ('"a"b', "unexpected 'b'", 3),
    ('"x", "y"', "unexpected ','", 3),
    ("", "expected an entity tag", 0),
])
def test_etag_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(ETAG, raw, fragment, position)


@pytest.mark.parametrize(("raw", "expected"), [
    ("*", (ANY,)),
    ('"xyzzy"', (T("xyzzy"),)),
    ('"xyzzy", "r2d2xxxx", "c3piozzzz"', (T("xyzzy"), T("r2d2xxxx"), T("c3piozzzz"))),
    ('W/"a" ,, "b"', (T("a", True), T("b"))),
    ("", ()),
])
def test_conditionals_parse(raw: str, expected: tuple[EntityTag, ...]) -> None:
    assert IF_MATCH.parse(raw) == expected
    assert IF_NONE_MATCH.parse(raw) == expected


def test_conditionals_write_and_encode() -> None:
    round_trips(IF_NONE_MATCH, 'W/"a",,"b"', 'W/"a", "b"')
    assert IF_MATCH.write((ANY,)) == "*"
    assert to_json(IF_MATCH.parse("*")) == ["*"]
    assert to_json(IF_MATCH.parse('W/"a"')) == [{"opaque": "a", "weak": True}]


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ('"a", *', "'*' must be the whole value", 5),
    ("*, *", "'*' must be the whole value", 0),
    ("xyzzy", "expected an entity tag in double quotes", 0),
    ('"a" "b"', "expected ',' or the end of the value", 4),
    ('"a",b', "expected an entity tag in double quotes", 4),
])
def test_conditionals_reject(raw: str, fragment: str, position: int) -> None:
    rejects(IF_MATCH, raw, fragment, position)
    rejects(IF_NONE_MATCH, raw, fragment, position)


def test_a_weak_tag_in_if_match_is_warned() -> None:
    warned(IF_MATCH, '"a", W/"b"', "never matches in If-Match", 5)
    assert warnings(IF_NONE_MATCH, '"a", W/"b"') == []
    assert REGISTRY.parse("If-Match", "*").warnings == ()
