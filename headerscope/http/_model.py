"""The request and response as the server and the pages see them.

A request keeps the exact bytes of its head and of every field line beside their decoded text,
so that a page can show what was sent, not a normalised copy. Text is decoded as ISO-8859-1,
which maps every byte to one character and so loses nothing (RFC 9110, 5.5: "a recipient
SHOULD treat other allowed octets in field content (i.e., obs-text) as opaque data").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeAlias

if TYPE_CHECKING:
    from ..http2 import Diagnostic as H2Diagnostic
    from ..http2 import FrameInfo
    from ..http2.frames import Priority
    from ..http2.hpack import HeaderBlock
    from ..proxy import ProxyHeader
    from ..tls import ClientHello, HelloError


class FieldLine(NamedTuple):
    """One field line: `name` as sent, `value` without surrounding OWS, `raw` without CRLF."""

    name: str
    value: str
    raw: bytes


@dataclass(slots=True, eq=True)
class Request:
    """A parsed request; the reader fills `body` and `trailers` once they have arrived."""

    method: str
    target: str
    version: str  # as sent: "HTTP/1.0", "HTTP/1.1" (a higher 1.x minor is served as 1.1)
    head: bytes  # request line and field lines as received, through the empty line
    fields: list[FieldLine]
    body: bytes = b""
    trailers: list[FieldLine] = field(default_factory=list)
    keep_alive: bool = True
    chunked: bool = False
    content_length: int | None = None  # the declared length, None when absent or chunked
    expect_continue: bool = False  # HTTP/1.1 "Expect: 100-continue"
    http2: HTTP2Details | None = None  # what HTTP/2 showed of this request, when it came so


@dataclass(slots=True)
class Response:
    """What an application returns. The server adds Date, Server, Content-Length, Connection."""

    status: int
    # A tuple when the fields are the same on every response: the server encodes it once.
    headers: Sequence[tuple[str, str]] = ()
    body: bytes = b""


class ChunkSource(Protocol):
    """Content produced over time: what a StreamingResponse sends after its body."""

    async def next_chunk(self) -> bytes | None:
        """The next bytes (b"" sends nothing); None when the content is complete."""

    def close(self) -> None:
        """The connection is done with it (the end, or the client went away)."""


@dataclass(slots=True)
class StreamingResponse(Response):
    """A response whose content continues after `body` (Server-Sent Events).

    HTTP/1.1 sends it chunked (RFC 9112, 7.1) and HTTP/1.0 until the connection closes; the
    connection asks `source` for the next piece only once the client has read the previous
    ones, and closes after the last. A server that cannot stream (HTTP/2 here) sends `body`
    alone, as a complete response, and never calls `source`."""

    source: ChunkSource | None = None


# What the server calls for each request (headerscope.server; pages/app.py's make_app makes one).
App: TypeAlias = Callable[["Request", "ConnectionInfo"], "Response"]
# An answer built away from the server's event loop (server/_offload.py): `Work` runs on a
# worker thread and touches nothing the loop owns; the `Finish` it returns runs on the loop
# (it may record the request, read the capture store) and gives the Response, or more Work
# when what it read still has to be drawn.
Finish: TypeAlias = Callable[[], "Response | Work"]
Work: TypeAlias = Callable[[], Finish]


@dataclass(frozen=True, slots=True)
class HTTP2Details:
    """An HTTP/2 request as it was sent (headerscope.http2): the fields with their HPACK
    representations, and the connection's preamble that identifies the client."""

    way: str  # "h2" (TLS, ALPN), "h2c" (cleartext, prior knowledge), "h2c upgrade" (101)
    stream_id: int
    block: HeaderBlock  # every field in wire order, pseudo-header fields included
    pseudo_order: str  # "m,a,s,p": the pseudo-header fields' initials, as sent
    diagnostics: tuple[H2Diagnostic, ...]  # RFC 9113 8.1-8.3: why the request is malformed
    settings: tuple[tuple[int, int], ...]  # the client's first SETTINGS, in order
    upgrade_settings: tuple[tuple[int, int], ...] | None  # HTTP2-Settings of an h2c upgrade
    window_update: int | None  # the client's first connection WINDOW_UPDATE increment
    priority: tuple[tuple[int, Priority], ...]  # PRIORITY frames sent before the first request
    fingerprint: str  # SETTINGS|WINDOW_UPDATE|PRIORITY|pseudo-header order (Akamai, 2017)
    frames: tuple[FrameInfo, ...]  # this stream's frames, with their offsets
    trailers: HeaderBlock | None = None


@dataclass(frozen=True, slots=True)
class TLSDetails:
    """The TLS handshake as the server saw it (server/_tls.py)."""

    version: str  # "TLSv1.3"
    cipher: str  # the negotiated suite's OpenSSL name
    alpn: str | None  # the negotiated protocol, None when the client offered none we speak
    resumed: bool  # a session resumed from a ticket or an ID
    client_hello: bytes  # the records that carried the ClientHello, as received
    # Decoded once per connection (headerscope.tls), not per request: the hello, or why not.
    hello: ClientHello | None = None
    hello_error: HelloError | None = None
    fingerprints: tuple[tuple[str, str], ...] = ()  # ("ja3", ...), ("ja4", ...), in order
    client_certificate: ClientCertificate | None = None  # when --client-ca asked for one


@dataclass(frozen=True, slots=True)
class ClientCertificate:
    """The certificate a client sent (mTLS), verified against --client-ca by the handshake."""

    subject: str  # "CN=client, O=Example": the relative distinguished names, in order
    issuer: str
    not_before: str  # as OpenSSL writes them: "Jun  1 12:00:00 2026 GMT"
    not_after: str
    serial: str  # hexadecimal
    names: tuple[str, ...]  # subjectAltName entries: "DNS:client.example", "IP Address:..."
    sha256: str  # of the DER encoding, hexadecimal: what pinning and logs compare
    der: bytes


@dataclass(frozen=True, slots=True)
class ConnectionDetails:
    """What a connection showed before its first request, shared by all its requests."""

    proxy: ProxyHeader | None = None  # the PROXY protocol header, when one came first
    tls: TLSDetails | None = None


class ConnectionInfo(NamedTuple):
    """What the server knows about the connection a request arrived on."""

    client: tuple[str, int]  # peer address and port (of the socket: see details.proxy)
    server: tuple[str, int]  # local address and port
    request_number: int  # 1 for the first request on this connection
    tls: bool
    details: ConnectionDetails | None = None
