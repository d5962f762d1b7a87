"""The curl command, run: `sh -c` sends it through the real curl to a listener on 127.0.0.1
that records the bytes, which must be the capture's (export.to_http) unless a difference is
listed. Hostile captures must never run anything."""

from __future__ import annotations

import contextlib
import os
import queue
import re
import socket
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from headerscope.captures import Capture, to_curl, to_http
from headerscope.captures.curl import quote

from ..conftest import require_tool
from .helpers import capture, head_of

_OK = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class Listener:
    """Accepts connections one after another and records each request's bytes."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.received: queue.Queue[bytes] = queue.Queue()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                data = _read_request(conn)
                self.received.put(data)
                with contextlib.suppress(OSError):
                    conn.sendall(_OK)

    def close(self) -> None:
        self.sock.close()


def _read_request(conn: socket.socket) -> bytes:
    """One request: the head, then Content-Length octets or chunks; what came on a timeout."""
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            more = conn.recv(65536)
            if not more:
                return data
            data += more
        end = data.index(b"\r\n\r\n") + 4
        head = data[:end].lower()
        if re.search(rb"\r\ntransfer-encoding:[^\r]*chunked", head):
            while not _chunks_done(data[end:]):
                more = conn.recv(65536)
                if not more:
                    break
                data += more
            return data
        m = re.search(rb"\r\ncontent-length: *([0-9]+)", head)
        need = end + (int(m.group(1)) if m else 0)
        while len(data) < need:
            more = conn.recv(65536)
            if not more:
                break
            data += more
    except TimeoutError:
        pass
    return data


def _chunks_done(body: bytes) -> bool:
    """Whether `body` holds a whole chunked content (anything that is not chunks: yes)."""
    try:
        return _chunks_end(body)
    except ValueError:
        return True


def _chunks_end(body: bytes) -> bool:
    pos = 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            return False
        size = int(body[pos:eol].split(b";")[0] or b"0", 16)
        if size == 0:  # then trailer lines, and the empty line
            return body.endswith(b"\r\n\r\n") or body[eol:] == b"\r\n\r\n"
        pos = eol + 2 + size + 2
        if pos > len(body):
            return False


@dataclass
class Runner:
    listener: Listener
    env: dict[str, str]

    def run(self, c: Capture) -> tuple[bytes | None, list[str]]:
        command, diffs = to_curl(c, url=f"http://127.0.0.1:{self.listener.port}")
        # printable ASCII on every line: safe to copy and paste into a terminal
        assert all(line.isascii() and line.isprintable() for line in command.split("\n"))
        result = subprocess.run(["sh", "-c", command + " -sS -o /dev/null --max-time 3"],
                                env=self.env, capture_output=True, timeout=20, check=False)
        try:
            got = self.listener.received.get(timeout=0.5 if result.returncode else 5)
        except queue.Empty:
            got = None
        return got, diffs


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    require_tool("curl")
    listener = Listener()
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["HOME"] = str(tmp_path_factory.mktemp("home"))  # no ~/.curlrc (and -q says so too)
    yield Runner(listener, env)
    listener.close()


H = [("Host", "example.com"), ("User-Agent", "ua/1"), ("Accept", "*/*")]

EXACT = [
    pytest.param(head_of(H), b"", id="plain GET"),
    pytest.param(head_of([b"Host: h", b"X-Sp:   a  b \t", b"x-y:1", b"X-E:"]), b"",
                 id="case, whitespace, empty value"),
    pytest.param(head_of([("Accept", "a"), ("X", "1")], version="HTTP/1.0"), b"",
                 id="HTTP/1.0, no Host or User-Agent"),
    pytest.param(head_of([("Host", "h"), ("Content-Length", "12")], method="POST"),
                 b"a'b\"c\\d%\x00\n\xff!", id="binary POST body"),
    pytest.param(head_of([("Host", "h"), ("Content-Length", "2")], method="PUT"), b"{}",
                 id="PUT"),
    pytest.param(head_of([("Host", "h"), ("Content-Length", "0")], method="POST"), b"",
                 id="empty POST"),
    pytest.param(head_of([("Host", "h")], method="HEAD"), b"", id="HEAD"),
    pytest.param(head_of([("Host", "h")], method="OPTIONS", target="*"), b"", id="asterisk"),
    pytest.param(head_of([("Host", "h")], target="http://other/x?y"), b"", id="absolute-form"),
    pytest.param(head_of([("Host", "h")], method="g'$(x)`", target="/a/../b/./{c}[d]#e?f=$(g)'\"`"),
                 b"", id="hostile method and target"),
    pytest.param(head_of([("Host", "h"), ("X-Q", "'$(touch CANARY)'`touch CANARY`\"\\!")]), b"",
                 id="hostile value"),
    pytest.param(head_of([("Host", "h"), ("X-Bytes", "caf\xe9 \x80\xff\tend")]), b"",
                 id="obs-text and tab"),
    pytest.param(head_of([("Host", "h"), ("Transfer-Encoding", "chunked")], method="POST"),
                 b"hello", id="chunked"),
]


@pytest.mark.parametrize(("head", "body"), EXACT)
def test_exact(runner: Runner, head: bytes, body: bytes, tmp_path: Path) -> None:
    head = head.replace(b"CANARY", str(tmp_path / "ran").encode())
    c = capture(head, body)
    got, diffs = runner.run(c)
    assert diffs == []
    assert got == to_http(c)
    assert not (tmp_path / "ran").exists()


DIFFERENT = [
    pytest.param(head_of([("X", "1"), ("Host", "h")]), b"", b"", "first field line",
                 id="Host not first"),
    pytest.param(head_of([("HOST", "h")]), b"", b"", "spells the name", id="Host case"),
    pytest.param(head_of([("Host", "h"), ("Host", "i")]), b"", b"", "only the first Host",
                 id="two Host lines"),
    pytest.param(head_of([b"Host: h", b"X:   "]), b"", b"", "whitespace of an empty value",
                 id="whitespace-only value"),
    pytest.param(head_of([b"Host: h", b"X: a", b"  b"]), b"", b"", "obs-fold", id="obs-fold"),
    pytest.param(b"GET / HTTP/1.1\nHost: h\n\n", b"", b"", "bare LF", id="bare LF"),
    pytest.param(head_of([b"Host: h", b"no colon", b"@x: y", b": v"]), b"", b"",
                 "not sent", id="lines curl cannot send"),
    pytest.param(head_of([b"Host: h", b"X: a\x00b"]), b"", b"", "NUL", id="NUL"),
    pytest.param(head_of([("Host", "h"), ("Transfer-Encoding", "chunked")], method="POST"),
                 b"abc", b"X-T: 1\r\n", "trailer", id="trailers"),
    pytest.param(head_of([("Host", "h")], method="POST"), b"abc", b"", "Content-Length",
                 id="no Content-Length"),
    pytest.param(head_of([("Host", "h")], version="HTTP/1.7"), b"", b"", "HTTP/1.1",
                 id="other version"),
]


@pytest.mark.parametrize(("head", "body", "trailers", "fragment"), DIFFERENT)
def test_listed_differences(runner: Runner, head: bytes, body: bytes, trailers: bytes,
                            fragment: str) -> None:
    c = capture(head, body, trailers=trailers)
    got, diffs = runner.run(c)
    assert any(fragment in d for d in diffs), diffs
    assert got is not None and got != to_http(c)  # the difference is real


def test_cut_body_still_sends_a_complete_request(runner: Runner) -> None:
    c = capture(head_of([("Host", "h"), ("Content-Length", "10")], method="POST"), b"abc",
                body_length=10)
    got, diffs = runner.run(c)
    assert any("3 of 10" in d for d in diffs)
    assert got == b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"


def test_quote() -> None:
    assert quote("-H") == "-H"
    assert quote("a b") == "'a b'"
    assert quote("it's") == "'it'\\''s'"
    assert quote("=x") == "'=x'"
    assert quote("\xff%\x00") == "\"$(printf '\\377%%\\000')\""
    assert quote("-\xff") == "\"$(printf '\\055\\377')\""


TCHAR = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
tokens = st.text(TCHAR, min_size=1, max_size=12)
FIELD_VCHAR = [chr(c) for c in (9, *range(0x20, 0x7F), *range(0x80, 0x100))]  # and HTAB, SP
field_text = st.text(st.sampled_from(FIELD_VCHAR), max_size=30)


@st.composite
def lawful(draw: st.DrawFn) -> Capture:
    """What the server accepts: token names and methods, field-vchar values, a target of
    visible ASCII, any body."""
    fields = [("Host", "example.com")]
    for name, value in draw(st.lists(st.tuples(tokens, field_text), max_size=6)):
        value = value.strip(" \t")
        if value:
            fields.append(("X-" + name, value))
    body = draw(st.binary(max_size=200))
    if body:
        fields.append(("Content-Length", str(len(body))))
    target = "/" + draw(st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E),
                                max_size=30))
    return capture(head_of(fields, method=draw(tokens), target=target), body)


SHELL = ["$(touch {c})", "`touch {c}`", "'; touch {c}; '", '"; touch {c}; "', "\\'$(touch {c})",
         "\n$(touch {c})\n", "!!", "%s%n%x"]


@st.composite
def hostile(draw: st.DrawFn, canary: str) -> Capture:
    """Anything at all in names, values and the target, shell syntax included."""
    pieces = st.one_of(st.binary(max_size=20),
                       st.sampled_from(SHELL).map(lambda s: s.format(c=canary).encode()))
    chunks = st.lists(pieces, max_size=3).map(b"".join)
    lines = [b"Host: h"] + [n + b":" + v for n, v in draw(st.lists(st.tuples(chunks, chunks),
                                                                    max_size=4))]
    target = b"/" + draw(chunks).replace(b"\n", b"").replace(b" ", b"")
    head = b"GET " + target + b" HTTP/1.1\r\n" + b"".join(line + b"\r\n" for line in lines)
    return capture(head + b"\r\n")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(c=lawful())
@example(c=capture(head_of([("Host", "h"), ("Content-Length", "2")], method="0"), b"-\x00"))
def test_lawful_requests_are_sent_exactly(runner: Runner, c: Capture) -> None:
    got, diffs = runner.run(c)
    assert diffs == []
    assert got == to_http(c)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
@example(data=None)
def test_hostile_requests_run_nothing(runner: Runner, tmp_path: Path,
                                      data: st.DataObject | None) -> None:
    canary = tmp_path / "ran"
    c = data.draw(hostile(str(canary))) if data is not None else capture(head_of(
        [b"Host: h", b"X: $(touch " + str(canary).encode() + b")"]))
    got, diffs = runner.run(c)
    assert not canary.exists()
    # a page may print the differences as shell comments: one printable ASCII line each
    assert all(d.isascii() and d.isprintable() for d in diffs)
    if not diffs:
        assert got == to_http(c)
    event("exact" if got == to_http(c) else "differs, listed")
