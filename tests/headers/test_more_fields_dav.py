"""The WebDAV-family IANA fields of issue 17's third batch: CalDAV-Timezones (RFC 7809),
Status-URI (RFC 2518, obsolete), Apply-To-Redirect-Ref and Redirect-Ref (RFC 4437),
Position (RFC 3648).

The specifications' own text could not be read here (see each module's docstring for where its
grammar was quoted from), so the cases below are built from the grammars, not copied from
examples in the RFCs.
"""

from __future__ import annotations

from headerscope.headers import REGISTRY
from headerscope.headers.caldav import CALDAV_TIMEZONES
from headerscope.headers.ordered_collections import POSITION
from headerscope.headers.redirect_ref import APPLY_TO_REDIRECT_REF, REDIRECT_REF
from headerscope.headers.status_uri import STATUS_URI
from headerscope.headers.types import (
    CodedUrl,
    Placement,
    Position,
    RelativeRef,
    StatusUriEntry,
    Uri,
)

from ._content_helpers import rejects, warned, warnings


def test_caldav_timezones() -> None:  # RFC 7809, 7.1: "T" / "F"
    assert CALDAV_TIMEZONES.parse("T") is True
    assert CALDAV_TIMEZONES.parse("F") is False
    assert CALDAV_TIMEZONES.parse("t") is True  # ABNF literals ignore case
    assert CALDAV_TIMEZONES.write(False) == "F"
    assert warnings(CALDAV_TIMEZONES, "F") == []
    assert REGISTRY.parse("CalDAV-Timezones", "T").value is True


def test_caldav_timezones_errors() -> None:
    rejects(CALDAV_TIMEZONES, "true", "expected T or F", 0)
    rejects(CALDAV_TIMEZONES, "", "expected T or F", 0)
    rejects(CALDAV_TIMEZONES, "T, F", "expected T or F", 0)


def test_status_uri() -> None:  # RFC 2518, 9.7: *(Status-Code Coded-URL)
    raw = "200 <http://www.example.com/a.html> 423 <urn:uuid:a515cfa4-5da4-22e1-f5b5>"
    value = STATUS_URI.parse(raw)
    assert value == (StatusUriEntry(200, CodedUrl("http://www.example.com/a.html")),
                     StatusUriEntry(423, CodedUrl("urn:uuid:a515cfa4-5da4-22e1-f5b5")))
    assert STATUS_URI.write(value) == raw
    # RFC 2068's implied *LWS: whitespace between the words is optional
    assert STATUS_URI.parse("200<urn:x>404<urn:y>") == (StatusUriEntry(200, CodedUrl("urn:x")),
                                                        StatusUriEntry(404, CodedUrl("urn:y")))
    assert STATUS_URI.parse("") == ()  # *( ... ): no pair at all
    assert STATUS_URI.write((StatusUriEntry(7, CodedUrl("urn:x")),)) == "007 <urn:x>"


def test_status_uri_is_obsolete() -> None:
    parsed = REGISTRY.parse("Status-URI", "200 <urn:x>")
    assert parsed.error is None
    assert STATUS_URI.deprecated is not None and "RFC 4918" in STATUS_URI.deprecated
    assert any(w.reason == STATUS_URI.deprecated for w in parsed.warnings)
    assert warnings(STATUS_URI, "200 <urn:x>") == []


def test_status_uri_errors() -> None:
    rejects(STATUS_URI, "20 <urn:x>", "three digits, not 2", 0)
    rejects(STATUS_URI, "200 <urn:x> 2000 <urn:y>", "three digits, not 4", 12)
    rejects(STATUS_URI, "200", "expected '<'", 3)
    rejects(STATUS_URI, "200 urn:x", "expected '<'", 4)
    rejects(STATUS_URI, "200 <relative/x>", "absolute URI", 5)
    rejects(STATUS_URI, "200 <urn:x", "not closed with '>'", 4)
    rejects(STATUS_URI, "200 <urn:x#f>", "no fragment", 10)
    rejects(STATUS_URI, "200 <urn:x>, 404 <urn:y>", "three-digit status code", 11)


def test_apply_to_redirect_ref() -> None:  # RFC 4437, 12.1: ("T" | "F")
    assert APPLY_TO_REDIRECT_REF.parse("T") is True
    assert APPLY_TO_REDIRECT_REF.parse("f") is False
    assert APPLY_TO_REDIRECT_REF.write(True) == "T"
    rejects(APPLY_TO_REDIRECT_REF, "yes", "expected T or F", 0)
    rejects(APPLY_TO_REDIRECT_REF, "TT", "expected T or F", 0)


def test_redirect_ref() -> None:  # RFC 4437, 12.2: ( URI | relative-ref )
    absolute = REDIRECT_REF.parse("http://www.example.com/docs/current.html")
    assert isinstance(absolute, Uri) and absolute.path == "/docs/current.html"
    relative = REDIRECT_REF.parse("../spec/v2.html?x=1#s3")
    assert isinstance(relative, RelativeRef)
    assert (relative.path, relative.query, relative.fragment) == ("../spec/v2.html", "x=1", "s3")
    assert REDIRECT_REF.write(relative) == "../spec/v2.html?x=1#s3"
    assert warnings(REDIRECT_REF, "/a/b") == []
    rejects(REDIRECT_REF, "/a b", "not allowed", 2)
    rejects(REDIRECT_REF, "a:b:c d", "not allowed", 5)
    rejects(REDIRECT_REF, "x:y/z:1 <", "not allowed", 7)


def test_position() -> None:  # RFC 3648, 6.1; segment: RFC 2396, 3.3
    assert POSITION.parse("first") == Position(Placement.FIRST)
    assert POSITION.parse("Last") == Position(Placement.LAST)  # quoted strings ignore case
    after = POSITION.parse("after ms-2.html")
    assert after == Position(Placement.AFTER, "ms-2.html")
    assert POSITION.write(after) == "after ms-2.html"
    assert POSITION.parse("BEFORE  a%20b;v=1") == Position(Placement.BEFORE, "a%20b;v=1")
    assert warnings(POSITION, "after ms-2.html") == []


def test_position_errors_and_warnings() -> None:
    rejects(POSITION, "middle", "not a position", 0)
    rejects(POSITION, "afterx", "not a position", 0)  # one word, not "after" and "x"
    rejects(POSITION, "first x", "takes no segment", 5)
    rejects(POSITION, "before/x", "whitespace and a segment", 6)
    rejects(POSITION, "after a b", "not allowed in a path segment", 7)
    rejects(POSITION, "after a/b", "not allowed in a path segment", 7)
    rejects(POSITION, "after a%2g", "two hex digits", 7)
    rejects(POSITION, "", "expected first, last, before or after", 0)
    warned(POSITION, "before", "empty segment names no member", 6)
    assert POSITION.parse("after") == Position(Placement.AFTER)  # *pchar: the grammar allows it
