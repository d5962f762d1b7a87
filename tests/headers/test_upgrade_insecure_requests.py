from __future__ import annotations

import pytest

from headerscope.headers import FieldError
from headerscope.headers.upgrade_insecure_requests import UPGRADE_INSECURE_REQUESTS


def test_parses() -> None:
    assert UPGRADE_INSECURE_REQUESTS.parse("1") == 1
    assert UPGRADE_INSECURE_REQUESTS.write(1) == "1"


@pytest.mark.parametrize(("raw", "position"), [("", 0), ("0", 0), ("true", 0), ("11", 1),
                                               ("1 1", 1)])
def test_rejects(raw: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        UPGRADE_INSECURE_REQUESTS.parse(raw)
    assert "the only value is 1" in info.value.reason
    assert info.value.position == position
