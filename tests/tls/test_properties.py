"""Properties: a hello built from random fields and extensions decodes back to what was built,
however it is cut into records; and no input, random or truncated, raises anything but
HelloError."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from headerscope.tls import HelloAccumulator, HelloError, parse_client_hello
from headerscope.tls import _values as v
from headerscope.tls._extensions import EXTENSIONS
from headerscope.tls.writer import client_hello, extension_data, records

from ._build import python_hello, spec_hello

u8 = st.integers(0, 0xFF)
u16 = st.integers(0, 0xFFFF)
text = st.text(st.characters(max_codepoint=0xFF), min_size=1, max_size=20)  # Latin-1 bytes


def _tuple(elements: st.SearchStrategy[Any], low: int = 1, high: int = 8) -> Any:
    return st.lists(elements, min_size=low, max_size=high).map(tuple)


# For each decoded extension, values its writer can write and its decoder must read back.
VALUES: dict[int, st.SearchStrategy[Any]] = {
    0: _tuple(st.builds(v.ServerName, u8, text), high=3).map(v.ServerNames),
    1: st.builds(v.MaxFragmentLength, u8),
    5: st.one_of(st.builds(v.StatusRequest, st.just(1), st.integers(0, 40), st.integers(0, 40)),
                 st.builds(v.StatusRequest, st.integers(2, 255))),
    10: _tuple(u16).map(v.Groups),
    11: _tuple(u8).map(v.PointFormats),
    13: _tuple(u16).map(v.SignatureSchemes),
    16: _tuple(text).map(v.ProtocolNames),
    19: _tuple(u8).map(v.CertificateTypes),
    21: st.builds(v.Opaque, st.integers(0, 300), st.just(True)),
    23: st.just(v.Empty()),
    27: _tuple(u16).map(v.CertCompression),
    28: st.builds(v.RecordSizeLimit, st.integers(64, 0xFFFF)),
    34: _tuple(u16).map(v.SignatureSchemes),
    35: st.builds(v.Opaque, st.integers(1, 100), st.booleans()),
    41: st.builds(v.PreSharedKey, _tuple(st.builds(v.PskIdentity, st.integers(1, 50),
                                                   st.integers(0, 2**32 - 1)), high=3),
                  _tuple(st.integers(32, 255), high=3)),
    43: _tuple(u16).map(v.Versions),
    44: st.builds(v.Cookie, st.integers(1, 100)),
    45: _tuple(u8).map(v.PskModes),
    50: _tuple(u16).map(v.SignatureSchemes),
    51: _tuple(st.builds(v.KeyShareEntry, u16, st.integers(1, 100)), low=0).map(v.KeyShares),
    17613: _tuple(text).map(v.ProtocolNames),
    65037: st.one_of(st.builds(v.EncryptedClientHello, st.just(0), u16, u16, u8,
                               st.integers(0, 64), st.integers(1, 64)),
                     st.builds(v.EncryptedClientHello, st.integers(1, 255))),
    65281: st.builds(v.RenegotiationInfo, st.integers(0, 255)),
}
# Extensions that share a value type with one above.
VALUES.update({t: st.just(v.Empty()) for t in (18, 22, 42, 49, 13172)})
VALUES.update({20: VALUES[19], 17513: VALUES[17613]})
known = st.sampled_from(sorted(VALUES)).flatmap(
    lambda t: VALUES[t].map(lambda value: (t, value)))
# Any other type, GREASE included, with any body: kept as raw bytes.
unknown = st.tuples(st.one_of(u16.filter(lambda t: t not in EXTENSIONS),
                              st.sampled_from([0x0A0A + 0x1010 * i for i in range(16)])),
                    st.binary(max_size=40))
extension_lists = st.lists(st.one_of(known, unknown), max_size=12)


def test_every_decoded_extension_has_a_strategy() -> None:
    assert set(VALUES) == set(EXTENSIONS)


@given(version=u16, random=st.binary(min_size=32, max_size=32),
       session_id=st.binary(max_size=32), ciphers=st.lists(u16, min_size=1, max_size=40),
       compression=st.lists(u8, min_size=1, max_size=4), extensions=extension_lists,
       record_size=st.integers(1, 1 << 14))
def test_built_hellos_decode_to_what_was_built(
        version: int, random: bytes, session_id: bytes, ciphers: list[int],
        compression: list[int], extensions: list[tuple[int, Any]], record_size: int) -> None:
    wire = [(t, x if isinstance(x, bytes) else extension_data(t, x)) for t, x in extensions]
    message = client_hello(legacy_version=version, random=random, session_id=session_id,
                           cipher_suites=ciphers, compression_methods=compression,
                           extensions=wire)
    for data in (message, records(message, record_size)):
        hello = parse_client_hello(data)
        assert (hello.legacy_version, hello.random, hello.session_id) == (
            version, random, session_id)
        assert hello.cipher_suites == tuple(ciphers)
        assert hello.compression_methods == tuple(compression)
        assert [(e.type, e.data) for e in hello.extensions] == wire
        for ext, (_, built) in zip(hello.extensions, extensions, strict=True):
            assert ext.error is None
            assert ext.value == (None if isinstance(built, bytes) else built)
        assert hello.size == len(data)


REAL = [python_hello("headerscope.test", ["h2", "http/1.1"]), records(spec_hello(), 50),
        spec_hello()]


def test_every_truncation_of_a_real_hello_is_a_hello_error() -> None:
    for data in REAL:
        parse_client_hello(data)
        for end in range(len(data)):
            try:
                parse_client_hello(data[:end])
            except HelloError as exc:
                assert 0 <= exc.position <= end
            else:
                raise AssertionError(f"a hello cut at {end} of {len(data)} bytes decoded")


@given(st.binary(max_size=600))
@example(b"\x16\x03\x01\x00\x01\x01")
@example(b"\x01\x00\x00\x00")
def test_random_bytes_raise_only_hello_error(data: bytes) -> None:
    for candidate in (data, b"\x16\x03\x01" + data, b"\x01" + data):
        try:
            parse_client_hello(candidate)
        except HelloError as exc:
            assert 0 <= exc.position <= len(candidate)


@given(st.sampled_from(REAL), st.lists(st.tuples(st.integers(0, 10**6), u8), max_size=6))
def test_corrupted_real_hellos_decode_or_raise_hello_error(
        data: bytes, changes: list[tuple[int, int]]) -> None:
    corrupt = bytearray(data)
    for at, byte in changes:
        corrupt[at % len(corrupt)] = byte
    try:
        hello = parse_client_hello(bytes(corrupt))
    except HelloError as exc:
        assert 0 <= exc.position <= len(corrupt)
    else:
        for e in hello.errors:
            # At most the end: an empty last extension is short of bytes just past the input.
            assert e.position is not None and 0 <= e.position <= len(corrupt)


@given(st.sampled_from(REAL[:2]), st.lists(st.integers(1, 300), min_size=1, max_size=50),
       st.binary(max_size=20))
def test_the_accumulator_agrees_with_the_parser_however_the_stream_is_cut(
        data: bytes, cuts: list[int], after: bytes) -> None:
    stream = data + after
    acc = HelloAccumulator()
    pos, hello = 0, None
    for size in cuts * (len(stream) // sum(cuts) + 1):
        hello = acc.feed(stream[pos:pos + size])
        pos += size
        if hello is not None:
            break
    assert hello == parse_client_hello(data)
    assert acc.rest == stream[len(data):pos]
