"""RFC 9651 against the community test suite (../shared/data/sf-tests), all 2135 cases.

- parse cases: the parsed value equals "expected" (by type, value and order); `must_fail`
  raises FieldError with a position inside the value; `can_fail` may fail, but if it parses
  the value must be right; the serialization of the value (and of "expected") is the
  "canonical" text, or the raw text when there is none ([] means: the field is omitted);
- serialisation-tests/: "expected" serializes to "canonical", or raises ValueError.

The suite is read-only shared data, referenced by path; the tests skip when it is absent,
and `test_the_whole_suite_is_here` counts the cases so that a lost file is noticed.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from headerscope.headers import FieldError
from headerscope.headers.sf import (
    Date,
    DisplayString,
    InnerList,
    Item,
    Member,
    StructuredValue,
    Token,
    parse,
    serialize,
)

from ..conftest import SHARED_DATA, shared_file

SUITE = SHARED_DATA / "sf-tests"
TOTAL_CASES = 2135
SUITE_FILES = 24  # 20 parse files + 4 in serialisation-tests/


def _load() -> list[tuple[str, dict[str, Any]]]:
    if not SUITE.is_dir():
        return []
    files = sorted(SUITE.glob("*.json")) + sorted(SUITE.glob("serialisation-tests/*.json"))
    cases: list[tuple[str, dict[str, Any]]] = []
    for path in files:
        # JSON numbers with a fraction are SF Decimals: keep them exact
        cases.extend((path.relative_to(SUITE).as_posix(), case)
                     for case in json.loads(path.read_text(), parse_float=Decimal))
    return cases


CASES = _load()
PARSE = [(f, c) for f, c in CASES if "raw" in c]
SERIALIZE = [(f, c) for f, c in CASES if "raw" not in c]


def _id(entry: tuple[str, dict[str, Any]]) -> str:
    return f"{entry[0]}:{entry[1]['name']}"


# -- the suite's JSON form -> our values ------------------------------------------------------

_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "token": Token, "displaystring": DisplayString, "date": Date, "binary": base64.b32decode}


def _bare(j: Any) -> Any:
    if isinstance(j, dict):
        return _CONVERTERS[j["__type"]](j["value"])
    return j


def _params(j: list[list[Any]]) -> dict[str, Any]:
    return {k: _bare(v) for k, v in j}


def _item(j: list[Any]) -> Item:
    return Item(_bare(j[0]), _params(j[1]))


def _member(j: list[Any]) -> Member:
    if isinstance(j[0], list):
        return InnerList(tuple(_item(i) for i in j[0]), _params(j[1]))
    return _item(j)


def expected_value(case: dict[str, Any]) -> StructuredValue:
    j = case["expected"]
    if case["header_type"] == "item":
        return _item(j)
    if case["header_type"] == "list":
        return tuple(_member(m) for m in j)
    return {k: _member(v) for k, v in j}


def _same(actual: StructuredValue, expected: StructuredValue) -> bool:
    """Equal by type and value (Item equality is typed), and dictionaries in the same order."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and list(actual.items()) == list(expected.items())
    return actual == expected


# -- the tests ---------------------------------------------------------------------------------

def test_the_whole_suite_is_here() -> None:
    folder = shared_file("sf-tests")
    files = {f for f, _ in CASES}
    assert len(files) == SUITE_FILES, sorted(files)
    assert len(CASES) == TOTAL_CASES, f"{len(CASES)} cases in {folder}"
    assert len(PARSE) + len(SERIALIZE) == TOTAL_CASES


@pytest.mark.parametrize("entry", PARSE, ids=[_id(e) for e in PARSE])
def test_parse_case(entry: tuple[str, dict[str, Any]]) -> None:
    _, case = entry
    raw = ", ".join(case["raw"])  # "combine all field lines ... into one comma-separated"
    if case.get("must_fail"):
        with pytest.raises(FieldError) as info:
            parse(raw, case["header_type"])
        assert info.value.position is None or 0 <= info.value.position <= len(raw)
        return
    try:
        value = parse(raw, case["header_type"])
    except FieldError:
        assert case.get("can_fail"), "failed a case that must parse"
        return
    expected = expected_value(case)
    assert _same(value, expected), (value, expected)
    canonical = case.get("canonical", case["raw"])
    text = canonical[0] if canonical else ""  # [] is "the field is omitted"
    assert serialize(value) == text
    assert serialize(expected) == text


@pytest.mark.parametrize("entry", SERIALIZE, ids=[_id(e) for e in SERIALIZE])
def test_serialize_case(entry: tuple[str, dict[str, Any]]) -> None:
    _, case = entry
    value = expected_value(case)
    if case.get("must_fail"):
        with pytest.raises(ValueError) as info:
            serialize(value)
        assert not isinstance(info.value, FieldError)
        return
    assert serialize(value) == case["canonical"][0]
