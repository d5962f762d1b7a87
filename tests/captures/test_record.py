"""Building a capture from what the server has, the bin of a path, and redaction."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from headerscope.captures import TLSFacts, bin_of, capture_request, count_diagnostics
from headerscope.captures.record import redact_lines
from headerscope.http import ConnectionInfo, FieldLine, Request
from headerscope.pages.inspection import REDACTED, inspect_fields

from ..pages.helpers import INFO, make_request


@pytest.mark.parametrize(("path", "expected"), [
    ("/bin/abc", "abc"),
    ("/bin/abc/", "abc"),
    ("/bin/abc/x/y", "abc"),
    ("/bin/%3Cscript%3E/x", "%3Cscript%3E"),  # as sent, never decoded
    ("/bin/", None),
    ("/bin", None),
    ("/binabc", None),
    ("/x/bin/abc", None),
    ("/bin/" + "a" * 64, "a" * 64),
    ("/bin/" + "a" * 65, None),
])
def test_bin_of(path: str, expected: str | None) -> None:
    assert bin_of(path) == expected


def test_capture_request_keeps_bytes_and_facts() -> None:
    request = make_request([("Host", "h"), ("accept", "text/html"), ("Accept", "x/y"),
                            ("Date", "not a date")], method="POST",
                           target="/bin/mine/page?q=1", body=b"\x00\xff" * 10,
                           trailers=[("X-Sum", "1")])
    section = inspect_fields([(f.name, f.value) for f in request.fields])
    when = datetime(2026, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)
    c = capture_request(request, INFO, 201, diagnostics=count_diagnostics(section),
                        body_limit=8, when=when)
    assert c.head == request.head
    assert (c.body, c.body_length, c.body_cut) == (b"\x00\xff" * 4, 20, True)
    assert c.trailers == b"X-Sum: 1\r\n"
    assert (c.time, c.bin, c.status, c.protocol, c.tls) == (when, "mine", 201, "HTTP/1.1", None)
    assert (c.client, c.server) == (INFO.client, INFO.server)
    s = c.summary
    assert (s.method, s.target, s.path, s.field_count) == ("POST", "/bin/mine/page?q=1",
                                                            "/bin/mine/page", 4)
    assert s.diagnostics >= 1  # the invalid Date
    assert c.size == len(c.head) + 8 + len(c.trailers)


def test_capture_time_is_utc_now_with_microseconds() -> None:
    before = datetime.now(UTC)
    c = capture_request(make_request([]), INFO, 200, diagnostics=0)
    assert c.time.tzinfo is UTC and before <= c.time <= datetime.now(UTC)


def test_tls_facts() -> None:
    tls_info = ConnectionInfo(INFO.client, INFO.server, 1, True)
    assert capture_request(make_request([]), tls_info, 200, diagnostics=0).tls == TLSFacts()
    facts = TLSFacts("TLSv1.3", "TLS_AES_128_GCM_SHA256", "http/1.1", "example.com")
    c = capture_request(make_request([]), tls_info, 200, diagnostics=0, tls=facts)
    assert c.tls == facts


def test_redaction_before_storing() -> None:
    request = make_request([("Host", "h"), ("Authorization", "Bearer s3cret"),
                            ("authorization", "Basic c2VjcmV0"), ("X-Authorization", "keep")],
                           target="/authorization:x", trailers=[("Authorization", "t0ken")])
    c = capture_request(request, INFO, 200, diagnostics=0,
                        redact=frozenset({"authorization"}))
    assert b"s3cret" not in c.head and b"c2VjcmV0" not in c.head and b"t0ken" not in c.trailers
    r = REDACTED.encode()
    assert c.head == (b"GET /authorization:x HTTP/1.1\r\nHost: h\r\nAuthorization: " + r
                      + b"\r\nauthorization: " + r + b"\r\nX-Authorization: keep\r\n\r\n")
    assert c.trailers == b"Authorization: " + r + b"\r\n"


@pytest.mark.parametrize(("data", "expected"), [
    # the whitespace after the colon stays; the value, and its obs-fold lines, go
    (b"GET / HTTP/1.1\r\nCookie:\t a=1\r\n b=2\r\nX: 1\r\n\r\n",
     b"GET / HTTP/1.1\r\nCookie:\t (redacted)\r\nX: 1\r\n\r\n"),
    (b"GET / HTTP/1.1\nCOOKIE:a\n\n", b"GET / HTTP/1.1\nCOOKIE:(redacted)\n\n"),
    (b"GET / HTTP/1.1\r\nCookie:\r\n\r\n", b"GET / HTTP/1.1\r\nCookie:(redacted)\r\n\r\n"),
    # a request line that looks like a field is not one
    (b"Cookie: x HTTP/1.1\r\n\r\n", b"Cookie: x HTTP/1.1\r\n\r\n"),
])
def test_redact_lines(data: bytes, expected: bytes) -> None:
    assert redact_lines(data, frozenset({"cookie"}), skip_first=True) == expected


def test_no_redaction_leaves_the_head_object() -> None:
    request = Request("GET", "/", "HTTP/1.1", b"GET / HTTP/1.1\r\nA: b\r\n\r\n",
                      [FieldLine("A", "b", b"A: b")])
    c = capture_request(request, INFO, 200, diagnostics=0, redact=frozenset({"cookie"}))
    assert c.head is request.head  # nothing copied when no redacted field is present
