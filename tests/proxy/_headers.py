"""Hand-assembled PROXY protocol headers and hypothesis strategies shared by the tests."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv6Address

from hypothesis import strategies as st

from headerscope.proxy import (
    Alpn,
    Authority,
    Command,
    Crc32c,
    Family,
    Netns,
    Noop,
    ProxyHeader,
    Ssl,
    SslClient,
    SslSubtype,
    SslText,
    Tlv,
    TlvType,
    Transport,
    UniqueId,
    UnknownTlv,
)
from headerscope.proxy._tlv import SslTlv

SIG = bytes.fromhex("0D0A0D0A000D0A515549540A")  # section 2.2, as printed there

# The specification's v1 example, before the HTTP request it shows (section 2.1).
V1_EXAMPLE = b"PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n"
HTTP = b"GET / HTTP/1.1\r\nHost: 192.168.0.11\r\n\r\n"
# The four lines of "The maximum line lengths the receiver must support" (section 2.1).
V1_TCP4_MAX = b"PROXY TCP4 255.255.255.255 255.255.255.255 65535 65535\r\n"
FFFF = ":".join(["ffff"] * 8)
V1_TCP6_MAX = f"PROXY TCP6 {FFFF} {FFFF} 65535 65535\r\n".encode()
V1_UNKNOWN_SHORT = b"PROXY UNKNOWN\r\n"
V1_UNKNOWN_WORST = f"PROXY UNKNOWN {FFFF} {FFFF} 65535 65535\r\n".encode()

# The v1 example's connection in v2: TCP over IPv4 (\x21 PROXY, \x11, length 12).
V2_TCP4 = SIG + bytes.fromhex("2111000C" "C0A80001" "C0A8000B" "DC04" "01BB")
V2_TCP6 = SIG + bytes.fromhex("21210024" "20010DB8000000000000000000000001"
                              "20010DB8000000000000000000000002" "3039" "0050")
V2_UDP4 = SIG + bytes.fromhex("2112000C" "7F000001" "7F000002" "0035" "0035")
V2_UDP6 = SIG + bytes.fromhex("21220024" + "00" * 15 + "01" + "00" * 15 + "01" + "0035" "0035")
V2_UNIX_STREAM = (SIG + bytes.fromhex("213100D8") + b"/run/client.sock".ljust(108, b"\0")
                  + b"/run/server.sock".ljust(108, b"\0"))
V2_UNIX_DGRAM = SIG + bytes.fromhex("213200D8") + b"\0abstract".ljust(108, b"\0") + bytes(108)
V2_LOCAL = SIG + bytes.fromhex("20000000")  # a health check: LOCAL, UNSPEC, no block
V2_UNSPEC = SIG + bytes.fromhex("21000000")  # PROXY with UNSPEC: use the real endpoints


def header_bytes(ver_cmd: int, fam: int, block: bytes) -> bytes:
    return SIG + bytes([ver_cmd, fam]) + len(block).to_bytes(2, "big") + block


def tlv(kind: int, value: bytes) -> bytes:
    return bytes([kind]) + len(value).to_bytes(2, "big") + value


# --- strategies -------------------------------------------------------------------------

ports = st.integers(0, 65535)
ipv4 = st.integers(0, 2**32 - 1).map(IPv4Address)
ipv6 = st.integers(0, 2**128 - 1).map(IPv6Address)
ascii_text = st.text(st.characters(min_codepoint=0, max_codepoint=127), max_size=40)
utf8_text = st.text(st.characters(codec="utf-8"), max_size=40)  # no lone surrogates
unix_path = st.binary(max_size=108).map(lambda b: b.rstrip(b"\0"))

_unknown_types = st.integers(0, 255).filter(lambda t: t not in TlvType._value2member_map_)
_unknown_subtypes = st.integers(0, 255).filter(lambda t: t not in SslSubtype._value2member_map_)


def _ssl_text(subtype: SslSubtype) -> st.SearchStrategy[SslText]:
    text = utf8_text if subtype is SslSubtype.CN else ascii_text
    return st.builds(SslText, st.just(subtype), text)


ssl_sub: st.SearchStrategy[SslTlv] = st.one_of(
    st.sampled_from(list(SslSubtype)).flatmap(_ssl_text),
    st.builds(UnknownTlv, _unknown_subtypes, st.binary(max_size=20)),
)
ssl = st.builds(Ssl, st.integers(0, 255).map(SslClient), st.integers(0, 2**32 - 1),
                st.lists(ssl_sub, max_size=5).map(tuple))

tlvs_no_crc: st.SearchStrategy[Tlv] = st.one_of(
    st.builds(Alpn, st.binary(max_size=20)),
    st.builds(Authority, utf8_text),
    st.builds(Noop, st.binary(max_size=20)),
    st.builds(UniqueId, st.binary(max_size=128)),
    ssl,
    st.builds(Netns, ascii_text),
    st.builds(UnknownTlv, _unknown_types, st.binary(max_size=40)),
)


@st.composite
def tlv_lists(draw: st.DrawFn) -> tuple[Tlv, ...]:
    items = draw(st.lists(tlvs_no_crc, max_size=6))
    if draw(st.booleans()):  # at most one CRC32C, anywhere; encode_v2 fills in its value
        items.insert(draw(st.integers(0, len(items))), Crc32c(0))
    return tuple(items)


@st.composite
def v2_headers(draw: st.DrawFn) -> ProxyHeader:
    command = draw(st.sampled_from(list(Command)))
    family = draw(st.sampled_from(list(Family)))
    transports = list(Transport) if family in (Family.UNSPEC, Family.UNIX) else \
        [Transport.STREAM, Transport.DGRAM]
    transport = draw(st.sampled_from(transports))
    tlvs = draw(tlv_lists())
    if family is Family.UNSPEC:
        return ProxyHeader(2, command, family, transport, tlvs=tlvs)
    if family is Family.UNIX:
        return ProxyHeader(2, command, family, transport, draw(unix_path), draw(unix_path),
                           tlvs=tlvs)
    ip: st.SearchStrategy[IPv4Address | IPv6Address] = ipv4 if family is Family.INET else ipv6
    return ProxyHeader(2, command, family, transport, draw(ip), draw(ip), draw(ports),
                       draw(ports), tlvs)


@st.composite
def v1_headers(draw: st.DrawFn) -> ProxyHeader:
    family = draw(st.sampled_from([Family.INET, Family.INET6, Family.UNSPEC]))
    if family is Family.UNSPEC:
        return ProxyHeader(1)
    ip: st.SearchStrategy[IPv4Address | IPv6Address] = ipv4 if family is Family.INET else ipv6
    return ProxyHeader(1, Command.PROXY, family, Transport.STREAM, draw(ip), draw(ip),
                       draw(ports), draw(ports))
