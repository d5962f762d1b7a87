from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers._shared.host import Host
from headerscope.headers._shared.uri import RelativeRef, Uri
from headerscope.headers.location import CONTENT_LOCATION, LOCATION


@pytest.mark.parametrize(("raw", "expected"), [
    ("https://www.example.org/index.html", Uri("https", None, Host("www.example.org"),
                                               "/index.html")),
    ("/People.html#tim", RelativeRef(None, None, "/People.html", None, "tim")),  # RFC 9110
    ("../login?next=%2Fhome", RelativeRef(None, None, "../login", "next=%2Fhome")),
    ("//cdn.example.net/a", RelativeRef(None, Host("cdn.example.net"), "/a")),
])
def test_location_parses(raw: str, expected: object) -> None:
    assert LOCATION.parse(raw) == expected
    assert LOCATION.write(LOCATION.parse(raw)) == raw


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("/new location", "U+0020 is not allowed in a URI path", 4),
    ("https://example.com:port/", "expected a port number, found 'p'", 20),
    ("C:\\Windows", "'\\\\' is not allowed in a URI path", 2),
])
def test_location_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        LOCATION.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_content_location_warns_about_a_fragment_location_does_not() -> None:
    assert CONTENT_LOCATION.parse("/documents/foo.json") == RelativeRef(
        None, None, "/documents/foo.json")
    assert [w.reason for w in REGISTRY.parse("Content-Location", "/a#b").warnings] == [
        "a fragment ('#...') must not be sent"]
    assert REGISTRY.parse("Location", "/a#b").warnings == ()
