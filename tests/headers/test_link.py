from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY, FieldError, to_json
from headerscope.headers._shared.host import Host
from headerscope.headers._shared.rfc8187 import ExtValue
from headerscope.headers._shared.uri import RelativeRef, Uri
from headerscope.headers.link import LINK, Link, LinkParam


def test_parses_preload_and_pagination() -> None:
    value = LINK.parse('</style.css>; rel=preload; as=style, <https://api.example.com/items'
                       '?page=3>; REL="next last"; crossorigin')
    assert value == (
        Link(RelativeRef(None, None, "/style.css"),
             (LinkParam("rel", "preload"), LinkParam("as", "style"))),
        Link(Uri("https", None, Host("api.example.com"), "/items", "page=3"),
             (LinkParam("rel", "next last"), LinkParam("crossorigin", None))))
    assert value[1].rel == ("next", "last")
    assert LINK.write(value) == ('</style.css>; rel=preload; as=style, <https://api.example.com/'
                                 'items?page=3>; rel="next last"; crossorigin')


def test_title_star_anchor_and_json() -> None:
    # RFC 8288, 3.5: title* in RFC 8187 encoding is preferred to title
    (link,) = LINK.parse("</TheBook/chapter2>; rel=\"previous\"; title*=UTF-8'de'letztes"
                         "%20Kapitel; title=\"last\"; anchor=\"#foo\"")
    assert link.title == "letztes Kapitel"
    assert link.params[1] == LinkParam("title*", ExtValue("letztes Kapitel", "UTF-8", "de"))
    assert link.anchor == RelativeRef(None, None, "", None, "foo")
    assert to_json(link)["rel"] == ["previous"]
    assert to_json(link)["title"] == "letztes Kapitel"
    assert LINK.parse('<x>; title = "a"')[0].title == "a"  # BWS around '='


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("/style.css; rel=preload", "expected '<'", 0),
    ("<a b>; rel=x", "U+0020 is not allowed in a URI path", 2),
    ("<x", "'<' is not closed with '>'", 0),
    ("<x> rel=next", "expected ',' or the end of the value", 4),
    ("<x>; rel=", "expected a value for rel", 9),
    ('<x>; rel=""', "rel needs at least one relation type", 10),
    ('<x>; rel="next pr@v"', "relation type 'pr@v' is neither a name nor an absolute URI", 15),
    ('<x>; anchor="a b"', "U+0020 is not allowed in a URI path", 14),
    ('<x>; title*="x"', "the value of title* is an RFC 8187 ext-value and is not quoted", 12),
    ("<x>; title*=UTF-8''%FF", "not valid UTF-8", 19),
    ("<x>;", "expected a link parameter name", 4),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        LINK.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warnings() -> None:
    # "occurrences after the first MUST be ignored by parsers" (RFC 8288, 3.3)
    parsed = REGISTRY.parse("Link", "<a>; rel=next; rel=prev, <b>")
    assert parsed.value[0].rel == ("next",)
    assert [w.reason for w in parsed.warnings] == [
        "<a>: 'rel' appears 2 times; only the first counts",
        "<b> has no 'rel': its relation type is unknown"]
    assert REGISTRY.parse("Link", '<urn:x>; rel="https://example.com/rel"').warnings == ()
