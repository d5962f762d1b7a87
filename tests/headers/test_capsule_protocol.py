from __future__ import annotations

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns


@pytest.mark.parametrize(("raw", "expected"), [("?1", True), ("?1;x=1", True)])
def test_parses(raw: str, expected: bool) -> None:
    # "Receivers MUST ignore unknown parameters"
    assert_parses("Capsule-Protocol", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # "any other value type MUST be handled as if the field were not present"
        ("1", "must be a Boolean, found the Integer 1", 0),
        ("true", "found the Token true", 0),
        ("?1, ?1", "unexpected ','", 2),  # a repeated field line makes it a List
        ("", "expected an item", 0),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Capsule-Protocol", raw, fragment, position)


def test_false_is_the_same_as_absent() -> None:
    assert_warns("Capsule-Protocol", "?0", "means the same as not sending the field", 0)
