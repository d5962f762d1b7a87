"""Request profiles: what they send, parsed back by our reader and by the field registry, and
the same bytes for request n from our generator and from wrk."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from headerscope.bench.h2load import header_arguments
from headerscope.bench.loadgen import LoadGenerator
from headerscope.bench.profiles import FIXED_IN_VARIED, PROFILES, fill, request_bytes
from headerscope.bench.wrk import run_wrk
from headerscope.headers import REGISTRY
from headerscope.http import Request, RequestReader
from tests.conftest import require_tool

SAMPLE_N = (0, 1, 7, 999, 1000, 123456, 999999)


def _parse(data: bytes) -> Request:
    reader = RequestReader()
    reader.feed(data)
    request = reader.next_event()
    assert isinstance(request, Request)
    return request


@pytest.mark.parametrize(("name", "n", "fields"), [
    ("chromium", 7, 15), ("firefox", 7, 13), ("curl", 7, 3), ("host", 7, 1), ("varied", 7, 17),
    ("browser", 6, 15), ("browser", 7, 13)])
def test_each_profile_is_a_valid_request_with_its_fields(name: str, n: int,
                                                         fields: int) -> None:
    make = request_bytes(PROFILES[name], "127.0.0.1:8080", "/x", close=False)
    request = _parse(make(n))
    assert (request.method, request.target, request.version) == ("GET", "/x", "HTTP/1.1")
    assert len(request.fields) == fields
    assert request.fields[0].name == "Host" and request.fields[0].value == "127.0.0.1:8080"


@pytest.mark.parametrize("name", ["chromium", "firefox", "varied", "browser"])
def test_close_mode_is_the_articles_http_1_0_without_keep_alive(name: str) -> None:
    make = request_bytes(PROFILES[name], "h", "/", close=True)
    for n in (0, 1):
        request = _parse(make(n))
        assert request.version == "HTTP/1.0"
        assert not request.keep_alive
        assert all(f.name.lower() != "connection" for f in request.fields)


@pytest.mark.parametrize("name", sorted(PROFILES))
@pytest.mark.parametrize("n", SAMPLE_N)
def test_every_field_of_every_profile_parses_clean(name: str, n: int) -> None:
    """No error and no warning from the registry: a benchmark of valid requests only."""
    for fields in PROFILES[name].requests:
        for field, template in fields:
            parsed = REGISTRY.parse(field, fill(template, "127.0.0.1:8080", n))
            assert parsed.known, field  # every field a browser sends has a parser
            assert parsed.error is None, (field, parsed.raw, parsed.error)
            assert parsed.warnings == (), (field, parsed.raw, parsed.warnings)


def _values(n: int) -> dict[str, str]:
    return {name: fill(v, "127.0.0.1:8080", n) for name, v in PROFILES["varied"].fields}


@pytest.mark.parametrize(("a", "b"), [(0, 1), (7, 1007), (999, 1000), (123456, 999999),
                                      (1, 10), (12, 120)])
def test_varied_changes_every_value_but_three(a: int, b: int) -> None:
    first, second = _values(a), _values(b)
    assert first.keys() == second.keys()
    same = {name for name in first if first[name] == second[name]}
    assert same == FIXED_IN_VARIED
    chromium = dict(PROFILES["chromium"].fields)
    assert all(first[name] == fill(chromium[name], "127.0.0.1:8080", 0) for name in same)


def test_varied_values_do_not_repeat_within_a_million_requests() -> None:
    # Every changing value holds the request number whole, so two numbers give two values:
    # shown here for the whole line on a stride through the range (fast), and per field above.
    varied = request_bytes(PROFILES["varied"], "h", "/", close=False)
    assert len({varied(n) for n in range(0, 1_000_000, 997)}) == len(range(0, 1_000_000, 997))
    fields = dict((f.name, f.value) for f in _parse(varied(1234)).fields)
    assert fields["Accept-Language"] == "en-US,en;q=0.9,de-n1234;q=0.5"
    assert fields["Sec-Fetch-Dest"] == "document;n=1234"
    assert fields["If-None-Match"] == 'W/"v1234"'
    assert fields["Cookie"] == "theme=dark; session=1234; seen=234"


def test_browser_sends_chromium_then_firefox_in_turn() -> None:
    browser = request_bytes(PROFILES["browser"], "h", "/", close=False)
    chromium = request_bytes(PROFILES["chromium"], "h", "/", close=False)(0)
    firefox = request_bytes(PROFILES["firefox"], "h", "/", close=False)(0)
    assert [browser(n) for n in range(5)] == [chromium, firefox, chromium, firefox, chromium]
    assert browser(10) is browser(12)  # no placeholder: made once
    fixed = request_bytes(PROFILES["chromium"], "h", "/", close=False)
    assert fixed(1) is fixed(2)


def test_only_profiles_of_one_fixed_request_go_to_h2load() -> None:
    assert {name for name, p in PROFILES.items() if p.varies} == {"browser", "varied"}
    for name in ("browser", "varied"):
        with pytest.raises(ValueError, match="changes per request"):
            header_arguments(PROFILES[name])
    with pytest.raises(ValueError, match="2 requests in turn"):
        PROFILES["browser"].template("/", close=False)
    assert len(PROFILES["browser"].templates("/", close=False)) == 2
    assert PROFILES["browser"].fields == PROFILES["chromium"].fields


# -- both generators send the same bytes for request n -----------------------------------------

class Recorder:
    """A server on 127.0.0.1 that keeps every request head it reads, in order per connection,
    and answers each with a tiny 200 (keep-alive)."""

    ANSWER = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.heads: dict[int, list[bytes]] = {}  # connection number -> its requests
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return  # closed
            heads: list[bytes] = []
            self.heads[len(self.heads)] = heads
            thread = threading.Thread(target=self._serve, args=(conn, heads), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, conn: socket.socket, heads: list[bytes]) -> None:
        conn.settimeout(10)
        buffer = b""
        with conn:
            while True:
                try:
                    data = conn.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                buffer += data
                while (end := buffer.find(b"\r\n\r\n")) >= 0:
                    heads.append(buffer[:end + 4])
                    buffer = buffer[end + 4:]
                    try:
                        conn.sendall(self.ANSWER)
                    except OSError:
                        return

    def close(self) -> None:
        self.sock.close()
        for thread in self._threads:
            thread.join(15)


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    yield server
    server.close()


@pytest.mark.parametrize("name", ["browser", "varied"])
def test_our_generator_sends_request_n_on_one_counter(recorder: Recorder, name: str) -> None:
    make = request_bytes(PROFILES[name], f"127.0.0.1:{recorder.port}", "/", close=False)
    generator = LoadGenerator("127.0.0.1", recorder.port, make, connections=3, close=False)
    assert generator.run(30, requests=40).requests == 40
    assert generator.run(30, requests=20, first=generator.sent).errors == 0  # continues
    sent = [head for heads in recorder.heads.values() for head in heads]
    assert sorted(sent) == sorted(make(n) for n in range(60))


@pytest.mark.parametrize("name", ["browser", "varied"])
def test_wrk_sends_the_same_bytes_for_request_n(recorder: Recorder, name: str) -> None:
    require_tool("wrk")
    authority = f"127.0.0.1:{recorder.port}"
    templates = [t.replace("{host}", authority)
                 for t in PROFILES[name].templates("/", close=False)]
    result = run_wrk(f"http://{authority}/", templates, connections=1, seconds=1)
    assert result.requests > 10 and result.errors == 0
    (sent,) = [heads for heads in recorder.heads.values() if heads]  # one connection
    make = request_bytes(PROFILES[name], authority, "/", close=False)
    assert sent == [make(n) for n in range(len(sent))]
