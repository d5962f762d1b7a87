from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.dnt import DNT, TrackingPreference


@pytest.mark.parametrize(("raw", "expected"), [
    ("1", TrackingPreference(True)),
    ("0", TrackingPreference(False)),
    ("1xyz!~", TrackingPreference(True, "xyz!~")),  # TPE 5.2: extensions follow the digit
])
def test_parses(raw: str, expected: TrackingPreference) -> None:
    assert DNT.parse(raw) == expected
    assert DNT.write(expected) == raw


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "expected 0 (tracking allowed) or 1 (do not track)", 0),
    ("2", "expected 0", 0),
    ("yes", "expected 0", 0),
    ("1 x", "U+0020 is not allowed in a DNT extension", 1),
    ("1,", "',' is not allowed", 1),
    ('0"', "'\"' is not allowed", 1),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        DNT.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_is_deprecated() -> None:
    (warning,) = REGISTRY.parse("DNT", "1").warnings
    assert "Sec-GPC replaces it" in warning.reason
