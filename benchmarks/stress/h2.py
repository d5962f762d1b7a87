"""Issue 14, HTTP/2 against the real server (h2c with prior knowledge on its plain port).

- Fuzzing: N connections, each a valid preface and SETTINGS, then a few frames from a seeded
  random.Random (no hypothesis): random types, flags, stream ids, lengths (the declared one
  sometimes not the real one) and payloads, and HEADERS blocks of our HPACK encoder mutated
  (octets flipped, inserted, dropped, spliced; sometimes split into CONTINUATIONs).
  Figures: tracebacks in the server's log (0), and /hello still answered after.
- Floods, each on a connection of its own for a few seconds (RFC 9113, 10.5 and the CVEs of
  headerscope/http2/_limits.py): SETTINGS, PING, rapid reset (HEADERS then RST_STREAM),
  CONTINUATION, empty DATA, and a zero-window stall (SETTINGS_INITIAL_WINDOW_SIZE=0, then a
  request for a big page). Figures: how each ended (the GOAWAY code the client saw, or the
  connection closed, and when), the server's RSS before and after (flat: within a few MB),
  and a normal HTTP/1.1 client's /hello p99 meanwhile (< 50 ms).
"""

from __future__ import annotations

import collections
import contextlib
import random
import select
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

from headerscope.http2 import ErrorCode, frames
from headerscope.http2.hpack import Encoder
from tests.reliability._server import QUICK, tracebacks
from tests.reliability.test_hold import HELLO

from ._common import Figure, mib, ms, p99, rss, server
from ._probe import ProbeProcess

ITEM = "14 HTTP/2"
INITIAL_WINDOW_SIZE = 4  # SETTINGS identifier (RFC 9113, 6.5.2)
RSS_SLACK = 4 << 20  # "flat": the server's RSS grows by less than this during a flood
P99_TARGET = 0.050
OPENING = frames.PREFACE + frames.settings()
REQUEST = [(":method", "GET"), (":scheme", "http"), (":path", "/hello"), (":authority", "a")]


# -- the wire --------------------------------------------------------------------------------

def _frames_in(buffer: bytearray) -> list[tuple[int, int, bytes]]:
    """Take the whole frames off the front of `buffer`: (type, flags, payload) each."""
    found = []
    while len(buffer) >= frames.HEADER_SIZE:
        length = int.from_bytes(buffer[:3], "big")
        if len(buffer) < frames.HEADER_SIZE + length:
            break
        found.append((buffer[3], buffer[4], bytes(buffer[9:9 + length])))
        del buffer[:frames.HEADER_SIZE + length]
    return found


