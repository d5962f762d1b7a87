"""The content group's shared productions, and the agreement of fast and slow paths.

Several lists (Accept, Accept-*, Cache-Control, Pragma, If-Match, Range, token lists) parse
their common members with one expression that also eats the separator; the cursor walk is the
reference grammar. These properties run both on the same text and demand the same outcome:
the same value, or the same error at the same position.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.grammar import Cursor, core, parse_list
from headerscope.headers import REGISTRY, FieldError, FieldSpec, to_json
from headerscope.headers._shared.content import element_offsets, qvalue
from headerscope.headers._shared.types import (
    EntityTag,
    entity_tag,
    parse_entity_tag,
    write_entity_tag,
)
from headerscope.strategies import invalid, valid, values
from headerscope.strategies._content import entity_tags

from ._content_helpers import rejects

LISTY = "\t ,;=\"*/-.0123456789qQWabcxyz()\\"  # the characters that steer these grammars

# The content group's fields: they share this module's productions and fast paths.
CONTENT_FIELDS = (
    "Accept",
    "Accept-Charset",
    "Accept-Encoding",
    "Accept-Language",
    "Accept-Ranges",
    "Age",
    "Allow",
    "Cache-Control",
    "Content-Disposition",
    "Content-Encoding",
    "Content-Language",
    "Content-Length",
    "Content-MD5",
    "Content-Range",
    "Content-Type",
    "Date",
    "ETag",
    "Expect",
    "Expires",
    "If-Match",
    "If-Modified-Since",
    "If-None-Match",
    "If-Range",
    "If-Unmodified-Since",
    "Last-Modified",
    "Max-Forwards",
    "Pragma",
    "Range",
    "Retry-After",
    "TE",
    "Trailer",
    "Transfer-Encoding",
    "Vary",
    "Warning",
)
CONTENT_SPECS = [spec for spec in REGISTRY if spec.name in CONTENT_FIELDS]



def outcome(spec: FieldSpec[Any], raw: str) -> tuple[str, Any]:
    try:
        return "value", spec.parse(raw)
    except FieldError as exc:
        return "error", (exc.reason, exc.position)


def both_paths(spec: FieldSpec[Any], raw: str) -> tuple[tuple[str, Any], tuple[str, Any]]:
    fast = outcome(spec, raw)
    core.FAST_PATHS = False
    try:
        slow = outcome(spec, raw)
    finally:
        core.FAST_PATHS = True
    return fast, slow


@pytest.mark.parametrize("spec", CONTENT_SPECS, ids=lambda s: s.name)
@given(data=st.data())
def test_fast_and_slow_paths_agree(spec: FieldSpec[Any], data: st.DataObject) -> None:
    good = valid(spec.name)
    raw = data.draw(st.one_of(
        good, invalid(spec.name), st.text(LISTY, max_size=30),
        good.map(str.swapcase), good.map(str.upper),  # the paths must fold case alike
        st.tuples(good, st.text(LISTY, max_size=4)).map("".join),
        st.tuples(good, st.sampled_from([",", ";", " ;", ",;"]), good).map("".join),
    ))
    raw = raw.strip(" \t")
    fast, slow = both_paths(spec, raw)
    assert fast == slow, raw


@given(entity_tags)
def test_entity_tag_fullmatch_agrees_with_the_cursor_walk(tag: EntityTag) -> None:
    text = write_entity_tag(tag)
    cur = Cursor(text)
    assert parse_entity_tag(cur) == entity_tag(text) == tag
    assert cur.at_end()


@pytest.mark.parametrize(("text", "after", "pos"), [
    ("=v", True, 1), (" \t= v", True, 4), ("  ;q", False, 0), ("", False, 0), (" ", False, 0),
])
def test_equals_takes_bws_equals_bws_or_leaves_the_cursor(text: str, after: bool,
                                                          pos: int) -> None:
    cur = Cursor(text)
    assert cur.equals() is after
    assert cur.pos == pos


@pytest.mark.parametrize(("text", "expected"), [
    ("0", "0"), ("0.", "0"), ("0.5", "0.5"), ("0.125", "0.125"), ("1", "1"), ("1.000", "1"),
])
def test_qvalues_are_exact(text: str, expected: str) -> None:
    assert qvalue(text, 0) == Decimal(expected)


@given(st.integers(0, 1000))
def test_every_thousandth_is_a_qvalue(n: int) -> None:
    text = f"{n / 1000:.3f}"
    assert qvalue(text, 0) == Decimal(n) / 1000


@pytest.mark.parametrize(("text", "position"), [
    ("", 0), ("2", 0), ("1.5", 2), ("0.1234", 5), (".5", 0), ("01", 1), ("1.001", 4),
])
def test_bad_qvalues_point_at_the_first_bad_character(text: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        qvalue(text, 0)
    assert info.value.position == position


def test_empty_list_elements_are_accepted() -> None:
    assert parse_list(" , ,a, ,,b ,", lambda cur: cur.token()) == ("a", "b")
    with pytest.raises(FieldError) as info:
        parse_list(",,", lambda cur: cur.token(), at_least_one=True, what="thing list")
    assert "empty thing list" in info.value.reason


@pytest.mark.parametrize(("raw", "offsets"), [
    ("a, b,,c", [0, 3, 6]),
    (' x="a, b" , y', [1, 12]),
    ('p="\\", q", r', [0, 11]),
    ("", []),
])
def test_element_offsets(raw: str, offsets: list[int]) -> None:
    assert list(element_offsets(raw)) == offsets


def test_spec_examples_and_names() -> None:
    assert len(CONTENT_SPECS) == 34
    for spec in CONTENT_SPECS:
        assert spec.ref and spec.value_type and spec.example
        spec.parse(spec.example)


def test_parameter_errors_name_the_bad_character() -> None:
    from headerscope.headers.content_type import CONTENT_TYPE

    rejects(CONTENT_TYPE, "a/b;=c", "expected a parameter name", 4)
    rejects(CONTENT_TYPE, "a/b;c=", "expected a parameter value", 6)
    rejects(CONTENT_TYPE, 'a/b;c="\x01"', "U+0001 is not allowed in a quoted-string", 7)


@pytest.mark.parametrize("spec", CONTENT_SPECS, ids=lambda s: s.name)
@given(data=st.data())
def test_every_value_encodes_as_json(spec: FieldSpec[Any], data: st.DataObject) -> None:
    value = data.draw(values(spec.name))
    encoded = to_json(value)
    assert json.loads(json.dumps(encoded)) == encoded


def test_json_shapes() -> None:
    from headerscope.headers.accept import ACCEPT
    from headerscope.headers.range import RANGE

    assert to_json(ACCEPT.parse("a/b;x=1;q=0.90")) == [
        {"type": "a", "subtype": "b", "params": {"x": "1"}, "q": "0.9", "extensions": {}}]
    assert to_json(RANGE.parse("bytes=0-1,5-,-3")) == {"unit": "bytes", "ranges": [
        {"first": 0, "last": 1}, {"first": 5, "last": None}, {"length": 3}]}
