"""A recording relay between a real client and the server, and the bytes cut into exchanges.

Strategy: the clients under test are separate programs, so the only honest record of what one
sent is the bytes on the wire. `RecordingProxy` listens on 127.0.0.1, relays each connection
to the server unchanged, and keeps both directions. `Recording.exchanges()` then cuts the
client's bytes into request heads and bodies, and the server's bytes into responses, pairing
them in order (HTTP/1.1 answers in request order, RFC 9112, 9.3.2). A request whose response
never arrived (a client killed mid-connection) is left out.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from dataclasses import dataclass, field


@dataclass(frozen=True)
class WireRequest:
    head: bytes  # request line and field lines, up to and including the empty line
    body: bytes  # the content, chunked framing removed

    @property
    def request_line(self) -> str:
        return self.head.split(b"\r\n", 1)[0].decode("latin-1")

    @property
    def method(self) -> str:
        return self.request_line.split(" ", 1)[0]

    @property
    def target(self) -> str:
        return self.request_line.split(" ")[1]

    def sends(self, names: set[str]) -> set[str]:
        """Which of `names` this request did not send (names compare case-insensitively)."""
        sent = {name.lower() for name, _ in _field_lines(self.head)}
        return {name for name in names if name.lower() not in sent}


@dataclass(frozen=True)
class WireResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for n, v in self.headers if n.lower() == name.lower()), None)

    @property
    def media_type(self) -> str:
        return (self.header("Content-Type") or "").split(";")[0].strip().lower()


@dataclass(frozen=True)
class Exchange:
    request: WireRequest
    response: WireResponse
    interim: tuple[int, ...] = ()  # 1xx statuses sent before the final response


def _field_lines(head: bytes) -> list[tuple[str, str]]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    return [(n.strip(), v.strip(" \t")) for n, _, v in (line.partition(":") for line in lines
                                                        if line)]


def _content(data: bytes, start: int, fields: list[tuple[str, str]]) -> tuple[bytes, int] | None:
    """The content after a head ending at `start`, and where it ends; None if incomplete."""
    coding = ",".join(v for n, v in fields if n.lower() == "transfer-encoding").lower()
    if "chunked" in coding:
        body, pos = bytearray(), start
        while True:
            line_end = data.find(b"\r\n", pos)
            if line_end < 0:
                return None
            size = int(data[pos:line_end].split(b";")[0], 16)
            pos = line_end + 2
            if size == 0:
                end = data.find(b"\r\n\r\n", pos - 2)  # trailers, then the empty line
                return (bytes(body), end + 4) if end >= 0 else None
            if len(data) < pos + size + 2:
                return None
            body += data[pos:pos + size]
            pos += size + 2
    length = int(next((v for n, v in fields if n.lower() == "content-length"), "0"))
    if len(data) < start + length:
        return None
    return data[start:start + length], start + length


def split_requests(data: bytes) -> list[WireRequest]:
    requests: list[WireRequest] = []
    pos = 0
    while (end := data.find(b"\r\n\r\n", pos)) >= 0:
        head = data[pos:end + 4]
        content = _content(data, end + 4, _field_lines(head))
        if content is None:
            break
        requests.append(WireRequest(head, content[0]))
        pos = content[1]
    return requests


def split_responses(data: bytes, methods: list[str]) -> list[tuple[WireResponse, tuple[int, ...]]]:
    """Final responses with the 1xx statuses before each; HEAD answers carry no content."""
    out: list[tuple[WireResponse, tuple[int, ...]]] = []
    interim: list[int] = []
    pos = 0
    while len(out) < len(methods) and (end := data.find(b"\r\n\r\n", pos)) >= 0:
        head = data[pos:end + 4]
        status = int(head.split(b" ", 2)[1])
        fields = _field_lines(head)
        if status < 200:
            interim.append(status)
            pos = end + 4
            continue
        if methods[len(out)] == "HEAD" or status in (204, 304):
            content: tuple[bytes, int] | None = (b"", end + 4)
        else:
            content = _content(data, end + 4, fields)
        if content is None:
            break
        out.append((WireResponse(status, fields, content[0]), tuple(interim)))
        interim = []
        pos = content[1]
    return out


@dataclass
class Recording:
    """Both directions of one relayed connection."""

    sent: bytearray = field(default_factory=bytearray)  # client to server
    received: bytearray = field(default_factory=bytearray)  # server to client

    def exchanges(self) -> list[Exchange]:
        requests = split_requests(bytes(self.sent))
        responses = split_responses(bytes(self.received), [r.method for r in requests])
        return [Exchange(req, resp, interim)
                for req, (resp, interim) in zip(requests, responses, strict=False)]


class RecordingProxy:
    """Relays 127.0.0.1:`port` to the server at 127.0.0.1:`upstream`, recording every byte."""

    def __init__(self, upstream: int) -> None:
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port: int = self.listener.getsockname()[1]
        self.recordings: list[Recording] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def exchanges(self) -> list[Exchange]:
        with self._lock:
            recordings = [Recording(bytearray(r.sent), bytearray(r.received))
                          for r in self.recordings]
        return [e for r in recordings for e in r.exchanges()]

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            recording = Recording()
            with self._lock:
                self.recordings.append(recording)
            thread = threading.Thread(target=self._relay, args=(client, recording), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _relay(self, client: socket.socket, recording: Recording) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.upstream), timeout=10)
        peers = {client: upstream, upstream: client}
        with selectors.DefaultSelector() as selector, client, upstream:
            for sock in peers:
                sock.setblocking(True)
                selector.register(sock, selectors.EVENT_READ)
            live = len(peers)
            while live and not self._stopping.is_set():
                for key, _ in selector.select(timeout=0.2):
                    sock = client if key.fileobj is client else upstream
                    try:
                        data = sock.recv(65536)
                    except OSError:
                        data = b""
                    if not data:  # pass the half-close on, as a relay must
                        selector.unregister(sock)
                        live -= 1
                        with contextlib.suppress(OSError):
                            peers[sock].shutdown(socket.SHUT_WR)
                        continue
                    # Record before forwarding: whatever a peer has received is recorded.
                    with self._lock:
                        (recording.sent if sock is client else recording.received).extend(data)
                    try:
                        peers[sock].sendall(data)
                    except OSError:
                        live = 0
                        break

    def stop(self) -> None:
        self._stopping.set()
        self.listener.close()
        for thread in list(self._threads):
            thread.join(5)
