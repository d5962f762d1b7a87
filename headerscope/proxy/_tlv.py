"""The TLVs of a PROXY protocol v2 header (HAProxy's proxy-protocol.txt, sections 2.2.1-2.2.8).

    struct pp2_tlv     { uint8_t type; uint8_t length_hi; uint8_t length_lo; uint8_t value[0]; };
    struct pp2_tlv_ssl { uint8_t client; uint32_t verify; struct pp2_tlv sub_tlv[0]; };

Each registered type becomes a frozen value with the meaning of its bytes (ALPN bytes, an
AUTHORITY host name in UTF-8, a CRC32C number, ...); a type this module does not know stays an
`UnknownTlv` with its number and bytes, so that a page can still show it. `parse_tlvs` and
`encode_tlv` are inverse: `parse_tlvs(b"".join(map(encode_tlv, tlvs))) == tlvs`.

Strictness, and why: a TLV whose length runs past the header, a value too short for its type
(CRC32C is exactly 4 bytes, SSL at least 5), text that is not in the encoding the section
names, or a UNIQUE_ID over its 128 bytes is an error with the byte position, not something
skipped: a receiver that skips what it cannot read would show a header the sender never sent.
"""

from __future__ import annotations

import enum
import struct
from dataclasses import dataclass

from ._errors import ProxyProtocolError


class TlvType(enum.IntEnum):
    """The registered `type` values (section 2.2)."""

    ALPN = 0x01
    AUTHORITY = 0x02
    CRC32C = 0x03
    NOOP = 0x04
    UNIQUE_ID = 0x05
    SSL = 0x20
    NETNS = 0x30


class SslSubtype(enum.IntEnum):
    """The registered sub-TLV types inside PP2_TYPE_SSL (section 2.2.6)."""

    VERSION = 0x21
    CN = 0x22
    CIPHER = 0x23
    SIG_ALG = 0x24
    KEY_ALG = 0x25


class SslClient(enum.IntFlag):
    """The `client` bit field of PP2_TYPE_SSL."""

    SSL = 0x01  # the client connected over SSL/TLS
    CERT_CONN = 0x02  # the client presented a certificate on this connection
    CERT_SESS = 0x04  # ... at least once in the TLS session this connection belongs to


UNIQUE_ID_MAX = 128  # "an opaque byte sequence of up to 128 bytes" (section 2.2.5)


@dataclass(frozen=True, slots=True)
class Alpn:
    """PP2_TYPE_ALPN: the upper layer protocol, usually the TLS ALPN value (b"h2")."""

    protocol: bytes


@dataclass(frozen=True, slots=True)
class Authority:
    """PP2_TYPE_AUTHORITY: the host name the client asked for (often the TLS SNI), UTF-8."""

    host: str


@dataclass(frozen=True, slots=True)
class Crc32c:
    """PP2_TYPE_CRC32C: the CRC-32C of the whole header with this field zeroed (2.2.3)."""

    checksum: int


@dataclass(frozen=True, slots=True)
class Noop:
    """PP2_TYPE_NOOP: padding, "ignored when parsed"; kept so that the page can show it."""

    padding: bytes = b""


@dataclass(frozen=True, slots=True)
class UniqueId:
    """PP2_TYPE_UNIQUE_ID: an opaque identifier of the connection, at most 128 bytes."""

    value: bytes


@dataclass(frozen=True, slots=True)
class Netns:
    """PP2_TYPE_NETNS: the name of the network namespace, US-ASCII."""

    name: str


@dataclass(frozen=True, slots=True)
class UnknownTlv:
    """A type this module does not decode: its number and its bytes, as sent."""

    type: int
    value: bytes

    @property
    def range(self) -> str:
        """Which part of the type space the number falls in (section 2.2.8)."""
        if 0xE0 <= self.type <= 0xEF:
            return "custom (application-specific)"
        if 0xF0 <= self.type <= 0xF7:
            return "experimental"
        if self.type >= 0xF8:
            return "reserved for future use"
        return "unassigned"


@dataclass(frozen=True, slots=True)
class SslText:
    """One of the five text sub-TLVs of PP2_TYPE_SSL: the TLS version, the client
    certificate's CN (UTF-8), the cipher, the signature or the key algorithm (US-ASCII)."""

    subtype: SslSubtype
    text: str


SslTlv = SslText | UnknownTlv


@dataclass(frozen=True, slots=True)
class Ssl:
    """PP2_TYPE_SSL: what the proxy knows of the client's TLS connection.

    `verify` is zero when the client presented a certificate that verified, non-zero
    otherwise; `tlvs` are the sub-TLVs in the order sent."""

    client: SslClient
    verify: int
    tlvs: tuple[SslTlv, ...] = ()

    def _text(self, subtype: SslSubtype) -> str | None:
        return next((t.text for t in self.tlvs
                     if isinstance(t, SslText) and t.subtype is subtype), None)

    @property
    def version(self) -> str | None:
        return self._text(SslSubtype.VERSION)

    @property
    def cn(self) -> str | None:
        return self._text(SslSubtype.CN)

    @property
    def cipher(self) -> str | None:
        return self._text(SslSubtype.CIPHER)

    @property
    def sig_alg(self) -> str | None:
        return self._text(SslSubtype.SIG_ALG)

    @property
    def key_alg(self) -> str | None:
        return self._text(SslSubtype.KEY_ALG)


Tlv = Alpn | Authority | Crc32c | Noop | UniqueId | Ssl | Netns | UnknownTlv

_TLV_HEAD = struct.Struct("!BH")
_SSL_HEAD = struct.Struct("!BI")


def _text(value: bytes, encoding: str, what: str, pos: int) -> str:
    try:
        return value.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ProxyProtocolError(f"{what} is not {encoding} text", pos + exc.start) from None


