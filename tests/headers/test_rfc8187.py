"""RFC 8187 ext-values: decoding UTF-8 and ISO-8859-1, the language tag, error positions."""

from __future__ import annotations

import pytest
from hypothesis import given

from headerscope.headers import FieldError
from headerscope.headers._shared.rfc8187 import ExtValue, parse_ext_value, write_ext_value
from headerscope.strategies._content import ext_values


@pytest.mark.parametrize(("raw", "expected"), [
    ("UTF-8''%e2%82%ac%20rates", ExtValue("€ rates")),  # RFC 8187, 3.2.2
    ("utf-8'en'%C2%A3%20and%20%e2%82%ac%20rates", ExtValue("£ and € rates", "UTF-8", "en")),
    ("iso-8859-1'en'%A3%20rates", ExtValue("£ rates", "ISO-8859-1", "en")),  # 3.2.2
    ("UTF-8'de-CH'", ExtValue("", "UTF-8", "de-CH")),
    ("UTF-8''!#$&+-.^_`|~", ExtValue("!#$&+-.^_`|~")),
    # another charset is valid syntax, kept percent-encoded (3.2.1: "reserved for future use")
    ("koi8-r''%C1x", ExtValue("%C1x", "KOI8-R")),
])
def test_decodes(raw: str, expected: ExtValue) -> None:
    assert parse_ext_value(raw, 0) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("UTF-8", "charset'language'value", 5),
    ("UTF-8'en", "charset'language'value", 8),
    ("''abc", "a charset name such as UTF-8, not \"'\"", 0),
    ("K@I8''x", "a charset name such as UTF-8, not '@'", 1),
    ("UTF-8'e n'x", "not a language tag", 7),
    ("UTF-8''%4", "bad percent-encoding", 7),
    ("UTF-8''ab%g1", "bad percent-encoding", 9),
    ("UTF-8''a b", "U+0020 must be percent-encoded", 8),
    ("UTF-8''a'b", "\"'\" must be percent-encoded", 8),
    ("UTF-8''ok%c3%28", "not valid UTF-8", 9),
    ("UTF-8''%41%ff", "not valid UTF-8", 10),
])
def test_rejects_at_the_bad_character(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        parse_ext_value(raw, 0)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_positions_are_offset_into_the_field_value() -> None:
    with pytest.raises(FieldError) as info:
        parse_ext_value("UTF-8''%zz", 30)
    assert info.value.position == 37


def test_writes_percent_encoded_octets_of_the_charset() -> None:
    assert write_ext_value(ExtValue("€ rates")) == "UTF-8''%E2%82%AC%20rates"
    assert write_ext_value(ExtValue("£", "ISO-8859-1", "en")) == "ISO-8859-1'en'%A3"


@given(ext_values)
def test_round_trip(value: ExtValue) -> None:
    assert parse_ext_value(write_ext_value(value), 0) == value
