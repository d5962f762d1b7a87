from __future__ import annotations

import pytest

from .sf_field_cases import assert_parses, assert_rejects


@pytest.mark.parametrize(("raw", "expected"), [("?1", True), ("?0", False), (" ?1;x ", True)])
def test_parses(raw: str, expected: bool) -> None:
    assert_parses("Origin-Agent-Cluster", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # the browser acts only on a Boolean: "true" or 1 silently keeps the site-keyed cluster
        ("true", "must be a Boolean, found the Token true", 0),
        ("1", "found the Integer 1", 0),
        ('"?1"', "found the String", 0),
        ("?2", "expected 0 or 1", 1),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Origin-Agent-Cluster", raw, fragment, position)
