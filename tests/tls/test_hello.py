"""Decoding a ClientHello: every field, every extension decoder, and a positioned error for
each way the framing or a body can be wrong."""

from __future__ import annotations

import pytest

from headerscope.tls import HelloError, parse_client_hello
from headerscope.tls import _values as v
from headerscope.tls._registry import CIPHERS, EXTENSION_TYPES, GROUPS, is_grease
from headerscope.tls.writer import client_hello, extension_data, records

from ._build import SPEC_EXTENSIONS, SPEC_SIGS, hexes, spec_bodies, spec_hello


def test_every_field_of_the_example() -> None:
    message = spec_hello()
    hello = parse_client_hello(records(message))
    assert (hello.record_version, hello.records, hello.size) == (0x0301, 1, len(message) + 5)
    assert hello.length == len(message) - 4
    assert hello.legacy_version == 0x0303 and hello.random == bytes(32)
    assert hello.session_id == bytes(range(32))
    assert hello.cipher_suites[:2] == (0x3A3A, 0x1301) and len(hello.cipher_suites) == 16
    assert hello.compression_methods == (0,)
    types = [e.type for e in hello.extensions]
    assert types == [0x0A0A, *hexes(SPEC_EXTENSIONS), 0xFAFA]
    assert hello.server_name == "example.com" and hello.alpn == ("h2", "http/1.1")
    values = {e.type: e.value for e in hello.extensions}
    assert values[13] == v.SignatureSchemes(tuple(hexes(SPEC_SIGS)))
    assert values[43] == v.Versions((0x2A2A, 0x0304, 0x0303))
    assert values[51] == v.KeyShares((v.KeyShareEntry(0x2A2A, 1), v.KeyShareEntry(29, 32)))
    assert values[0x4469] == v.ProtocolNames(("h2",))
    assert values[0x0A0A] is None and values[0xFAFA] is None  # GREASE: raw bytes kept
    bodies = spec_bodies()
    for ext in hello.extensions:
        assert ext.error is None
        if not ext.grease:
            assert ext.data == bodies[ext.type]
        # Each offset points at the extension's type field in the input.
        assert records(message)[ext.offset:ext.offset + 2] == ext.type.to_bytes(2, "big")
    assert hello.warnings == () and hello.errors == ()


def test_names_and_grease_from_the_registries() -> None:
    assert CIPHERS.describe(0x1301) == "TLS_AES_128_GCM_SHA256 (0x1301)"
    assert CIPHERS.describe(0xC0FF) == "0xc0ff"  # unassigned: the number, kept
    assert CIPHERS.describe(0x5A5A) == "GREASE (0x5a5a)"
    assert EXTENSION_TYPES.name(65037) == "encrypted_client_hello"
    assert GROUPS.name(4588) == "X25519MLKEM768"
    greases = [n for n in range(0x10000) if is_grease(n)]
    assert greases == [0x0A0A + 0x1010 * i for i in range(16)]  # RFC 8701, section 2


def test_split_into_one_byte_records_reads_the_same_with_mapped_positions() -> None:
    message = spec_hello()
    whole, split = parse_client_hello(message), parse_client_hello(records(message, 1))
    assert split.records == len(message) and split.size == 6 * len(message)
    assert split.extensions == tuple(
        type(e)(e.type, 6 * e.offset + 5, e.data, e.value, e.error) for e in whole.extensions)
    assert (split.cipher_suites, split.random, split.warnings) == (
        whole.cipher_suites, whole.random, whole.warnings)


def test_a_16_kib_hello_spans_two_records() -> None:
    message = client_hello(extensions=[(21, bytes(16 * 1024))])
    data = records(message)
    hello = parse_client_hello(data)
    assert hello.records == 2 and hello.size == len(data) == len(message) + 10
    assert hello.extensions[0].value == v.Opaque(16 * 1024, True)


def test_a_hello_without_extensions() -> None:
    hello = parse_client_hello(client_hello(legacy_version=0x0301, extensions=None))
    assert hello.extensions == () and not hello.extensions_present


BASE = client_hello(cipher_suites=[0x1301, 0x1302], extensions=[(23, b"")])
# The message's layout: type 0, length 1-3, version 4, random 6, session id length 38,
# cipher_suites 39, compression 45, extensions length 47, the extension's type 49.