def _split(data: bytes, base: int, what: str) -> list[tuple[int, bytes, int]]:
    """(type, value, position of the value) for each TLV in `data`, which starts at byte
    `base` of the stream."""
    out: list[tuple[int, bytes, int]] = []
    pos, end = 0, len(data)
    while pos < end:
        if end - pos < _TLV_HEAD.size:
            raise ProxyProtocolError(f"{end - pos} byte(s) left in the {what}, too few for a "
                                     "TLV (type and length take 3)", base + pos)
        kind, length = _TLV_HEAD.unpack_from(data, pos)
        start = pos + _TLV_HEAD.size
        if start + length > end:
            raise ProxyProtocolError(f"TLV type 0x{kind:02X} claims {length} byte(s) but only "
                                     f"{end - start} remain in the {what}", base + pos + 1)
        out.append((kind, data[start:start + length], base + start))
        pos = start + length
    return out


def _ssl(value: bytes, pos: int) -> Ssl:
    if len(value) < _SSL_HEAD.size:
        raise ProxyProtocolError(f"PP2_TYPE_SSL needs at least 5 bytes (client, verify), got "
                                 f"{len(value)}", pos)
    client, verify = _SSL_HEAD.unpack_from(value)
    subs: list[SslTlv] = []
    for kind, sub, at in _split(value[_SSL_HEAD.size:], pos + _SSL_HEAD.size, "SSL TLV"):
        if kind in SslSubtype._value2member_map_:
            subtype = SslSubtype(kind)
            # the CN is "the string representation (in UTF8)"; the others are "US-ASCII"
            encoding = "utf-8" if subtype is SslSubtype.CN else "ascii"
            subs.append(SslText(subtype, _text(sub, encoding, f"SSL {subtype.name}", at)))
        else:
            subs.append(UnknownTlv(kind, sub))
    return Ssl(SslClient(client), verify, tuple(subs))


def _one(kind: int, value: bytes, pos: int) -> Tlv:
    if kind == TlvType.ALPN:
        return Alpn(value)
    if kind == TlvType.AUTHORITY:
        return Authority(_text(value, "utf-8", "AUTHORITY", pos))
    if kind == TlvType.CRC32C:
        if len(value) != 4:
            raise ProxyProtocolError(f"PP2_TYPE_CRC32C must be 4 bytes, got {len(value)}", pos)
        return Crc32c(int.from_bytes(value, "big"))
    if kind == TlvType.NOOP:
        return Noop(value)
    if kind == TlvType.UNIQUE_ID:
        if len(value) > UNIQUE_ID_MAX:
            raise ProxyProtocolError(f"PP2_TYPE_UNIQUE_ID is {len(value)} bytes, over its "
                                     f"{UNIQUE_ID_MAX}", pos)
        return UniqueId(value)
    if kind == TlvType.SSL:
        return _ssl(value, pos)
    if kind == TlvType.NETNS:
        return Netns(_text(value, "ascii", "NETNS", pos))
    return UnknownTlv(kind, value)


def parse_tlvs(data: bytes, base: int = 0) -> tuple[Tlv, ...]:
    """The TLVs filling `data`, which starts at byte `base` of the stream (for error
    positions)."""
    return tuple(_one(kind, value, at) for kind, value, at in _split(data, base, "header"))


def crc32c_offsets(data: bytes, base: int = 0) -> list[int]:
    """Where the value of each PP2_TYPE_CRC32C lies in `data` (offsets into it), so that a
    receiver can zero it before checking. `data` must already parse."""
    return [at - base for kind, _, at in _split(data, base, "header") if kind == TlvType.CRC32C]


def _frame(kind: int, value: bytes) -> bytes:
    if len(value) > 0xFFFF:
        raise ValueError(f"a TLV value holds at most 65535 bytes, got {len(value)}")
    return _TLV_HEAD.pack(kind, len(value)) + value


def _value(tlv: Tlv) -> tuple[int, bytes]:
    if isinstance(tlv, Alpn):
        return TlvType.ALPN, tlv.protocol
    if isinstance(tlv, Authority):
        return TlvType.AUTHORITY, tlv.host.encode("utf-8")
    if isinstance(tlv, Crc32c):
        return TlvType.CRC32C, tlv.checksum.to_bytes(4, "big")
    if isinstance(tlv, Noop):
        return TlvType.NOOP, tlv.padding
    if isinstance(tlv, UniqueId):
        if len(tlv.value) > UNIQUE_ID_MAX:
            raise ValueError(f"a UNIQUE_ID holds at most {UNIQUE_ID_MAX} bytes")
        return TlvType.UNIQUE_ID, tlv.value
    if isinstance(tlv, Netns):
        return TlvType.NETNS, tlv.name.encode("ascii")
    if isinstance(tlv, Ssl):
        subs = b"".join(_frame(*_ssl_value(t)) for t in tlv.tlvs)
        return TlvType.SSL, _SSL_HEAD.pack(int(tlv.client), tlv.verify) + subs
    return tlv.type, tlv.value


def _ssl_value(tlv: SslTlv) -> tuple[int, bytes]:
    if isinstance(tlv, SslText):
        encoding = "utf-8" if tlv.subtype is SslSubtype.CN else "ascii"
        return tlv.subtype, tlv.text.encode(encoding)
    return tlv.type, tlv.value


def encode_tlv(tlv: Tlv) -> bytes:
    """The wire form of one TLV; ValueError for a value that cannot be sent."""
    kind, value = _value(tlv)
    if not 0 <= kind <= 0xFF:
        raise ValueError(f"a TLV type is one byte, got {kind}")
    return _frame(kind, value)
