from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers._shared.uri import Origin
from headerscope.headers.x_frame_options import X_FRAME_OPTIONS, AllowFrom, FrameOption


@pytest.mark.parametrize(("raw", "expected"), [
    ("DENY", FrameOption.DENY),
    ("SAMEORIGIN", FrameOption.SAMEORIGIN),
    ("sameorigin", FrameOption.SAMEORIGIN),  # RFC 7034, 2.1: case-insensitive
    ("ALLOW-FROM https://example.com", AllowFrom(Origin("https", "example.com"))),
    ("allow-from \thttp://a.example:8080", AllowFrom(Origin("http", "a.example", 8080))),
])
def test_parses(raw: str, expected: object) -> None:
    assert X_FRAME_OPTIONS.parse(raw) == expected


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "expected DENY or SAMEORIGIN", 0),
    ("ALLOWALL", "expected DENY or SAMEORIGIN", 0),
    ("SAMEORIGIN, SAMEORIGIN", "takes one value", 10),
    ("DENY;", "unexpected ';' after DENY", 4),
    ("ALLOW-FROM", "expected a space and an origin after ALLOW-FROM", 10),
    ("ALLOW-FROMhttps://a.com", "expected a space", 10),
    ("ALLOW-FROM https://a.com/", "no path", 24),
    ("ALLOW-FROM a.com", "expected '://' after the scheme", 16),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        X_FRAME_OPTIONS.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_allow_from_is_obsolete() -> None:
    parsed = REGISTRY.parse("X-Frame-Options", "ALLOW-FROM https://example.com")
    assert [w.reason[:21] for w in parsed.warnings] == ["ALLOW-FROM is obsolet"]
    assert REGISTRY.parse("X-Frame-Options", "DENY").warnings == ()


@pytest.mark.parametrize(("value", "text"), [
    (FrameOption.DENY, "DENY"),
    (AllowFrom(Origin("https", "a.example", 444)), "ALLOW-FROM https://a.example:444"),
])
def test_writes(value: FrameOption | AllowFrom, text: str) -> None:
    assert X_FRAME_OPTIONS.write(value) == text
    assert X_FRAME_OPTIONS.parse(text) == value
