"""Hostile clients: every known HTTP/2 server attack meets a limit, a clear end (GOAWAY with
the right code, or RST_STREAM), bounded memory, and a server that goes on serving others."""

from __future__ import annotations

import time

import pytest

from headerscope.http2 import (
    ErrorCode,
    Limits,
    RequestReceived,
    ServerConnection,
    StreamReset,
    frames,
    is_preface_prefix,
)
from headerscope.http2.frames import PREFACE
from headerscope.http2.hpack import Encoder

from ._support import (
    Clock,
    closed_event,
    data_length,
    goaway_code,
    opening,
    request_block,
    rst_codes,
    server_frames,
    serves_normally,
)

CALM = ErrorCode.ENHANCE_YOUR_CALM


def connect(limits: Limits | None = None, clock: Clock | None = None,
            settings: list[tuple[int, int]] | None = None) -> ServerConnection:
    conn = ServerConnection(limits, clock=clock or Clock())
    assert closed_event(conn.receive_data(opening(settings))) is None
    conn.data_to_send()
    return conn


def test_rapid_reset_cve_2023_44487() -> None:
    conn = connect()
    enc = Encoder()
    attack = b"".join(frames.headers(sid, request_block(enc), end_stream=True)
                      + frames.rst_stream(sid, ErrorCode.CANCEL) for sid in range(1, 4001, 2))
    events = conn.receive_data(attack)
    closed = closed_event(events)
    assert closed is not None and closed.error_code == CALM and "rapid reset" in closed.reason
    assert goaway_code(conn.data_to_send()) == CALM
    opened = sum(isinstance(e, RequestReceived) for e in events)
    assert opened <= conn.limits.reset_burst + 1  # cut off at the budget, not at 2000
    assert not conn.streams
    assert serves_normally()


def test_resets_within_the_budget_are_fine() -> None:
    clock = Clock()
    conn = connect(clock=clock)
    enc = Encoder()
    for sid in range(1, 1001, 2):  # 500 resets, 50 a second: the refill rate
        clock.now += 0.02
        conn.receive_data(frames.headers(sid, request_block(enc), end_stream=True)
                          + frames.rst_stream(sid, ErrorCode.CANCEL))
    assert not conn.closed


def test_continuation_flood_of_full_frames_is_cut_before_buffering() -> None:
    conn = connect()
    enc = Encoder()
    conn.receive_data(frames.headers(1, request_block(enc), end_headers=False))
    chunk = frames.continuation(1, b"\x00" * 16384, end_headers=False)
    for i in range(100):  # noqa: B007 (i is checked after the loop)
        events = conn.receive_data(chunk)
        if conn.closed:
            break
        assert conn._pending is not None and conn._pending.size <= conn.limits.max_header_block
    assert i < conn.limits.max_header_block // 16384 + 1
    closed = closed_event(events)
    assert closed is not None and closed.error_code == CALM
    assert goaway_code(conn.data_to_send()) == CALM
    assert serves_normally()


def test_continuation_flood_of_empty_frames() -> None:
    conn = connect()
    enc = Encoder()
    attack = frames.headers(1, request_block(enc), end_headers=False) + frames.continuation(
        1, b"", end_headers=False) * 10_000
    closed = closed_event(conn.receive_data(attack))
    assert closed is not None and closed.error_code == CALM
    assert conn.frames[-1].type == 9 and len(conn.frames) <= conn.limits.max_frame_log


def test_header_block_larger_than_the_limit() -> None:
    limits = Limits(max_header_block=20_000)
    conn = connect(limits)
    block = Encoder().encode([(":method", "GET"), ("x-big", "a" * 30_000)], huffman=False)
    data = frames.headers(1, block[:16384], end_headers=False) + frames.continuation(
        1, block[16384:], end_headers=True)
    closed = closed_event(conn.receive_data(data))
    assert closed is not None and closed.error_code == CALM


def test_hpack_bomb_is_counted_while_decoding() -> None:
    conn = connect()
    enc = Encoder()
    # One 3000-octet entry in the dynamic table, then 16000 one-octet references to it:
    # about 48 MB decoded from 16 KB on the wire.
    first = enc.encode([(":method", "GET"), (":scheme", "http"), (":path", "/"),
                        (":authority", "a"), ("x-bomb", "b" * 3000)], huffman=False)
    conn.receive_data(frames.headers(1, first, end_stream=True))
    head = request_block(enc)
    index = enc.table.find("x-bomb", "b" * 3000)[0]
    bomb = head + bytes([0x80 | index]) * 16000
    start = time.perf_counter()
    events = conn.receive_data(frames.headers(3, bomb[:16384], end_stream=True))
    elapsed = time.perf_counter() - start
    requests = [e for e in events if isinstance(e, RequestReceived)]
    assert requests, events
    r = requests[0]
    assert r.status == 431 and r.block.truncated
    assert r.block.size > 40_000_000  # counted in full ...
    kept = sum(len(f.name) + len(f.value) + 32 for f in r.fields)  # ... but kept to the limit
    assert kept <= conn.limits.max_header_list_size < kept + 3038
    assert elapsed < 0.5  # the wire size, not the decoded size
    assert not conn.closed
    # the HPACK state is still in step: a normal request on the same connection decodes
    events = conn.receive_data(frames.headers(5, request_block(enc, "/after"), end_stream=True))
    after = [e for e in events if isinstance(e, RequestReceived)]
    assert after[0].status is None and after[0].pseudo(":path") == "/after"


