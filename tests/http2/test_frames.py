"""Our frame writers read back by hyperframe (an independent parser), our readers on
hyperframe's output, and the reader's limits."""

from __future__ import annotations

import pytest
from hyperframe import frame as hf

from headerscope.http2 import ErrorCode, H2Error, frames
from headerscope.http2.frames import Frame, FrameReader, Priority

from ._support import server_frames


def ours(data: bytes, offset: int = 0) -> list[Frame]:
    reader = FrameReader(offset=offset)
    reader.feed(data)
    out = []
    while (f := reader.next_frame()) is not None:
        out.append(f)
    assert reader.buffered == 0
    return out


def test_writers_against_hyperframe() -> None:
    data = b"".join([
        frames.data(1, b"hello", end_stream=True),
        frames.headers(3, b"\x82\x84", end_stream=True, priority=Priority(1, 256, True)),
        frames.priority(5, Priority(3, 16, False)),
        frames.rst_stream(7, 8),
        frames.settings([(1, 4096), (4, 65535), (0x99, 7)]),
        frames.settings(ack=True),
        frames.push_promise(1, 2, b"\x82"),
        frames.ping(b"abcdefgh", ack=True),
        frames.goaway(9, 11, b"why"),
        frames.window_update(0, 1000),
        frames.continuation(3, b"\x86", end_headers=True),
    ])
    parsed = server_frames(data)
    d, h, p, r, s, sa, pp, pg, g, w, c = parsed
    assert isinstance(d, hf.DataFrame) and d.data == b"hello" and "END_STREAM" in d.flags
    assert isinstance(h, hf.HeadersFrame) and h.data == b"\x82\x84"
    assert (h.depends_on, h.stream_weight, h.exclusive) == (1, 255, True)
    assert isinstance(p, hf.PriorityFrame) and (p.depends_on, p.stream_weight) == (3, 15)
    assert isinstance(r, hf.RstStreamFrame) and r.error_code == 8
    assert isinstance(s, hf.SettingsFrame) and s.settings == {1: 4096, 4: 65535, 0x99: 7}
    assert isinstance(sa, hf.SettingsFrame) and "ACK" in sa.flags
    assert isinstance(pp, hf.PushPromiseFrame) and pp.promised_stream_id == 2
    assert isinstance(pg, hf.PingFrame) and pg.opaque_data == b"abcdefgh"
    assert isinstance(g, hf.GoAwayFrame) and (g.last_stream_id, g.error_code,
                                              g.additional_data) == (9, 11, b"why")
    assert isinstance(w, hf.WindowUpdateFrame) and w.window_increment == 1000
    assert isinstance(c, hf.ContinuationFrame) and c.data == b"\x86"


def test_readers_on_hyperframe_output() -> None:
    d = hf.DataFrame(1, b"body", flags=["PADDED", "END_STREAM"], pad_length=3)
    h = hf.HeadersFrame(3, b"\x82", flags=["PADDED", "PRIORITY", "END_HEADERS"], pad_length=2,
                        depends_on=1, stream_weight=200, exclusive=True)
    s = hf.SettingsFrame(0, settings={4: 100, 3: 10})
    g = hf.GoAwayFrame(0, last_stream_id=5, error_code=2, additional_data=b"x")
    pp = hf.PushPromiseFrame(1, promised_stream_id=4, data=b"\x82", flags=["PADDED"],
                             pad_length=1)
    parsed = ours(b"".join(f.serialize() for f in (d, h, s, g, pp)), offset=24)
    assert frames.parse_data(parsed[0]) == b"body" and parsed[0].offset == 24
    assert frames.parse_headers(parsed[1]) == (b"\x82", Priority(1, 201, True))
    assert parsed[1].offset == 24 + len(d.serialize())
    assert frames.parse_settings(parsed[2]) == [(4, 100), (3, 10)]
    assert frames.parse_goaway(parsed[3]) == (5, 2, b"x")
    assert frames.parse_push_promise(parsed[4]) == (4, b"\x82")
    assert [f.info.length for f in parsed] == [len(f.serialize()) - 9 for f in (d, h, s, g, pp)]


def test_reader_waits_for_whole_frames_and_keeps_offsets() -> None:
    data = frames.ping(b"12345678") + frames.data(1, b"x" * 100)
    reader = FrameReader(offset=24)
    got = []
    for i in range(len(data)):
        reader.feed(data[i:i + 1])
        while (f := reader.next_frame()) is not None:
            got.append(f.info)
    assert [(i.type, i.length, i.offset) for i in got] == [(6, 8, 24), (0, 100, 24 + 17)]


def test_reader_refuses_long_frame_before_its_payload() -> None:
    reader = FrameReader(max_frame_size=16384, offset=100)
    reader.feed((20000 << 8).to_bytes(4, "big") + bytes(5))
    with pytest.raises(H2Error) as info:
        reader.next_frame()
    assert info.value.code == ErrorCode.FRAME_SIZE_ERROR
    assert info.value.offset == 100


@pytest.mark.parametrize(("frame", "parse", "code", "stream_error"), [
    (Frame(0, 0x8, 1, b"", 0), frames.parse_data, 6, False),
    (Frame(0, 0x8, 1, b"\x03ab", 0), frames.parse_data, 1, False),
    (Frame(1, 0x28, 1, b"\x00\x00\x00", 0), frames.parse_headers, 6, False),
    (Frame(2, 0, 1, b"\x00" * 4, 0), frames.parse_priority, 6, True),
    (Frame(3, 0, 1, b"\x00" * 5, 0), frames.parse_rst_stream, 6, False),
    (Frame(4, 0, 0, b"\x00" * 7, 0), frames.parse_settings, 6, False),
    (Frame(6, 0, 0, b"\x00" * 9, 0), frames.parse_ping, 6, False),
    (Frame(7, 0, 0, b"\x00" * 7, 0), frames.parse_goaway, 6, False),
    (Frame(8, 0, 0, b"\x00" * 3, 0), frames.parse_window_update, 6, False),
    (Frame(8, 0, 3, b"\x80\x00\x00\x00", 0), frames.parse_window_update, 1, True),
    (Frame(0x10, 0, 0, b"\x00" * 3, 0), frames.parse_priority_update, 6, False),
    (Frame(0x10, 0, 0, b"\x00" * 4, 0), frames.parse_priority_update, 1, False),
])
def test_payload_errors(frame: Frame, parse: object, code: int, stream_error: bool) -> None:
    with pytest.raises(H2Error) as info:
        parse(frame)  # type: ignore[operator]
    assert info.value.code == code
    assert info.value.stream_id == (frame.stream_id if stream_error else 0)


def test_priority_update_round_trip() -> None:
    (f,) = ours(frames.priority_update(5, "u=0, i"))
    assert frames.parse_priority_update(f) == (5, "u=0, i")


def test_names_for_the_raw_view() -> None:
    from headerscope.http2 import code_name
    from headerscope.http2.frames import FrameInfo, flag_names, type_name

    assert flag_names(1, 0x25) == ["END_STREAM", "END_HEADERS", "PRIORITY"]
    assert flag_names(4, 0x1) == ["ACK"]
    assert flag_names(8, 0x41) == ["0x1", "0x40"]  # WINDOW_UPDATE defines no flags
    assert FrameInfo(0, 0x9, 1, 10, 24).flag_names == ["END_STREAM", "PADDED"]
    assert (type_name(0x10), type_name(0xFA)) == ("PRIORITY_UPDATE", "0xfa")
    assert (code_name(11), code_name(0x99)) == ("ENHANCE_YOUR_CALM", "0x99")
