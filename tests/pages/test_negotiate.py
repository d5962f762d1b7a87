from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, parse_section
from headerscope.pages.negotiate import negotiate

CHROMIUM = ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")


@pytest.mark.parametrize(
    ("accept", "query", "expected"),
    [
        (None, "", "text"),  # no Accept
        ("*/*", "", "text"),  # curl, fetch(): a wildcard only
        ("text/*", "", "text"),
        (CHROMIUM, "", "html"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "", "html"),  # Firefox
        ("application/json", "", "json"),
        ("application/json, text/plain;q=0.5", "", "json"),
        ("text/plain", "", "text"),
        ("text/html;q=0.5, application/json;q=0.9", "", "json"),
        ("text/html;q=0.5, application/json;q=0.5", "", "html"),  # tie: HTML first
        ("application/json;q=0.5, text/plain;q=0.5", "", "json"),  # tie: JSON before text
        ("text/html;q=0", "", "text"),  # refused: never 406, fall back to text
        ("image/png", "", "text"),
        ("text/html;;;", "", "html"),  # empty parameters are legal
        ("text/html;q=2", "", "text"),  # invalid Accept: ignored
        (CHROMIUM, "format=json", "json"),
        (CHROMIUM, "a=1&format=raw", "raw"),
        ("application/json", "format=text", "text"),
        ("application/json", "format=bogus", "json"),
    ],
)
def test_negotiation(accept: str | None, query: str, expected: str) -> None:
    pairs = [("Host", "x")] + ([("Accept", accept)] if accept is not None else [])
    assert negotiate(query, parse_section(REGISTRY, pairs)) == expected


def test_repeated_accept_lines_combine() -> None:
    pairs = [("Accept", "text/plain;q=0.1"), ("Accept", "application/json")]
    assert negotiate("", parse_section(REGISTRY, pairs)) == "json"
