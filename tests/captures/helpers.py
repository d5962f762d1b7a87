"""Captures for tests, built from a head's bytes or from field pairs, without a server."""

from __future__ import annotations

from datetime import UTC, datetime

from headerscope.captures import Capture, Summary, TLSFacts
from headerscope.captures._wire import read_head
from headerscope.captures.record import time_us

T0 = datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)


def head_of(fields: list[tuple[str, str]] | list[bytes], *, method: str = "GET",
            target: str = "/", version: str = "HTTP/1.1") -> bytes:
    """A head: (name, value) pairs become "name: value" lines; bytes are lines as they are."""
    lines = [f if isinstance(f, bytes) else f"{f[0]}: {f[1]}".encode("latin-1") for f in fields]
    return (f"{method} {target} {version}\r\n".encode("latin-1")
            + b"".join(line + b"\r\n" for line in lines) + b"\r\n")


def capture(head: bytes, body: bytes = b"", *, body_length: int | None = None,
            trailers: bytes = b"", status: int = 200, tls: TLSFacts | None = None,
            client: tuple[str, int] = ("127.0.0.1", 40000), protocol: str | None = None,
            bin_name: str | None = None, diagnostics: int = 0, id_: int | None = None,
            time: datetime = T0) -> Capture:
    h = read_head(head)
    return Capture(id_, time_us(time), bin_name, client, ("127.0.0.1", 8080), protocol or h.version,
                   tls, head, body, len(body) if body_length is None else body_length, trailers,
                   status, Summary(h.method, h.target, len(h.fields), diagnostics))


def simple(n: int = 0, *, fields: list[tuple[str, str]] | None = None, body: bytes = b"",
           method: str = "GET", target: str | None = None, bin_name: str | None = None,
           diagnostics: int = 0, status: int = 200) -> Capture:
    """A small, distinct capture: number `n` is in its target."""
    pairs = fields if fields is not None else [("Host", "example.com"), ("X-N", str(n))]
    if body:
        pairs = [*pairs, ("Content-Length", str(len(body)))]
    head = head_of(pairs, method=method, target=target or f"/n/{n}")
    return capture(head, body, bin_name=bin_name, diagnostics=diagnostics, status=status)
