from __future__ import annotations

import pytest

from headerscope.headers import FieldError
from headerscope.headers.early_data import EARLY_DATA


def test_parses_one() -> None:
    assert EARLY_DATA.parse("1") == 1
    assert EARLY_DATA.write(1) == "1"


@pytest.mark.parametrize("raw", ["0", "true", "", "01", "1, 1", "2"])
def test_rejects_anything_else(raw: str) -> None:
    # Early-Data = "1" (RFC 8470, 5.1): nothing else is a value of this field
    with pytest.raises(FieldError) as info:
        EARLY_DATA.parse(raw)
    assert info.value.reason == "Early-Data has one value, '1'"
    assert info.value.position == 0