@pytest.mark.parametrize(("data", "fragment", "position"), [
    (b"", "no bytes", 0),
    (b"\x02" + BASE[1:], "first byte 0x02", 0),
    (b"\x80\x2e\x01\x03\x01", "SSL 2.0", 0),
    (BASE[:-1], "needs 53 bytes, only 52 given", 52),
    (BASE[:3], "needs 4 bytes", 3),
    (BASE[:1] + (1 << 20).to_bytes(3, "big") + BASE[4:], "larger than the limit", 1),
    (BASE[:38] + b"\x21" + BASE[39:], "legacy_session_id: length 33 is outside 0..32", 38),
    (BASE[:39] + b"\x00\x03" + BASE[41:], "not a multiple of 2", 39),
    (BASE[:39] + b"\x00\x00" + BASE[41:], "cipher_suites: length 0 is outside 2..65534", 39),
    (BASE[:45] + b"\x00" + BASE[46:], "legacy_compression_methods: length 0", 45),
    (BASE[:1] + b"\0\0\x32" + BASE[4:] + b"\0", "ClientHello: 1 unexpected bytes", 53),
    (BASE[:1] + b"\0\0\x2c" + BASE[4:-5], "extensions length: needs 2 bytes", 47),
    (BASE[:47] + b"\x00\x09" + BASE[49:], "extensions: length 9 runs past the end", 47),
    (BASE[:51] + b"\x00\x01" + BASE[53:], "extended_master_secret (0x0017): length 1 runs "
                                          "past the end", 51),
    (records(BASE)[:-1], "a record of 53 bytes, only 52 given", 3),
    (records(BASE, 20)[:25], "the records end with 20 of 53 bytes", 25),
    (records(BASE, 3)[:8], "the records end with 3 bytes", 8),
    (b"\x15\x03\x01\x00\x02\x02\x28", "first byte 0x15", 0),
    (records(BASE, 30)[:35] + b"\x17\x03\x03\x00\x01x", "content type 23", 35),
    (b"\x16\x03\x01\x00\x04\x02\x00\x00\x00", "handshake message type 2", 5),
    (b"\x16\x04\x01\x00\x04\x01\x00\x00\x00", "record version 0x0401", 1),
    (b"\x16\x03\x01\x40\x01" + bytes(16385), "record length 16385 exceeds 2^14", 3),
    (b"\x16\x03\x01\x00\x00", "zero-length handshake record", 3),
    # One-byte records: the length field's second byte is message offset 2, input 6*2+5.
    (records(BASE[:1] + b"\x0f\x00\x00" + BASE[4:], 1), "larger than the limit", 11),
    (records(BASE[:38] + b"\x21" + BASE[39:], 1), "length 33", 6 * 38 + 5),
])
def test_errors_carry_the_position(data: bytes, fragment: str, position: int) -> None:
    with pytest.raises(HelloError) as info:
        parse_client_hello(data)
    assert fragment in info.value.reason
    assert info.value.position == position


@pytest.mark.parametrize(("type", "body", "value"), [
    (0, b"\x00\x0e\x00\x00\x0bexample.com", v.ServerNames((v.ServerName(0, "example.com"),))),
    (16, b"\x00\x0c\x02h2\x08http/1.1", v.ProtocolNames(("h2", "http/1.1"))),
    (16, b"\x00\x03\x02\xff\x00", v.ProtocolNames(("\xff\x00",))),  # bytes kept as Latin-1
    (43, b"\x04\x03\x04\x03\x03", v.Versions((0x0304, 0x0303))),
    (10, b"\x00\x04\x00\x1d\x11\xec", v.Groups((29, 0x11EC))),
    (11, b"\x01\x00", v.PointFormats((0,))),
    (13, b"\x00\x02\x04\x03", v.SignatureSchemes((0x0403,))),
    (50, b"\x00\x02\x08\x07", v.SignatureSchemes((0x0807,))),
    (34, b"\x00\x02\x08\x07", v.SignatureSchemes((0x0807,))),
    (51, b"\x00\x06\x00\x1d\x00\x02ab", v.KeyShares((v.KeyShareEntry(29, 2),))),
    (51, b"\x00\x00", v.KeyShares(())),  # an empty list asks for a HelloRetryRequest
    (45, b"\x02\x01\x00", v.PskModes((1, 0))),
    (41, b"\x00\x0b\x00\x05abcde\x00\x00\x01\x00\x00\x21\x20" + bytes(32),
     v.PreSharedKey((v.PskIdentity(5, 256),), (32,))),
    (5, b"\x01\x00\x00\x00\x00", v.StatusRequest(1, 0, 0)),
    (5, b"\x02xyz", v.StatusRequest(2)),
    (18, b"", v.Empty()), (23, b"", v.Empty()), (22, b"", v.Empty()), (49, b"", v.Empty()),
    (35, b"\x01\x02", v.Opaque(2, False)), (21, bytes(5), v.Opaque(5, True)),
    (65281, b"\x00", v.RenegotiationInfo(0)),
    (27, b"\x04\x00\x02\x00\x03", v.CertCompression((2, 3))),
    (17613, b"\x00\x03\x02h2", v.ProtocolNames(("h2",))),
    (17513, b"\x00\x03\x02h2", v.ProtocolNames(("h2",))),
    (65037, b"\x00\x00\x01\x00\x01\x07\x00\x02ab\x00\x03xyz",
     v.EncryptedClientHello(0, 1, 1, 7, 2, 3)),
    (65037, b"\x01", v.EncryptedClientHello(1)),
    (28, b"\x40\x01", v.RecordSizeLimit(0x4001)),
    (1, b"\x04", v.MaxFragmentLength(4)),
    (19, b"\x01\x02", v.CertificateTypes((2,))),
    (44, b"\x00\x01z", v.Cookie(1)),
])
def test_extension_decoders(type: int, body: bytes, value: v.ExtensionValue) -> None:
    (ext,) = parse_client_hello(client_hello(extensions=[(type, body)])).extensions
    assert (ext.value, ext.error) == (value, None)
    assert extension_data(type, value) == body or type in (5, 16, 35, 51, 41, 44, 65037)


