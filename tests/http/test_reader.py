"""The reader's events: heads before bodies, pipelining, sticky errors, buffering."""

from __future__ import annotations

import pytest

from headerscope.http import NEED_DATA, HeadComplete, HTTPError, Request, RequestReader

from ._support import bytewise, read

GET = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"
POST = b"POST /p HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"


def test_head_complete_comes_before_a_body_still_to_arrive() -> None:
    reader = RequestReader()
    reader.feed(POST)
    event = reader.next_event()
    assert isinstance(event, HeadComplete)
    assert event.request.expect_continue and event.request.body == b""
    assert reader.next_event() is NEED_DATA
    reader.feed(b"hel")
    assert reader.next_event() is NEED_DATA  # announced once only
    reader.feed(b"lo")
    request = reader.next_event()
    assert isinstance(request, Request) and request.body == b"hello"
    assert request is event.request


def test_no_head_event_when_the_body_came_with_the_head() -> None:
    outcome = read(POST + b"hello")
    assert outcome.heads == 0 and outcome.requests[0].body == b"hello"


def test_pipelined_requests_come_out_in_order() -> None:
    data = b"".join(
        b"GET /%d HTTP/1.1\r\nHost: a\r\n\r\n" % i for i in range(3)
    ) + POST + b"hello" + b"\r\n" + GET  # a stray CRLF after a body is allowed (RFC 9112, 2.2)
    for chunks in ([data], bytewise(data)):
        outcome = read(chunks)
        assert [r.target for r in outcome.requests] == ["/0", "/1", "/2", "/p", "/"]
        assert outcome.buffered == 0


def test_partial_next_request_is_left_buffered() -> None:
    outcome = read(GET + b"GET /next HT")
    assert len(outcome.requests) == 1 and outcome.buffered == len(b"GET /next HT")


def test_an_error_is_sticky() -> None:
    reader = RequestReader()
    reader.feed(b"GET / HTTP/1.1\r\nBad Name: x\r\n\r\n")
    with pytest.raises(HTTPError) as first:
        reader.next_event()
    reader.feed(GET)
    with pytest.raises(HTTPError) as second:
        reader.next_event()
    assert first.value is second.value


def test_empty_reader_needs_data() -> None:
    reader = RequestReader()
    assert reader.next_event() is NEED_DATA and reader.buffered == 0
