from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError, to_json
from headerscope.headers.http2_settings import HTTP2_SETTINGS, Setting


def test_parses_what_curl_sends() -> None:
    # curl --http2 http://...: MAX_CONCURRENT_STREAMS 100, INITIAL_WINDOW_SIZE 32 MiB, no push
    value = HTTP2_SETTINGS.parse("AAMAAABkAAQCAAAAAAIAAAAA")
    assert value == (Setting(3, 100), Setting(4, 33554432), Setting(2, 0))
    assert [s.name for s in value] == ["SETTINGS_MAX_CONCURRENT_STREAMS",
                                       "SETTINGS_INITIAL_WINDOW_SIZE", "SETTINGS_ENABLE_PUSH"]
    assert HTTP2_SETTINGS.write(value) == "AAMAAABkAAQCAAAAAAIAAAAA"
    assert to_json(value[0]) == {"identifier": 3, "name": "SETTINGS_MAX_CONCURRENT_STREAMS",
                                 "value": 100}


def test_unknown_identifiers_and_url_safe_alphabet() -> None:
    value = HTTP2_SETTINGS.parse("________")  # '_' is 63: every bit set
    assert value == (Setting(0xFFFF, 0xFFFFFFFF),)
    assert HTTP2_SETTINGS.parse("AAH-AAAA") == (Setting(0x01, 0xFE000000),)
    assert value[0].name is None


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("AAMAAABk=", "'=' is not a base64url character (base64url has no padding here)", 8),
    ("AAMA+AAB", "base64url uses '-' and '_' instead of '+' and '/'", 4),
    ("AAMAAABkAAQ", "the SETTINGS payload is 8 octets, not a multiple of 6", None),
    ("AAMAA", "truncated base64url", 4),
    ("", "empty value", 0),
    ("AAMA AABk", "U+0020 is not a base64url character", 4),
])
def test_rejects(raw: str, fragment: str, position: int | None) -> None:
    with pytest.raises(FieldError) as info:
        HTTP2_SETTINGS.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warnings() -> None:
    parsed = REGISTRY.parse("HTTP2-Settings", "AAIAAAACAAUAAAAQ")  # ENABLE_PUSH=2, frame 16
    assert [w.reason for w in parsed.warnings] == [
        "HTTP2-Settings is obsoleted: the h2c upgrade it belongs to was removed by RFC 9113",
        "SETTINGS_ENABLE_PUSH must be 0 or 1, not 2",
        "SETTINGS_MAX_FRAME_SIZE must be between 16384 and 16777215, not 16"]
