"""The binary header, version 2 (HAProxy's proxy-protocol.txt, section 2.2).

    struct proxy_hdr_v2 {
        uint8_t sig[12];  /* 0D 0A 0D 0A 00 0D 0A 51 55 49 54 0A */
        uint8_t ver_cmd;  /* version 2 in the high nibble, LOCAL 0 / PROXY 1 in the low one */
        uint8_t fam;      /* family (UNSPEC/INET/INET6/UNIX) in the high nibble,
                             transport (UNSPEC/STREAM/DGRAM) in the low one */
        uint16_t len;     /* number of following bytes part of the header */
    };
    then: source and destination addresses, source and destination ports, then TLVs.

Address blocks: TCP/UDP over IPv4 12 bytes, over IPv6 36, AF_UNIX 216 (two 108-byte paths),
UNSPEC none. Version, command, family and transport values outside the specification are
rejected ("must be rejected as invalid by receivers"); the length decides where the header
ends even when the receiver ignores the block ("Receivers MUST always consider this field").

Two lenient readings, both as the specification asks and both recorded in `notes`:
- LOCAL: "the receiver must accept this connection as valid and must use the real
  connection endpoints and discard the protocol block". The block is still decoded for the
  page, but a block that does not decode is ignored rather than refused. A CRC32C that is
  present and wrong is refused all the same ("MUST treat the TCP connection ... as invalid").
- AF_INET or AF_INET6 with transport UNSPEC (0x10, 0x20) is not among the combinations the
  specification lists, and where its addresses end is unknown: the receiver "falls back to
  the UNSPEC mode", so the block is skipped undecoded.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv6Address

from ._crc32c import crc32c
from ._errors import ProxyProtocolError
from ._header import Address, Command, Family, ProxyHeader, Transport
from ._tlv import Crc32c, Tlv, crc32c_offsets, encode_tlv, parse_tlvs

SIGNATURE = b"\r\n\r\n\x00\r\nQUIT\n"
FIXED = 16  # signature, ver_cmd, fam, len
UNIX_PATH = 108

_IP_LENGTH = {Family.INET: 4, Family.INET6: 16}


def address_length(family: Family, transport: Transport) -> int | None:
    """Bytes of the address block for a family and transport; None when unknown."""
    if family is Family.UNSPEC:
        return 0
    if family is Family.UNIX:
        return 2 * UNIX_PATH
    if transport is Transport.UNSPEC:
        return None  # which transport information follows the addresses is not said
    return 2 * _IP_LENGTH[family] + 4


def check_fixed(data: bytes | bytearray, start: int) -> None:
    """Check the bytes of the 16-byte fixed part in `data[start:16]` as they arrive, so that a
    wrong byte is refused at once instead of after a wait for the rest."""
    for pos in range(start, min(len(data), 14)):
        byte = data[pos]
        if pos < 12:
            if byte != SIGNATURE[pos]:
                raise ProxyProtocolError("not the PROXY protocol v2 signature "
                                         "(\\r\\n\\r\\n\\0\\r\\nQUIT\\n)", pos)
        elif pos == 12:
            if byte >> 4 != 2:
                raise ProxyProtocolError(f"version {byte >> 4} in the v2 header: only 2 is "
                                         "defined", pos)
            if byte & 0xF not in Command._value2member_map_:
                raise ProxyProtocolError(f"command 0x{byte & 0xF:X}: only LOCAL (0) and PROXY "
                                         "(1) are defined", pos)
        else:
            if byte >> 4 not in Family._value2member_map_:
                raise ProxyProtocolError(f"address family 0x{byte >> 4:X}: only UNSPEC, INET, "
                                         "INET6 and UNIX (0-3) are defined", pos)
            if byte & 0xF not in Transport._value2member_map_:
                raise ProxyProtocolError(f"transport 0x{byte & 0xF:X}: only UNSPEC, STREAM and "
                                         "DGRAM (0-2) are defined", pos)


def _addresses(block: bytes, family: Family) -> tuple[Address, Address, int | None, int | None]:
    if family is Family.UNIX:
        # a path is NUL-padded to 108 bytes; an abstract socket's begins with a NUL
        return block[:UNIX_PATH].rstrip(b"\0"), block[UNIX_PATH:2 * UNIX_PATH].rstrip(b"\0"), \
            None, None
    n = _IP_LENGTH[family]
    kind = IPv4Address if family is Family.INET else IPv6Address
    src, dst = kind(block[:n]), kind(block[n:2 * n])
    return src, dst, int.from_bytes(block[2 * n:2 * n + 2]), int.from_bytes(block[2 * n + 2:])


def _decode(data: bytes, command: Command, family: Family, transport: Transport) -> ProxyHeader:
    block = data[FIXED:]
    need = address_length(family, transport)
    if need is None:
        note = (f"family {family.name} with transport UNSPEC is not a combination the "
                f"specification lists: {len(block)} byte(s) skipped undecoded")
        return ProxyHeader(2, command, family, transport, notes=(note,), length=len(data))
    if len(block) < need:
        raise ProxyProtocolError(f"the length {len(block)} is too short for the {need}-byte "
                                 f"address block of {family.name}", 14)
    src: Address | None = None
    dst: Address | None = None
    sport = dport = None
    if need:
        src, dst, sport, dport = _addresses(block[:need], family)
    tlvs = parse_tlvs(block[need:], FIXED + need)
    return ProxyHeader(2, command, family, transport, src, dst, sport, dport, tlvs,
                       length=len(data))


def _check_crc(data: bytes, header: ProxyHeader) -> None:
    found = [t for t in header.tlvs if isinstance(t, Crc32c)]
    if not found:
        return
    need = address_length(header.family, header.transport) or 0
    offsets = crc32c_offsets(data[FIXED + need:], FIXED + need)
    at = FIXED + need + offsets[0]
    if len(found) > 1:
        at = FIXED + need + offsets[1]
        raise ProxyProtocolError("PP2_TYPE_CRC32C appears more than once", at)
    zeroed = data[:at] + b"\0\0\0\0" + data[at + 4:]
    actual = crc32c(zeroed)
    if actual != found[0].checksum:
        raise ProxyProtocolError(f"CRC32C mismatch: the header says 0x{found[0].checksum:08X}, "
                                 f"its bytes give 0x{actual:08X}", at)


def parse_v2(data: bytes) -> ProxyHeader:
    """Decode one complete v2 header (`data` is exactly 16 + len bytes, fixed part checked)."""
    command = Command(data[12] & 0xF)
    family, transport = Family(data[13] >> 4), Transport(data[13] & 0xF)
    try:
        header = _decode(data, command, family, transport)
    except ProxyProtocolError as exc:
        if command is not Command.LOCAL:
            raise
        note = f"the LOCAL header's block was ignored: {exc}"
        return ProxyHeader(2, command, family, transport, notes=(note,), length=len(data))
    _check_crc(data, header)
    return header


def _address_block(header: ProxyHeader) -> bytes:
    need = address_length(header.family, header.transport)
    values = (header.source, header.destination, header.source_port, header.destination_port)
    if not need:
        if any(v is not None for v in values):
            raise ValueError(f"{header.family.name} with transport {header.transport.name} "
                             "carries no addresses")
        return b""
    src, dst, sport, dport = values
    if header.family is Family.UNIX:
        if not (isinstance(src, bytes) and isinstance(dst, bytes)) or sport or dport:
            raise ValueError("AF_UNIX needs two paths (bytes) and no ports")
        if len(src) > UNIX_PATH or len(dst) > UNIX_PATH:
            raise ValueError(f"an AF_UNIX path holds at most {UNIX_PATH} bytes")
        return src.ljust(UNIX_PATH, b"\0") + dst.ljust(UNIX_PATH, b"\0")
    kind = IPv4Address if header.family is Family.INET else IPv6Address
    if not (isinstance(src, kind) and isinstance(dst, kind)):
        raise ValueError(f"{header.family.name} needs two {kind.__name__} addresses")
    if not (isinstance(sport, int) and isinstance(dport, int)
            and 0 <= sport <= 65535 and 0 <= dport <= 65535):
        raise ValueError("ports must be numbers 0-65535")
    return src.packed + dst.packed + sport.to_bytes(2) + dport.to_bytes(2)


def encode_v2(header: ProxyHeader, *, checksum: bool = True) -> bytes:
    """The v2 bytes for `header`. With `checksum`, a Crc32c TLV gets the right value whatever
    it holds; without, its value is written as given (to test a receiver's check)."""
    addresses = _address_block(header)
    tlvs: list[bytes] = [encode_tlv(t) for t in header.tlvs]
    length = len(addresses) + sum(map(len, tlvs))
    if length > 0xFFFF:
        raise ValueError(f"a v2 header holds at most 65535 bytes after its fixed part, "
                         f"got {length}")
    fixed = SIGNATURE + bytes([0x20 | header.command, header.family << 4 | header.transport])
    out = bytearray(fixed + length.to_bytes(2) + addresses + b"".join(tlvs))
    crcs = [i for i, t in enumerate(header.tlvs) if isinstance(t, Crc32c)]
    if len(crcs) > 1:
        raise ValueError("at most one CRC32C TLV")
    if checksum and crcs:
        at = FIXED + len(addresses) + sum(map(len, tlvs[:crcs[0]])) + 3
        out[at:at + 4] = bytes(4)
        out[at:at + 4] = crc32c(out).to_bytes(4, "big")
    return bytes(out)


def with_crc32c(tlvs: tuple[Tlv, ...]) -> tuple[Tlv, ...]:
    """`tlvs` with a CRC32C TLV added at the end if it has none (encode_v2 fills it in)."""
    if any(isinstance(t, Crc32c) for t in tlvs):
        return tlvs
    return (*tlvs, Crc32c(0))

