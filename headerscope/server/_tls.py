"""TLS in our own hands: an ssl.SSLObject over memory BIOs between the socket and the protocol.

Strategy: asyncio's own TLS (create_server(ssl=...)) reads the ClientHello before any code of
ours sees a byte, and the hello is what identifies a client (JA3, JA4: issue 15). So the
listener accepts plain TCP and `TLSConnection` runs the handshake itself: every raw byte passes
through `data_received` (the hello is kept, bounded, until the handshake ends), the SSLObject
decrypts into the inner protocol, and a small transport, `TLSTransport`, encrypts what the
inner protocol writes. The inner protocol is made only once the handshake is done, so that
ALPN can choose it (HTTP/1.1 today; h2 is chosen the same way).

The standard library's own asyncio TLS (asyncio/sslproto.py) is the same design in Python, so
this costs about what it did. Flow control passes through: the inner protocol pausing reading
pauses the socket and stops decryption; the socket's write buffer pausing pauses the inner
protocol's writing.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import ssl
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..http import ClientCertificate, TLSDetails
from ..tls import ClientHello, HelloAccumulator, HelloError
from ..tls.render import fingerprints

if TYPE_CHECKING:
    from ._state import ServerState

log = logging.getLogger("headerscope.server")

_READ = 1 << 16  # plaintext bytes taken from the SSLObject per read call

InnerFactory = Callable[[TLSDetails], asyncio.Protocol]  # the handshake (its ALPN) -> protocol


class TLSConnection(asyncio.Protocol):
    """One TLS connection: the handshake, then records in and out for the inner protocol."""

    def __init__(self, state: ServerState, context: ssl.SSLContext, inner: InnerFactory) -> None:
        self._state = state
        self._context = context
        self._make_inner = inner
        self._incoming = ssl.MemoryBIO()
        self._outgoing = ssl.MemoryBIO()
        self._ssl = context.wrap_bio(self._incoming, self._outgoing, server_side=True)
        self._raw: asyncio.Transport | None = None
        self._inner: asyncio.Protocol | None = None
        self._transport: TLSTransport | None = None
        # The ClientHello's records as they arrive (bounded by the accumulator's limit).
        self._collecting: HelloAccumulator | None = (
            HelloAccumulator() if state.config.client_hello else None)
        self._hello = bytearray()
        self._hello_error: HelloError | None = None
        self._parsed: ClientHello | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._paused = False  # the inner protocol asked us to stop delivering
        self._closed = False  # close_notify received or sent

    # -- from the socket ------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # A cast in all but name: uvloop's transports are not asyncio's classes.
        raw: Any = transport
        self._raw = raw
        state = self._state
        state.pending.add(self)
        if len(state.pending) + len(state.connections) > state.max_connections:
            raw.abort()  # no TLS yet to say 503 in; a plain close is all a client can read
            return
        # A silent or trickling client holds no more than a slow HTTP/1.1 head does.
        self._timer = state.loop.call_later(state.config.header_timeout, self._too_slow)

    def data_received(self, data: bytes) -> None:
        if self._transport is None:
            self._handshake(data)
            return
        self._incoming.write(data)
        if not self._paused:
            self._deliver()

    def eof_received(self) -> bool | None:
        inner = self._inner
        if inner is not None and not self._closed:
            self._deliver()
            inner.eof_received()
        return False  # TLS has no half-close: the socket closes once our output is sent

    def connection_lost(self, exc: Exception | None) -> None:
        self._state.pending.discard(self)
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._inner is not None:
            self._inner.connection_lost(exc)
        self._raw = None

    def pause_writing(self) -> None:
        if self._inner is not None:
            self._inner.pause_writing()

    def resume_writing(self) -> None:
        if self._inner is not None:
            self._inner.resume_writing()

    # -- the handshake --------------------------------------------------------------------

    def _handshake(self, data: bytes) -> None:
        collecting = self._collecting
        if collecting is not None:
            try:
                self._parsed = collecting.feed(data)
                if self._parsed is not None:
                    self._hello += data[: len(data) - len(collecting.rest)]
                    self._collecting = None
                else:
                    self._hello += data
            except HelloError as error:
                # Not a hello we can read: the handshake says whether it is TLS at all; the
                # page says why there is no fingerprint.
                self._hello_error = error
                self._collecting = None
        self._incoming.write(data)
        try:
            self._ssl.do_handshake()
        except ssl.SSLWantReadError:
            self._flush()
            return
        except (ssl.SSLError, OSError) as error:
            # Not TLS, or nothing we share: the alert (if any) goes out, then the close.
            log.debug("TLS handshake failed: %s", error)
            self._flush()
            if self._raw is not None:
                self._raw.close()
            return
        self._flush()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._state.pending.discard(self)
        raw = self._raw
        if raw is None:
            return
        self._transport = TLSTransport(self, raw)
        inner = self._inner = self._make_inner(self.details())
        inner.connection_made(self._transport)
        if not self._paused:
            self._deliver()  # application data that came with the handshake's last flight

    def _too_slow(self) -> None:
        self._timer = None
        if self._raw is not None and self._transport is None:
            self._raw.abort()

    def details(self) -> TLSDetails:
        """The handshake's facts, with the hello decoded and fingerprinted once, here."""
        obj = self._ssl
        cipher = obj.cipher()
        certificate = client_certificate(obj)
        hello = self._parsed
        prints = tuple(fingerprints(hello).items()) if hello is not None else ()
        return TLSDetails(obj.version() or "", cipher[0] if cipher else "",
                          obj.selected_alpn_protocol(), obj.session_reused, bytes(self._hello),
                          hello, self._hello_error, prints, certificate)

    @property
    def inner(self) -> asyncio.Protocol | None:
        return self._inner

    # -- records ----------------------------------------------------------------------------

    def _deliver(self) -> None:
        """Decrypt what has arrived and hand it to the inner protocol in one call."""
        inner = self._inner
        if inner is None or self._closed:
            return
        chunks: list[bytes] = []
        eof = False
        while True:
            try:
                chunk = self._ssl.read(_READ)
            except ssl.SSLWantReadError:
                break
            except ssl.SSLZeroReturnError:
                eof = True  # close_notify
                break
            except (ssl.SSLError, OSError) as error:
                log.debug("TLS record error: %s", error)
                self._flush()
                if self._raw is not None:
                    self._raw.abort()
                return
            if not chunk:
                eof = True
                break
            chunks.append(chunk)
        self._flush()  # a TLS 1.3 key update or a ticket may want to answer
        if chunks:
            inner.data_received(chunks[0] if len(chunks) == 1 else b"".join(chunks))
        if eof:
            self._closed = True
            if not inner.eof_received() and self._transport is not None:
                self._transport.close()

    def _flush(self) -> None:
        if self._outgoing.pending and self._raw is not None:
            self._raw.write(self._outgoing.read())

    # -- for the transport --------------------------------------------------------------------

    def send(self, data: bytes) -> None:
        if self._closed:
            return
        try:
            self._ssl.write(data)
        except (ssl.SSLError, OSError) as error:
            log.debug("TLS write error: %s", error)
            if self._raw is not None:
                self._raw.abort()
            return
        self._flush()

    def shut(self) -> None:
        """Send close_notify after everything written, then close the socket."""
        if not self._closed:
            self._closed = True
            # The alert is written all the same; we do not wait for the client's.
            with contextlib.suppress(ssl.SSLError, OSError):
                self._ssl.unwrap()
            self._flush()
        if self._raw is not None:
            self._raw.close()

    def pause(self) -> None:
        self._paused = True
        if self._raw is not None:
            self._raw.pause_reading()

    def resume(self) -> None:
        if not self._paused:
            return
        self._paused = False
        if self._raw is not None:
            self._raw.resume_reading()
            if self._incoming.pending:
                self._state.loop.call_soon(self._deliver)

    def extra(self, name: str) -> Any:
        if name == "ssl_object":
            return self._ssl
        if name == "sslcontext":
            return self._context
        if name == "peercert":
            return self._ssl.getpeercert()
        if name == "cipher":
            return self._ssl.cipher()
        return None

    def abort(self) -> None:
        if self._raw is not None:
            self._raw.abort()


