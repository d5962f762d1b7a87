"""RFC 9651 beyond the suite: error reasons and positions, the data model, JSON, paths.

The suite says whether a value fails; these tables pin *where* and *why*, the character a
person gets a caret under, and the serializer's refusals.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.headers import FieldError, to_json
from headerscope.headers.sf import (
    Date,
    DisplayString,
    FieldType,
    InnerList,
    Item,
    Token,
    locate,
    parse,
    parse_dictionary,
    parse_item,
    parse_list,
    serialize,
)
from headerscope.strategies._sf import dictionaries, items, lists, mutants, spellings

TYPES: list[FieldType] = ["item", "list", "dictionary"]


@pytest.mark.parametrize(
    ("raw", "field_type", "fragment", "position"),
    [
        ("", "item", "expected an item, found the end", 0),
        (" \t 1", "item", "expected an item", 1),  # leading SP only, never HTAB
        ("1 \t", "item", "unexpected U+0009 after the item", 2),
        ("1234567890123456", "item", "at most 15 digits", 15),
        ("-1234567890123456", "item", "at most 15 digits", 16),
        ("1234567890123.5", "item", "at most 12 digits before the '.'", 13),
        ("1.2345", "item", "at most 3 digits after the '.'", 5),
        ("12.", "item", "expected a digit after the '.'", 3),
        ("1..4", "item", "expected a digit after the '.'", 2),
        ("--0", "item", "expected a digit, found '-'", 1),
        ('"abc', "item", "String is not closed", 0),
        ('"a\\b"', "item", "may follow a backslash", 3),
        ('"a\tb"', "item", "U+0009 is not allowed in a String", 2),
        ("'foo'", "item", "quoted with '\"'", 0),
        ("é", "item", "U+00E9 is not ASCII", 0),
        ('"ok" é', "item", "U+00E9 is not ASCII", 5),
        ("?2", "item", "expected 0 or 1 after '?'", 1),
        ("?", "item", "found the end of the value", 1),
        (":YQ=", "item", "Byte Sequence is not closed", 0),
        (":a=GVsbG8=:", "item", "padding may only end", 2),
        (":=aGVsbG8=:", "item", "padding may only end", 1),
        (":aGVsbG!8=:", "item", "'!' is not allowed in a Byte Sequence", 7),
        (":YWJj=:", "item", "too much '=' padding", 5),
        (":Y:", "item", "cannot have 4n+1", 2),
        ("@1.5", "item", "a Date is a whole number", 2),
        ("@", "item", "seconds of a Date", 1),
        ('%"f%C3%BC"', "item", "two lower-case hex digits", 4),
        ('%"%c3%28"', "item", "not valid UTF-8", 5),
        ('%"%c3"', "item", "not valid UTF-8", 5),
        ('%"\u00fc"', "item", "not ASCII", 2),
        ("%foo", "item", "expected '\"' after '%'", 1),
        ("(1 2)", "item", "an inner list is not allowed here", 0),
        ("a;B=1", "item", "keys are lower-case: found 'B'", 2),
        ("a;", "item", "expected a parameter key after ';', found the end", 2),
        ("a; ", "item", "found the end of the value", 3),
        ("a;=1", "item", "expected a parameter key", 2),
        ("1, 42,", "list", "trailing ','", 5),
        ("1,,42", "list", "expected an item", 2),
        ("1 42", "list", "expected ',' or the end of the value after a list member", 2),
        ("(1 42", "list", "inner list is not closed", 0),
        ("(1\t 42)", "list", "expected a space or ')'", 2),
        ('(abc"def")', "list", "expected a space or ')'", 4),
        ("((1))", "list", "an inner list is not allowed here", 1),
        ("a =1", "dictionary", "expected ',' or the end of the value after a dictionary", 2),
        ("a=1, b= 2", "dictionary", "expected an item", 7),
        ("a=1,B=2", "dictionary", "keys are lower-case", 4),
        ("a=1, 1b=2", "dictionary", "expected a dictionary key", 5),
        ("a=1, b=2,", "dictionary", "trailing ','", 8),
    ],
)
def test_rejects_at_the_offending_character(raw: str, field_type: FieldType, fragment: str,
                                            position: int) -> None:
    with pytest.raises(FieldError) as info:
        parse(raw, field_type)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (Item(10**15), "outside the Integer range"),
        (Item(Decimal("1000000000000")), "more than 12 digits"),
        (Item(Decimal("999999999999.9995")), "once rounded"),
        (Item(Decimal("NaN")), "not a finite"),
        (Item("é"), "a String cannot hold"),
        (Item("\x00"), "a String cannot hold"),
        (Item(Token("a b")), "is not a Token"),
        (Item(Token("1a")), "is not a Token"),
        (Item(1.5), "float is not a structured field bare item"),  # type: ignore[arg-type]
        (Item(DisplayString("\ud800")), "surrogate"),
        (Item(Date(10**15)), "outside the Integer range"),
        (Item(1, {"A": 1}), "is not a key"),
        (Item(1, {"": 1}), "is not a key"),
        ((1,), "must be an Item or an InnerList"),
        ({"a": Item(1), "b_": Item(2), "-c": Item(3)}, "is not a key"),
        (None, "not a structured field value"),
    ],
)
def test_serializer_refuses(value: Any, fragment: str) -> None:
    with pytest.raises(ValueError, match=re.escape(fragment)):
        serialize(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Item(Decimal("0.0025")), "0.002"),  # half to even, then the integer part is checked
        (Item(Decimal("0.0035")), "0.004"),
        (Item(Decimal("-0.0001")), "0.0"),  # rounds to zero: no "-0.0"
        (Item(Decimal("999999999999.9994")), "999999999999.999"),
        (Item(Decimal("2E+3")), "2000.0"),
        (Item(Date(-1)), "@-1"),
        (Item(DisplayString('50% "off" ü')), '%"50%25 %22off%22 %c3%bc"'),
        (Item(True, {"a": True, "b": False}), "?1;a;b=?0"),
        ({"a": Item(True, {"x": 1}), "b": InnerList(())}, "a;x=1, b=()"),
        ((), ""),  # an empty List: the field is not sent at all
        ({}, ""),
    ],
)
def test_serializes_canonically(value: Any, text: str) -> None:
    assert serialize(value) == text


def test_tokens_strings_booleans_and_numbers_never_compare_equal() -> None:
    assert Token("a") != "a"  # type: ignore[comparison-overlap]
    assert Item(Token("a")) != Item("a")
    assert Item(True) != Item(1)
    assert Item(1) != Item(Decimal(1))
    assert Item(1, {"a": True}) != Item(1, {"a": 1})
    assert Item(1, {"a": 1, "b": 2}) != Item(1, {"b": 2, "a": 1})  # parameters are ordered
    assert InnerList((Item(1),)) != Item(1)
    assert Item(Decimal("1.50")) == Item(Decimal("1.5"))
    assert len({Item(1), Item(True), Item(Token("a")), Item("a")}) == 4


def test_json_encoding_is_documented_and_stable() -> None:
    value = parse_dictionary('a=tok;q=0.5, b=("s" :AQI=: ?0), c=@1659578233, d=%"h%c3%a9"')
    assert to_json(value) == {
        "a": {"value": {"token": "tok"}, "params": {"q": "0.5"}},
        "b": {"items": [{"value": "s", "params": {}},
                        {"value": {"base64": "AQI="}, "params": {}},
                        {"value": False, "params": {}}], "params": {}},
        "c": {"value": {"date": 1659578233}, "params": {}},
        "d": {"value": {"display": "hé"}, "params": {}},
    }
    json.dumps(to_json(value))


def test_locate_names_every_member_item_and_parameter() -> None:
    raw = '  a=(1 "x";p);q, b, c;d=?0'
    assert locate(raw, "dictionary") == {
        ("a",): 2, ("a", "="): 4, ("a", 0): 5, ("a", 1): 7, ("a", 1, ";p"): 11, ("a", ";q"): 14,
        ("b",): 17, ("c",): 20, ("c", ";d"): 22}
    assert locate("x;v=1, (y)", "list") == {(0,): 0, (0, ";v"): 2, (1,): 7, (1, 0): 8}
    assert locate(" tok;a", "item") == {(): 1, (";a",): 5}
    assert locate("a=1, a=2", "dictionary")[("a",)] == 5  # the occurrence that counts


def test_scanner_and_exact_parser_agree_on_repeated_keys() -> None:
    assert list(parse_dictionary("a=1,b=2,a=3").items()) == [("a", Item(3)), ("b", Item(2))]
    assert parse_list("a;b=1;c=2;b=3") == (Item(Token("a"), {"b": 3, "c": 2}),)
    # the same through the exact parser (a Date keeps the value off the fast path)
    assert parse_list("@1;b=1;c=2;b=3") == (Item(Date(1), {"b": 3, "c": 2}),)


@given(items())
def test_items_round_trip(value: Item) -> None:
    assert parse_item(serialize(value)) == value


@given(lists())
def test_lists_round_trip(value: tuple[Any, ...]) -> None:
    assert parse_list(serialize(value)) == value


@given(dictionaries())
def test_dictionaries_round_trip(value: dict[str, Any]) -> None:
    parsed = parse_dictionary(serialize(value))
    assert list(parsed.items()) == list(value.items())


@given(st.data())
def test_non_canonical_spellings_parse_to_the_same_value(data: st.DataObject) -> None:
    field_type: FieldType = data.draw(st.sampled_from(TYPES))
    value: Any = data.draw({"item": items(), "list": lists(), "dictionary": dictionaries()}[
        field_type])
    text = data.draw(spellings(value, field_type))
    assert parse(text, field_type) == value, text


@given(st.data())
def test_any_text_parses_or_fails_with_a_position(data: st.DataObject) -> None:
    field_type: FieldType = data.draw(st.sampled_from(TYPES))
    text = data.draw(mutants(lists(min_size=1).map(serialize)) | st.text(max_size=30))
    try:
        value = parse(text, field_type)
    except FieldError as exc:
        assert exc.position is not None
        assert 0 <= exc.position <= len(text)
    else:
        assert parse(serialize(value), field_type) == value
        assert bool(locate(text, field_type)) == bool(value)  # a path per member
