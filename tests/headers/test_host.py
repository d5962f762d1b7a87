from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers._shared.host import Host, HostKind
from headerscope.headers.host import ALT_USED, HOST


@pytest.mark.parametrize(("raw", "expected"), [
    ("www.example.com", Host("www.example.com")),
    ("localhost:8080", Host("localhost", 8080)),
    ("127.0.0.1:8080", Host("127.0.0.1", 8080, HostKind.IPV4)),  # curl http://127.0.0.1:8080/
    ("[::1]:8080", Host("::1", 8080, HostKind.IPV6)),
    ("WWW.Example.COM", Host("www.example.com")),
    ("", Host("")),  # "a client MUST send a Host header field with an empty field value"
    ("xn--bcher-kva.example", Host("xn--bcher-kva.example")),
])
def test_parses(raw: str, expected: Host) -> None:
    assert HOST.parse(raw) == expected
    assert ALT_USED.parse(raw) == expected


@pytest.mark.parametrize(("raw", "text"), [
    ("WWW.Example.COM:0080", "www.example.com:80"), ("[::1]", "[::1]"), ("a.example:", "a.example"),
])
def test_writes_canonical_text(raw: str, text: str) -> None:
    assert HOST.write(HOST.parse(raw)) == text


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("http://example.com/", "http:// starts a URI; this field takes only host[:port]", 4),
    ("example.com/index.html", "'/' is not allowed in a host", 11),
    ("example.com:80:80", "expected a port number, found ':'", 14),
    ("example.com:99999", "port 99999 is out of range (0-65535)", 12),
    ("user@example.com", "'@' is not allowed in a host", 4),
    ("exa mple.com", "U+0020 is not allowed in a host", 3),
    ("[::1", "'[' opens an IP literal that is not closed with ']'", 0),
    ("::1", "expected a port number, found ':'", 1),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        HOST.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warns_about_an_empty_port() -> None:
    parsed = REGISTRY.parse("Host", "example.com:")
    assert parsed.value == Host("example.com")
    assert [(w.reason, w.position) for w in parsed.warnings] == [
        ("empty port after ':'; omit the ':'", 11)]
    assert REGISTRY.parse("Host", "example.com:80").warnings == ()