def test_dynamic_table_size_update_over_our_setting() -> None:
    conn = connect()
    block = bytes([0x3F, 0xE1, 0xFF, 0x3F]) + request_block(Encoder())  # size 1 MiB
    closed = closed_event(conn.receive_data(frames.headers(1, block, end_stream=True)))
    assert closed is not None and closed.error_code == ErrorCode.COMPRESSION_ERROR
    assert goaway_code(conn.data_to_send()) == ErrorCode.COMPRESSION_ERROR


def test_client_table_size_setting_does_not_grow_our_encoder() -> None:
    conn = connect(settings=[(1, 2**32 - 1)])
    assert conn.encoder.table.max_size == 4096


@pytest.mark.parametrize(("frame", "count"), [
    (frames.settings([(4, 65535)]), 1000),
    (frames.ping(b"12345678"), 1000),
    (frames.data(1, b""), 1000),  # stream 1 is open: empty DATA without END_STREAM
    (frames.frame(0xFA, 0, 0, b""), 1000),  # unknown type
    (frames.priority(3, frames.Priority(0, 16, False)), 2000),
    (frames.priority_update(1, "u=1"), 2000),
])
def test_control_frame_floods(frame: bytes, count: int) -> None:
    conn = connect()
    conn.receive_data(frames.headers(1, request_block(Encoder())))
    events = conn.receive_data(frame * count)
    closed = closed_event(events)
    assert closed is not None and closed.error_code == CALM
    out = conn.data_to_send()
    assert goaway_code(out) == CALM
    assert len(out) < 2000  # the acknowledgements stopped at the budget
    assert serves_normally()


def test_zero_window_stall_on_a_stream() -> None:
    clock = Clock()
    conn = connect(clock=clock, settings=[(4, 0)])  # streams start with a zero send window
    conn.receive_data(frames.headers(1, request_block(Encoder()), end_stream=True))
    body = b"z" * 1_000_000
    assert conn.send_response(1, 200, [], body)
    out = server_frames(conn.data_to_send())
    assert [type(f).__name__ for f in out] == ["HeadersFrame"]
    assert conn.pending_body == 1_000_000  # held as a view of the caller's bytes
    deadline = conn.next_deadline()
    assert deadline == clock.now + conn.limits.stall_timeout
    clock.now = deadline - 1
    assert conn.expire() == []
    clock.now = deadline
    events = conn.expire()
    assert StreamReset(1, CALM, False) in events
    assert rst_codes(conn.data_to_send()) == {1: CALM}
    assert conn.pending_body == 0 and not conn.streams and not conn.closed


def test_zero_window_stall_on_the_connection() -> None:
    clock = Clock()
    conn = connect(clock=clock)
    conn.receive_data(frames.headers(1, request_block(Encoder()), end_stream=True))
    conn.receive_data(frames.window_update(1, 1_000_000))  # the stream window, not the conn's
    conn.send_response(1, 200, [], b"z" * 200_000)
    assert data_length(conn.data_to_send()) == 65535  # the connection window
    clock.now += conn.limits.stall_timeout
    closed = closed_event(conn.expire())
    assert closed is not None and closed.error_code == CALM
    assert goaway_code(conn.data_to_send()) == CALM


def test_pending_content_is_bounded() -> None:
    conn = connect(Limits(max_pending_body=300_000), settings=[(4, 0)])
    enc = Encoder()
    for sid in (1, 3, 5, 7):
        conn.receive_data(frames.headers(sid, request_block(enc), end_stream=True))
    answered = [conn.send_response(sid, 200, [], b"p" * 100_000) for sid in (1, 3, 5, 7)]
    assert answered == [True, True, True, False]
    assert conn.pending_body == 300_000
    assert rst_codes(conn.data_to_send()) == {7: CALM}


