"""What the connection keeps for the pages (settings in order, first WINDOW_UPDATE, PRIORITY
frames, the fingerprint, frames with offsets, HPACK instructions), h2c upgrade, and the
property that nothing the client sends raises anything but a clean GOAWAY."""

from __future__ import annotations

import h2.events
from hypothesis import given
from hypothesis import strategies as st

from headerscope.http2 import (
    PREFACE,
    ConnectionClosed,
    ErrorCode,
    H2Error,
    PriorityReceived,
    PriorityUpdateReceived,
    RequestReceived,
    ServerConnection,
    UnknownFrameReceived,
    frames,
)
from headerscope.http2.frames import FrameType, Priority
from headerscope.http2.hpack import Encoder, Kind

from ._support import (
    Clock,
    Pair,
    closed_event,
    data_length,
    goaway_code,
    opening,
    server_frames,
)

CHROME = [(1, 65536), (2, 0), (4, 6291456), (6, 262144)]
FIREFOX_2017 = [(3, Priority(0, 201, False)), (5, Priority(0, 101, False)),
                (7, Priority(0, 1, False)), (9, Priority(7, 1, False)),
                (11, Priority(3, 1, False))]


def _chrome_request() -> bytes:
    return Encoder().encode([(":method", "GET"), (":authority", "a.test"), (":scheme", "https"),
                             (":path", "/")])


def test_fingerprint_of_a_chrome_like_opening() -> None:
    conn = ServerConnection(clock=Clock())
    conn.receive_data(PREFACE + frames.settings(CHROME) + frames.window_update(0, 15663105)
                      + frames.headers(1, _chrome_request(), end_stream=True))
    assert conn.fingerprint() == "1:65536;2:0;4:6291456;6:262144|15663105|0|m,a,s,p"
    assert conn.client_settings == tuple(CHROME)
    assert conn.first_window_update == 15663105


def test_fingerprint_with_priority_frames_and_unknown_settings() -> None:
    conn = ServerConnection(clock=Clock())
    opening_frames = PREFACE + frames.settings([(4, 131072), (5, 16384), (0x4A4A, 7)])
    opening_frames += frames.window_update(0, 12517377)
    opening_frames += b"".join(frames.priority(sid, p) for sid, p in FIREFOX_2017)
    events = conn.receive_data(opening_frames + frames.headers(
        13, Encoder().encode([(":method", "GET"), (":path", "/"), (":authority", "a"),
                              (":scheme", "https")]), end_stream=True)
        + frames.priority(13, Priority(0, 42, False)))  # after the request: not in it
    assert sum(isinstance(e, PriorityReceived) for e in events) == 6
    assert conn.fingerprint() == ("4:131072;5:16384;19018:7|12517377|3:0:0:201,5:0:0:101,"
                                  "7:0:0:1,9:0:7:1,11:0:3:1|m,p,a,s")


def test_fingerprint_without_window_update() -> None:
    conn = ServerConnection(clock=Clock())
    conn.receive_data(opening([(3, 100)]) + frames.headers(1, _chrome_request()))
    assert conn.fingerprint() == "3:100|00|0|m,a,s,p"


def test_raw_view_frames_offsets_and_hpack_instructions() -> None:
    conn = ServerConnection(clock=Clock())
    enc = Encoder()
    block = enc.encode([(":method", "POST"), (":scheme", "https"), (":path", "/f"),
                        (":authority", "a.test"), ("x-secret", "s")], huffman=False,
                       never_index=frozenset({"x-secret"}))
    data = opening() + frames.headers(1, block[:5], end_headers=False) + frames.continuation(
        1, block[5:]) + frames.data(1, b"abc", end_stream=True)
    events = conn.receive_data(data)
    (request,) = [e for e in events if isinstance(e, RequestReceived)]
    infos = conn.stream_frames(1)
    assert [(i.type_name, i.flags, i.length) for i in infos] == [
        ("HEADERS", 0, 5), ("CONTINUATION", 4, len(block) - 5), ("DATA", 1, 3)]
    assert infos[0].offset == len(PREFACE) + 9  # after the client's empty SETTINGS
    assert infos[1].offset == infos[0].offset + 9 + 5
    assert infos[2].offset == infos[1].offset + 9 + len(block) - 5
    reps = [f.representation for f in request.fields]
    assert [r.kind for r in reps] == [Kind.INDEXED, Kind.INDEXED, Kind.INCREMENTAL,
                                      Kind.INCREMENTAL, Kind.NEVER]
    assert reps[-1].name_huffman is False and reps[-1].value_huffman is False
    assert [f.type for f in conn.frames] == [4, 1, 9, 0]