def client_certificate(obj: ssl.SSLObject) -> ClientCertificate | None:
    """The client's certificate, when it sent one (the context asks only with --client-ca)."""
    der = obj.getpeercert(binary_form=True)
    if not der:
        return None
    info: Any = obj.getpeercert() or {}

    def name(rdns: Any) -> str:
        return ", ".join(f"{_SHORT.get(k, k)}={v}" for rdn in rdns or () for k, v in rdn)

    return ClientCertificate(
        name(info.get("subject")), name(info.get("issuer")), str(info.get("notBefore", "")),
        str(info.get("notAfter", "")), str(info.get("serialNumber", "")),
        tuple(f"{kind}:{value}" for kind, value in info.get("subjectAltName", ())),
        hashlib.sha256(der).hexdigest(), der)


_SHORT = {"commonName": "CN", "organizationName": "O", "organizationalUnitName": "OU",
          "countryName": "C", "localityName": "L", "stateOrProvinceName": "ST",
          "emailAddress": "emailAddress"}


class TLSTransport(asyncio.Transport):
    """What the inner protocol writes to: plaintext in, records out through the socket."""

    def __init__(self, connection: TLSConnection, raw: asyncio.Transport) -> None:
        super().__init__()
        self._connection = connection
        self._raw = raw

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self._connection.send(bytes(data))

    def writelines(self, list_of_data: Any) -> None:
        self._connection.send(b"".join(list_of_data))

    def can_write_eof(self) -> bool:
        return False  # TLS has no half-close

    def write_eof(self) -> None:
        raise NotImplementedError("TLS connections cannot half-close")

    def close(self) -> None:
        self._connection.shut()

    def abort(self) -> None:
        self._connection.abort()

    def is_closing(self) -> bool:
        return self._raw.is_closing()

    def pause_reading(self) -> None:
        self._connection.pause()

    def resume_reading(self) -> None:
        self._connection.resume()

    def is_reading(self) -> bool:
        return self._raw.is_reading()

    def get_write_buffer_size(self) -> int:
        return self._raw.get_write_buffer_size()

    def get_write_buffer_limits(self) -> tuple[int, int]:
        return self._raw.get_write_buffer_limits()

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        self._raw.set_write_buffer_limits(high, low)

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        value = self._connection.extra(name)
        if value is None:
            value = self._raw.get_extra_info(name, default)
        return value

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        raise NotImplementedError("the inner protocol is chosen once, by ALPN")

    def get_protocol(self) -> asyncio.BaseProtocol:
        inner = self._connection.inner
        assert inner is not None
        return inner
