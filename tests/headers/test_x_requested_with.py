from __future__ import annotations

import pytest

from headerscope.headers import FieldError
from headerscope.headers.x_requested_with import X_REQUESTED_WITH


@pytest.mark.parametrize("raw", ["XMLHttpRequest", "com.example.android.app"])
def test_keeps_the_token_as_sent(raw: str) -> None:
    assert X_REQUESTED_WITH.parse(raw) == raw


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "expected a token", 0), ("XMLHttpRequest, x", "unexpected ','", 14),
    ("com.example/app", "unexpected '/'", 11),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        X_REQUESTED_WITH.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position
