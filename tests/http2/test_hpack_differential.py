"""Our HPACK against the `hpack` package, an independent implementation, both directions:
random header lists, random table sizes, random Huffman and indexing choices, several blocks
on one connection so that the dynamic tables must stay in step."""

from __future__ import annotations

import hpack
from hypothesis import given
from hypothesis import strategies as st

from headerscope.http2 import _huffman
from headerscope.http2._errors import HPACKError
from headerscope.http2._static import STATIC_TABLE
from headerscope.http2.hpack import Decoder, Encoder, Kind

# Names: the static table's (so that name and full-field indexing happen), plus random tokens.
_names = st.one_of(st.sampled_from(sorted({n for n, _ in STATIC_TABLE})),
                   st.text("abcdefghijklmnopqrstuvwxyz0123456789-_.", min_size=1, max_size=12))
_values = st.one_of(st.sampled_from(["", "GET", "/", "gzip, deflate", "200", "http"]),
                    st.text(st.characters(min_codepoint=0, max_codepoint=255), max_size=40))
_field = st.tuples(_names, _values)
_blocks = st.lists(st.lists(_field, max_size=12), min_size=1, max_size=5)
_table_sizes = st.sampled_from([0, 1, 32, 64, 100, 256, 1000, 4096])


def _bytes(headers: list[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [(n.encode("latin-1"), v.encode("latin-1")) for n, v in headers]


@given(_blocks, st.lists(st.booleans(), min_size=5, max_size=5), _table_sizes,
       st.lists(st.booleans(), min_size=12, max_size=12))
def test_their_encoder_our_decoder(blocks: list[list[tuple[str, str]]], huffman: list[bool],
                                   size: int, sensitive: list[bool]) -> None:
    theirs = hpack.Encoder()
    theirs.header_table_size = size  # a size update opens their next block
    ours = Decoder()
    for i, headers in enumerate(blocks):
        # a third element True asks for a never-indexed literal
        fields = [(n, v, sensitive[j % 12]) for j, (n, v) in enumerate(_bytes(headers))]
        wire = theirs.encode(fields, huffman=huffman[i])
        block = ours.decode(wire)
        assert [(f.name, f.value) for f in block.fields] == headers
        for f, (_, _, never) in zip(block.fields, fields, strict=True):
            if never and f.representation.kind is not Kind.INDEXED:  # a full static match
                assert f.representation.kind is Kind.NEVER
        assert [(n.encode("latin-1"), v.encode("latin-1")) for n, v in ours.table.entries] \
            == list(theirs.header_table.dynamic_entries)
        assert ours.table.max_size == theirs.header_table.maxsize


@given(_blocks, st.sampled_from([None, True, False]), st.booleans(), _table_sizes,
       st.lists(_table_sizes, max_size=3))
def test_our_encoder_their_decoder(blocks: list[list[tuple[str, str]]], huffman: bool | None,
                                   indexing: bool, size: int, changes: list[int]) -> None:
    ours = Encoder()
    ours.set_max_table_size(size)
    for change in changes:
        ours.set_max_table_size(change)
    theirs = hpack.Decoder()
    for headers in blocks:
        wire = ours.encode(headers, huffman=huffman, indexing=indexing)
        decoded = theirs.decode(wire, raw=True)
        assert [(bytes(n), bytes(v)) for n, v in decoded] == _bytes(headers)
        assert [(n.encode("latin-1"), v.encode("latin-1")) for n, v in ours.table.entries] \
            == list(theirs.header_table.dynamic_entries)


@given(_blocks, st.sampled_from([None, True, False]), _table_sizes)
def test_round_trip_keeps_tables_in_step(blocks: list[list[tuple[str, str]]],
                                        huffman: bool | None, size: int) -> None:
    encoder, decoder = Encoder(), Decoder()
    encoder.set_max_table_size(size)
    for headers in blocks:
        block = decoder.decode(encoder.encode(headers, huffman=huffman))
        assert [(f.name, f.value) for f in block.fields] == headers
        assert list(decoder.table.entries) == list(encoder.table.entries)
        assert decoder.table.size == encoder.table.size
        # offsets tile the block: every instruction starts where the one before ended
        spans = [(u.offset, u.length) for u in block.size_updates] + [
            (f.representation.offset, f.representation.length) for f in block.fields]
        at = 0
        for offset, length in spans:
            assert offset == at
            at += length


@given(st.binary(max_size=64))
def test_decoder_raises_only_hpack_errors(data: bytes) -> None:
    try:
        Decoder().decode(data)
    except HPACKError as e:
        assert 0 <= e.position <= len(data)


@given(st.binary(max_size=64))
def test_huffman_decoding_is_theirs_or_an_hpack_error(data: bytes) -> None:
    from hpack.exceptions import HPACKDecodingError
    from hpack.huffman_table import decode_huffman

    try:
        ours: bytes | None = _huffman.decode(data)
    except HPACKError:
        ours = None
    try:
        theirs: bytes | None = decode_huffman(data)
    except HPACKDecodingError:
        theirs = None
    assert ours == theirs
