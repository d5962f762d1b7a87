"""WebDAV's fields (RFC 4918, 10), with the specification's own examples, and CalDAV's
scheduling fields (RFC 6638, 8)."""

from __future__ import annotations

import pytest

from headerscope.headers import REGISTRY
from headerscope.headers._shared.types import EntityTag
from headerscope.headers._shared.uri import RelativeRef, Uri
from headerscope.headers.schedule import IF_SCHEDULE_TAG_MATCH, SCHEDULE_REPLY, SCHEDULE_TAG
from headerscope.headers.webdav import (
    DAV,
    DEPTH,
    DESTINATION,
    INFINITE,
    LOCK_TOKEN,
    OVERWRITE,
    TIMEOUT,
    CodedUrl,
)
from headerscope.headers.webdav_if import IF, Condition, StateList

from ._content_helpers import rejects, warned, warnings

LOCK = CodedUrl("urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2")
LOCK2 = CodedUrl("urn:uuid:58f202ac-22cf-11d1-b12d-002035b29092")


def test_dav_lists_classes_and_coded_urls() -> None:
    value = DAV.parse("1, 2, <http://example.com/extensions/ordered>, access-control")
    assert value == ("1", "2", CodedUrl("http://example.com/extensions/ordered"),
                     "access-control")
    assert DAV.write(value) == "1, 2, <http://example.com/extensions/ordered>, access-control"


def test_dav_class_2_without_class_1_is_warned() -> None:
    warned(DAV, "2", "must list class 1", 0)
    assert warnings(DAV, "1, 2") == []


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("<relative>", "expected an absolute URI", 1),
    ("<http://a.example/ x>", "U+0020", 18),
    ("<urn:x", "not closed with '>'", 0),
    ("1 2", "',' or the end", 2),
])
def test_dav_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(DAV, raw, fragment, position)


@pytest.mark.parametrize(("raw", "expected"), [("0", "0"), ("1", "1"), ("Infinity", "infinity")])
def test_depth(raw: str, expected: str) -> None:
    assert DEPTH.parse(raw) == expected


def test_depth_has_three_values() -> None:
    rejects(DEPTH, "2", "is not one of 0, 1, infinity", 0)


def test_destination_is_an_absolute_uri_or_an_absolute_path() -> None:
    uri = DESTINATION.parse("http://www.example.com/users/f/fielding/index.html")
    assert isinstance(uri, Uri) and uri.path == "/users/f/fielding/index.html"
    assert DESTINATION.parse("/container/b?x=1") == RelativeRef(None, None, "/container/b", "x=1")
    rejects(DESTINATION, "relative/path", "expected an absolute URI or an absolute path", 0)
    rejects(DESTINATION, "//host/path", "expected an absolute URI or an absolute path", 0)
    rejects(DESTINATION, "http://a.example/x#frag", "no fragment", 18)


def test_lock_token() -> None:
    assert LOCK_TOKEN.parse("<urn:uuid:a515cfa4-5da4-22e1-f5b5-00a0451e6bf7>") == CodedUrl(
        "urn:uuid:a515cfa4-5da4-22e1-f5b5-00a0451e6bf7")
    rejects(LOCK_TOKEN, "urn:x", "expected '<'", 0)
    rejects(LOCK_TOKEN, "<urn:x> <urn:y>", "unexpected U+0020", 7)


def test_overwrite() -> None:
    assert (OVERWRITE.parse("T"), OVERWRITE.parse("F"), OVERWRITE.parse("f")) == (True, False,
                                                                                  False)
    rejects(OVERWRITE, "true", "expected T or F", 0)


def test_timeout_examples() -> None:
    assert TIMEOUT.parse("Infinite, Second-4100000000") == (INFINITE, 4100000000)
    assert TIMEOUT.parse("Second-3600") == (3600,)
    assert TIMEOUT.write((INFINITE, 5)) == "Infinite, Second-5"


def test_timeout_allows_no_whitespace_within_a_time_type() -> None:
    rejects(TIMEOUT, "Second- 5", "'Second-' and a number of seconds", 0)
    rejects(TIMEOUT, "Infinity", "'Second-' and a number of seconds", 0)


def test_timeout_over_2_32_is_a_sender_error() -> None:
    warned(TIMEOUT, "Second-4294967296", "MUST NOT be greater than 2^32-1", None)
    assert warnings(TIMEOUT, "Second-4294967295") == []


# -- If (10.4.6 to 10.4.12 are the specification's examples) -----------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ('(<urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2> ["I am an ETag"]) (["I am another ETag"])',
     (StateList(None, ((Condition(LOCK), Condition(EntityTag("I am an ETag", False))),
                       (Condition(EntityTag("I am another ETag", False)),))),)),
    ("(Not <urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2> "
     "<urn:uuid:58f202ac-22cf-11d1-b12d-002035b29092>)",
     (StateList(None, ((Condition(LOCK, negated=True), Condition(LOCK2)),)),)),
    ("(<urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2>) (Not <DAV:no-lock>)",
     (StateList(None, ((Condition(LOCK),), (Condition(CodedUrl("DAV:no-lock"), True),))),)),
    ('</resource1> (<urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2> [W/"A weak ETag"]) '
     '(["strong ETag"])',
     (StateList(RelativeRef(None, None, "/resource1"),
                ((Condition(LOCK), Condition(EntityTag("A weak ETag", True))),
                 (Condition(EntityTag("strong ETag", False)),))),)),
    ('</specs/rfc2518.doc> (Not ["4217"])',
     (StateList(RelativeRef(None, None, "/specs/rfc2518.doc"),
                ((Condition(EntityTag("4217", False), True),),)),)),
])
def test_if_examples(raw: str, expected: tuple[StateList, ...]) -> None:
    assert IF.parse(raw) == expected
    assert IF.write(expected) == raw


def test_if_tagged_lists_each_apply_to_their_resource() -> None:
    value = IF.parse("<http://www.example.com/specs/> (<urn:uuid:181d4fae-7d8c-11d0-a765-"
                     "00a0c91e6bf2>) </b>(<urn:x>)(Not <urn:y>)")
    assert [len(s.lists) for s in value] == [1, 2]
    assert isinstance(value[0].resource, Uri)


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("(<urn:x>) </a> (<urn:y>)", "cannot be mixed", 10),
    ("()", "expected a state token", 1),
    ('(["x" ])', "expected ']'", 5),
    ("(<relative>)", "expected an absolute URI", 2),
    ("</a b> (<urn:x>)", "U+0020", 3),
    ("(<urn:x>", "not closed with ')'", 8),
    ("", "expected '(' or a resource tag", 0),
])
def test_if_rejects(raw: str, fragment: str, position: int) -> None:
    rejects(IF, raw, fragment, position)


# -- CalDAV scheduling ----------------------------------------------------------------------------

def test_schedule_fields() -> None:
    assert SCHEDULE_REPLY.parse("F") is False
    assert SCHEDULE_TAG.parse('"12345-67890"') == "12345-67890"
    assert IF_SCHEDULE_TAG_MATCH.parse('"a \\"b\\""') == 'a "b"'
    assert SCHEDULE_TAG.write('a "b"') == '"a \\"b\\""'
    rejects(SCHEDULE_TAG, 'W/"x"', "expected a quoted-string", 0)


def test_all_are_registered() -> None:
    for name in ("DAV", "Depth", "Destination", "If", "Lock-Token", "Overwrite", "Timeout",
                 "Schedule-Reply", "Schedule-Tag", "If-Schedule-Tag-Match"):
        assert REGISTRY.get(name) is not None, name
