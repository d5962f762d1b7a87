"""Issue 17, lists: OWS only around commas; empty elements read, with a warning, in `#` lists
(RFC 9110, 5.6.1), and refused where the field is not a `#` list."""

from __future__ import annotations

import time

import pytest

from headerscope.grammar import Cursor, parse_list
from headerscope.headers import REGISTRY, FieldError
from headerscope.headers._shared.content import empty_elements
from headerscope.headers._shared.spec import Kind

SENDER_RULE = "a sender MUST NOT generate empty list elements"

# Every registered `#` list whose empty elements are now reported (RFC 9110, 5.6.1.1).
WARNED = [
    "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Accept-Patch",
    "Accept-Post", "Accept-Ranges", "Access-Control-Allow-Headers",
    "Access-Control-Allow-Methods", "Access-Control-Expose-Headers", "Allow", "Alt-Svc",
    "Clear-Site-Data", "Connection", "Content-Encoding", "Content-Language",
    "Content-Security-Policy", "Content-Security-Policy-Report-Only", "Expect", "Forwarded",
    "If-Match", "If-None-Match", "Link", "Pragma", "Prefer", "Proxy-Connection",
    "Referrer-Policy", "Sec-WebSocket-Extensions", "Sec-WebSocket-Protocol",
    "Sec-WebSocket-Version", "Server-Timing", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    "Vary", "Via", "Warning", "X-Content-Type-Options", "X-Forwarded-For", "X-Forwarded-Host",
    "X-Forwarded-Proto", "ALPN", "CDN-Loop", "DAV", "Preference-Applied", "Timeout",
    "Access-Control-Request-Headers", "Cache-Control", "Keep-Alive", "Timing-Allow-Origin",
    "Public", "Digest", "Want-Digest",  # issue 17, batch 3: obsoleted fields with a grammar
    "A-IM", "Accept-Features", "Alternates", "Negotiate", "TCN", "Accept-Additions",
    "Variant-Vary",
]
# List-kind fields left out, and why (a new list field has to be put in one of the two).
NOT_WARNED = {
    "Cookie": "'; '-separated, not a # list",
    "NEL": "JSON objects, errors on an empty member",
    "Report-To": "JSON objects, errors on an empty member",
    "WWW-Authenticate": "challenges and auth-params share the comma: the _auth reader",
    "Proxy-Authenticate": "as WWW-Authenticate",
    "Authentication-Info": "the auth.py reader",
    "Proxy-Authentication-Info": "the auth.py reader",
    "Optional-WWW-Authenticate": "the auth.py reader",
    "tracestate": "Trace Context allows empty list members: 'Empty and whitespace-only list "
                  "members are allowed'",
    "Expect-CT": "its directives must not repeat, so the example cannot be listed twice "
                 "(empty elements are warned all the same)",
}


def _warning_positions(name: str, raw: str) -> list[int | None]:
    parsed = REGISTRY.parse(name, raw)
    assert parsed.error is None, (name, raw, parsed.error)
    return [w.position for w in parsed.warnings if SENDER_RULE in w.reason]


def test_every_list_field_is_classified() -> None:
    lists = {spec.name for spec in REGISTRY if spec.kind in (Kind.LIST, Kind.COOKIE)}
    assert lists == set(WARNED) | set(NOT_WARNED)


@pytest.mark.parametrize("name", WARNED)
def test_empty_elements_are_read_and_warned(name: str) -> None:
    spec = REGISTRY.get(name)
    assert spec is not None and spec.example
    example = spec.example
    plain = REGISTRY.parse(name, example)
    assert _warning_positions(name, example) == []
    # a leading, a trailing, and a middle empty element: the same members, one warning
    for raw, at in [(", " + example, 0), (example + ",", len(example)),
                    (f"{example}, ,{example}", len(example) + 2), (f",,{example}", 0)]:
        parsed = REGISTRY.parse(name, raw)
        assert parsed.error is None, (raw, parsed.error)
        assert _warning_positions(name, raw) == [at], raw
        if raw.count(example) == 1:
            assert parsed.value == plain.value


