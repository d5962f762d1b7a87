from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers._shared.host import Host
from headerscope.headers._shared.uri import RelativeRef, Uri
from headerscope.headers.referer import REFERER


@pytest.mark.parametrize(("raw", "expected"), [
    ("https://www.google.com/", Uri("https", None, Host("www.google.com"), "/")),
    ("http://localhost:8080/search?q=caf%C3%A9&lang=fr",
     Uri("http", None, Host("localhost", 8080), "/search", "q=caf%C3%A9&lang=fr")),
    ("/relative/page.html", RelativeRef(None, None, "/relative/page.html")),  # partial-URI
    ("android-app://com.google.android.gm/",
     Uri("android-app", None, Host("com.google.android.gm"), "/")),
])
def test_parses(raw: str, expected: object) -> None:
    assert REFERER.parse(raw) == expected
    assert REFERER.write(REFERER.parse(raw)) == raw


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("https://www.example.com/a page", "U+0020 is not allowed in a URI path", 25),
    ("https://www.example.com/\xe9t\xe9", "U+00E9 is not allowed in a URI path", 24),
    ("https://www.example.com/?q=a|b", "'|' is not allowed in a URI query", 28),
    ("about:blank x", "U+0020 is not allowed in a URI path", 11),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        REFERER.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warns_about_userinfo_and_fragment() -> None:
    # "MUST NOT include the fragment and userinfo components of the URI reference"
    parsed = REGISTRY.parse("Referer", "https://user:pw@example.com/doc#section-2")
    assert parsed.error is None
    assert parsed.value.fragment == "section-2"
    assert [(w.reason, w.position) for w in parsed.warnings] == [
        ("userinfo (credentials before '@') must not be sent", 15),
        ("a fragment ('#...') must not be sent", 31)]
    assert REGISTRY.parse("Referer", "https://example.com/doc").warnings == ()
