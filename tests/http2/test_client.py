"""The `h2` package as a client, talking to our ServerConnection in memory."""

from __future__ import annotations

import h2.events
import h2.settings

from headerscope.http2 import PingReceived, SettingsReceived, TrailersReceived, WindowUpdated

from ._support import Pair


def test_get() -> None:
    pair = Pair()
    sid = pair.request("/hello")
    pair.pump()
    headers, body, ended = pair.response(sid)
    assert ended and body == b"GET /hello "
    assert headers == [(":status", "200"), ("content-type", "text/plain")]  # no Connection
    assert not pair.server.streams  # closed and forgotten


def test_post_with_body_larger_than_the_windows() -> None:
    pair = Pair()
    content = bytes(range(256)) * 800  # 204800 octets: over the 65535 stream window
    sid = pair.request("/upload", "POST", content)
    pair.pump()
    _, body, ended = pair.response(sid)
    assert ended and body == b"POST /upload " + content


def test_trailers_both_ways() -> None:
    pair = Pair()
    pair.app.trailers = True
    sid = pair.client.get_next_available_stream_id()
    pair.client.send_headers(sid, [(":method", "POST"), (":scheme", "https"),
                                   (":authority", "a.test"), (":path", "/t"), ("te", "trailers")])
    pair.client.send_data(sid, b"abc")
    pair.client.send_headers(sid, [("x-checksum", "42")], end_stream=True)
    pair.pump()
    trailers = [e for e in pair.app.events if isinstance(e, TrailersReceived)]
    assert [(f.name, f.value) for f in trailers[0].block.fields] == [("x-checksum", "42")]
    headers, body, ended = pair.response(sid)
    assert ended and body == b"POST /t abc" and ("x-trailer", "done") in headers


def test_many_streams_at_once() -> None:
    pair = Pair()
    sids = [pair.request(f"/n/{i}") for i in range(60)]
    pair.pump()
    for i, sid in enumerate(sids):
        _, body, ended = pair.response(sid)
        assert ended and body == f"GET /n/{i} ".encode()


def test_flow_control_with_a_small_client_window() -> None:
    pair = Pair(client_settings={h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: 100})
    pair.app.response_size = 5_000
    sids = [pair.request("/big"), pair.request("/big")]
    pair.pump()
    for sid in sids:
        _, body, ended = pair.response(sid)
        assert ended and body == b"x" * 5_000
    sizes = [len(e.data) for e in pair.client_events if isinstance(e, h2.events.DataReceived)]
    assert max(sizes) <= 100  # never more than the window the client opened


def test_client_that_does_not_read_keeps_data_queued() -> None:
    pair = Pair(client_settings={h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: 1000})
    pair.auto_ack = False
    pair.app.response_size = 10_000
    sid = pair.request("/big")
    pair.pump()
    _, body, ended = pair.response(sid)
    assert len(body) == 1000 and not ended
    assert pair.server.pending_body == 9000
    assert pair.server.next_deadline() == pair.clock.now + pair.server.limits.stall_timeout
    pair.client.acknowledge_received_data(1000, sid)
    pair.auto_ack = True
    pair.pump()
    _, body, ended = pair.response(sid)
    assert ended and len(body) == 10_000 and pair.server.pending_body == 0


def test_large_headers_over_continuation_frames() -> None:
    pair = Pair()
    big = "v" * 40_000  # over one 16384-octet frame: HEADERS + 2 CONTINUATION
    sid = pair.request("/big-headers", extra=[("x-big", big)])
    pair.pump()
    request = pair.app.requests[sid]
    assert request.status is None and request.fields[-1].value == big
    kinds = [f.type for f in pair.server.frames]
    assert kinds.count(9) == 2  # CONTINUATION
    _, _, ended = pair.response(sid)
    assert ended


def test_large_response_headers_are_split() -> None:
    pair = Pair()
    sid = pair.request("/")
    pair.pump()
    # answer a second request ourselves with a header larger than a frame
    sid = pair.request("/again")
    pair.server.receive_data(pair.client.data_to_send())
    pair.server.send_response(sid, 200, [("x-long", "y" * 30_000)], b"ok")
    for e in pair.client.receive_data(pair.server.data_to_send()):
        pair.client_events.append(e)
    headers, body, ended = pair.response(sid)
    assert ("x-long", "y" * 30_000) in headers and body == b"ok" and ended


def test_settings_changes_mid_connection() -> None:
    pair = Pair()
    sid = pair.request("/one")
    pair.pump()
    pair.client.update_settings({h2.settings.SettingCodes.HEADER_TABLE_SIZE: 0,
                                 h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: 10,
                                 h2.settings.SettingCodes.MAX_FRAME_SIZE: 20000})
    pair.pump()
    assert pair.server.encoder.table.max_size == 0
    assert pair.server.peer_max_frame_size == 20000
    received = [e.settings for e in pair.app.events if isinstance(e, SettingsReceived)]
    assert received[-1] == ((1, 0), (4, 10), (5, 20000))
    pair.app.response_size = 100
    sid = pair.request("/two")
    pair.pump()
    _, body, ended = pair.response(sid)
    assert ended and body == b"x" * 100


def test_ping() -> None:
    pair = Pair()
    pair.client.ping(b"12345678")
    pair.pump()
    assert PingReceived(b"12345678") in pair.app.events
    acks = [e for e in pair.client_events if isinstance(e, h2.events.PingAckReceived)]
    assert acks and acks[0].ping_data == b"12345678"


def test_client_reset_and_the_other_streams() -> None:
    pair = Pair()
    first = pair.client.get_next_available_stream_id()
    pair.client.send_headers(first, [(":method", "POST"), (":scheme", "http"),
                                     (":authority", "a"), (":path", "/slow")])
    second = pair.request("/fast")
    pair.client.reset_stream(first, 8)
    pair.pump()
    assert first not in pair.server.streams
    _, body, ended = pair.response(second)
    assert ended and body == b"GET /fast "
    assert not pair.server.send_response(first, 200)  # gone: nothing is sent


def test_window_update_events_and_fingerprint() -> None:
    pair = Pair()
    pair.client.increment_flow_control_window(1_000_000)
    sid = pair.request("/fp")
    pair.pump()
    assert WindowUpdated(0, 1_000_000) in pair.app.events
    settings = ";".join(f"{i}:{v}" for i, v in pair.server.client_settings or ())
    assert pair.server.fingerprint() == f"{settings}|1000000|0|m,s,a,p"
    assert pair.response(sid)[2]


def test_informational_response_before_the_final_one() -> None:
    pair = Pair()
    sid = pair.client.get_next_available_stream_id()
    pair.client.send_headers(sid, [(":method", "POST"), (":scheme", "http"), (":authority", "a"),
                                   (":path", "/up"), ("expect", "100-continue")])
    pair.app.handle(pair.server.receive_data(pair.client.data_to_send()))
    assert pair.server.send_informational(sid, 100)
    pair.client.send_data(sid, b"body", end_stream=True)
    pair.pump()
    infos = [e for e in pair.client_events
             if isinstance(e, h2.events.InformationalResponseReceived)]
    assert infos and (":status", "100") in [(str(n), str(v)) for n, v in infos[0].headers or ()]
    _, body, ended = pair.response(sid)
    assert ended and body == b"POST /up body"
