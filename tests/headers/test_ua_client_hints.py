from __future__ import annotations

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns, parsed


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        # Chromium on Windows and Linux, as sent after Accept-CH asked for everything
        ("Sec-CH-UA-Mobile", "?0", False),
        ("Sec-CH-UA-Mobile", "?1", True),
        ("Sec-CH-UA-Platform", '"Linux"', "Linux"),
        ("Sec-CH-UA-Platform", '"Windows"', "Windows"),
        ("Sec-CH-UA-Platform-Version", '"19.0.0"', "19.0.0"),
        ("Sec-CH-UA-Arch", '"x86"', "x86"),
        ("Sec-CH-UA-Arch", '""', ""),
        ("Sec-CH-UA-Bitness", '"64"', "64"),
        ("Sec-CH-UA-Model", '""', ""),
        ("Sec-CH-UA-Model", '"Pixel 7"', "Pixel 7"),
        ("Sec-CH-UA-WoW64", "?0", False),
        ("Sec-CH-UA-Form-Factors", '"Desktop"', ("Desktop",)),
        ("Sec-CH-UA-Form-Factors", '"Mobile", "XR"', ("Mobile", "XR")),
    ],
)
def test_parses(name: str, raw: str, expected: object) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        ("Sec-CH-UA-Mobile", "0", "must be a Boolean, found the Integer 0", 0),
        ("Sec-CH-UA-Mobile", "?2", "expected 0 or 1 after '?'", 1),
        ("Sec-CH-UA-Platform", "Linux", 'must be a String, found the Token Linux (quote it: '
         '"Linux")', 0),
        ("Sec-CH-UA-Platform", '"Linux', "String is not closed", 0),
        ("Sec-CH-UA-Model", '"Pixel\u00a07"', "U+00A0 is not ASCII", 6),
        ("Sec-CH-UA-Form-Factors", 'Desktop, "XR"', "each form factor must be a String", 0),
        ("Sec-CH-UA-Form-Factors", '"Desktop" "XR"', "expected ','", 10),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)


def test_unknown_form_factor_is_a_warning() -> None:
    assert_warns("Sec-CH-UA-Form-Factors", '"Desktop", "Fridge"', "not a known form factor", 11)


def test_full_version_is_deprecated() -> None:
    field = parsed("Sec-CH-UA-Full-Version", '"130.0.6723.91"')
    assert field.value == "130.0.6723.91"
    assert [w.reason for w in field.warnings] == [
        "Sec-CH-UA-Full-Version is deprecated: read Sec-CH-UA-Full-Version-List"]
