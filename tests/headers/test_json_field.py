from __future__ import annotations

from decimal import Decimal

import pytest

from headerscope.headers import FieldError
from headerscope.headers._shared.json_field import key_position, locate, parse_elements, write_json

RAW = '{"a": [1, {"b": "x,]}"}], "c" :{"d":2}}, [3]'


def test_elements_and_where_they_start() -> None:
    assert parse_elements(RAW, "value") == [
        ({"a": [1, {"b": "x,]}"}], "c": {"d": 2}}, 0), ([3], 41)]
    assert parse_elements("", "value") == []


@pytest.mark.parametrize(("path", "position"), [
    (("a",), 6),
    (("a", 1), 10),
    (("a", 1, "b"), 16),  # the brackets inside the string are not structure
    (("c", "d"), 36),
    (("c", "missing"), 31),  # as deep as the path exists
    (("a", 7), 6),
])
def test_locate(path: tuple[str | int, ...], position: int) -> None:
    assert locate(RAW, 0, *path) == position


def test_key_position() -> None:
    assert key_position(RAW, 0, "c") == 26
    assert key_position(RAW, 0, "b") == 0  # not a member of the outer object


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ('{"a": }', "not JSON: Expecting value", 6),
    ("[Infinity]", "Infinity is not JSON", 1),
    ('"NaN", -Infinity', "-Infinity is not JSON", 7),
    ("[" * 100_000, "nested too deeply", 0),
    ("{}\r\n", "U+000D cannot appear in a field value", 2),
])
def test_errors_point_at_the_character(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        parse_elements(raw, "value")
    assert fragment in info.value.reason
    assert info.value.position == position


def test_write_json_is_compact_and_exact() -> None:
    assert write_json({"a": [Decimal("0.10"), True, None], "b": "\u00e9\""}) == (
        '{"a":[0.1,true,null],"b":"\\u00e9\\""}')
