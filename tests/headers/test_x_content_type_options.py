from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.x_content_type_options import X_CONTENT_TYPE_OPTIONS


@pytest.mark.parametrize(("raw", "expected"), [
    ("nosniff", ("nosniff",)),
    ("NoSniff", ("nosniff",)),  # "an ASCII case-insensitive match"
    ("nosniff, nosniff", ("nosniff", "nosniff")),  # a proxy added its own line
    ("sniff,, nosniff", ("sniff", "nosniff")),
])
def test_parses(raw: str, expected: tuple[str, ...]) -> None:
    assert X_CONTENT_TYPE_OPTIONS.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "at least one element", 0),
    ('"nosniff"', "expected a token", 0),
    ("nosniff; mode=block", "expected ',' or the end of the value, found ';'", 7),
    ("no sniff", "found 's'", 3),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        X_CONTENT_TYPE_OPTIONS.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("raw", "warnings"), [
    ("nosniff", []),
    ("nosniff, nosniff", []),
    ("sniff, nosniff", [("'sniff' is not 'nosniff'", 0)]),
    ("nosniff, , off", [("an empty list element", 9), ("'off' is ignored", 11)]),
])
def test_warns(raw: str, warnings: list[tuple[str, int]]) -> None:
    parsed = REGISTRY.parse("X-Content-Type-Options", raw)
    assert parsed.error is None
    assert len(parsed.warnings) == len(warnings), parsed.warnings
    for w, (fragment, position) in zip(parsed.warnings, warnings, strict=True):
        assert fragment in w.reason
        assert w.position == position