@pytest.mark.parametrize(("name", "raw", "count"), [
    ("Accept-Ranges", ", , bytes", 2),  # 1#range-unit: empty elements do not count
    ("Vary", "a,,,b", 2),
    ("Allow", ",", 1),  # #method: "," is an empty list
])
def test_the_warning_counts_them(name: str, raw: str, count: int) -> None:
    parsed = REGISTRY.parse(name, raw)
    assert parsed.error is None
    notes = [w.reason for w in parsed.warnings if SENDER_RULE in w.reason]
    assert len(notes) == 1
    assert (f"{count} empty list elements" if count > 1 else "an empty list element") in notes[0]


@pytest.mark.parametrize("name", ["Accept-Ranges", "Referrer-Policy", "Alt-Svc", "Prefer",
                                  "Warning", "Clear-Site-Data", "X-Forwarded-For"])
def test_one_or_more_lists_need_a_member(name: str) -> None:
    # "Empty elements do not contribute to the count of elements present" (RFC 9110, 5.6.1.2)
    parsed = REGISTRY.parse(name, ", ,")
    assert parsed.error is not None and "at least one" in parsed.error.reason


@pytest.mark.parametrize(("name", "raw"), [
    ("If-Match", '"a,,b", "c"'),  # commas inside a quoted-string
    ("Via", "1.1 a (x,, y)"),  # inside a comment
    ("Link", "<https://a.example/x,,y>; rel=next"),  # inside a URI-reference
    ("Prefer", 'a="1,", b'),
])
def test_commas_inside_members_are_not_empty_elements(name: str, raw: str) -> None:
    assert _warning_positions(name, raw) == []


@pytest.mark.parametrize(("name", "raw"), [
    ("Content-Type", "text/html,"),  # singletons: a comma is not a separator
    ("If-Range", '"x",'),
    ("ETag", '"x",'),
    ("Sec-Fetch-Dest", "document,"),
    ("Accept-CH", "a, , b"),  # Structured Field Lists have no empty members (RFC 9651)
    ("Sec-CH-UA", '"a";v="1",'),
    ("Cache-Status", ", a"),
])
def test_fields_that_are_not_hash_lists_refuse_empty_elements(name: str, raw: str) -> None:
    assert REGISTRY.parse(name, raw).error is not None


def _token(cur: Cursor) -> str:
    return cur.token()


@pytest.mark.parametrize(("raw", "expected"), [
    (" , a", ("a",)),  # OWS before a comma: [ element ] *( OWS "," OWS [ element ] )
    ("a , ", ("a",)),
    ("a ,b", ("a", "b")),
    ("\t,a,\t", ("a",)),
])
def test_ows_around_commas_is_read(raw: str, expected: tuple[str, ...]) -> None:
    assert parse_list(raw, _token) == expected


@pytest.mark.parametrize(("raw", "start", "fragment", "position"), [
    (" a", 0, "whitespace before the first list element", 0),
    ("a ", 0, "whitespace after the last list element", 1),
    ("a, b\t", 0, "whitespace after the last list element", 4),
    ("x= a", 2, "whitespace before the first list element", 2),
])
def test_ows_with_no_comma_beside_it_is_an_error(raw: str, start: int, fragment: str,
                                                 position: int) -> None:
    with pytest.raises(FieldError) as info:
        parse_list(raw, _token, start=start)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("name", "raw", "position"), [
    ("Cache-Control", 'no-cache=" a"', 10),  # #field-name inside a quoted-string
    ("Cache-Control", 'private="a "', 10),
    ("Range", "bytes= 0-1", 6),  # ranges-specifier = range-unit "=" range-set: no OWS
])
def test_lists_inside_a_value_have_no_outer_ows(name: str, raw: str, position: int) -> None:
    parsed = REGISTRY.parse(name, raw)
    assert parsed.error is not None and "whitespace" in parsed.error.reason
    assert parsed.error.position == position


@pytest.mark.parametrize(("raw", "found"), [
    ("a,,b", [2]), (",a", [0]), ("a,", [1]), (",", [0]), (", ,a", [0, 2]), ("a, b", []),
    ('"a,,b",', [6]), ("", []),
])
def test_empty_elements_positions(raw: str, found: list[int]) -> None:
    assert empty_elements(raw) == found


def test_many_empty_elements_cost_linear_time_and_one_warning() -> None:
    raw = "a" + ",," * 50_000 + "b"
    began = time.perf_counter()
    parsed = REGISTRY.parse("Vary", raw)
    assert time.perf_counter() - began < 2.0
    assert parsed.value == ("a", "b")
    assert [w.position for w in parsed.warnings if SENDER_RULE in w.reason] == [2]
