"""The client tests' own tools: the relay's cutting of bytes into exchanges, and the checks,
which must each be able to fail (a check that cannot fail would pass every client)."""

from __future__ import annotations

import socket

import pytest

from ._checks import (
    field_problems,
    parse_command,
    raw_view_problems,
    table_problems,
    text_view_problems,
)
from ._wire import RecordingProxy, split_requests, split_responses

GET = b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
CHUNKED = (b"POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
           b"3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n")
LENGTH = b"POST /c HTTP/1.1\r\nHost: x\r\ncontent-length: 4\r\n\r\nwxyz"


@pytest.mark.parametrize(("data", "expected"), [
    (GET, [("GET /a HTTP/1.1", b"")]),
    (GET + CHUNKED + LENGTH, [("GET /a HTTP/1.1", b""), ("POST /b HTTP/1.1", b"abcde"),
                              ("POST /c HTTP/1.1", b"wxyz")]),
    (LENGTH[:-1], []),  # the content has not all arrived
    (GET + CHUNKED[:-2], [("GET /a HTTP/1.1", b"")]),  # no empty line after the trailers yet
])
def test_split_requests(data: bytes, expected: list[tuple[str, bytes]]) -> None:
    assert [(r.request_line, r.body) for r in split_requests(data)] == expected


def test_split_responses_skips_1xx_and_head_content() -> None:
    data = (b"HTTP/1.1 100 Continue\r\n\r\n"
            b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
            b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n"  # a HEAD answer: no content
            b"HTTP/1.1 304 Not Modified\r\n\r\n"
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nno")  # incomplete
    out = split_responses(data, ["POST", "HEAD", "GET", "GET"])
    assert [(r.status, r.body, interim) for r, interim in out] == [
        (200, b"ok", (100,)), (200, b"", ()), (304, b"", ())]


def test_the_relay_records_both_directions() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        proxy = RecordingProxy(server.getsockname()[1])
        try:
            with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as client:
                client.sendall(GET)
                upstream, _ = server.accept()
                with upstream:
                    received = b""
                    while not received.endswith(b"\r\n\r\n"):
                        received += upstream.recv(1024)
                    upstream.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi")
                    assert client.recv(1024).endswith(b"hi")
            assert received == GET
            (exchange,) = proxy.exchanges()
            assert exchange.request.head == GET and exchange.response.body == b"hi"
            assert exchange.request.sends({"host", "Accept"}) == {"Accept"}
        finally:
            proxy.stop()


HEAD = b"GET /x HTTP/1.1\r\nHost: a\r\nAccept: text/html\r\nX-Own: 1\r\nAge: ten\r\n\r\n"


def test_field_problems_name_unknown_invalid_and_proprietary_fields() -> None:
    accept, own, age = field_problems("c", parse_command(HEAD), frozenset({"accept"}))
    assert accept == "c: Accept: 'text/html': expected unknown (proprietary), but it is known"
    assert own == "c: X-Own: '1': not a known field"
    assert age.startswith("c: Age: 'ten': error at 0: ")  # the reason is the registry's


def test_standing_notes_pass_and_other_warnings_do_not() -> None:
    head = b"GET / HTTP/1.1\r\nHost: a\r\nPragma: no-cache\r\nDNT: 1\r\n\r\n"
    document = parse_command(head)
    assert [len(f["warnings"]) for f in document["fields"]] == [0, 1, 1]
    assert field_problems("c", document) == []
    document["fields"][1]["warnings"][0]["reason"] = "some other warning"
    assert field_problems("c", document) == ["c: Pragma: 'no-cache': warning at None: "
                                             "some other warning"]


def test_text_view_problems() -> None:
    doc = parse_command(HEAD.replace(b"Age: ten\r\n", b"").replace(b"X-Own: 1\r\n", b""))
    good = b"GET /x HTTP/1.1\nfrom a, 2 fields, all parsed\n\nHost    a\n  {}\nAccept  text/html\n"
    assert text_view_problems("c", doc, good) == []
    assert text_view_problems("c", doc, good.replace(b"Accept ", b"Accept\x1b"))
    assert text_view_problems("c", doc, good.replace(b"Host    a\n", b""))


def test_raw_view_problems() -> None:
    shown = "GET /a HTTP/1.1\\r\\n\nHost: x\\r\\n\n\\r\\n\n"
    assert raw_view_problems("c", GET, shown.encode()) == []
    assert raw_view_problems("c", GET, shown.replace("x", "y").encode())


def test_table_problems() -> None:
    doc = parse_command(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n")
    assert table_problems("c", doc, [([], ["Host", "a", "a", "RFC 9110, 7.2"])]) == []
    assert table_problems("c", doc, [(["error"], ["Host", "a", "x", "r"])])
    assert table_problems("c", doc, [([], ["Host", "b", "x", "r"])])
    assert table_problems("c", doc, [([], ["Host", "a", "", "r"])])  # no parsed value shown
    assert table_problems("c", doc, [])
