"""The OASIS, W3C and WHATWG fields of issue 17's third batch, with their specifications'
examples where they give any."""

from __future__ import annotations

from headerscope.headers import REGISTRY
from headerscope.headers.odata import ISOLATION, ODATA_ISOLATION
from headerscope.headers.ping import PING_FROM, PING_TO
from headerscope.headers.refresh import REFRESH
from headerscope.headers.repeatability import REPEATABILITY_RESULT
from headerscope.headers.soap_action import SOAP_ACTION
from headerscope.headers.types import Refresh

from ._content_helpers import rejects, warned, warnings


def test_isolation_is_odata_isolation_renamed() -> None:  # OData 4.01 Part 1, 8.2.6
    assert ISOLATION.parse("snapshot") == "snapshot"
    assert ISOLATION.parse("Snapshot") == ODATA_ISOLATION.parse("Snapshot") == "snapshot"
    assert ISOLATION.write("snapshot") == "snapshot"
    assert warnings(ISOLATION, "snapshot") == []
    assert REGISTRY.parse("Isolation", "snapshot").error is None
    rejects(ISOLATION, "snapshots", "only isolation level", 0)
    rejects(ISOLATION, "", "only isolation level", 0)


def test_repeatability_result() -> None:  # "the case-insensitive values accepted or rejected"
    assert REPEATABILITY_RESULT.parse("accepted") == "accepted"
    assert REPEATABILITY_RESULT.parse("Rejected") == "rejected"
    assert REPEATABILITY_RESULT.write("rejected") == "rejected"
    assert warnings(REPEATABILITY_RESULT, "accepted") == []
    rejects(REPEATABILITY_RESULT, "ok", "is not one of accepted, rejected", 0)
    rejects(REPEATABILITY_RESULT, "accepted, rejected", "unexpected ','", 8)
    rejects(REPEATABILITY_RESULT, '"accepted"', "a token", 0)


def test_soap_action_examples() -> None:  # SOAP 1.1, 6.1.1: the four examples
    assert SOAP_ACTION.parse('"http://electrocommerce.org/abc#MyMessage"') == (
        "http://electrocommerce.org/abc#MyMessage")
    assert SOAP_ACTION.parse('"myapp.sdl"') == "myapp.sdl"
    assert SOAP_ACTION.parse('""') == ""  # the intent is the Request-URI
    assert SOAP_ACTION.parse("") is None  # no indication of the intent
    assert REGISTRY.parse("SoapAction", "").error is None
    assert SOAP_ACTION.write(None) == "" and SOAP_ACTION.write("") == '""'
    assert SOAP_ACTION.write("myapp.sdl") == '"myapp.sdl"'


def test_soap_action_errors() -> None:
    rejects(SOAP_ACTION, "urn:example:Op", "double quotes", 0)
    rejects(SOAP_ACTION, '"abc', "not closed", 4)
    rejects(SOAP_ACTION, '"a" x', "nothing may follow", 3)
    rejects(SOAP_ACTION, '"a b"', "not allowed in a URI path", 2)


def test_ping_from_and_to_are_serialized_urls() -> None:  # HTML, 4.6.7
    for spec in (PING_FROM, PING_TO):
        assert spec.parse("https://www.example.com/page?x=1#top") == (
            "https://www.example.com/page?x=1#top")
        assert warnings(spec, "https://www.example.com/") == []
        assert warnings(spec, "data:text/plain,a b") == []  # an opaque path keeps its spaces
        assert spec.write("mailto:a@example.com") == "mailto:a@example.com"
    rejects(PING_TO, "/next.html", "absolute", 0)
    rejects(PING_TO, "www.example.com", "absolute", 15)
    rejects(PING_FROM, "https://a.example/caf\u00e9", "printable ASCII only", 21)
    rejects(PING_FROM, "", "absolute", 0)


def test_ping_warns_where_the_serializer_writes_otherwise() -> None:
    warned(PING_TO, "HTTPS://a.example/", "scheme in lower case", 0)
    warned(PING_TO, "https://user@A.example/", "host in lower case", 13)
    warned(PING_TO, "https://a.example?q", "empty path as '/'", 17)
    warned(PING_FROM, "http:a.example/", "with '//'", 5)


def test_refresh_conforming_values() -> None:  # HTML, 4.2.5.3: the two forms
    assert REFRESH.parse("5") == Refresh(5)
    assert REFRESH.parse("0; URL=https://www.example.com/") == Refresh(
        0, "https://www.example.com/")
    assert REFRESH.parse("10; url=/new") == Refresh(10, "/new")
    for raw in ("5", "0; URL=https://www.example.com/", "10;\turl=/new", "5; url="):
        assert warnings(REFRESH, raw) == [], raw
    assert REFRESH.write(Refresh(5)) == "5"
    assert REFRESH.write(Refresh(10, "/new")) == "10; url=/new"
    assert REFRESH.parse(REFRESH.write(Refresh(1, "'q"))) == Refresh(1, "'q")


def test_refresh_reads_what_the_steps_read() -> None:  # the shared declarative refresh steps
    assert REFRESH.parse("5, url=/x") == Refresh(5, "/x")
    assert REFRESH.parse("5 /x") == Refresh(5, "/x")
    assert REFRESH.parse("5;/x") == Refresh(5, "/x")
    assert REFRESH.parse("5; url = /x") == Refresh(5, "/x")
    assert REFRESH.parse("5; url='/x' rest") == Refresh(5, "/x")  # cut at the closing quote
    assert REFRESH.parse("5; urx") == Refresh(5, "urx")  # "U" not followed through: the rest
    assert REFRESH.parse("1.5") == Refresh(1)  # the fraction is collected and ignored
    assert REFRESH.parse(".5") == Refresh(0)
    assert REFRESH.parse("5;") == Refresh(5)


def test_refresh_errors() -> None:  # where the steps return
    rejects(REFRESH, "", "expected the delay", 0)
    rejects(REFRESH, "x", "expected the delay", 0)
    rejects(REFRESH, "-5", "expected the delay", 0)
    rejects(REFRESH, "5x", "';', ',' or white space", 1)
    rejects(REFRESH, "5; url=javascript:alert(1)", "javascript: URL is refused", 3)
    rejects(REFRESH, "5; java\tscript:x", "javascript: URL is refused", 3)  # tabs removed


def test_refresh_warnings() -> None:  # what the steps accept and the authoring rule does not
    warned(REFRESH, "5, url=/x", "'; URL='", 1)
    warned(REFRESH, "5;url=/x", "'; URL='", 1)
    warned(REFRESH, "5; url='/x'", "must not be quoted", 7)
    warned(REFRESH, "1.5", "whole number of seconds", 1)
    warned(REFRESH, "5; url=/a b", "not a URL code point", 9)
    warned(REFRESH, "99999999999999999999999", "more than", 0)
