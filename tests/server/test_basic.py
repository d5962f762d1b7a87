"""The server over real sockets: responses, keep-alive, pipelining, HEAD, bodies, errors."""

from __future__ import annotations

import logging
import socket

import pytest

from ._support import RunningServer, Start, connect, exchange, get, parse_replies, receive

GET = b"GET /%d HTTP/1.1\r\nHost: a\r\n\r\n"


def test_a_response_has_the_fields_the_server_owns(server: RunningServer) -> None:
    reply = get(server.port, "/x?y=1")
    assert reply.status == 200 and reply.body.startswith(b"GET /x?y=1\nnumber=1\n")
    assert reply.header("Server") == server.config.server_name
    assert (reply.header("Date") or "").endswith(" GMT")
    assert reply.header("Content-Length") == str(len(reply.body))
    assert reply.header("Connection") == "close"


def test_keep_alive_numbers_requests_on_a_connection(server: RunningServer) -> None:
    with connect(server.port) as sock:
        for number in (1, 2, 3):
            sock.sendall(GET % number)
            data = b""
            while b"\n" not in data.partition(b"\r\n\r\n")[2].partition(b"\n")[2]:
                data += sock.recv(4096)
            (reply,), _ = parse_replies(data)
            assert f"number={number}".encode() in reply.body
            assert reply.header("Connection") is None


def test_pipelined_responses_come_in_order_in_one_write(server: RunningServer) -> None:
    data = b"".join(GET % i for i in range(50)) + b"GET /last HTTP/1.1\r\nHost: a\r\n\r\n"
    result = exchange(server.port, data)
    assert [r.body.split(b"\n")[0] for r in result.replies] == [
        *(b"GET /%d" % i for i in range(50)), b"GET /last"
    ]


@pytest.mark.parametrize(
    ("request_bytes", "keep_header", "closed"),
    [
        (b"GET / HTTP/1.0\r\n\r\n", None, True),
        (b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "keep-alive", False),
        (b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", "close", True),
        (b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", None, False),
    ],
)
def test_keep_alive_decided_by_version_and_connection(
    server: RunningServer, request_bytes: bytes, keep_header: str | None, closed: bool
) -> None:
    result = exchange(server.port, request_bytes + GET % 2, idle=0.3)
    assert result.replies[0].header("Connection") == (keep_header if not closed else "close")
    assert len(result.replies) == (1 if closed else 2)
    if closed:
        assert result.closed


def test_head_gets_the_fields_without_the_body(server: RunningServer) -> None:
    result = exchange(server.port, b"HEAD /h HTTP/1.1\r\nHost: a\r\n\r\n" + GET % 2,
                      head_requests=1)
    head, following = result.replies
    assert head.body == b"" and int(head.header("Content-Length") or 0) > 0
    assert following.body.startswith(b"GET /2\n")  # the next response is framed correctly


def test_chunked_body_and_trailers_reach_the_app(server: RunningServer) -> None:
    data = (b"POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nX-Sum: 5\r\n\r\n") + GET % 2
    first, second = exchange(server.port, data).replies
    assert b"body=b'abcde'" in first.body and b"('X-Sum', '5')" in first.body
    assert second.body.startswith(b"GET /2")


def test_100_continue_only_while_the_body_is_awaited(server: RunningServer) -> None:
    head = b"POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"
    with connect(server.port) as sock:
        sock.sendall(head)
        assert sock.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(b"hello")
        data, _ = receive(sock, idle=0.3)
    (reply,), _ = parse_replies(data)
    assert reply.status == 200 and b"body=b'hello'" in reply.body
    sent_at_once = exchange(server.port, head + b"hello", idle=0.3)
    assert b"100 Continue" not in sent_at_once.rest
    assert [r.status for r in sent_at_once.replies] == [200]


def test_too_large_body_with_expect_gets_413_and_no_100(server: RunningServer) -> None:
    result = exchange(server.port, b"POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
                      b"Content-Length: 99999999\r\n\r\n")
    assert [r.status for r in result.replies] == [413] and result.closed


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n\r\n", 400),
        (b"CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n", 405),
        (b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\n\r\n" + b"x" * 200_000, 413),
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: a\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: a\r\nX: " + b"a" * 20000 + b"\r\n\r\n", 431),
        (b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
        (b"GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
    ],
)
def test_framing_errors_answer_inert_text_and_close(
    server: RunningServer, data: bytes, status: int
) -> None:
    result = exchange(server.port, data + GET % 2)
    assert [r.status for r in result.replies] == [status] and result.closed
    reply = result.replies[0]
    assert reply.header("Content-Type") == "text/plain; charset=utf-8"
    assert reply.header("X-Content-Type-Options") == "nosniff"
    assert reply.header("Connection") == "close"
    assert get(server.port).status == 200  # and the server goes on serving


def test_app_exception_is_a_500_logged_once(
    server: RunningServer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="headerscope.server"):
        reply = get(server.port, "/boom")
    assert reply.status == 500 and b"RuntimeError" not in reply.body
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None
    assert get(server.port).status == 200


def test_max_requests_per_connection(start: Start) -> None:
    server = start(max_requests=3)
    result = exchange(server.port, b"".join(GET % i for i in range(5)))
    assert [r.header("Connection") for r in result.replies] == [None, None, "close"]
    assert result.closed


def test_access_log_line_per_request(start: Start, caplog: pytest.LogCaptureFixture) -> None:
    server = start(access_log=True)
    with caplog.at_level(logging.INFO, logger="headerscope.access"):
        get(server.port, "/logged")
        exchange(server.port, b"BAD\x00\r\n\r\n")
    lines = [r.getMessage() for r in caplog.records if r.name == "headerscope.access"]
    assert lines == ['127.0.0.1 "GET /logged HTTP/1.1" 200 ' + lines[0].rsplit(" ", 1)[1],
                     '127.0.0.1 "-" 400 ' + lines[1].rsplit(" ", 1)[1]]


def test_half_close_after_sending_still_gets_the_answers(server: RunningServer) -> None:
    with connect(server.port) as sock:
        sock.sendall(b"".join(GET % i for i in range(3)))
        sock.shutdown(socket.SHUT_WR)
        data, closed = receive(sock)
    replies, _ = parse_replies(data)
    assert len(replies) == 3 and closed
