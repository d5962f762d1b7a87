from __future__ import annotations

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("Sec-CH-Prefers-Color-Scheme", '"dark"', "dark"),
        ("Sec-CH-Prefers-Color-Scheme", '"light"', "light"),
        ("Sec-CH-Prefers-Reduced-Motion", '"no-preference"', "no-preference"),
        ("Sec-CH-Prefers-Reduced-Motion", '"reduce"', "reduce"),
    ],
)
def test_parses(name: str, raw: str, expected: str) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment"),
    [
        # the hints are Strings, not Tokens (WICG User Preference Media Features, 3)
        ("Sec-CH-Prefers-Color-Scheme", "dark", 'quote it: "dark"'),
        ("Sec-CH-Prefers-Reduced-Motion", "reduce", "must be a String, found the Token"),
        ("Sec-CH-Prefers-Color-Scheme", "?1", "must be a String, found the Boolean ?1"),
    ],
)
def test_rejects(name: str, raw: str, fragment: str) -> None:
    assert_rejects(name, raw, fragment, 0)


def test_unknown_values_are_warnings() -> None:
    assert_warns("Sec-CH-Prefers-Color-Scheme", '"sepia"', "not a known color scheme", 0)
    assert_warns("Sec-CH-Prefers-Reduced-Motion", '"less"', "not a known reduced-motion", 0)
