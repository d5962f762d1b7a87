from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.referrer_policy import REFERRER_POLICY, effective_policy


@pytest.mark.parametrize(("raw", "expected", "policy"), [
    ("strict-origin-when-cross-origin", ("strict-origin-when-cross-origin",),
     "strict-origin-when-cross-origin"),
    ("No-Referrer", ("no-referrer",), "no-referrer"),
    # a fallback for older browsers first: the last known token is the policy
    ("no-referrer, strict-origin-when-cross-origin",
     ("no-referrer", "strict-origin-when-cross-origin"), "strict-origin-when-cross-origin"),
    ("origin, future-policy", ("origin", "future-policy"), "origin"),
    ("future-policy", ("future-policy",), None),
    (",, unsafe-url ,", ("unsafe-url",), "unsafe-url"),
])
def test_parses(raw: str, expected: tuple[str, ...], policy: str | None) -> None:
    assert REFERRER_POLICY.parse(raw) == expected
    assert effective_policy(expected) == policy


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "at least one element", 0),
    ("unsafe_url", "expected ',' or the end of the value, found '_'", 6),
    ("origin 2", "found '2'", 7),
    ('"origin"', "expected a policy token", 0),
    ("no-referrer;", "found ';'", 11),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        REFERRER_POLICY.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("raw", "warnings"), [
    ("origin, future-policy", [("unknown policy 'future-policy'", 8)]),
    ("nope", [("unknown policy 'nope'", 0), ("no known policy", 0)]),
    ("no-referrer, same-origin", []),
])
def test_warns(raw: str, warnings: list[tuple[str, int]]) -> None:
    parsed = REGISTRY.parse("Referrer-Policy", raw)
    assert parsed.error is None
    assert len(parsed.warnings) == len(warnings), parsed.warnings
    for w, (fragment, position) in zip(parsed.warnings, warnings, strict=True):
        assert fragment in w.reason
        assert w.position == position
