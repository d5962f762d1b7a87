from __future__ import annotations

import pytest

from headerscope.headers._shared.types import MediaType

from .sf_field_cases import assert_parses, assert_rejects


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the draft's own example: a String, then a Token with a parameter
        ('"application/jsonpath", application/sql;charset="UTF-8"',
         (MediaType("application", "jsonpath"), MediaType("application", "sql",
                                                           {"charset": "UTF-8"}))),
        # "The choice of Token vs. String is semantically insignificant"
        ('application/sql;charset=UTF-8', (MediaType("application", "sql", {"charset": "UTF-8"}),)),
        ('"Application/SQL"', (MediaType("application", "sql"),)),  # case-insensitive
        ('"3gpp/x"', (MediaType("3gpp", "x"),)),  # not a Token: it starts with a digit
        ("*/*, text/*", (MediaType("*", "*"), MediaType("text", "*"))),
    ],
)
def test_parses(raw: str, expected: tuple[MediaType, ...]) -> None:
    assert_parses("Accept-Query", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ('"application"', "is not a media range: type/subtype", 0),
        ("application/sql, */json", "the only wildcards are */* and type/*", 17),
        ("application/sql;charset=1", "the parameter charset must be a Token or a String", 16),
        ('"a/b";q=0.5', "found the Decimal 0.5", 6),
        ("(application/sql)", "found an Inner List", 0),
        ('"a b/c"', "is not a media range", 0),
        ("application/sql; charset=utf-8, ", "trailing ','", 30),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Accept-Query", raw, fragment, position)
