from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.last_event_id import LAST_EVENT_ID


@pytest.mark.parametrize("raw", ["42", "1712589013-42", "a b;c=\"d\" é", "\x01\x7f"])
def test_keeps_any_text(raw: str) -> None:
    assert LAST_EVENT_ID.parse(raw) == raw
    assert LAST_EVENT_ID.write(raw) == raw


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("a\nb", "U+000A cannot be part of an event ID", 1),
    ("ab\r", "U+000D cannot be part of an event ID", 2),
    ("\x00", "U+0000 cannot be part of an event ID", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        LAST_EVENT_ID.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warns_when_empty() -> None:
    assert [w.reason for w in REGISTRY.parse("Last-Event-ID", "").warnings] == [
        "empty Last-Event-ID: browsers omit the field when there is no ID"]