def test_priority_update_and_unknown_frames_are_reported() -> None:
    conn = ServerConnection(clock=Clock())
    events = conn.receive_data(opening() + frames.priority_update(1, "u=2")
                               + frames.frame(0xFA, 3, 0, b"??"))
    assert PriorityUpdateReceived(1, "u=2") in events
    (unknown,) = [e for e in events if isinstance(e, UnknownFrameReceived)]
    assert (unknown.frame.type, unknown.frame.flags, unknown.frame.length) == (0xFA, 3, 2)
    assert not conn.closed


def test_h2c_upgrade() -> None:
    settings = frames.settings([(4, 1000), (3, 10)])[9:]
    import base64

    value = base64.urlsafe_b64encode(settings).rstrip(b"=").decode()
    conn = ServerConnection.from_upgrade(value, clock=Clock())
    assert conn.upgrade_settings == ((4, 1000), (3, 10))
    assert conn.peer_initial_window == 1000
    assert conn.send_response(1, 200, [("content-type", "text/plain")], b"y" * 3000)
    # the client's preface and SETTINGS come after the 101
    conn.receive_data(opening() + frames.window_update(1, 5000))
    out = conn.data_to_send()
    names = [type(f).__name__ for f in server_frames(out)]
    assert names[0] == "SettingsFrame" and "HeadersFrame" in names
    assert data_length(out) == 3000
    assert not conn.streams


def test_h2c_upgrade_with_a_bad_settings_value() -> None:
    import pytest

    with pytest.raises(H2Error) as info:
        ServerConnection.from_upgrade("AAMAAABk=")
    assert info.value.code == ErrorCode.PROTOCOL_ERROR
    with pytest.raises(H2Error):
        ServerConnection.from_upgrade("AAIAAAAC")  # ENABLE_PUSH = 2


def test_graceful_shutdown() -> None:
    pair = Pair()
    sid = pair.request("/before")
    pair.app.handle(pair.server.receive_data(pair.client.data_to_send()))
    pair.server.shutdown()  # GOAWAY(last stream 1): stream 1 is still answered ...
    late = pair.request("/after")  # ... a stream after it is not
    pair.pump()
    assert pair.response(sid)[2]
    assert pair.response(late) == ([], b"", False)
    assert any(isinstance(e, h2.events.ConnectionTerminated) and e.error_code == 0
               for e in pair.client_events)


def test_split_feeding_gives_the_same_events() -> None:
    enc = Encoder()
    data = opening([(4, 100)]) + frames.headers(1, enc.encode(
        [(":method", "POST"), (":scheme", "http"), (":path", "/"), (":authority", "a")])) + \
        frames.data(1, b"abc") + frames.data(1, b"def", end_stream=True)
    whole = ServerConnection(clock=Clock()).receive_data(data)
    split = ServerConnection(clock=Clock())
    pieces = [e for i in range(0, len(data), 7) for e in split.receive_data(data[i:i + 7])]
    assert whole == pieces and len(whole) > 4


_frame = st.builds(
    frames.frame,
    st.sampled_from([*range(0, 11), 0x10, 0xFA]),
    st.sampled_from([0, 1, 4, 5, 8, 0x20, 0x25, 0xFF]),
    st.sampled_from([0, 1, 2, 3, 5, 2**31 - 1]),
    st.one_of(st.binary(max_size=24), st.sampled_from([b"\x82\x86\x84\x41\x01a", b"\0" * 8,
                                                       b"\0\0\0\1", b"\0\4\0\0\0\0"])),
)


@given(st.lists(_frame, max_size=12), st.integers(1, 64))
def test_random_frames_end_cleanly(frame_list: list[bytes], chunk: int) -> None:
    conn = ServerConnection(clock=Clock())
    data = opening() + b"".join(frame_list)
    events = []
    for i in range(0, len(data), chunk):
        events += conn.receive_data(data[i:i + chunk])  # must not raise
    out = conn.data_to_send()
    server_frames(out)  # everything we wrote is well-framed
    closed = closed_event(events)
    if conn.closed:
        assert closed is not None and goaway_code(out) == closed.error_code
        assert events[-1] == closed
    else:
        assert closed is None


@given(st.binary(max_size=200))
def test_random_bytes_after_the_preface_end_cleanly(data: bytes) -> None:
    conn = ServerConnection(clock=Clock())
    events = conn.receive_data(opening() + data)
    out = conn.data_to_send()
    server_frames(out)
    assert conn.closed == any(isinstance(e, ConnectionClosed) for e in events)


def test_frame_types_are_all_handled() -> None:
    assert {t.value for t in FrameType} <= set(range(0x11))
