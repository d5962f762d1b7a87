"""The human-readable header, version 1 (HAProxy's proxy-protocol.txt, section 2.1).

    "PROXY" SP ( "TCP4" SP ipv4 SP ipv4 / "TCP6" SP ipv6 SP ipv6 ) SP port SP port CRLF
    "PROXY" SP "UNKNOWN" [ SP *anything-but-CRLF ] CRLF
    port = "0" / %x31-39 0*4DIGIT     ; 0..65535, "Heading zeroes are not permitted"
    ipv4 = four decimal numbers 0..255 without leading zeroes, separated by single dots

At most 107 bytes including the CRLF. Everything is checked exactly: "Any sequence which does
not exactly match the protocol must be discarded and cause the receiver to abort the
connection." An IPv6 address is what inet_pton accepts (hexadecimal groups, one "::", and the
dotted IPv4 tail that inet_ntop itself writes for mapped addresses), without a zone index.
"""

from __future__ import annotations

import re
from ipaddress import IPv4Address, IPv6Address

from ._errors import ProxyProtocolError
from ._header import Command, Family, ProxyHeader, Transport

PREFIX = b"PROXY "
MAX_V1 = 107  # "If the CRLF sequence is not found in the first 107 characters ..."

_OCTET = rb"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4_RE = re.compile(_OCTET + rb"(?:\." + _OCTET + rb"){3}")
_IPV6_RE = re.compile(rb"[0-9A-Fa-f:.]+")
_PORT_RE = re.compile(rb"0|[1-9][0-9]{0,4}")
_NOT_PRINTABLE_RE = re.compile(rb"[^\x20-\x7e]")
_FIELDS = ("source address", "destination address", "source port", "destination port")


def _shown(data: bytes, pos: int) -> str:
    return "the end of the line" if pos >= len(data) else repr(chr(data[pos]))


def _address(token: bytes, family: Family, pos: int, what: str) -> IPv4Address | IPv6Address:
    if family is Family.INET:
        if _IPV4_RE.fullmatch(token) is None:
            raise ProxyProtocolError(f"the {what} is not an IPv4 address in canonical form "
                                     "(four numbers 0-255, no leading zeroes)", pos)
        return IPv4Address(token.decode("ascii"))
    if _IPV6_RE.fullmatch(token) is None:
        raise ProxyProtocolError(f"the {what} is not an IPv6 address (hexadecimal digits, ':' "
                                 "and '.' only)", pos)
    try:
        return IPv6Address(token.decode("ascii"))
    except ValueError as exc:
        raise ProxyProtocolError(f"the {what} is not an IPv6 address: {exc}", pos) from None


def _port(token: bytes, pos: int, what: str) -> int:
    if _PORT_RE.fullmatch(token) is None or int(token) > 65535:
        raise ProxyProtocolError(f"the {what} is not a number 0-65535 without leading zeroes",
                                 pos)
    return int(token)


def parse_v1(line: bytes) -> ProxyHeader:
    """Decode one complete line, CRLF included, that starts with "PROXY "."""
    body = line[:-2]
    pos = len(PREFIX)
    space = body.find(b" ", pos)
    proto = body[pos:] if space < 0 else body[pos:space]
    if proto == b"UNKNOWN":
        # "For "UNKNOWN", the rest of the line before the CRLF may be omitted by the sender,
        # and the receiver must ignore anything presented before the CRLF is found."
        return ProxyHeader(1, length=len(line))
    if proto not in (b"TCP4", b"TCP6"):
        raise ProxyProtocolError("expected TCP4, TCP6 or UNKNOWN after 'PROXY '", pos)
    bad = _NOT_PRINTABLE_RE.search(body)
    if bad is not None:
        raise ProxyProtocolError(f"byte 0x{body[bad.start()]:02X} is not printable US-ASCII",
                                 bad.start())
    family = Family.INET if proto == b"TCP4" else Family.INET6
    tokens: list[tuple[bytes, int]] = []
    pos += len(proto)
    for what in _FIELDS:
        if pos >= len(body) or body[pos] != 0x20:
            raise ProxyProtocolError(f"expected exactly one space and the {what}, found "
                                     f"{_shown(body, pos)}", pos)
        start = pos + 1
        end = body.find(b" ", start)
        end = len(body) if end < 0 else end
        if end == start:
            raise ProxyProtocolError(f"expected the {what}, found {_shown(body, start)}", start)
        tokens.append((body[start:end], start))
        pos = end
    if pos != len(body):
        raise ProxyProtocolError("expected CRLF after the destination port, found ' '", pos)
    (src, src_at), (dst, dst_at), (sport, sport_at), (dport, dport_at) = tokens
    return ProxyHeader(
        1, Command.PROXY, family, Transport.STREAM,
        _address(src, family, src_at, _FIELDS[0]), _address(dst, family, dst_at, _FIELDS[1]),
        _port(sport, sport_at, _FIELDS[2]), _port(dport, dport_at, _FIELDS[3]),
        length=len(line))


def encode_v1(header: ProxyHeader) -> bytes:
    """The v1 line for `header`: TCP over IPv4 or IPv6, or UNKNOWN for an UNSPEC family.
    ValueError for what v1 cannot say (LOCAL, UDP, AF_UNIX, TLVs)."""
    if header.command is not Command.PROXY:
        raise ValueError("version 1 has no LOCAL command")
    if header.tlvs:
        raise ValueError("version 1 carries no TLVs")
    if header.family is Family.UNSPEC:
        return b"PROXY UNKNOWN\r\n"
    kind = {Family.INET: IPv4Address, Family.INET6: IPv6Address}.get(header.family)
    if kind is None or header.transport is not Transport.STREAM:
        raise ValueError("version 1 carries only TCP over IPv4 or IPv6, or UNKNOWN")
    src, dst = header.source, header.destination
    sport, dport = header.source_port, header.destination_port
    if not (isinstance(src, kind) and isinstance(dst, kind)):
        raise ValueError(f"{header.family.name} needs two {kind.__name__} addresses")
    if not (isinstance(sport, int) and isinstance(dport, int)
            and 0 <= sport <= 65535 and 0 <= dport <= 65535):
        raise ValueError("ports must be numbers 0-65535")
    proto = "TCP4" if header.family is Family.INET else "TCP6"
    return f"PROXY {proto} {src} {dst} {sport} {dport}\r\n".encode("ascii")
