"""Large requests are answered on the worker thread (server/_offload.py), and the loop stays free.

The test app splits as pages/app.py does: the page is built on the thread, the finishing step
(the capture, in the real app) runs back on the loop. Each test says where each step ran, that
answers keep their order on a connection, and what happens when a build fails, a client goes
away meanwhile, or too many large requests wait.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import h2.config
import h2.connection
import h2.events
import pytest

from headerscope.captures.service import StoreConfig
from headerscope.http import ConnectionInfo, Request, Response
from headerscope.pages import captures_pages, captures_routes
from headerscope.pages.app import PageOptions, make_app
from headerscope.pages.captures_diff import diff_answer
from headerscope.server import _offload

from ._support import Start, connect, echo_app, exchange, get, parse_replies, receive
from .test_http2 import _exchange

PAD = "p" * _offload.OFFLOAD_BYTES  # a field value that makes a request large


class SplitApp:
    """echo_app, with the split of pages/app.py: `seen` says, for each large request, the
    thread its answer was built on and the thread it was finished on. A request for /slow
    waits for `gate` on the worker thread."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, str]] = []
        self.gate = threading.Event()
        self.building = threading.Event()

    def __call__(self, request: Request, info: ConnectionInfo) -> Response:
        return echo_app(request, info)

    def split(self, request: Request, info: ConnectionInfo
              ) -> Callable[[], Callable[[], Response]] | None:
        if request.target.startswith("/kept"):
            return None  # as the capture pages: answered on the loop

        def work() -> Callable[[], Response]:
            built_on = threading.current_thread().name
            if request.target == "/slow":
                self.building.set()
                assert self.gate.wait(10)
            response = echo_app(request, info)  # /boom raises

            def finish() -> Response:
                self.seen.append((request.target, built_on, threading.current_thread().name))
                return response
            return finish
        return work


def _seen_soon(app: SplitApp) -> list[str]:
    """The targets finished, once the worker thread's last answer is back on the loop."""
    deadline = time.monotonic() + 5
    while not app.seen and time.monotonic() < deadline:
        time.sleep(0.01)
    return [target for target, _, _ in app.seen]


def large(target: str, *, close: bool = False) -> bytes:
    connection = "Connection: close\r\n" if close else ""
    return f"GET {target} HTTP/1.1\r\nHost: a\r\nX-Pad: {PAD}\r\n{connection}\r\n".encode()


def small(target: str, *, close: bool = False) -> bytes:
    connection = "Connection: close\r\n" if close else ""
    return f"GET {target} HTTP/1.1\r\nHost: a\r\n{connection}\r\n".encode()


def test_large_requests_are_built_on_the_thread_and_answered_in_order(start: Start) -> None:
    app = SplitApp()
    server = start(app)
    pipeline = small("/a") + large("/b") + small("/c") + large("/d") + large("/kept")
    result = exchange(server.port, pipeline + small("/e", close=True))
    assert [r.body.split(b"\n")[0] for r in result.replies] == [
        b"GET /a", b"GET /b", b"GET /c", b"GET /d", b"GET /kept", b"GET /e"]
    assert [r.status for r in result.replies] == [200] * 6 and result.closed
    # The request numbers go on in order across the thread's answers.
    assert [r.body.split(b"\n")[1] for r in result.replies] == [
        f"number={n}".encode() for n in range(1, 7)]
    assert [target for target, _, _ in app.seen] == ["/b", "/d"]
    loop_thread = server.thread.name
    for _, built_on, finished_on in app.seen:
        assert built_on.startswith("headerscope-pages") and finished_on == loop_thread


def test_the_loop_answers_others_while_a_large_page_is_built(start: Start) -> None:
    app = SplitApp()
    server = start(app)
    with connect(server.port) as slow:
        slow.sendall(large("/slow") + small("/after", close=True))
        assert app.building.wait(5)
        # The thread is busy with /slow: small and large requests from others still come
        # in; the small one is answered at once, the large one waits its turn.
        assert get(server.port, "/hello").status == 200
        with connect(server.port) as other:
            other.sendall(large("/queued", close=True))
            assert get(server.port, "/again").status == 200
            app.gate.set()
            data, closed = receive(other, idle=3)
        assert [r.status for r in parse_replies(data)[0]] == [200] and closed
        data, closed = receive(slow, idle=3)
    replies, _ = parse_replies(data)
    assert [r.body.split(b"\n")[0] for r in replies] == [b"GET /slow", b"GET /after"]
    assert closed
    assert [target for target, _, _ in app.seen] == ["/slow", "/queued"]


def test_a_build_that_fails_on_the_thread_is_a_500_and_the_server_goes_on(
        start: Start, caplog: pytest.LogCaptureFixture) -> None:
    server = start(SplitApp())
    result = exchange(server.port, large("/boom") + small("/never"))
    assert [r.status for r in result.replies] == [500] and result.closed
    assert b"application failed" in result.replies[0].body
    assert "application error answering a large request" in caplog.text
    assert get(server.port).status == 200


def test_a_client_gone_while_its_page_is_built_is_still_finished(start: Start) -> None:
    app = SplitApp()
    server = start(app)
    with connect(server.port) as sock:
        sock.sendall(large("/slow"))
        assert app.building.wait(5)
    app.gate.set()  # the client has closed: the answer has nowhere to go
    assert get(server.port).status == 200
    assert _seen_soon(app) == ["/slow"]  # recorded all the same


