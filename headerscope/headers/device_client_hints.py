"""Sec-CH-Device-Memory, Sec-CH-DPR, Sec-CH-Viewport-Width and Sec-CH-Width: device hints.

Device Memory (W3C), 3, and Responsive Image Client Hints (WICG). Structured Field Items:

    Sec-CH-Device-Memory = sf-decimal   ; GiB of RAM, a power of two: 0.25, 0.5, 1, 2, 4, 8
    Sec-CH-DPR = sf-decimal             ; device pixel ratio: 1, 1.5, 2, 2.625
    Sec-CH-Viewport-Width = sf-integer  ; layout viewport width in CSS pixels
    Sec-CH-Width = sf-integer           ; intended display width of the resource, CSS pixels

Browsers send a whole number as an Integer ("Sec-CH-Device-Memory: 8", "Sec-CH-DPR: 2"), so
the two decimal hints take either; the value keeps the type it was sent with.
"""

from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction

from ._shared.sf_family import Issue, bare_item_field, error, warning
from ._shared.spec import FieldSpec

_NUMBER = (int, Decimal)


def _memory(value: int | Decimal) -> Iterator[Issue]:
    if value <= 0:
        yield error(f"device memory is a positive number of GiB, not {value}")
    elif not _power_of_two(Fraction(value)):
        # the value is rounded to a power of two, then bounded (Device Memory, 2)
        yield warning(f"browsers report device memory as a power of two (0.25, 0.5, 1, 2, 4, "
                      f"8 ...), not {value}")


def _power_of_two(value: Fraction) -> bool:
    top, bottom = value.numerator, value.denominator  # in lowest terms: one of them is 1
    return top & (top - 1) == 0 and bottom & (bottom - 1) == 0


def _positive(what: str) -> Callable[[int | Decimal], Iterator[Issue]]:
    def check(value: int | Decimal) -> Iterator[Issue]:
        if value <= 0:
            yield error(f"{what} must be greater than 0, not {value}")
    return check


def _pixels(value: int) -> Iterator[Issue]:
    if value < 0:
        yield error(f"a width in CSS pixels cannot be negative ({value})")


SEC_CH_DEVICE_MEMORY: FieldSpec[int | Decimal] = bare_item_field(
    "Sec-CH-Device-Memory", "Device Memory, 3", _NUMBER, check_value=_memory,
    value_type="int | Decimal (GiB)", example="8")
SEC_CH_DPR: FieldSpec[int | Decimal] = bare_item_field(
    "Sec-CH-DPR", "WICG Responsive Image Client Hints, Sec-CH-DPR", _NUMBER,
    check_value=_positive("the device pixel ratio"),
    value_type="int | Decimal", example="2")
SEC_CH_VIEWPORT_WIDTH: FieldSpec[int] = bare_item_field(
    "Sec-CH-Viewport-Width", "WICG Responsive Image Client Hints, Sec-CH-Viewport-Width",
    (int,), check_value=_pixels, value_type="int (CSS pixels)", example="1920")
SEC_CH_WIDTH: FieldSpec[int] = bare_item_field(
    "Sec-CH-Width", "WICG Responsive Image Client Hints, Sec-CH-Width", (int,),
    check_value=_pixels, value_type="int (CSS pixels)", example="640")