def _hello_h1(port: int) -> bool:
    """Whether the server answers a plain HTTP/1.1 /hello with a 200, within 5 s."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(HELLO)
            return sock.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def _hello_h2(port: int) -> bool:
    """Whether the server answers /hello over h2c with a 200 (":status" 200 is index 8)."""
    block = Encoder().encode(REQUEST)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(OPENING + frames.headers(1, block, end_stream=True))
            buffer = bytearray()
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                data = sock.recv(65536)
                if not data:
                    return False
                buffer += data
                for kind, _, payload in _frames_in(buffer):
                    if kind == frames.FrameType.HEADERS:
                        return payload[:1] == b"\x88"
    except OSError:
        pass
    return False


# -- fuzzing ---------------------------------------------------------------------------------

def _mutate(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        how = rng.randrange(5)
        if how == 0 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif how == 1:
            out[at:at] = rng.randbytes(rng.randint(1, 8))
        elif how == 2:
            del out[at:at + rng.randint(1, 8)]
        elif how == 3:
            del out[at:]
        else:  # an HPACK prefix integer that runs on (RFC 7541, 5.1), or a huge length
            out[at:at] = rng.choice([b"\x7f\xff\xff\xff\xff\x0f", b"\x3f\xe1\x1f", b"\x00\x7f"])
    return bytes(out)


def _random_frame(rng: random.Random) -> bytes:
    kind = rng.choice([*range(10), 16, rng.randrange(256)])  # 16: PRIORITY_UPDATE
    flags = rng.choice([0, 1, 4, 5, 8, 0x20, rng.randrange(256)])
    stream = rng.choice([0, 1, 1, 3, 2, 0x7FFFFFFF, rng.randrange(1 << 32)])
    payload = rng.randbytes(rng.choice([0, 1, 4, 5, 8, rng.randrange(64)]))
    raw = frames.frame(kind & 0xFF, flags, stream & 0xFFFFFFFF, payload)
    if rng.random() < 0.1:  # a length that is not the payload's
        raw = rng.randrange(1 << 24).to_bytes(3, "big") + raw[3:]
    return raw


def _mutated_headers(rng: random.Random, encoder: Encoder, stream: int) -> bytes:
    fields = list(REQUEST)
    for _ in range(rng.randrange(4)):
        fields.insert(rng.randrange(len(fields) + 1),
                      (rng.choice(["x-a", "cookie", ":path", "te", "content-length", "Bad"]),
                       rng.choice(["", "1", "trailers", "a" * rng.randrange(300)])))
    block = encoder.encode(fields, huffman=rng.choice([None, True, False]))
    block = _mutate(rng, block) if rng.random() < 0.8 else block
    if rng.random() < 0.3 and len(block) > 2:  # split: HEADERS then CONTINUATIONs
        cut = rng.randrange(1, len(block))
        return (frames.headers(stream, block[:cut], end_stream=True, end_headers=False)
                + frames.continuation(stream, block[cut:], end_headers=rng.random() < 0.9))
    return frames.headers(stream, block, end_stream=rng.random() < 0.8)


def _fuzz_input(rng: random.Random) -> bytes:
    encoder = Encoder()
    parts = [OPENING]
    stream = 1
    for _ in range(rng.randint(1, 6)):
        if rng.random() < 0.5:
            parts.append(_mutated_headers(rng, encoder, stream))
            stream += 2
        else:
            parts.append(_random_frame(rng))
    return b"".join(parts)


def _send_and_drain(port: int, data: bytes) -> str:
    """Send, half-close, read until the server closes: the GOAWAY code it sent ("none": no
    GOAWAY, "reset": the connection reset, "lingered": not closed within 2 s)."""
    incoming = bytearray()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            while chunk := sock.recv(65536):
                incoming += chunk
    except TimeoutError:
        return "lingered"
    except OSError:  # reset by the server: as good as closed
        return "reset"
    codes = [_code(int.from_bytes(payload[4:8], "big")) for kind, _, payload
             in _frames_in(incoming) if kind == frames.FrameType.GOAWAY]
    return codes[0] if codes else "none"


def fuzz(connections: int, seconds: float) -> list[Figure]:
    endings: collections.Counter[str] = collections.Counter()
    with server(*QUICK) as process:
        began = time.monotonic()
        for number in range(connections):
            if time.monotonic() - began > seconds:
                break
            endings[_send_and_drain(process.port, _fuzz_input(random.Random(number)))] += 1
        took = time.monotonic() - began
        h1, h2 = _hello_h1(process.port), _hello_h2(process.port)
        logged = [line for line in tracebacks(process) if "Traceback" in line]
        alive = process.proc.poll() is None
    done = sum(endings.values())
    return [
        Figure(ITEM, "fuzzed connections (seeded mutation)", f"{done:,} in {took:.0f} s",
               f"{connections:,}", done >= connections),
        Figure(ITEM, "  how they ended (GOAWAY code, or none/reset/lingered)",
               ", ".join(f"{name} {n}" for name, n in endings.most_common(6))),
        Figure(ITEM, "  tracebacks in the server log", str(len(logged))
               + (f" ({logged[0][:80]})" if logged else ""), "0", not logged),
        Figure(ITEM, "  /hello after (HTTP/1.1, h2c)",
               f"{'200' if h1 else 'FAILED'}, {'200' if h2 else 'FAILED'}",
               "200, 200", h1 and h2 and alive),
    ]


# -- floods ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Flood:
    name: str
    opening: bytes  # after the preface and our SETTINGS
    chunk: Callable[[], bytes]  # frames sent again and again; b"": just wait


@dataclass(frozen=True)
class Ending:
    how: str  # "GOAWAY ENHANCE_YOUR_CALM after 0.1 s, closed after 0.1 s"
    closed: bool
    data_octets: int  # DATA payload received (the stall expects none)


def _floods() -> list[Flood]:
    encoder = Encoder()
    block = encoder.encode(REQUEST, indexing=False)  # no table state: the same block each time
    post = encoder.encode([(":method", "POST"), *REQUEST[1:]], indexing=False)
    streams = iter(range(1, 1 << 31, 2))
    big = encoder.encode([(":method", "GET"), (":scheme", "http"), (":path", "/"),
                          (":authority", "a"),
                          *((f"x-big-{n}", "v" * 200) for n in range(60))], indexing=False)
    zero = frames.settings([(INITIAL_WINDOW_SIZE, 0)])

    def rapid_reset() -> bytes:
        stream = next(streams)
        return (frames.headers(stream, block, end_stream=True)
                + frames.rst_stream(stream, ErrorCode.CANCEL))

    return [
        Flood("SETTINGS flood", b"", lambda: frames.settings([(INITIAL_WINDOW_SIZE, 65535)])),
        Flood("PING flood", b"", lambda: frames.ping(b"12345678")),
        Flood("rapid reset", b"", rapid_reset),
        Flood("CONTINUATION flood",
              frames.headers(1, block, end_stream=True, end_headers=False),
              lambda: frames.continuation(1, b"\x40\x03x-a\x01a", end_headers=False)),
        Flood("empty DATA", frames.headers(1, post, end_stream=False),
              lambda: frames.data(1, b"")),
        Flood("zero-window stall", zero + frames.headers(1, big, end_stream=True), lambda: b""),
    ]


def _code(code: int) -> str:
    try:
        return ErrorCode(code).name
    except ValueError:
        return hex(code)


def _flood(port: int, flood: Flood, seconds: float) -> Ending:
    """Run one flood until the server ends the connection or `seconds` pass."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.setblocking(False)
    out = bytearray(OPENING + flood.opening)
    incoming = bytearray()
    began = time.monotonic()
    goaway = ""
    data_octets = 0
    try:
        while (now := time.monotonic() - began) < seconds:
            if len(out) < 65536:
                out += flood.chunk()
            readable, writable, _ = select.select([sock], [sock] if out else [], [], 0.05)
            if writable:
                with contextlib.suppress(BlockingIOError):  # the send buffer is full
                    del out[:sock.send(out)]
            if readable:
                data = sock.recv(65536)
                if not data:
                    return Ending(f"{goaway}closed after {now:.2f} s", True, data_octets)
                incoming += data
                for kind, flags, payload in _frames_in(incoming):
                    if kind == frames.FrameType.GOAWAY and not goaway:
                        code = int.from_bytes(payload[4:8], "big")
                        goaway = f"GOAWAY {_code(code)} after {now:.2f} s, "
                    elif kind == frames.FrameType.SETTINGS and not flags & frames.ACK:
                        out += frames.settings(ack=True)  # out holds whole frames only
                    elif kind == frames.FrameType.DATA:
                        data_octets += len(payload)
    except (ConnectionResetError, BrokenPipeError):
        return Ending(f"{goaway}reset after {time.monotonic() - began:.2f} s", True, data_octets)
    finally:
        sock.close()
    return Ending(f"{goaway}still open after {seconds:.0f} s", False, data_octets)


