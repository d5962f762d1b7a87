"""The PROXY protocol reader against HAProxy's proxy-protocol.txt: every example it gives,
byte for byte where it gives bytes, then truncation, size limits, and every way to be wrong."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv6Address

import pytest

from headerscope.proxy import (
    Alpn,
    Authority,
    Command,
    Crc32c,
    Family,
    Netns,
    Networks,
    Noop,
    ProxyHeader,
    ProxyHeaderReader,
    ProxyProtocolError,
    Ssl,
    SslClient,
    SslSubtype,
    SslText,
    Transport,
    UniqueId,
    UnknownTlv,
    decode,
    encode_v1,
    encode_v2,
    refusal,
)
from headerscope.proxy._crc32c import crc32c

from ._headers import (
    HTTP,
    SIG,
    V1_EXAMPLE,
    V1_TCP4_MAX,
    V1_TCP6_MAX,
    V1_UNKNOWN_SHORT,
    V1_UNKNOWN_WORST,
    V2_LOCAL,
    V2_TCP4,
    V2_TCP6,
    V2_UDP4,
    V2_UDP6,
    V2_UNIX_DGRAM,
    V2_UNIX_STREAM,
    V2_UNSPEC,
    header_bytes,
    tlv,
)

ALL_EXAMPLES = [V1_EXAMPLE, V1_TCP4_MAX, V1_TCP6_MAX, V1_UNKNOWN_SHORT, V1_UNKNOWN_WORST,
                V2_TCP4, V2_TCP6, V2_UDP4, V2_UDP6, V2_UNIX_STREAM, V2_UNIX_DGRAM, V2_LOCAL,
                V2_UNSPEC]


def error_of(data: bytes, **kwargs: int) -> ProxyProtocolError:
    with pytest.raises(ProxyProtocolError) as info:
        decode(data, **kwargs)
    return info.value


# --- section 2.1: version 1 -------------------------------------------------------------

def test_v1_example_before_an_http_request() -> None:
    header, rest = decode(V1_EXAMPLE + HTTP)
    assert header == ProxyHeader(1, Command.PROXY, Family.INET, Transport.STREAM,
                                 IPv4Address("192.168.0.1"), IPv4Address("192.168.0.11"),
                                 56324, 443)
    assert header.length == len(V1_EXAMPLE) and rest == HTTP
    assert header.client == ("192.168.0.1", 56324) and header.server == ("192.168.0.11", 443)
    assert encode_v1(header) == V1_EXAMPLE


@pytest.mark.parametrize(("line", "length"), [
    (V1_TCP4_MAX, 56), (V1_TCP6_MAX, 104), (V1_UNKNOWN_SHORT, 15), (V1_UNKNOWN_WORST, 107)])
def test_v1_maximum_line_lengths(line: bytes, length: int) -> None:
    # "The maximum line lengths the receiver must support including the CRLF are: ..."
    assert len(line) == length
    header, rest = decode(line + b"GET")
    assert header.length == length and rest == b"GET"


def test_v1_tcp6_and_its_largest_values() -> None:
    header, _ = decode(V1_TCP6_MAX)
    assert header.family is Family.INET6
    assert header.source == header.destination == IPv6Address(2**128 - 1)
    assert header.source_port == header.destination_port == 65535


def test_v1_unknown_ignores_the_rest_of_the_line() -> None:
    # "the receiver must ignore anything presented before the CRLF is found"
    for line in (V1_UNKNOWN_SHORT, V1_UNKNOWN_WORST, b"PROXY UNKNOWN \xff\x00 junk\r\n"):
        header, _ = decode(line)
        assert header == ProxyHeader(1, Command.PROXY, Family.UNSPEC, Transport.UNSPEC)
        assert header.client is None  # "use the real connection's parameters"
    assert encode_v1(ProxyHeader(1)) == V1_UNKNOWN_SHORT


def test_v1_mapped_ipv6_as_inet_ntop_writes_it() -> None:
    header, _ = decode(b"PROXY TCP6 ::ffff:192.0.2.1 2001:DB8::1 1 2\r\n")
    assert header.source == IPv6Address("::ffff:192.0.2.1")
    assert header.destination == IPv6Address("2001:db8::1")


V1_ERRORS = [
    # (line, position, fragment of the reason)
    (b"PROXY TCP5 1.2.3.4 5.6.7.8 1 2\r\n", 6, "TCP4, TCP6 or UNKNOWN"),
    (b"PROXY tcp4 1.2.3.4 5.6.7.8 1 2\r\n", 6, "TCP4, TCP6 or UNKNOWN"),
    (b"PROXY UNKNOWNX\r\n", 6, "TCP4, TCP6 or UNKNOWN"),
    (b"PROXY  TCP4 1.2.3.4 5.6.7.8 1 2\r\n", 6, "TCP4, TCP6 or UNKNOWN"),
    (b"PROXY TCP4  1.2.3.4 5.6.7.8 1 2\r\n", 11, "expected the source address"),
    (b"PROXY TCP4 1.2.3.4  5.6.7.8 1 2\r\n", 19, "expected the destination address"),
    (b"PROXY TCP4 1.2.3.4 5.6.7.8 1\r\n", 28, "exactly one space and the destination port"),
    (b"PROXY TCP4 1.2.3.4 5.6.7.8 1 2 \r\n", 30, "expected CRLF"),
    (b"PROXY TCP4 1.2.3.4 5.6.7.8 1 2 3\r\n", 30, "expected CRLF"),
    (b"PROXY TCP4\r\n", 10, "exactly one space and the source address"),
    (b"PROXY TCP4 1.2.3.04 5.6.7.8 1 2\r\n", 11, "IPv4 address in canonical form"),
    (b"PROXY TCP4 1.2.3.256 5.6.7.8 1 2\r\n", 11, "IPv4"),
    (b"PROXY TCP4 1.2.3 5.6.7.8 1 2\r\n", 11, "IPv4"),
    (b"PROXY TCP4 ::1 5.6.7.8 1 2\r\n", 11, "IPv4"),  # the family dictates the format
    (b"PROXY TCP6 1.2.3.4 ::1 1 2\r\n", 11, "IPv6"),
    (b"PROXY TCP6 ::1 ::g 1 2\r\n", 15, "IPv6"),
    (b"PROXY TCP6 fe80::1%eth0 ::1 1 2\r\n", 11, "IPv6"),
    (b"PROXY TCP6 1::2::3 ::1 1 2\r\n", 11, "IPv6"),
    (b"PROXY TCP4 1.2.3.4 5.6.7.8 01 2\r\n", 27, "without leading zeroes"),
    (b"PROXY TCP4 1.2.3.4 5.6.7.8 1 65536\r\n", 29, "0-65535"),
    (b"PROXY TCP4 1.2.3.4 5.6.7.8 -1 2\r\n", 27, "0-65535"),
    (b"PROXY TCP4 1.2.3.4 5.6.7.8 1 +2\r\n", 29, "0-65535"),
    (b"PROXY TCP4 1.2.3.4 5.6.7.8 1 2\tx\r\n", 30, "not printable"),
    (b"PROXY TCP4 1.2.3.4 5.6.\xc3\xa9.8 1 2\r\n", 23, "not printable"),
    # "The receiver must not tolerate a single CR or LF character to end the line"
    (b"PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n", 30, "line feed without a carriage return"),
    (b"PROXY TCP4 1.2.3.4 5.6.7.8 1 2\rX", 31, "carriage return not followed"),
    (b"PROXY\r\n", 5, "begins with 'PROXY '"),
    (b"PROXy TCP4", 4, "begins with 'PROXY '"),
    (b"PUT / HTTP/1.1\r\n", 1, "begins with 'PROXY '"),
]


@pytest.mark.parametrize(("line", "position", "reason"), V1_ERRORS)
def test_v1_errors(line: bytes, position: int, reason: str) -> None:
    error = error_of(line)
    assert reason in error.reason
    assert error.position == position
    assert isinstance(error, ValueError)


def test_v1_longer_than_107_bytes_is_refused_at_once() -> None:
    # "If the CRLF sequence is not found in the first 107 characters, the receiver should
    # declare the line invalid": refused as the 107th byte arrives, CRLF or not after it.
    line = b"PROXY UNKNOWN " + b"x" * 92 + b"\r\n"
    assert len(line) == 108
    reader = ProxyHeaderReader()
    assert reader.feed(line[:106]) is None
    with pytest.raises(ProxyProtocolError, match="first 107 bytes") as info:
        reader.feed(line[106:107])
    assert info.value.position == 106
    with pytest.raises(ProxyProtocolError, match="first 107 bytes"):
        decode(line)
    with pytest.raises(ProxyProtocolError, match="first 107 bytes"):
        decode(b"PROXY " + b"x" * 200)


# --- section 2.2: version 2 -------------------------------------------------------------

def test_v2_signature_is_the_one_printed() -> None:
    assert SIG == b"\x0D\x0A\x0D\x0A\x00\x0D\x0A\x51\x55\x49\x54\x0A"
    assert SIG[4] == 0  # "this block contains a null byte at the 5th position"


V2_CASES = [
    # (bytes, family, transport, source, destination, ports)
    (V2_TCP4, Family.INET, Transport.STREAM, IPv4Address("192.168.0.1"),
     IPv4Address("192.168.0.11"), (56324, 443)),
    (V2_UDP4, Family.INET, Transport.DGRAM, IPv4Address("127.0.0.1"),
     IPv4Address("127.0.0.2"), (53, 53)),
    (V2_TCP6, Family.INET6, Transport.STREAM, IPv6Address("2001:db8::1"),
     IPv6Address("2001:db8::2"), (12345, 80)),
    (V2_UDP6, Family.INET6, Transport.DGRAM, IPv6Address("::1"), IPv6Address("::1"),
     (53, 53)),
    (V2_UNIX_STREAM, Family.UNIX, Transport.STREAM, b"/run/client.sock", b"/run/server.sock",
     (None, None)),
    (V2_UNIX_DGRAM, Family.UNIX, Transport.DGRAM, b"\0abstract", b"", (None, None)),
]


@pytest.mark.parametrize(("data", "family", "transport", "src", "dst", "ports"), V2_CASES)
def test_v2_every_protocol_byte(data: bytes, family: Family, transport: Transport,
                                src: object, dst: object, ports: tuple[int, int]) -> None:
    # "In practice, the following protocol bytes are expected: \x00, \x11, \x12, \x21, \x22,
    # \x31, \x32", with address lengths 12, 12, 36, 36, 216, 216
    header, rest = decode(data + HTTP)
    assert rest == HTTP and header.length == len(data)
    assert (header.version, header.command, header.family, header.transport) == \
        (2, Command.PROXY, family, transport)
    assert (header.source, header.destination) == (src, dst)
    assert (header.source_port, header.destination_port) == ports
    assert len(data) - 16 == {Family.INET: 12, Family.INET6: 36, Family.UNIX: 216}[family]
    assert encode_v2(header) == data


def test_v2_same_connection_as_v1_example() -> None:
    v1, _ = decode(V1_EXAMPLE)
    v2, _ = decode(V2_TCP4)
    assert (v1.source, v1.destination, v1.source_port, v1.destination_port) == \
        (v2.source, v2.destination, v2.source_port, v2.destination_port)
    assert v1.client == v2.client == ("192.168.0.1", 56324)


def test_v2_local_command() -> None:
    # "\x0 : LOCAL ... The receiver must accept this connection as valid and must use the real
    # connection endpoints"
    header, rest = decode(V2_LOCAL + HTTP)
    assert header == ProxyHeader(2, Command.LOCAL, Family.UNSPEC, Transport.UNSPEC)
    assert header.client is None and rest == HTTP


def test_v2_local_with_an_address_block_is_skipped_by_its_length() -> None:
    # "Receivers MUST always consider this field to skip the appropriate number of bytes and
    # must not assume zero is presented for LOCAL connections."
    data = bytearray(V2_TCP4)
    data[12] = 0x20
    header, rest = decode(bytes(data) + HTTP)
    assert header.command is Command.LOCAL and rest == HTTP
    assert header.client is None  # the addresses are shown, never used
    assert header.source == IPv4Address("192.168.0.1")


def test_v2_local_with_a_block_that_does_not_decode_is_accepted_with_a_note() -> None:
    data = header_bytes(0x20, 0x11, b"\x01\x02\x03")  # 3 bytes: not a 12-byte IPv4 block
    header, rest = decode(data + b"X")
    assert rest == b"X" and header.command is Command.LOCAL and header.source is None
    assert header.notes and "ignored" in header.notes[0] and "too short" in header.notes[0]


def test_v2_proxy_with_unspec_family() -> None:
    header, rest = decode(V2_UNSPEC + HTTP)
    assert (header.command, header.family, header.transport) == \
        (Command.PROXY, Family.UNSPEC, Transport.UNSPEC)
    assert header.client is None and rest == HTTP


@pytest.mark.parametrize("fam", [0x10, 0x20])
def test_v2_ip_family_without_transport_is_skipped_undecoded(fam: int) -> None:
    data = header_bytes(0x21, fam, bytes(12) + tlv(0x01, b"h2"))
    header, rest = decode(data + b"X")
    assert rest == b"X" and header.source is None and header.tlvs == ()
    assert header.notes and "17 byte(s) skipped" in header.notes[0]


@pytest.mark.parametrize(("ver_cmd", "fam", "position", "reason"), [
    (0x11, 0x11, 12, "version 1 in the v2 header"),
    (0x31, 0x11, 12, "version 3"),
    (0x01, 0x11, 12, "version 0"),
    (0x22, 0x11, 12, "command 0x2"),
    (0x2F, 0x11, 12, "command 0xF"),
    (0x21, 0x41, 13, "address family 0x4"),
    (0x21, 0xF1, 13, "address family 0xF"),
    (0x21, 0x13, 13, "transport 0x3"),
    (0x21, 0x1F, 13, "transport 0xF"),
])
def test_v2_values_outside_the_specification(ver_cmd: int, fam: int, position: int,
                                             reason: str) -> None:
    data = header_bytes(ver_cmd, fam, bytes(12))
    error = error_of(data)
    assert error.position == position and reason in error.reason
    # refused as soon as the byte arrives, not after the rest of the header
    with pytest.raises(ProxyProtocolError):
        ProxyHeaderReader().feed(data[:position + 1])


@pytest.mark.parametrize("position", range(1, 12))
def test_v2_bad_signature_byte(position: int) -> None:
    data = bytearray(V2_TCP4)
    data[position] ^= 0x40
    reader = ProxyHeaderReader()
    assert reader.feed(bytes(data[:position])) is None
    with pytest.raises(ProxyProtocolError, match="v2 signature") as info:
        reader.feed(bytes(data[position:position + 1]))
    assert info.value.position == position


@pytest.mark.parametrize("start", [b"GET / HTTP/1.1\r\n", b"\x16\x03\x01\x02\x00", b"\x00",
                                   b"SSH-2.0-x\r\n", b" PROXY TCP4"])
def test_other_protocols_are_refused_on_the_first_byte(start: bytes) -> None:
    # "otherwise the protocol is not covered by this specification and the connection must
    # be dropped"
    with pytest.raises(ProxyProtocolError, match="expected a PROXY protocol header") as info:
        ProxyHeaderReader().feed(start[:1])
    assert info.value.position == 0


def test_v2_address_block_too_short() -> None:
    error = error_of(header_bytes(0x21, 0x21, bytes(20)))
    assert error.position == 14 and "36-byte address block" in error.reason


# --- TLVs (sections 2.2.1 - 2.2.8) ------------------------------------------------------

def with_tlvs(*raw: bytes) -> bytes:
    return header_bytes(0x21, 0x11, V2_TCP4[16:] + b"".join(raw))


def test_every_registered_tlv() -> None:
    ssl_value = (bytes([0x07]) + (0).to_bytes(4, "big")
                 + tlv(0x21, b"TLSv1.3") + tlv(0x22, "exämple.com".encode())
                 + tlv(0x23, b"ECDHE-RSA-AES128-GCM-SHA256") + tlv(0x24, b"RSA-SHA256")
                 + tlv(0x25, b"RSA2048") + tlv(0x26, b"x25519"))
    data = with_tlvs(tlv(0x01, b"h2"), tlv(0x02, "bücher.example".encode()),
                     tlv(0x04, b"\0\0\0"), tlv(0x05, b"id-42"), tlv(0x20, ssl_value),
                     tlv(0x30, b"blue"), tlv(0xEA, b"vpce-1"), tlv(0x04, b""))
    header, _ = decode(data)
    ssl = Ssl(SslClient.SSL | SslClient.CERT_CONN | SslClient.CERT_SESS, 0, (
        SslText(SslSubtype.VERSION, "TLSv1.3"), SslText(SslSubtype.CN, "exämple.com"),
        SslText(SslSubtype.CIPHER, "ECDHE-RSA-AES128-GCM-SHA256"),
        SslText(SslSubtype.SIG_ALG, "RSA-SHA256"), SslText(SslSubtype.KEY_ALG, "RSA2048"),
        UnknownTlv(0x26, b"x25519")))
    assert header.tlvs == (Alpn(b"h2"), Authority("bücher.example"), Noop(b"\0\0\0"),
                           UniqueId(b"id-42"), ssl, Netns("blue"), UnknownTlv(0xEA, b"vpce-1"),
                           Noop())
    got = header.tlvs[4]
    assert isinstance(got, Ssl)
    assert (got.version, got.cn, got.cipher, got.sig_alg, got.key_alg) == \
        ("TLSv1.3", "exämple.com", "ECDHE-RSA-AES128-GCM-SHA256", "RSA-SHA256", "RSA2048")
    assert encode_v2(header) == data  # byte for byte, order and duplicates kept


@pytest.mark.parametrize(("kind", "where"), [
    (0xE0, "custom (application-specific)"), (0xEF, "custom (application-specific)"),
    (0xF0, "experimental"), (0xF7, "experimental"), (0xF8, "reserved for future use"),
    (0xFF, "reserved for future use"), (0x06, "unassigned"), (0x21, "unassigned")])
def test_unknown_tlv_types_are_kept_as_numbers(kind: int, where: str) -> None:
    header, _ = decode(with_tlvs(tlv(kind, b"\x01\x02")))
    assert header.tlvs == (UnknownTlv(kind, b"\x01\x02"),)
    assert UnknownTlv(kind, b"").range == where


def test_crc32c_known_vector() -> None:
    assert crc32c(b"123456789") == 0xE3069283
    assert crc32c(b"") == 0
    assert crc32c(b"56789", crc32c(b"1234")) == 0xE3069283


def test_crc32c_right_and_wrong() -> None:
    good = encode_v2(ProxyHeader.proxied("192.0.2.1", 1000, "192.0.2.2", 443,
                                         tlvs=(Alpn(b"h2"), Crc32c(0), UniqueId(b"u"))))
    header, _ = decode(good)
    crc = header.tlvs[1]
    assert isinstance(crc, Crc32c)
    # the receiver's procedure: zero the field, CRC the whole header, compare
    at = good.index(bytes([0x03, 0x00, 0x04])) + 3
    assert crc.checksum == crc32c(good[:at] + bytes(4) + good[at + 4:])
    assert good[at:at + 4] == crc.checksum.to_bytes(4, "big")
    for flip in (0, 20, at, at + 3, len(good) - 1):
        bad = bytearray(good)
        bad[flip] ^= 0x01
        if flip == 0:
            with pytest.raises(ProxyProtocolError, match="signature"):
                decode(bytes(bad))
            continue
        error = error_of(bytes(bad))
        assert "CRC32C mismatch" in error.reason and error.position == at


def test_crc32c_wrong_on_a_local_header_is_refused_too() -> None:
    header = ProxyHeader(2, Command.LOCAL, tlvs=(Crc32c(0),))
    assert decode(encode_v2(header))[0].command is Command.LOCAL
    bad = encode_v2(ProxyHeader(2, Command.LOCAL, tlvs=(Crc32c(1),)), checksum=False)
    assert "CRC32C mismatch" in error_of(bad).reason


TLV_ERRORS = [
    (tlv(0x03, b"\0\0\0"), 31, "must be 4 bytes"),
    (tlv(0x05, bytes(129)), 31, "over its 128"),
    (tlv(0x20, b"\x01\0\0\0"), 31, "at least 5 bytes"),
    (tlv(0x20, b"\x01\0\0\0\0" + tlv(0x21, b"TLS\xff")), 42, "SSL VERSION is not ascii"),
    (tlv(0x20, b"\x01\0\0\0\0" + tlv(0x22, b"\xc3")), 39, "SSL CN is not utf-8"),
    (tlv(0x20, b"\x01\0\0\0\0\x21\x00"), 36, "too few for a TLV"),
    (tlv(0x20, b"\x01\0\0\0\0\x21\x00\x09ab"), 37, "claims 9 byte(s) but only 2 remain"),
    (tlv(0x02, b"a\xffb"), 32, "AUTHORITY is not utf-8"),
    (tlv(0x30, "é".encode()), 31, "NETNS is not ascii"),
    (b"\x01\x00", 28, "2 byte(s) left in the header, too few"),
    (b"\x01\x00\x05ab", 29, "claims 5 byte(s) but only 2 remain"),
]


@pytest.mark.parametrize(("raw", "position", "reason"), TLV_ERRORS)
def test_tlv_errors(raw: bytes, position: int, reason: str) -> None:
    error = error_of(with_tlvs(raw))
    assert reason in error.reason
    assert error.position == position


def test_unique_id_of_128_bytes_is_fine() -> None:
    header, _ = decode(with_tlvs(tlv(0x05, bytes(range(128)))))
    assert header.tlvs == (UniqueId(bytes(range(128))),)


def test_two_crc32c_tlvs_are_refused() -> None:
    data = with_tlvs(tlv(0x03, bytes(4)), tlv(0x03, bytes(4)))
    assert "more than once" in error_of(data).reason


# --- truncation and size limits ---------------------------------------------------------

WITH_TLVS = encode_v2(ProxyHeader.proxied("::1", 1, "::2", 2, tlvs=(Alpn(b"h2"), Crc32c(0))))


@pytest.mark.parametrize("data", [*ALL_EXAMPLES, WITH_TLVS])
def test_truncated_at_every_length_needs_more_and_never_answers_wrong(data: bytes) -> None:
    expected, _ = decode(data)
    for cut in range(len(data)):
        reader = ProxyHeaderReader()
        assert reader.feed(data[:cut]) is None, cut
        assert reader.buffered == cut
        with pytest.raises(ProxyProtocolError, match="incomplete") as info:
            decode(data[:cut])
        assert info.value.position == cut
        # the rest, then the HTTP request in the same read
        assert reader.feed(data[cut:] + HTTP) == expected
        assert reader.rest == HTTP


@pytest.mark.parametrize("data", ALL_EXAMPLES)
def test_one_byte_at_a_time(data: bytes) -> None:
    reader = ProxyHeaderReader()
    stream = data + HTTP
    results = [reader.feed(stream[i:i + 1]) for i in range(len(data))]
    assert results[:-1] == [None] * (len(data) - 1)
    assert results[-1] == decode(data)[0]
    assert reader.rest == b""  # the header ended exactly on the last byte fed
    with pytest.raises(RuntimeError):
        reader.feed(HTTP)


def test_v2_oversized_is_refused_on_its_length_field() -> None:
    # refused as soon as the 16 fixed bytes say so, before any of the rest is buffered
    reader = ProxyHeaderReader(max_v2=4096)
    fixed = SIG + bytes([0x21, 0x11]) + (4096 - 16 + 1).to_bytes(2, "big")
    assert reader.feed(fixed[:15]) is None
    with pytest.raises(ProxyProtocolError, match="4097 bytes, over this server's limit of "
                                                 "4096") as info:
        reader.feed(fixed[15:])
    assert info.value.position == 14
    with pytest.raises(ProxyProtocolError, match="4097 bytes"):  # it stays failed
        reader.feed(b"more")
    # exactly at the limit is fine
    fits = header_bytes(0x21, 0x11, bytes(12) + tlv(0x04, bytes(4096 - 16 - 12 - 3)))
    assert len(fits) == 4096 and decode(fits)[0].length == 4096
    largest = SIG + bytes([0x21, 0x11, 0xFF, 0xFF])
    assert "65551 bytes" in error_of(largest).reason
    assert decode(fits, max_v2=65551)[0].length == 4096
    with pytest.raises(ValueError, match="at least 16"):
        ProxyHeaderReader(max_v2=15)


def test_rest_keeps_everything_after_the_header() -> None:
    reader = ProxyHeaderReader()
    assert reader.feed(V2_TCP4[:10]) is None
    header = reader.feed(V2_TCP4[10:] + V2_TCP4)  # a second header is HTTP's problem
    assert header is not None and reader.rest == V2_TCP4 and reader.header == header


# --- the writers --------------------------------------------------------------------------

def test_encode_v1_refuses_what_v1_cannot_say() -> None:
    with pytest.raises(ValueError, match="LOCAL"):
        encode_v1(ProxyHeader(1, Command.LOCAL))
    with pytest.raises(ValueError, match="TLVs"):
        encode_v1(ProxyHeader.proxied("1.2.3.4", 1, "1.2.3.5", 2, tlvs=(Noop(),)))
    with pytest.raises(ValueError, match="only TCP"):
        encode_v1(ProxyHeader.proxied("1.2.3.4", 1, "1.2.3.5", 2, transport=Transport.DGRAM))
    with pytest.raises(ValueError, match="only TCP"):
        encode_v1(ProxyHeader(1, family=Family.UNIX, transport=Transport.STREAM))
    with pytest.raises(ValueError, match="0-65535"):
        encode_v1(ProxyHeader.proxied("1.2.3.4", 70000, "1.2.3.5", 2))


def test_encode_v2_refuses_inconsistent_headers() -> None:
    with pytest.raises(ValueError, match="two IPv6Address"):
        encode_v2(ProxyHeader(2, Command.PROXY, Family.INET6, Transport.STREAM,
                              IPv4Address("1.2.3.4"), IPv4Address("1.2.3.4"), 1, 2))
    with pytest.raises(ValueError, match="carries no addresses"):
        encode_v2(ProxyHeader(2, source=IPv4Address("1.2.3.4")))
    with pytest.raises(ValueError, match="at most 108"):
        encode_v2(ProxyHeader(2, Command.PROXY, Family.UNIX, Transport.STREAM, b"x" * 109,
                              b""))
    with pytest.raises(ValueError, match="65535"):
        encode_v2(ProxyHeader(2, tlvs=(Noop(bytes(40000)), Noop(bytes(40000)))))
    with pytest.raises(ValueError, match="one CRC32C"):
        encode_v2(ProxyHeader(2, tlvs=(Crc32c(0), Crc32c(0))))
    with pytest.raises(ValueError, match="not of the same IP version"):
        ProxyHeader.proxied("1.2.3.4", 1, "::1", 2)


# --- headers from an untrusted address ------------------------------------------------------

ALLOWED = Networks.parse("10.0.0.0/8 2001:db8::/32")


@pytest.mark.parametrize("peer", ["10.1.2.3", "::ffff:10.1.2.3", "2001:db8::7"])
def test_allowed_peers_may_send_a_header(peer: str) -> None:
    assert refusal(peer, ALLOWED) is None


@pytest.mark.parametrize("peer", ["203.0.113.9", "::ffff:203.0.113.9", "2001:db9::1", "",
                                  "not-an-address"])
@pytest.mark.parametrize("data", [V1_EXAMPLE, V2_TCP4, V2_LOCAL])
def test_headers_from_an_untrusted_address_are_refused_with_a_log_line(peer: str,
                                                                       data: bytes) -> None:
    # the header itself is valid: the peer alone decides, before any byte is read
    assert decode(data)[0].version in (1, 2)
    line = refusal(peer, ALLOWED)
    assert line is not None
    assert line.startswith(f"PROXY protocol refused from {peer or '(no address)'}: not in "
                           "--proxy-protocol-from (10.0.0.0/8, 2001:db8::/32)")


def test_an_empty_allow_list_refuses_everyone() -> None:
    assert refusal("127.0.0.1", Networks()) is not None
    assert "(none)" in (refusal("127.0.0.1", Networks()) or "")
