"""What is kept so that a repeated request costs less: each kept answer must be the one a fresh
computation gives. The validation's quick screen against its field-by-field checks; verdicts
kept per connection, where the same octets can mean different fields on two connections; the
request parts kept by `RequestMaker`; the encoder's last block; the DATA sent at once."""

from __future__ import annotations

import pytest
from hyperframe import frame as hf
from hypothesis import given
from hypothesis import strategies as st

from headerscope.http.h2request import RequestMaker, as_request
from headerscope.http2 import (
    Limits,
    RequestReceived,
    ServerConnection,
    StreamEnded,
    frames,
)
from headerscope.http2._validate import _check_slowly, check_request
from headerscope.http2.hpack import DecodedField, Decoder, Encoder, Kind, Representation

from ._support import Clock, opening, server_frames

GET = [(":method", "GET"), (":scheme", "https"), (":authority", "a.test"), (":path", "/")]
_REP = Representation(Kind.INDEXED, 2, None, None, 0, 1)


def _decoded(pairs: list[tuple[str, str]]) -> list[DecodedField]:
    return [DecodedField(n, v, _REP) for n, v in pairs]


# ---- the quick screen says "nothing wrong" only when the slow checks agree ------------------

_NAMES = [":method", ":scheme", ":authority", ":path", ":status", ":protocol", ":x", ":",
          "accept", "te", "host", "content-length", "connection", "upgrade", "x-a", "User-Agent",
          "", "a:b", "x y", "\x7f", "cookie"]
_VALUES = ["GET", "CONNECT", "OPTIONS", "http", "https", "/", "/p?q", "*", "", "a.test",
           "b.test", "trailers", "TrailerS", "gzip", "0", "1", "01", "2", "\xb2", "1" * 18,
           "1" * 19, "0" * 19 + "7", " x", "x ", "\tx", "a\r\nb", "a\x00b", "ok"]


def test_one_field_anywhere_is_judged_alike_by_the_screen_and_the_checks() -> None:
    for name in _NAMES:
        for value in _VALUES:
            for at in (0, 2, 4):
                fields = _decoded([*GET[:at], (name, value), *GET[at:]])
                assert check_request(fields) == _check_slowly(fields), (name, value, at)


# The fields the checks look at by name, with the values that matter to them; then anything.
_field = st.one_of(
    st.tuples(st.just("te"), st.sampled_from(["trailers", "TrailerS", "gzip", " trailers"])),
    st.tuples(st.just("host"), st.sampled_from(["a.test", "b.test", "A.test", ""])),
    st.tuples(st.just("content-length"),
              st.sampled_from(["0", "7", "07", "\xb2", "1" * 18, "1" * 19, "0" * 19 + "7", "",
                               "-1"])),
    st.tuples(st.sampled_from(_NAMES[:8]), st.sampled_from(_VALUES[:10])),
    st.tuples(st.sampled_from(_NAMES), st.sampled_from(_VALUES)))


@given(st.booleans(), st.lists(_field, max_size=6), st.lists(st.integers(0, 10), max_size=6))
def test_the_quick_screen_agrees_with_the_field_by_field_checks(
        base: bool, extra: list[tuple[str, str]], places: list[int]) -> None:
    pairs = list(GET) if base else []
    for i, pair in enumerate(extra):
        place = places[i] if i < len(places) else len(pairs)
        pairs.insert(min(place, len(pairs)), pair)
    fields = _decoded(pairs)
    assert check_request(fields) == _check_slowly(fields)


@pytest.mark.parametrize("extra", [
    [("te", "trailers")], [("host", "a.test")], [("content-length", "12")],
    [("content-length", "7"), ("content-length", "7"), ("te", "Trailers")],
    [("content-length", "0" * 30 + "9")]])
def test_fields_the_checks_name_pass_the_quick_screen(extra: list[tuple[str, str]]) -> None:
    diagnostics, order, declared = check_request(_decoded([*GET, *extra]))
    assert diagnostics == [] and order == "m,s,a,p"
    assert declared == (int(extra[0][1]) if extra[0][0] == "content-length" else None)


# ---- verdicts kept per connection -----------------------------------------------------------

def _connection() -> ServerConnection:
    conn = ServerConnection(clock=Clock())
    conn.receive_data(opening())
    conn.data_to_send()
    return conn


def _received(conn: ServerConnection, sid: int, block: bytes) -> RequestReceived:
    events = conn.receive_data(frames.headers(sid, block, end_stream=True))
    (request,) = [e for e in events if isinstance(e, RequestReceived)]
    assert conn.send_response(sid, request.status or 200, (("content-type", "text/plain"),),
                              b"answer")
    conn.data_to_send()
    return request


def test_the_same_octets_on_two_connections_are_judged_by_each_ones_table() -> None:
    good, bad = Encoder(), Encoder()
    a, b = _connection(), _connection()
    # Each connection's first request puts its own x-a into its dynamic table ...
    assert _received(a, 1, good.encode([*GET, ("x-a", "ok")])).status is None
    assert _received(b, 1, bad.encode([*GET, ("x-a", " padded")])).status == 400
    # ... so the same repeated octets (every field indexed) mean different fields.
    again = good.encode([*GET, ("x-a", "ok")])
    assert again == bad.encode([*GET, ("x-a", " padded")])
    for sid in (3, 5, 7):
        ok, malformed = _received(a, sid, again), _received(b, sid, again)
        assert ok.status is None and ok.diagnostics == ()
        assert malformed.status == 400
        assert [(d.reason[:11], d.field) for d in malformed.diagnostics] == [("white space", 4)]