def _repeat(port: int, flood: Flood, seconds: float) -> tuple[Ending, int, list[float]]:
    """The flood on one connection after another until `seconds` pass, as an attacker would
    reconnect: (the first connection's ending, connections, seconds each one lasted)."""
    began = time.monotonic()
    first: Ending | None = None
    lasted = []
    while (left := seconds - (time.monotonic() - began)) > 0.05 or first is None:
        opened = time.monotonic()
        ending = _flood(port, flood, max(left, 0.05))
        lasted.append(time.monotonic() - opened)
        first = first or ending
        if not ending.closed:
            break
    return first, len(lasted), lasted


def floods(seconds: float, stall_seconds: float) -> list[Figure]:
    figures = []
    with server(*QUICK) as process:
        pid = process.proc.pid
        _hello_h1(process.port)  # warm up
        for flood in _floods():
            stall = flood.name == "zero-window stall"
            before = rss(pid)
            probe = ProbeProcess(process.port, pause=0.01, request=HELLO).start()
            time.sleep(0.5)  # the probe's interpreter starting: not part of the flood
            first, count, lasted = _repeat(process.port, flood,
                                           stall_seconds if stall else seconds)
            latencies, failures = probe.finish()
            after = rss(pid)
            item = f"{ITEM} {flood.name}"
            worst = p99(latencies) if latencies else float("inf")
            # A flood must be cut; the stall may be held until stall_timeout (30 s), as
            # long as nothing is sent into the zero window and memory stays flat.
            ended_ok = (first.closed or stall) and not (stall and first.data_octets)
            lasted.sort()
            figures += [
                Figure(item, "how it ended (first connection)", first.how + (
                    f" ({first.data_octets} DATA octets)" if stall else ""),
                       "closed" if not stall else "no DATA; closed by stall_timeout",
                       ended_ok),
                Figure(item, "connections flooding one after another, median life",
                       f"{count} in {sum(lasted):.1f} s, {ms(lasted[len(lasted) // 2])}"),
                Figure(item, "server RSS before -> after",
                       f"{mib(before)} -> {mib(after)}", f"+ < {mib(RSS_SLACK)}",
                       after - before < RSS_SLACK),
                Figure(item, "/hello (HTTP/1.1) answered / failed, p99",
                       f"{len(latencies)} / {failures}, {ms(worst)}",
                       f"0 failed, < {ms(P99_TARGET)}",
                       failures == 0 and bool(latencies) and worst < P99_TARGET),
            ]
        logged = [line for line in tracebacks(process) if "Traceback" in line]
        figures.append(Figure(ITEM, "floods: tracebacks in the server log", str(len(logged)),
                              "0", not logged))
    return figures


def run(connections: int, seconds: float, flood_seconds: float,
        stall_seconds: float) -> list[Figure]:
    return fuzz(connections, seconds) + floods(flood_seconds, stall_seconds)
