from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.prefer import PREFER, Handling, Preference, Return


@pytest.mark.parametrize(("raw", "expected"), [
    ("respond-async, wait=100", (Preference("respond-async"), Preference("wait", 100))),
    ("return=minimal", (Preference("return", Return.MINIMAL),)),
    ('Return = "Representation"', (Preference("return", Return.REPRESENTATION),)),
    ("handling=lenient", (Preference("handling", Handling.LENIENT),)),
    ('foo; bar="", baz=""', (Preference("foo", None, {"bar": None}), Preference("baz"))),
    ("priority=5; scope=x ;; y", (Preference("priority", "5", {"scope": "x", "y": None}),)),
    ("return=full", (Preference("return", "full"),)),  # kept as text, and linted
])
def test_parses(raw: str, expected: tuple[Preference, ...]) -> None:
    assert PREFER.parse(raw) == expected


def test_writes() -> None:
    value = PREFER.parse('Respond-Async ,WAIT=0010; a="x y"')
    assert PREFER.write(value) == 'respond-async, wait=10; a="x y"'


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("", "empty Prefer", 0),
    ("=x", "expected a preference name, found '='", 0),
    ("wait=", "expected a token or a quoted-string after '='", 5),
    ('return="minimal', "quoted-string is not closed", 7),
    ("a b", "expected ',' or the end of the value, found 'b'", 2),
    ("a;=b", "expected a parameter name, found '='", 2),
    ("a; b; B", "parameter 'b' is repeated", 6),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        PREFER.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warnings() -> None:
    parsed = REGISTRY.parse("Prefer", "return=full, wait=soon, return=minimal, respond-async=1")
    assert [w.reason for w in parsed.warnings] == [
        "return must be one of minimal, representation, not 'full'",
        "wait must be a number of seconds, not 'soon'",
        "'return' is repeated; only the first one counts",
        "respond-async takes no value"]
    assert REGISTRY.parse("Prefer", "return=minimal, wait=5").warnings == ()
