from __future__ import annotations

import pytest

from headerscope.headers.age import AGE


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), ("60", 60), ("007", 7)])
def test_parses(raw: str, expected: int) -> None:
    assert AGE.parse(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [("", "expected a number of seconds", 0), ("-1", "expected", 0), ("1.5", "unexpected '.'", 1),
     ("1 2", "unexpected U+0020", 1), ("9" * 30, "too many digits", 0)],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    from headerscope.headers import FieldError

    with pytest.raises(FieldError) as info:
        AGE.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position
