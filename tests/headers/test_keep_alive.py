from __future__ import annotations

import pytest

from headerscope.headers import FieldError
from headerscope.headers.keep_alive import KEEP_ALIVE, KeepAliveParam


@pytest.mark.parametrize(("raw", "expected"), [
    ("timeout=5, max=1000", (KeepAliveParam("timeout", 5), KeepAliveParam("max", 1000))),
    ("timeout=5", (KeepAliveParam("timeout", 5),)),  # nginx
    ('Timeout="15", MAX=0', (KeepAliveParam("timeout", 15), KeepAliveParam("max", 0))),
    ('timeout=5, foo="a b"', (KeepAliveParam("timeout", 5), KeepAliveParam("foo", "a b"))),
    ("", ()),
])
def test_parses(raw: str, expected: tuple[KeepAliveParam, ...]) -> None:
    assert KEEP_ALIVE.parse(raw) == expected


def test_writes() -> None:
    value = KEEP_ALIVE.parse('timeout=05, foo="a b", bar=x')
    assert KEEP_ALIVE.write(value) == 'timeout=5, foo="a b", bar=x'


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("timeout=abc", "expected timeout: a number of seconds, found 'a'", 8),
    ("timeout=-1", "expected timeout: a number of seconds, found '-'", 8),
    ("max=1.5", "expected ',' or the end of the value, found '.'", 5),
    ("timeout=5 max=100", "expected ',' or the end of the value, found 'm'", 10),
    ("300", "expected '=', found end of value", 3),  # what old Firefox sent
    ('timeout="5', "expected '\"', found end of value", 10),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        KEEP_ALIVE.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position
