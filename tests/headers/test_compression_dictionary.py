from __future__ import annotations

import base64

import pytest

from .sf_field_cases import assert_parses, assert_rejects

HASH = "pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4="


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("Available-Dictionary", f":{HASH}:", base64.b64decode(HASH)),
        ("Dictionary-ID", '"dictionary-12345"', "dictionary-12345"),
        ("Dictionary-ID", '"' + "a" * 1024 + '"', "a" * 1024),
    ],
)
def test_parses(name: str, raw: str, expected: object) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        ("Available-Dictionary", ":YWJj:", "32 bytes long; this one has 3 bytes", 0),
        ("Available-Dictionary", f'"{HASH}"', "must be a Byte Sequence", 0),
        ("Available-Dictionary", f":{HASH}:, :{HASH}:", "unexpected ','", 46),
        ("Dictionary-ID", '"' + "a" * 1025 + '"', "up to 1024 characters; this one has 1025", 0),
        ("Dictionary-ID", "dictionary-12345", "must be a String", 0),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)
