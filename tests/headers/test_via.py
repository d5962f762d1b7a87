from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError
from headerscope.headers.products import Comment
from headerscope.headers.via import VIA, ViaEntry


@pytest.mark.parametrize(("raw", "expected"), [
    ("1.0 fred, 1.1 p.example.net", (ViaEntry(None, "1.0", "fred"),
                                     ViaEntry(None, "1.1", "p.example.net"))),
    ("1.1 varnish (Varnish/7.6)", (ViaEntry(None, "1.1", "varnish", None,
                                            Comment("Varnish/7.6")),)),
    ("2 cache.example:443", (ViaEntry(None, "2", "cache.example", 443),)),
    ("HTTP/1.1 GWA", (ViaEntry("HTTP", "1.1", "GWA"),)),
    ("1.1 abc123.cloudfront.net (CloudFront)",
     (ViaEntry(None, "1.1", "abc123.cloudfront.net", None, Comment("CloudFront")),)),
    ("1.1 [2001:db8::1]:8080\t(squid)", (ViaEntry(None, "1.1", "[2001:db8::1]", 8080,
                                                  Comment("squid")),)),
    ("HTTP/2.0 vegur,, 1.1 google", (ViaEntry("HTTP", "2.0", "vegur"),
                                      ViaEntry(None, "1.1", "google"))),
    ("", ()),  # Via = #( ... ) in RFC 9110: an empty list is allowed
])
def test_parses(raw: str, expected: tuple[ViaEntry, ...]) -> None:
    assert VIA.parse(raw) == expected


def test_writes() -> None:
    assert VIA.write(VIA.parse("1.1   proxy:8080   (a (b) c)")) == "1.1 proxy:8080 (a (b) c)"


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("1.1", "expected whitespace before the receiving host or pseudonym", 3),
    ("HTTP/ proxy", "expected a protocol version after '/'", 5),
    ("1.1 proxy(Squid)", "expected whitespace before the comment, found '('", 9),
    ("1.1 proxy (open", "comment is not closed with ')'", 10),
    ("1.1 proxy:abc", "expected a port number, found 'a'", 10),
    ("1.1 proxy:99999", "port 99999 is out of range", 10),
    ("1.1 proxy proxy2", "expected ',' or the end of the value", 10),
    ("1.1 [::1", "not closed with ']'", 4),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        VIA.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warnings() -> None:
    # "The protocol-name is excluded if and only if it would be 'HTTP'" (RFC 9110, 7.6.3)
    assert [(w.reason, w.position) for w in REGISTRY.parse("Via", "1.0 a, HTTP/1.1 GWA")
            .warnings] == [("'HTTP/1.1': write only the version for HTTP", 7)]
    assert [w.reason for w in REGISTRY.parse("Via", "").warnings] == [
        "empty Via: a proxy that adds Via names itself"]
    assert REGISTRY.parse("Via", "SPDY/3 a, 1.1 b").warnings == ()
