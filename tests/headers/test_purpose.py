from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.purpose import PURPOSE, X_MOZ, X_PURPOSE, Purpose


@pytest.mark.parametrize(("raw", "expected"), [
    ("prefetch", Purpose("prefetch")),  # Chromium <link rel=prefetch>
    ("prefetch;prerender", Purpose("prefetch", {"prerender": True})),
    ('prefetch; anonymous-client-ip;x="a b"', Purpose("prefetch", {"anonymous-client-ip": True,
                                                                  "x": "a b"})),
    ("Preview", Purpose("preview")),
])
def test_parses(raw: str, expected: Purpose) -> None:
    assert PURPOSE.parse(raw) == expected
    assert X_PURPOSE.parse(raw) == expected


def test_writes() -> None:
    assert PURPOSE.write(Purpose("prefetch", {"prerender": True, "x": "a b"})) == (
        'prefetch;prerender;x="a b"')


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("prefetch;", "expected a parameter name", 9),
    ("prefetch;Prerender", "expected a parameter name", 9),
    ("prefetch prerender", "unexpected U+0020", 8),
    ("prefetch;a;a", "parameter 'a' is repeated", 11),
    ("prefetch, preview", "unexpected ','", 8),
    ("", "expected a purpose such as 'prefetch'", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        PURPOSE.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warnings() -> None:
    assert [w.reason for w in REGISTRY.parse("Purpose", "instant").warnings] == [
        "unknown purpose 'instant': browsers send prefetch, preview, prerender"]
    assert REGISTRY.parse("X-Purpose", "preview").warnings == ()
    assert [w.reason for w in REGISTRY.parse("X-Moz", "prefetch").warnings] == [X_MOZ.deprecated]
