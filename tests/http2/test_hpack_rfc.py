"""RFC 7541 Appendix C, byte for byte: decoding, encoding (with and without Huffman), and the
dynamic table after each step; plus the decoder's error contract."""

from __future__ import annotations

import pytest

from headerscope.http2 import _huffman
from headerscope.http2._errors import HPACKError
from headerscope.http2.hpack import Decoder, Encoder, Kind

H = bytes.fromhex
DATE1 = "Mon, 21 Oct 2013 20:13:21 GMT"
DATE2 = "Mon, 21 Oct 2013 20:13:22 GMT"
COOKIE = "foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1"
AUTH = (":authority", "www.example.com")

REQUESTS = [  # C.3 / C.4: (headers, plain hex, Huffman hex, table after, table size)
    ([(":method", "GET"), (":scheme", "http"), (":path", "/"), AUTH],
     "8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d",
     "8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff",
     [AUTH], 57),
    ([(":method", "GET"), (":scheme", "http"), (":path", "/"), AUTH,
      ("cache-control", "no-cache")],
     "8286 84be 5808 6e6f 2d63 6163 6865",
     "8286 84be 5886 a8eb 1064 9cbf",
     [("cache-control", "no-cache"), AUTH], 110),
    ([(":method", "GET"), (":scheme", "https"), (":path", "/index.html"), AUTH,
      ("custom-key", "custom-value")],
     "8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65",
     "8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf",
     [("custom-key", "custom-value"), ("cache-control", "no-cache"), AUTH], 164),
]

LOCATION = ("location", "https://www.example.com")
RESPONSES = [  # C.5 / C.6, with a 256-octet table
    ([(":status", "302"), ("cache-control", "private"), ("date", DATE1), LOCATION],
     "4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133"
     "2032 303a 3133 3a32 3120 474d 546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70"
     "6c65 2e63 6f6d",
     "4882 6402 5885 aec3 771a 4b61 96d0 7abe 9410 54d4 44a8 2005 9504 0b81 66e0 82a6"
     "2d1b ff6e 919d 29ad 1718 63c7 8f0b 97c8 e9ae 82ae 43d3",
     [LOCATION, ("date", DATE1), ("cache-control", "private"), (":status", "302")], 222),
    ([(":status", "307"), ("cache-control", "private"), ("date", DATE1), LOCATION],
     "4803 3330 37c1 c0bf",
     "4883 640e ffc1 c0bf",
     [(":status", "307"), LOCATION, ("date", DATE1), ("cache-control", "private")], 222),
    ([(":status", "200"), ("cache-control", "private"), ("date", DATE2), LOCATION,
      ("content-encoding", "gzip"), ("set-cookie", COOKIE)],
     "88c1 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3220 474d"
     "54c0 5a04 677a 6970 7738 666f 6f3d 4153 444a 4b48 514b 425a 584f 5157 454f 5049"
     "5541 5851 5745 4f49 553b 206d 6178 2d61 6765 3d33 3630 303b 2076 6572 7369 6f6e"
     "3d31",
     "88c1 6196 d07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff c05a 839b d9ab"
     "77ad 94e7 821d d7f2 e6c7 b335 dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f"
     "9587 3160 65c0 03ed 4ee5 b106 3d50 07",
     [("set-cookie", COOKIE), ("content-encoding", "gzip"), ("date", DATE2)], 215),
]


@pytest.mark.parametrize("huffman", [False, True])
@pytest.mark.parametrize(("steps", "table_size"), [(REQUESTS, 4096), (RESPONSES, 256)],
                         ids=["requests C.3 C.4", "responses C.5 C.6"])
def test_appendix_c_sequences(steps: list, table_size: int, huffman: bool) -> None:  # type: ignore[type-arg]
    decoder = Decoder(table_size)
    encoder = Encoder(table_size)
    for headers, plain, coded, table, size in steps:
        wire = H(coded if huffman else plain)
        assert encoder.encode(headers, huffman=huffman) == wire
        block = decoder.decode(wire)
        assert [(f.name, f.value) for f in block.fields] == headers
        for t in (decoder.table, encoder.table):
            assert list(t.entries) == table
            assert t.size == size


def test_c2_single_representations() -> None:
    cases = [  # C.2.1 - C.2.4: (wire, field, kind, table index, table after)
        ("400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572",
         ("custom-key", "custom-header"), Kind.INCREMENTAL, None,
         [("custom-key", "custom-header")]),
        ("040c 2f73 616d 706c 652f 7061 7468", (":path", "/sample/path"), Kind.WITHOUT, 4, []),
        ("1008 7061 7373 776f 7264 0673 6563 7265 74", ("password", "secret"), Kind.NEVER,
         None, []),
        ("82", (":method", "GET"), Kind.INDEXED, 2, []),
    ]
    for wire, (name, value), kind, index, table in cases:
        decoder = Decoder()
        block = decoder.decode(H(wire))
        (field,) = block.fields
        assert (field.name, field.value) == (name, value)
        rep = field.representation
        assert (rep.kind, rep.table_index, rep.offset, rep.length) == (kind, index, 0,
                                                                      len(H(wire)))
        assert list(decoder.table.entries) == table
        assert Encoder().encode_field(name, value, kind, huffman=False) == H(wire)


