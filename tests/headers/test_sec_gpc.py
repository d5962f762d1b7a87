from __future__ import annotations

import pytest

from headerscope.headers import FieldError
from headerscope.headers.sec_gpc import SEC_GPC


def test_parses() -> None:
    assert SEC_GPC.parse("1") == 1
    assert SEC_GPC.write(1) == "1"


@pytest.mark.parametrize(("raw", "position"), [("", 0), ("0", 0), ("?1", 0), ("1;", 1)])
def test_rejects(raw: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        SEC_GPC.parse(raw)
    assert "the only value is 1" in info.value.reason
    assert info.value.position == position
