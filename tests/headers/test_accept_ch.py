from __future__ import annotations

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # what sites send: Google, Cloudflare's bot management, a Shopify store
        ("Sec-CH-UA-Model, Sec-CH-UA-Platform-Version",
         ("Sec-CH-UA-Model", "Sec-CH-UA-Platform-Version")),
        ("Sec-CH-UA-Arch, Sec-CH-UA-Bitness, Sec-CH-UA-Full-Version-List, Sec-CH-UA-WoW64",
         ("Sec-CH-UA-Arch", "Sec-CH-UA-Bitness", "Sec-CH-UA-Full-Version-List",
          "Sec-CH-UA-WoW64")),
        ("sec-ch-prefers-color-scheme,ECT ,  RTT", ("sec-ch-prefers-color-scheme", "ECT", "RTT")),
        ("Sec-CH-DPR;x=1", ("Sec-CH-DPR",)),  # parameters mean nothing here
    ],
)
def test_parses(raw: str, expected: tuple[str, ...]) -> None:
    assert_parses("Accept-CH", raw, expected)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        ('"Sec-CH-UA-Model"', "must be a Token, found the String", 0),
        ("Sec-CH-UA, 1", "found the Integer 1", 11),
        ("Sec-CH-UA, (DPR)", "found an Inner List", 11),
        ("Sec-CH-UA Sec-CH-UA-Mobile", "expected ','", 10),  # a space is no separator
        ("Sec-CH-UA,", "trailing ','", 9),
    ],
)
def test_rejects(raw: str, fragment: str, position: int) -> None:
    assert_rejects("Accept-CH", raw, fragment, position)


@pytest.mark.parametrize(
    ("raw", "fragment", "position"),
    [
        # image CDNs still ask for the first-generation hints
        ("DPR, Width, Viewport-Width", "DPR is superseded: ask for Sec-CH-DPR", 0),
        ("DPR, Width", "Width is superseded: ask for Sec-CH-Width", 5),
        ("Sec-CH-UA-Full-Version", "ask for Sec-CH-UA-Full-Version-List", 0),
        ("Sec-CH-UA, Sec-CH-Battery", "'Sec-CH-Battery' is not a client hint", 11),
        ("", "the same as not sending the field", None),
    ],
)
def test_warns(raw: str, fragment: str, position: int | None) -> None:
    assert_warns("Accept-CH", raw, fragment, position)