def test_a_repeated_block_over_the_list_limit_gets_one_431_diagnostic_each_time() -> None:
    conn = ServerConnection(Limits(max_header_list_size=400), clock=Clock())
    conn.receive_data(opening())
    encoder = Encoder()
    fields = [*GET, ("x-big", "v" * 300), ("x-after", "1")]
    seen = [_received(conn, sid, encoder.encode(fields)) for sid in (1, 3, 5, 7)]
    assert all(r.status == 431 for r in seen)
    assert all(r.diagnostics == seen[0].diagnostics for r in seen)
    assert len(seen[0].diagnostics) == 1 and "over the 400" in seen[0].diagnostics[0].reason


def test_a_content_length_that_is_no_size_is_diagnosed_not_raised() -> None:
    conn = _connection()
    encoder = Encoder()
    for sid, value, fragment in [(1, "\xb2", "not a number"), (3, "1" * 19, "over 18 digits"),
                                 (5, "9" * 5000, "over 18 digits")]:
        request = _received(conn, sid, encoder.encode([*GET, ("content-length", value)]))
        assert request.status == 400 and fragment in request.diagnostics[0].reason
        assert as_request(request.block).content_length is None
    assert not conn.closed


# ---- request parts kept by RequestMaker -----------------------------------------------------

def test_request_maker_gives_what_as_request_gives_and_a_list_of_its_own() -> None:
    conn = _connection()
    encoder = Encoder()
    make = RequestMaker()
    fields = [*GET, ("content-length", "0"), ("cookie", "a=1"), ("te", "trailers")]
    made = []
    for sid, body in [(1, b""), (3, b"x"), (5, b"")]:
        events = conn.receive_data(frames.headers(sid, encoder.encode(fields), end_stream=True))
        block = next(e for e in events if isinstance(e, RequestReceived)).block
        request = make(block, body)
        assert request == as_request(block, body)
        made.append(request)
        request.fields.append(made[0].fields[0])  # an application that changes its request
    assert made[1].fields is not made[2].fields and len(made[2].fields) == 4
    assert made[0].head == b":method: GET\r\n:scheme: https\r\n:authority: a.test\r\n" \
        b":path: /\r\ncontent-length: 0\r\ncookie: a=1\r\nte: trailers\r\n\r\n"


# ---- the encoder's last block ---------------------------------------------------------------

def test_the_same_tuple_encoded_again_after_the_table_changed() -> None:
    encoder = Encoder(256)
    decoder = Decoder(256)
    answer = ((":status", "200"), ("content-type", "text/plain"), ("x-kept", "a" * 40))
    steps: list[tuple[tuple[str, str], ...] | list[tuple[str, str]] | int] = [
        answer, answer, [("x-other", "b" * 150)], answer, list(answer), 128, answer, answer,
        [("x-third", "c" * 60)], answer]
    for step in steps:
        if isinstance(step, int):
            encoder.set_max_table_size(step)
            continue
        block = decoder.decode(encoder.encode(step))
        assert [(f.name, f.value) for f in block.fields] == list(step)
        assert dict(decoder.table.entries) == dict(encoder.table.entries)


# ---- DATA sent at once, or queued behind the windows ----------------------------------------

@pytest.mark.parametrize("size", [1, 16384, 16385, 40000, 65535, 65536, 100000])
def test_an_answer_is_framed_the_same_whether_sent_at_once_or_queued(size: int) -> None:
    conn = _connection()
    conn.receive_data(frames.headers(1, Encoder().encode(GET), end_stream=True))
    body = bytes(range(256)) * (size // 256) + bytes(size % 256)
    assert conn.send_response(1, 200, (("content-type", "application/octet-stream"),), body)
    out = server_frames(conn.data_to_send())
    data = [f for f in out if isinstance(f, hf.DataFrame)]
    sent = min(size, 65535)  # the client's windows, before any WINDOW_UPDATE
    assert b"".join(f.data for f in data) == body[:sent]
    assert all(len(f.data) <= 16384 for f in data)
    assert [("END_STREAM" in f.flags) for f in data] == [False] * (len(data) - 1) + [
        size <= 65535]
    assert conn.send_window == 65535 - sent
    if size > 65535:
        conn.receive_data(frames.window_update(0, 1 << 20) + frames.window_update(1, 1 << 20))
        rest = [f for f in server_frames(conn.data_to_send()) if isinstance(f, hf.DataFrame)]
        assert b"".join(f.data for f in rest) == body[sent:] and "END_STREAM" in rest[-1].flags
    assert not conn.streams


def test_a_second_answer_waits_behind_one_that_is_blocked() -> None:
    conn = _connection()
    encoder = Encoder()
    for sid in (1, 3):
        events = conn.receive_data(frames.headers(sid, encoder.encode(GET), end_stream=True))
        assert any(isinstance(e, StreamEnded) for e in events)
    conn.send_response(1, 200, (), b"a" * 70000)  # 65535 now, the rest behind the windows
    conn.send_response(3, 200, (), b"b" * 10)
    out = server_frames(conn.data_to_send())
    assert [f.stream_id for f in out if isinstance(f, hf.DataFrame)][-1] == 1
    conn.receive_data(frames.window_update(0, 100000) + frames.window_update(1, 100000))
    later = [f for f in server_frames(conn.data_to_send()) if isinstance(f, hf.DataFrame)]
    assert b"".join(f.data for f in later if f.stream_id == 3) == b"b" * 10
    assert not conn.streams