# With one cipher suite, the body starts at byte 51 (its type at 47, its length at 49).
@pytest.mark.parametrize(("type", "body", "fragment", "offset"), [
    (0, b"\x00\x05\x00\x00\x09ab", "HostName: length 9 runs past the end", 3),
    (0, b"\x00\x00", "server_name_list: length 0 is outside 1..65535", 0),
    (16, b"\x00\x03\x00\x01h", "ProtocolName: length 0 is outside 1..255", 2),
    (43, b"\x03\x03\x04\x03", "versions: length 3 is not a multiple of 2", 0),
    (10, b"\x00\x02\x00\x1d\x00", "extension_data: 1 unexpected bytes", 4),
    (23, b"\x00", "empty in a ClientHello", 0),
    (28, b"\x00\x3f", "RecordSizeLimit 63 is smaller than 64", 0),
    (51, b"\x00\x04\x00\x1d\x00\x00", "key_exchange: length 0", 4),
    (41, b"\x00\x07\x00\x01a\x00\x00\x00\x00\x00\x01\x01", "binders: length 1 is outside", 9),
    (65037, b"\x00\x00\x01", "aead_id: needs 2 bytes, only 0 left", 3),
    (13, b"", "supported_signature_algorithms length: needs 2 bytes", 0),
])
def test_malformed_extension_is_an_error_on_that_extension(
        type: int, body: bytes, fragment: str, offset: int) -> None:
    hello = parse_client_hello(client_hello(extensions=[(type, body), (23, b"")]))
    bad, after = hello.extensions
    assert bad.value is None and bad.error is not None
    assert fragment in bad.error.reason and bad.error.position == 51 + offset
    assert after.value == v.Empty() and after.error is None  # the next one still decodes
    assert hello.errors == (bad.error,)


def test_an_empty_last_extension_is_short_of_bytes_at_the_end_of_the_input() -> None:
    # Found by the corruption property: the error points just past the last byte.
    data = records(client_hello(extensions=[(23, b""), (0, b"")]))
    (_, bad) = parse_client_hello(data).extensions
    assert bad.error is not None and bad.error.position == len(data)
    assert "server_name_list length: needs 2 bytes, only 0 left" in bad.error.reason


def test_unknown_extension_keeps_its_bytes() -> None:
    (ext,) = parse_client_hello(client_hello(extensions=[(0x1234, b"\x01\x02")])).extensions
    assert (ext.name, ext.value, ext.error, ext.data) == (None, None, None, b"\x01\x02")


@pytest.mark.parametrize(("data", "fragment", "position"), [
    (client_hello(extensions=[(23, b""), (23, b"")]), "a second extended_master_secret", 51),
    (client_hello(extensions=[(41, extension_data(41, v.PreSharedKey(
        (v.PskIdentity(1, 0),), (32,)))), (23, b"")]), "pre_shared_key is not the last", 47),
    (client_hello(extensions=[(21, b"\0\1")]), "padding that is not all zero", 47),
    (client_hello(compression_methods=(1, 0), extensions=[(43, b"\x02\x03\x04")]),
     "legacy_compression_methods is not exactly [null]", None),
    (records(BASE) + b"\x17\x03\x03\x00\x01x", "6 bytes after the ClientHello's records", 58),
    (records(BASE + b"\x0b"), "1 bytes after the ClientHello in its last record", 58),
    (BASE + b"\0\0", "2 bytes after the ClientHello were not read", 53),
])
def test_warnings(data: bytes, fragment: str, position: int | None) -> None:
    hello = parse_client_hello(data)
    (warning,) = hello.warnings
    assert fragment in warning.reason and warning.position == position
    assert hello.errors == ()
