from __future__ import annotations

import pytest

from headerscope.headers.age import AGE


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), ("60", 60), ("007", 7)])
def test_parses(raw: str, expected: int) -> None:
    assert AGE.parse(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [("", "expected a number of seconds", 0), ("-1", "expected", 0), ("1.5", "unexpected '.'", 1),
     ("1 2", "unexpected U+0020", 1)],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    from headerscope.headers import FieldError

    with pytest.raises(FieldError) as info:
        AGE.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize("raw", ["2147483649", "9" * 30, "99999999999"])
def test_more_than_2_31_is_read_as_2_31_with_a_warning(raw: str) -> None:
    from headerscope.headers import REGISTRY

    parsed = REGISTRY.parse("Age", raw)
    assert parsed.value == 2**31 and parsed.error is None
    assert [w.reason for w in parsed.warnings] == [
        "more than 2^31 seconds: read as 2147483648, as caches must (RFC 9111, 1.2.2)"]


def test_2_31_itself_is_not_warned() -> None:
    from headerscope.headers import REGISTRY

    assert REGISTRY.parse("Age", "2147483648").warnings == ()
