"""Properties of the PROXY protocol reader: encode -> decode round trips for random headers
with random TLVs, any split of the bytes gives the same answer, and no input raises anything
but ProxyProtocolError."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import example, given
from hypothesis import strategies as st

from headerscope.proxy import (
    Crc32c,
    ProxyHeader,
    ProxyHeaderReader,
    ProxyProtocolError,
    decode,
    encode_v1,
    encode_v2,
)
from headerscope.proxy._v1 import MAX_V1

from ._headers import HTTP, SIG, V1_EXAMPLE, V2_TCP4, v1_headers, v2_headers


def zero_crc(header: ProxyHeader) -> ProxyHeader:
    return replace(header, tlvs=tuple(Crc32c(0) if isinstance(t, Crc32c) else t
                                      for t in header.tlvs))


@given(v2_headers(), st.binary(max_size=30))
def test_v2_round_trip(header: ProxyHeader, after: bytes) -> None:
    data = encode_v2(header)
    decoded, rest = decode(data + after, max_v2=65551)
    assert rest == after and decoded.length == len(data)
    assert zero_crc(decoded) == zero_crc(header)
    assert decoded.notes == ()
    assert encode_v2(decoded) == data


@given(v1_headers(), st.binary(max_size=30))
def test_v1_round_trip(header: ProxyHeader, after: bytes) -> None:
    data = encode_v1(header)
    assert len(data) <= MAX_V1
    decoded, rest = decode(data + after)
    assert decoded == header and rest == after
    assert encode_v1(decoded) == data


@st.composite
def splits(draw: st.DrawFn, data: bytes) -> list[bytes]:
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=6)))
    bounds = [0, *cuts, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(bounds)]


@given(st.data())
def test_any_split_gives_the_same_header(data: st.DataObject) -> None:
    header = data.draw(st.one_of(v1_headers(), v2_headers()))
    wire = (encode_v1(header) if header.version == 1 else encode_v2(header)) + HTTP
    reader = ProxyHeaderReader(max_v2=65551)
    found, later = [], b""
    for chunk in data.draw(splits(wire)):
        if reader.header is None:
            got = reader.feed(chunk)
            found += [got] if got is not None else []
        else:
            later += chunk  # what the server gives to HTTP directly
    assert len(found) == 1 and zero_crc(found[0]) == zero_crc(header)
    assert reader.rest + later == wire[found[0].length:]


def _mutated(draw: st.DrawFn) -> bytes:
    base = draw(st.sampled_from([V1_EXAMPLE, V2_TCP4]))
    if draw(st.booleans()):
        base = encode_v2(draw(v2_headers()))
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    return bytes(data[:draw(st.integers(0, len(data)))]) + draw(st.binary(max_size=8))


inputs = st.one_of(
    st.binary(max_size=200),
    st.binary(max_size=120).map(lambda b: b"PROXY " + b),
    st.binary(max_size=300).map(lambda b: SIG + b),
    st.composite(_mutated)(),
)


@given(inputs, st.data())
@example(SIG + b"\x20\x11\x00\x03abc", None)  # LOCAL with a block too short: a note
@example(b"PROXY TCP6 ::1 ::1 1 1\r\r\n", None)
def test_no_input_raises_anything_but_proxy_protocol_error(data: bytes,
                                                           more: st.DataObject | None) -> None:
    chunks = [data] if more is None else more.draw(splits(data))
    reader = ProxyHeaderReader()
    try:
        for chunk in chunks:
            if reader.feed(chunk) is not None:
                break
    except ProxyProtocolError as exc:
        assert 0 <= exc.position <= max(len(data), 16)
        assert exc.reason
        return
    if reader.header is not None:  # whatever was accepted re-encodes to the same bytes
        header = reader.header
        wire = data[:header.length]
        assert wire + reader.rest == data[:len(wire) + len(reader.rest)]
        if header.version == 2 and not header.notes:
            assert encode_v2(header, checksum=False) == wire