def test_representation_details() -> None:
    # C.4.3: indexed, indexed, indexed, indexed (dynamic), literal name and value in Huffman
    decoder = Decoder()
    for _, _, coded, _, _ in REQUESTS:
        block = decoder.decode(H(coded))
    reps = [f.representation for f in block.fields]
    assert [(r.kind, r.table_index) for r in reps[:4]] == [
        (Kind.INDEXED, 2), (Kind.INDEXED, 7), (Kind.INDEXED, 5), (Kind.INDEXED, 63)]
    assert (reps[4].kind, reps[4].table_index, reps[4].name_huffman, reps[4].value_huffman,
            reps[4].offset, reps[4].length) == (Kind.INCREMENTAL, None, True, True, 4, 20)
    assert block.table == (("cache-control", "no-cache"), AUTH)  # as the block found it
    assert block.size == sum(len(f.name) + len(f.value) + 32 for f in block.fields)


def test_table_size_updates() -> None:
    encoder = Encoder()
    encoder.set_max_table_size(0)
    encoder.set_max_table_size(100)
    wire = encoder.encode([("x-a", "1")], huffman=False)
    assert wire[:3] == bytes([0x20, 0x3F, 0x45])  # 0, then 100 = 31 + 69
    block = Decoder().decode(wire)
    assert [u.size for u in block.size_updates] == [0, 100]
    assert [(u.offset, u.length) for u in block.size_updates] == [(0, 1), (1, 2)]
    assert (block.fields[0].name, block.fields[0].value) == ("x-a", "1")


ERRORS = [  # (block, error fragment, position)
    ("80", "index 0", 0),
    ("be", "index 62 is not in the tables", 0),
    ("7f00", "name index 63", 0),
    ("ff", "integer cut off", 1),
    ("ff ffff ffff ff01", "longer than 5 octets", 6),
    ("4005 6162", "string longer than the rest", 1),
    ("40", "cut off before its string", 1),
    ("3fe2 1f", "over the 4096 we allowed", 0),
    ("82 20", "size update after a field", 1),
    ("4081 ff", "padding", 2),  # a one-octet Huffman name of eight padding bits
]


@pytest.mark.parametrize(("wire", "fragment", "position"), ERRORS)
def test_decoder_errors(wire: str, fragment: str, position: int) -> None:
    with pytest.raises(HPACKError, match=fragment) as info:
        Decoder().decode(H(wire))
    assert info.value.position == position


def test_huffman_errors() -> None:
    eos = (1 << 30) - 1  # 30 one-bits, then two padding ones: 0xffffffff
    with pytest.raises(HPACKError, match="EOS") as info:
        _huffman.decode(eos.to_bytes(4, "big"), 10)
    assert info.value.position == 13
    with pytest.raises(HPACKError, match="padding"):
        _huffman.decode(b"\xff", 0)  # eight bits of padding
    with pytest.raises(HPACKError, match="padding"):
        _huffman.decode(bytes([0b00000_000]), 0)  # '0' then padding of zeros
    assert _huffman.decode(bytes([0b00000_111]), 0) == b"0"


def test_huffman_codes_match_the_hpack_package() -> None:
    from hpack.huffman_constants import REQUEST_CODES, REQUEST_CODES_LENGTH

    assert list(REQUEST_CODES) == _huffman.CODES
    assert list(_huffman.LENGTHS) == list(REQUEST_CODES_LENGTH)


def test_static_table_matches_the_hpack_package() -> None:
    from hpack.table import HeaderTable

    from headerscope.http2._static import STATIC_TABLE

    assert [(n.decode(), v.decode()) for n, v in HeaderTable.STATIC_TABLE] == list(STATIC_TABLE)


def test_a_repeated_block_decodes_against_the_table_as_it_is_now() -> None:
    decoder = Decoder()
    decoder.decode(H("4001 6101 31"))  # a: 1 enters the table at 62
    first = decoder.decode(H("be"))
    again = decoder.decode(H("be"))  # the same octets, the same table: the same fields
    assert [(f.name, f.value) for f in again.fields] == [("a", "1")]
    assert again.fields == first.fields
    decoder.decode(H("4001 6201 32"))  # b: 2 is now 62
    assert [(f.name, f.value) for f in decoder.decode(H("be")).fields] == [("b", "2")]
    decoder.max_list_size = 10  # a new limit is honoured too
    assert decoder.decode(H("be")).truncated


def test_first_blocks_of_new_connections_leave_the_same_table() -> None:
    _, _, coded, table, size = REQUESTS[0]
    for _ in range(3):  # the second and third come from the kept result
        decoder = Decoder()
        block = decoder.decode(H(coded))
        assert [(f.name, f.value) for f in block.fields] == REQUESTS[0][0]
        assert list(decoder.table.entries) == table and decoder.table.size == size
        second = decoder.decode(H(REQUESTS[1][2]))  # and the table works on from there
        assert [(f.name, f.value) for f in second.fields] == REQUESTS[1][0]
