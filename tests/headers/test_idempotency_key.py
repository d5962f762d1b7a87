from __future__ import annotations

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"8e03978e-40d5-43e8-bc93-6894a57f9324"', "8e03978e-40d5-43e8-bc93-6894a57f9324"),
        ('"clkyoesmbgybucifusbbtdsbohtyuuwz"', "clkyoesmbgybucifusbbtdsbohtyuuwz"),
    ],
)
def test_parses(raw: str, expected: str) -> None:
    assert_parses("Idempotency-Key", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # the most common mistake: the key sent bare, as a Token (or not even that)
        ("clkyoesmbgybucifusbbtdsbohtyuuwz", "must be a String, found the Token", 0),
        ("8e03978e-40d5-43e8-bc93-6894a57f9324", "unexpected 'e' after the item", 1),
        ('"a", "b"', "unexpected ','", 3),
        ("", "expected an item", 0),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Idempotency-Key", raw, fragment, position)


def test_an_empty_key_is_a_warning() -> None:
    assert_warns("Idempotency-Key", '""', "cannot be unique", 0)