def test_too_many_concurrent_streams() -> None:
    conn = connect(Limits(max_concurrent_streams=10))
    enc = Encoder()
    events = conn.receive_data(b"".join(frames.headers(sid, request_block(enc))
                                        for sid in range(1, 25, 2)))
    assert sum(isinstance(e, RequestReceived) for e in events) == 10
    assert rst_codes(conn.data_to_send()) == {21: ErrorCode.REFUSED_STREAM,
                                              23: ErrorCode.REFUSED_STREAM}
    assert not conn.closed
    # the refused streams' blocks were decoded: the next request still decodes
    conn.receive_data(frames.rst_stream(1, ErrorCode.CANCEL))
    events = conn.receive_data(frames.headers(25, request_block(enc, "/later"), end_stream=True))
    assert [e.pseudo(":path") for e in events if isinstance(e, RequestReceived)] == ["/later"]


@pytest.mark.parametrize("data", [b"GET / HTTP/1.1\r\n\r\n", b"PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n",
                                  PREFACE + frames.ping(b"12345678")])
def test_bad_preface(data: bytes) -> None:
    conn = ServerConnection()
    conn.data_to_send()
    closed = closed_event(conn.receive_data(data))
    assert closed is not None and closed.error_code == ErrorCode.PROTOCOL_ERROR
    assert goaway_code(conn.data_to_send()) == ErrorCode.PROTOCOL_ERROR
    assert conn.receive_data(opening()) == []  # nothing more is read


def test_preface_detection() -> None:
    assert is_preface_prefix(b"PRI * HTTP/2.0\r\n")
    assert is_preface_prefix(PREFACE + b"more")
    assert is_preface_prefix(b"")
    assert not is_preface_prefix(b"GET / HTTP/1.1\r\n")
    assert not is_preface_prefix(b"PRI * HTTP/1.1")
    conn = ServerConnection()
    for i in range(len(PREFACE)):  # one octet at a time
        assert conn.receive_data(PREFACE[i:i + 1]) == []
    assert not conn.closed


A = Encoder()
ON_STREAMS = [  # (frames after the preface, GOAWAY code or None, RST {stream: code})
    (frames.data(1, b"x"), ErrorCode.PROTOCOL_ERROR, {}),  # DATA on an idle stream
    (frames.window_update(1, 5), ErrorCode.PROTOCOL_ERROR, {}),  # idle
    (frames.rst_stream(1, 0), ErrorCode.PROTOCOL_ERROR, {}),  # idle
    (frames.headers(0, b"\x82"), ErrorCode.PROTOCOL_ERROR, {}),  # stream 0
    (frames.headers(2, request_block(Encoder())), ErrorCode.PROTOCOL_ERROR, {}),  # even
    (frames.headers(1, request_block(Encoder()), end_stream=True) + frames.data(1, b"x"),
     None, {1: ErrorCode.STREAM_CLOSED}),  # half-closed (remote): a stream error
    (frames.headers(1, request_block(Encoder()), end_headers=False) + frames.ping(b"1" * 8),
     ErrorCode.PROTOCOL_ERROR, {}),  # a frame between HEADERS and CONTINUATION
    (frames.continuation(1, b"\x82"), ErrorCode.PROTOCOL_ERROR, {}),
    (frames.push_promise(1, 2, b"\x82"), ErrorCode.PROTOCOL_ERROR, {}),
    (frames.window_update(0, 2**31 - 1), ErrorCode.FLOW_CONTROL_ERROR, {}),
    (frames.frame(8, 0, 0, b"\0\0\0\0"), ErrorCode.PROTOCOL_ERROR, {}),  # increment 0
    (frames.headers(1, request_block(Encoder())) + frames.frame(8, 0, 1, b"\0\0\0\0"),
     None, {1: ErrorCode.PROTOCOL_ERROR}),  # increment 0 on a stream: a stream error
    (frames.data(1, b"x" * 16000) * 5, ErrorCode.PROTOCOL_ERROR, {}),
    (frames.ping(b"short"), ErrorCode.FRAME_SIZE_ERROR, {}),
    (frames.frame(4, 0, 0, b"\0\4\0\0\0"), ErrorCode.FRAME_SIZE_ERROR, {}),  # 5 octets
    (frames.settings([(4, 2**31)]), ErrorCode.FLOW_CONTROL_ERROR, {}),
    (frames.settings([(5, 100)]), ErrorCode.PROTOCOL_ERROR, {}),
    (frames.settings([(2, 2)]), ErrorCode.PROTOCOL_ERROR, {}),
    (frames.frame(4, 1, 0, b"\0" * 6), ErrorCode.FRAME_SIZE_ERROR, {}),  # ACK with payload
    (frames.frame(0, 0x8, 1, b"\x05ab"), ErrorCode.PROTOCOL_ERROR, {}),  # padding too long
    (frames.priority(1, frames.Priority(1, 1, False)), None, {1: ErrorCode.PROTOCOL_ERROR}),
    (frames.frame(2, 0, 1, b"\0\0\0"), None, {1: ErrorCode.FRAME_SIZE_ERROR}),
    (frames.priority_update(0, "u=1"), ErrorCode.PROTOCOL_ERROR, {}),
    (frames.frame(7, 0, 1, b"\0" * 8), ErrorCode.PROTOCOL_ERROR, {}),  # GOAWAY on a stream
    (frames.headers(1, b"\x80"), ErrorCode.COMPRESSION_ERROR, {}),  # index 0
]


