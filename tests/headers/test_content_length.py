"""Content-Length: 1*DIGIT; a list of identical values is accepted with a warning."""

from __future__ import annotations

import pytest

from headerscope.headers.content_length import CONTENT_LENGTH

from ._content_helpers import rejects, warned, warnings


@pytest.mark.parametrize(("raw", "expected"), [
    ("0", 0), ("348", 348), ("007", 7), ("9" * 19, 2**63 - 1),
    ("42, 42", 42), ("42,42,,42", 42),
])
def test_parses(raw: str, expected: int) -> None:
    assert CONTENT_LENGTH.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "empty Content-Length", 0),
    ("-1", "expected a number of octets", 0),
    ("+1", "expected a number of octets", 0),
    ("1.0", "expected ',' or the end of the value", 1),
    ("0x10", "expected ',' or the end of the value", 1),
    ("1e3", "expected ',' or the end of the value", 1),
    ("42 42", "expected ',' or the end of the value", 3),
    ("42, 43", "Content-Length values differ (42 and 43)", 4),
    ("\u0664\u0662", "expected a number of octets", 0),  # Arabic-Indic digits are not DIGIT
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(CONTENT_LENGTH, raw, fragment, position)


def test_a_repeated_value_is_warned() -> None:
    warned(CONTENT_LENGTH, "42, 42", "send Content-Length: 42 once", 2)
    assert warnings(CONTENT_LENGTH, "42") == []