def test_too_many_large_requests_waiting_are_refused(
        start: Start, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_offload, "MAX_WAITING", 2)
    app = SplitApp()
    server = start(app)
    socks = [connect(server.port) for _ in range(2)]
    try:
        socks[0].sendall(large("/slow"))
        assert app.building.wait(5)
        socks[1].sendall(large("/waits"))
        # Both places are taken (the one being built, the one waiting): the next is a 503,
        # and small requests are not affected.
        refused = exchange(server.port, large("/third"))
        assert [r.status for r in refused.replies] == [503] and refused.closed
        assert b"too many large requests" in refused.replies[0].body
        assert refused.replies[0].header("Retry-After") == "1"
        assert get(server.port).status == 200
        app.gate.set()
        for sock in socks:
            sock.sendall(small("/bye", close=True))
            data, _ = receive(sock, idle=3)
            assert [r.status for r in parse_replies(data)[0]] == [200, 200]
    finally:
        for sock in socks:
            sock.close()


def test_http2_large_requests_are_built_on_the_thread(start: Start) -> None:
    app = SplitApp()
    server = start(app)
    body = b"x" * _offload.OFFLOAD_BYTES
    with connect(server.port) as sock:
        answers = _exchange(sock, [("/a", b""), ("/b", body), ("/c", b"")])
    assert [headers[":status"] for headers, _ in answers] == ["200"] * 3
    assert [b.split(b"\n")[0] for _, b in answers] == [b"GET /a", b"POST /b", b"GET /c"]
    assert [(t, built.startswith("headerscope-pages")) for t, built, _ in app.seen] == [
        ("/b", True)]


def test_http2_a_stream_reset_while_its_page_is_built_gets_nothing(start: Start) -> None:
    app = SplitApp()
    server = start(app)
    conn = h2.connection.H2Connection(h2.config.H2Configuration(
        client_side=True, header_encoding="latin-1"))
    conn.initiate_connection()
    with connect(server.port) as sock:
        conn.send_headers(1, [(":method", "POST"), (":scheme", "http"), (":authority", "a"),
                              (":path", "/slow")])
        conn.send_data(1, b"x" * _offload.OFFLOAD_BYTES, end_stream=True)
        sock.sendall(conn.data_to_send())
        assert app.building.wait(5)
        conn.reset_stream(1)
        sock.sendall(conn.data_to_send())
        assert _exchange(sock, [("/next", b"")], conn)[0][0][":status"] == "200"
        app.gate.set()
        # Whatever the server sends from now until /last is answered: nothing on stream 1.
        conn.send_headers(5, [(":method", "GET"), (":scheme", "http"), (":authority", "a"),
                              (":path", "/last")], end_stream=True)
        sock.sendall(conn.data_to_send())
        sock.settimeout(5)
        events: list[h2.events.Event] = []
        while not any(isinstance(e, h2.events.StreamEnded) and e.stream_id == 5
                      for e in events):
            data = sock.recv(65536)
            assert data, "the server closed the connection"
            events += conn.receive_data(data)
    assert not [e for e in events if isinstance(e, h2.events.ResponseReceived)
                and e.stream_id == 1]
    assert [e.stream_id for e in events if isinstance(e, h2.events.ResponseReceived)] == [5]
    assert _seen_soon(app) == ["/slow"]


def test_the_inspector_captures_large_requests_and_draws_capture_pages_on_the_thread(
        start: Start, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[tuple[str, str]] = []  # (page, thread) for each capture page drawn

    def spy(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            drawn.append((name, threading.current_thread().name))
            return original(*args)
        return wrapper

    monkeypatch.setattr(captures_pages, "detail", spy("detail", captures_pages.detail))
    monkeypatch.setattr(captures_routes, "diff_answer", spy("diff", diff_answer))
    app = make_app(PageOptions(store=StoreConfig()))
    server = start(app)
    result = exchange(server.port, large("/?format=text") + large("/?format=json")
                      + large("/captures?format=json") + small("/captures/1?format=json")
                      + small("/captures/1/diff/2") + small("/captures/1.curl")
                      + small("/captures?format=json", close=True))
    assert [r.status for r in result.replies] == [200] * 7
    assert b"x-pad" in result.replies[0].body.lower()
    # The large requests were recorded (on the loop, after their pages were built on the
    # thread); the capture pages were not.
    listing = result.replies[6].body.decode()
    assert listing.count('"target": "/?format=') == 2 and "/captures" not in listing
    # One capture's page and a diff are drawn on the thread, though the requests are small:
    # parsing the stored heads costs what the inspector's page for them did.
    assert '"target": "/?format=text"' in result.replies[3].body.decode()
    assert [(name, thread.startswith("headerscope-pages")) for name, thread in drawn] == [
        ("detail", True), ("diff", True)]
    assert result.replies[5].body.startswith(b"# capture #1")


def test_an_app_without_split_answers_large_requests_on_the_loop(start: Start) -> None:
    server = start(echo_app)
    reply = exchange(server.port, large("/x", close=True)).replies
    assert [r.status for r in reply] == [200] and reply[0].body.startswith(b"GET /x")

