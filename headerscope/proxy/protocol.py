"""A sans-IO reader for the PROXY protocol header, versions 1 and 2 (HAProxy's
proxy-protocol.txt, 2020/03/05), and its writers.

Strategy: `ProxyHeaderReader.feed(bytes)` takes whatever arrived and returns None until a
whole header is there, then the `ProxyHeader`, with the bytes after it in `reader.rest` for
the HTTP reader. It decides the version from the first byte ('P' for v1, CR for v2, anything
else is refused at once) and checks every byte as soon as it arrives where the specification
allows: the v1 prefix and its line ending, the v2 signature, version, command, family,
transport and announced length. So a connection that does not speak the protocol is refused
on its first bytes, not after a timeout, and a truncated header is only ever "need more"
(None), never a wrong answer. Each byte is looked at a bounded number of times, so the work is
linear in the input however it is split.

Limits, both enforced before anything more is buffered:
- v1: "If the CRLF sequence is not found in the first 107 characters, the receiver should
  declare the line invalid" (section 2.1).
- v2: the header's length field allows 65,551 bytes; `max_v2` (4 KiB by default, which holds
  the 216-byte AF_UNIX block and every TLV a proxy sends in practice) caps it, checked as
  soon as the length field has arrived.

What the server does around it (not here, since this module does no I/O): accept the header
only from peers in `--proxy-protocol-from` ("The receiver SHOULD ensure proper access
filtering so that only trusted proxies are allowed to use this protocol"), never guess
whether a header is present ("MUST not try to guess"), and put a deadline on it ("at least 3
seconds to cover a TCP retransmit").

Every error is one `ProxyProtocolError(reason, position)`; the specification's answer to all
of them is the same: "abort the connection".
"""

from __future__ import annotations

from ._errors import ProxyProtocolError
from ._header import Address, Command, Family, ProxyHeader, Transport
from ._networks import Networks
from ._v1 import MAX_V1, PREFIX, encode_v1, parse_v1
from ._v2 import FIXED, SIGNATURE, check_fixed, encode_v2, parse_v2, with_crc32c

DEFAULT_MAX_V2 = 4096

__all__ = [
    "DEFAULT_MAX_V2", "MAX_V1", "SIGNATURE", "Address", "Command", "Family", "ProxyHeader",
    "ProxyHeaderReader", "ProxyProtocolError", "Transport", "decode", "encode_v1",
    "encode_v2", "refusal", "with_crc32c",
]


def refusal(peer: str, allowed: Networks) -> str | None:
    """None when `peer` (the socket's peer address) may send a PROXY header; otherwise the
    log line for closing its connection unread. A listener that takes the protocol takes it
    from no one else: "The receiver MUST be configured to only receive the protocol
    described in this specification and MUST not try to guess whether the protocol header is
    present or not" (section 2), so a peer outside the list is refused, not served without."""
    if allowed.match(peer) is not None:
        return None
    return (f"PROXY protocol refused from {peer or '(no address)'}: not in "
            f"--proxy-protocol-from ({allowed}); connection closed unread")


class ProxyHeaderReader:
    """Reads the one PROXY protocol header at the start of a connection.

    Feed it the connection's bytes until it returns a header; then `rest` holds what came
    after the header, and nothing more is fed to it. After an error it stays failed and
    raises the same error again.
    """

    def __init__(self, *, max_v2: int = DEFAULT_MAX_V2) -> None:
        if max_v2 < FIXED:
            raise ValueError(f"max_v2 must be at least {FIXED} (the fixed part of a header)")
        self.max_v2 = max_v2
        self._buf = bytearray()
        self._version: int | None = None
        self._scanned = 0  # v1: bytes already searched for CR and LF
        self._header: ProxyHeader | None = None
        self._rest = b""
        self._error: ProxyProtocolError | None = None

    @property
    def header(self) -> ProxyHeader | None:
        return self._header

    @property
    def rest(self) -> bytes:
        """The bytes received after the header (the start of the HTTP request)."""
        return self._rest

    @property
    def buffered(self) -> int:
        """Bytes held while the header is incomplete."""
        return len(self._buf)

    def feed(self, data: bytes) -> ProxyHeader | None:
        """Take the next bytes; the header once complete, None while more are needed."""
        if self._error is not None:
            raise self._error
        if self._header is not None:
            raise RuntimeError("the PROXY header is complete: give later bytes to HTTP")
        start = len(self._buf)
        self._buf += data
        try:
            header = self._advance(start)
        except ProxyProtocolError as exc:
            self._error = exc
            self._buf = bytearray()
            raise
        if header is not None:
            self._rest = bytes(self._buf[header.length:])
            self._buf = bytearray()
            self._header = header
        return header

    def _advance(self, start: int) -> ProxyHeader | None:
        if not self._buf:
            return None
        if self._version is None:
            first = self._buf[0]
            if first == PREFIX[0]:
                self._version = 1
            elif first == SIGNATURE[0]:
                self._version = 2
            else:
                raise ProxyProtocolError(
                    f"expected a PROXY protocol header ('PROXY ' or the v2 signature), found "
                    f"{bytes(self._buf[:8])!r}...", 0)
        return self._advance_v1(start) if self._version == 1 else self._advance_v2(start)

    def _advance_v1(self, start: int) -> ProxyHeader | None:
        buf, n = self._buf, len(self._buf)
        for pos in range(start, min(n, len(PREFIX))):
            if buf[pos] != PREFIX[pos]:
                raise ProxyProtocolError("a v1 header begins with 'PROXY '", pos)
        scan_end = min(n, MAX_V1)
        cr = buf.find(b"\r", self._scanned, scan_end)
        lf = buf.find(b"\n", self._scanned, cr if cr >= 0 else scan_end)
        if lf >= 0:
            # "The receiver must not tolerate a single CR or LF character to end the line"
            raise ProxyProtocolError("a line feed without a carriage return before it", lf)
        if cr >= 0 and cr + 1 < n:
            if buf[cr + 1] != 0x0A:
                raise ProxyProtocolError("a carriage return not followed by a line feed",
                                         cr + 1)
            if cr + 2 <= MAX_V1:
                return parse_v1(bytes(buf[:cr + 2]))
        self._scanned = cr if cr >= 0 else scan_end
        if n >= MAX_V1:
            raise ProxyProtocolError(f"no CRLF within the first {MAX_V1} bytes, the longest a "
                                     "v1 line may be", MAX_V1 - 1)
        return None

    def _advance_v2(self, start: int) -> ProxyHeader | None:
        buf = self._buf
        check_fixed(buf, start)
        if len(buf) < FIXED:
            return None
        total = FIXED + int.from_bytes(buf[14:16])
        if total > self.max_v2:
            raise ProxyProtocolError(f"the v2 header announces {total} bytes, over this "
                                     f"server's limit of {self.max_v2}", 14)
        if len(buf) < total:
            return None
        return parse_v2(bytes(buf[:total]))


def decode(data: bytes, *, max_v2: int = DEFAULT_MAX_V2) -> tuple[ProxyHeader, bytes]:
    """Decode the header at the start of `data` in one go: (header, the bytes after it).
    An incomplete header is an error here, since no more bytes will come."""
    reader = ProxyHeaderReader(max_v2=max_v2)
    header = reader.feed(data)
    if header is None:
        raise ProxyProtocolError(f"the header is incomplete after {len(data)} bytes",
                                 len(data))
    return header, reader.rest
