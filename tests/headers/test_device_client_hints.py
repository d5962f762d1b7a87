from __future__ import annotations

from decimal import Decimal

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("Sec-CH-Device-Memory", "8", 8),  # what Chromium sends: an Integer
        ("Sec-CH-Device-Memory", "0.5", Decimal("0.5")),
        ("Sec-CH-Device-Memory", "0.25", Decimal("0.25")),
        ("Sec-CH-DPR", "2", 2),
        ("Sec-CH-DPR", "1.25", Decimal("1.25")),
        ("Sec-CH-DPR", "2.625", Decimal("2.625")),
        ("Sec-CH-Viewport-Width", "1920", 1920),
        ("Sec-CH-Width", "640", 640),
        ("Sec-CH-Width", "0", 0),
    ],
)
def test_parses(name: str, raw: str, expected: object) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        ("Sec-CH-Device-Memory", "0", "a positive number of GiB", 0),
        ("Sec-CH-Device-Memory", '"8"', "must be an Integer or a Decimal, found the String", 0),
        ("Sec-CH-DPR", "-1.5", "greater than 0", 0),
        ("Sec-CH-DPR", "1.3333", "at most 3 digits after the '.'", 5),
        ("Sec-CH-Viewport-Width", "1920.5", "must be an Integer, found the Decimal 1920.5", 0),
        ("Sec-CH-Viewport-Width", "-1", "cannot be negative", 0),
        ("Sec-CH-Width", "1920px", "unexpected 'p' after the item", 4),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)


@pytest.mark.parametrize("raw", ["3", "0.3", "12"])
def test_memory_that_is_not_a_power_of_two_is_a_warning(raw: str) -> None:
    assert_warns("Sec-CH-Device-Memory", raw, "a power of two", 0)


@pytest.mark.parametrize("raw", ["16", "32", "0.125"])
def test_larger_and_smaller_powers_of_two_are_fine(raw: str) -> None:
    assert_parses("Sec-CH-Device-Memory", raw, int(raw) if "." not in raw else Decimal(raw))
