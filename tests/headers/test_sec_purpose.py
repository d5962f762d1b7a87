from __future__ import annotations

import pytest

from headerscope.headers.sec_purpose import Purpose

from .sf_field_cases import assert_parses, assert_rejects, assert_warns


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("prefetch", (Purpose("prefetch"),)),  # Firefox's <link rel=prefetch>, Chromium
        ("prefetch;prerender", (Purpose("prefetch", prerender=True),)),  # Chromium prerender
        ("prefetch;anonymous-client-ip", (Purpose("prefetch", anonymous_client_ip=True),)),
        ("prefetch;prerender=?0", (Purpose("prefetch"),)),
    ],
)
def test_parses(raw: str, expected: tuple[Purpose, ...]) -> None:
    assert_parses("Sec-Purpose", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ('"prefetch"', "a purpose must be a Token, found the String", 0),
        ("prefetch;", "expected a parameter key", 9),
        ("prefetch; Prerender", "keys are lower-case", 10),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Sec-Purpose", raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ("prerender", "'prerender' is not a defined purpose", 0),
        ("prefetch;speculation", "unknown parameter 'speculation'", 9),
        ("prefetch;prerender=1", "prerender is a flag", 9),
    ],
)
def test_warns(raw: str, fragment: str, position: int) -> None:
    assert_warns("Sec-Purpose", raw, fragment, position)