@pytest.mark.parametrize(("data", "goaway", "resets"), ON_STREAMS)
def test_protocol_errors(data: bytes, goaway: ErrorCode | None,
                         resets: dict[int, ErrorCode]) -> None:
    conn = connect()
    events = conn.receive_data(data)
    out = conn.data_to_send()
    assert goaway_code(out) == goaway
    assert rst_codes(out) == resets
    assert (closed_event(events) is not None) == (goaway is not None)


def test_frames_on_closed_streams() -> None:
    conn = connect()
    enc = Encoder()
    conn.receive_data(frames.headers(1, request_block(enc), end_stream=True))
    conn.send_response(1, 204)  # closed by both END_STREAMs
    conn.data_to_send()
    # WINDOW_UPDATE, PRIORITY and RST_STREAM on a closed stream are allowed; DATA is not.
    conn.receive_data(frames.window_update(1, 10) + frames.priority(1, frames.Priority(0, 1,
                      False)) + frames.rst_stream(1, 0))
    assert not conn.closed
    closed = closed_event(conn.receive_data(frames.data(1, b"late")))
    assert closed is not None and closed.error_code == ErrorCode.STREAM_CLOSED


def test_frames_after_we_reset_are_ignored() -> None:
    conn = connect(Limits(max_concurrent_streams=1))
    enc = Encoder()
    conn.receive_data(frames.headers(1, request_block(enc)))
    conn.receive_data(frames.headers(3, request_block(enc)))  # refused
    events = conn.receive_data(frames.data(3, b"in flight") + frames.headers(
        3, request_block(enc), end_stream=True))
    assert not conn.closed and events == []
    assert conn.recv_window + conn._conn_unacked == conn.limits.connection_window


def test_oversized_frame_is_refused_from_its_header() -> None:
    conn = connect()
    header = (16385 << 8).to_bytes(4, "big") + bytes([0, 0, 0, 0, 1])  # DATA, stream 1
    closed = closed_event(conn.receive_data(header))  # the payload never arrives
    assert closed is not None and closed.error_code == ErrorCode.FRAME_SIZE_ERROR
    assert closed.offset == len(PREFACE) + 9  # after the client's empty SETTINGS
    assert goaway_code(conn.data_to_send()) == ErrorCode.FRAME_SIZE_ERROR


def test_output_not_taken_is_bounded() -> None:
    conn = connect(Limits(max_output_buffer=10_000, ping_burst=10_000))
    closed = closed_event(conn.receive_data(frames.ping(b"12345678") * 1000))
    assert closed is not None and closed.error_code == CALM


def test_our_own_answers_do_not_count_as_output_the_client_forced() -> None:
    conn = connect(Limits(max_output_buffer=20_000), settings=[(4, 0)])
    conn.receive_data(frames.headers(1, request_block(Encoder()), end_stream=True))
    conn.send_response(1, 200, [], b"a" * 60_000)
    events = conn.receive_data(frames.window_update(1, 60_000))  # releases 60 KB at once
    assert closed_event(events) is None
    assert data_length(conn.data_to_send()) == 60_000


def test_data_refused_on_a_stream_still_credits_the_connection_window() -> None:
    conn = connect()
    enc = Encoder()
    conn.receive_data(frames.headers(1, request_block(enc), end_stream=True))
    conn.receive_data(frames.data(1, b"x" * 1000))  # half-closed (remote): STREAM_CLOSED
    assert conn.recv_window + conn._conn_unacked == conn.limits.connection_window


def test_headers_flood_on_one_stream_keeps_nothing_more() -> None:
    conn = connect()
    enc = Encoder()
    conn.receive_data(frames.headers(1, request_block(enc)))
    trailer = frames.headers(1, enc.encode([("x-t", "1")]))  # no END_STREAM: malformed
    events = conn.receive_data(trailer * 1000)
    assert sum(type(e).__name__ == "RequestMalformed" for e in events) == 1
    assert len(conn.streams[1].blocks) == 2 and len(conn.streams[1].frames) <= 200


def test_even_stream_below_the_last_one_is_a_protocol_error() -> None:
    conn = connect()
    enc = Encoder()
    conn.receive_data(frames.headers(5, request_block(enc), end_stream=True))
    closed = closed_event(conn.receive_data(frames.headers(2, request_block(enc))))
    assert closed is not None and closed.error_code == ErrorCode.PROTOCOL_ERROR
