"""Whole requests as browsers send them: every Structured Field parses with no diagnostic."""

from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, parse_section
from headerscope.headers.priority import PriorityValue
from headerscope.headers.sec_purpose import Purpose
from headerscope.headers.types import DictionaryUse
from headerscope.headers.ua_brands import Brand

# Chromium 130 on Linux, a typed-in navigation (and the prerender variant)
CHROMIUM = [
    ("sec-ch-ua", '"Chromium";v="130", "Google Chrome";v="130", "Not?A_Brand";v="99"'),
    ("sec-ch-ua-mobile", "?0"),
    ("sec-ch-ua-platform", '"Linux"'),
    ("priority", "u=0, i"),
    ("sec-fetch-site", "none"),
    ("sec-fetch-mode", "navigate"),
    ("sec-fetch-user", "?1"),
    ("sec-fetch-dest", "document"),
    ("sec-purpose", "prefetch;prerender"),
]
# Chromium 142 on Windows after "Accept-CH" asked for the high-entropy hints
HIGH_ENTROPY = [
    ("sec-ch-ua-arch", '"x86"'),
    ("sec-ch-ua-bitness", '"64"'),
    ("sec-ch-ua-form-factors", '"Desktop"'),
    ("sec-ch-ua-full-version-list",
     '"Chromium";v="142.0.7444.176", "Not_A Brand";v="99.0.0.0", '
     '"Google Chrome";v="142.0.7444.176"'),
    ("sec-ch-ua-model", '""'),
    ("sec-ch-ua-platform-version", '"19.0.0"'),
    ("sec-ch-ua-wow64", "?0"),
    ("sec-ch-prefers-color-scheme", '"dark"'),
    ("sec-ch-prefers-reduced-motion", '"no-preference"'),
    ("sec-ch-viewport-width", "1920"),
    ("sec-ch-dpr", "1.25"),
    ("sec-ch-device-memory", "8"),
]
# Firefox 131: no client hints, a fetch() from a page
FIREFOX = [
    ("sec-fetch-dest", "empty"),
    ("sec-fetch-mode", "cors"),
    ("sec-fetch-site", "same-origin"),
    ("priority", "u=4"),
]


@pytest.mark.parametrize("lines", [CHROMIUM, HIGH_ENTROPY, FIREFOX],
                         ids=["chromium", "high-entropy", "firefox"])
def test_browser_requests_have_no_diagnostic(lines: list[tuple[str, str]]) -> None:
    section = parse_section(REGISTRY, lines)
    for field in section:
        assert field.known, field.name
        assert field.error is None, (field.name, field.error)
        assert field.warnings == (), (field.name, field.warnings)


def test_values_of_a_chromium_request() -> None:
    section = parse_section(REGISTRY, CHROMIUM)
    assert section.get("Sec-CH-UA")[0] == Brand("Chromium", "130")
    assert section.get("sec-ch-ua-mobile") is False
    assert section.get("Priority") == PriorityValue(urgency=0, incremental=True)
    assert section.get("Sec-Purpose") == (Purpose("prefetch", prerender=True),)


def test_repeated_lines_combine_as_the_rfc_says() -> None:
    # "parsers MUST combine all field lines ... into one comma-separated field-value"
    section = parse_section(REGISTRY, [("Sec-CH-UA", '"A";v="1"'), ("Sec-CH-UA", '"B";v="2"'),
                                       ("Priority", "u=1, i"), ("Priority", "u=5")])
    assert section.get("sec-ch-ua") == (Brand("A", "1"), Brand("B", "2"))
    assert section.get("priority") == PriorityValue(5, True)  # later keys override earlier ones


def test_repeated_lines_of_a_typed_dictionary_are_parsed_as_one_value() -> None:
    # each line is good alone; together params=("b") overrides params, and an except without
    # params=?1 makes the whole field one that "is also ignored" (RFC 9651, 2.2)
    lines = [("No-Vary-Search", 'params, except=("a")'), ("No-Vary-Search", 'params=("b")')]
    assert parse_section(REGISTRY, lines).get("No-Vary-Search", "ignored") == "ignored"
    lines = [("Use-As-Dictionary", 'match="/a", type=raw'),
             ("Use-As-Dictionary", 'match="/b", id="v2"')]
    assert parse_section(REGISTRY, lines).get("Use-As-Dictionary") == DictionaryUse(
        "/b", dictionary_id="v2", dictionary_format="raw")
