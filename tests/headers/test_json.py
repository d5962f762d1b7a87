"""headerscope.headers._shared.json: the text of a Decimal, where a table of qvalues stands in."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headerscope.headers._shared.json import decimal_text


def reference(value: Decimal) -> str:
    return format(value.normalize(), "f")


@pytest.mark.parametrize(("raw", "expected"), [
    ("1", "1"), ("1.000", "1"), ("1E+0", "1"), ("0.5", "0.5"), ("0.500", "0.5"), ("5E-1", "0.5"),
    ("0.001", "0.001"), ("0.875", "0.875"), ("0", "0"), ("0.000", "0"), ("0E+5", "0"),
    ("-0", "-0"), ("-0.0", "-0"), ("-0.5", "-0.5"), ("1000", "1000"), ("1.0005", "1.0005"),
    ("NaN", "NaN"), ("Infinity", "Infinity"),
])
def test_decimal_text(raw: str, expected: str) -> None:
    assert decimal_text(Decimal(raw)) == expected == reference(Decimal(raw))


def test_a_signalling_nan_fails_as_before() -> None:
    with pytest.raises(InvalidOperation):
        decimal_text(Decimal("sNaN"))


@given(st.one_of(st.decimals(allow_nan=False), st.decimals(min_value=-1, max_value=2, places=3),
                 st.integers(-2000, 2000).map(lambda n: Decimal(n).scaleb(-3))))
def test_decimal_text_is_format_of_the_normal_form(value: Decimal) -> None:
    assert decimal_text(value) == reference(value)
