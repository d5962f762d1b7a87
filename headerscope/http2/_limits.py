"""What a client may make an HTTP/2 connection hold or do, and how fast.

Every known attack on HTTP/2 servers has its limit here, with the end it gets (see
`connection.py`): rapid reset (CVE-2023-44487) and reset flood (CVE-2019-9514: streams we
reset for the client's errors count too) -> `reset_*`; CONTINUATION flood -> the
`max_header_block` and `max_continuation_frames` bounds; HPACK bomb and the 0-length headers
leak (CVE-2019-9516) -> `max_header_list_size`, counted while decoding with 32 octets per
field; dynamic table abuse -> `header_table_size`; SETTINGS, PING, PRIORITY and empty-frame
floods (CVE-2019-9515, -9512, -9513, -9518) -> their budgets, and `max_output_buffer` for the
replies they force; zero-window stalls (CVE-2019-9517) -> `max_pending_body` and
`stall_timeout`; too many streams -> `max_concurrent_streams`.

A budget is a token bucket: `*_burst` events at once, refilled at `*_rate` per second. The
defaults sit far above what browsers send (Chrome opens with one SETTINGS, one WINDOW_UPDATE,
and pings rarely) and far below what an attack needs.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Limits:
    max_concurrent_streams: int = 100  # advertised; one more: RST_STREAM(REFUSED_STREAM)
    initial_window_size: int = 65535  # advertised per-stream receive window
    connection_window: int = 1 << 20  # our connection receive window (raised at start)
    max_frame_size: int = 16384  # advertised; a longer frame: GOAWAY(FRAME_SIZE_ERROR)
    header_table_size: int = 4096  # dynamic table the client's encoder may use
    max_header_list_size: int = 65536  # advertised; decoded size over it: a 431 answer
    max_header_block: int = 131072  # wire octets of one field block; over: ENHANCE_YOUR_CALM
    max_continuation_frames: int = 64  # CONTINUATIONs in one block; more: ENHANCE_YOUR_CALM
    max_body: int = 1 << 20  # request content octets per stream; more: a 413 answer
    reset_burst: int = 200  # streams reset (by the client or for its errors) ...
    reset_rate: float = 50.0  # ... per second, after the burst; over: ENHANCE_YOUR_CALM
    settings_burst: int = 50
    settings_rate: float = 10.0
    ping_burst: int = 50
    ping_rate: float = 10.0
    priority_burst: int = 500  # PRIORITY and PRIORITY_UPDATE frames
    priority_rate: float = 100.0
    empty_frame_burst: int = 100  # DATA/HEADERS/CONTINUATION carrying nothing, frames on
    empty_frame_rate: float = 20.0  # streams we reset, unknown frame types
    max_output_buffer: int = 1 << 20  # framed octets not yet taken by data_to_send()
    max_pending_body: int = 16 << 20  # response octets waiting for the client's windows
    stall_timeout: float = 30.0  # seconds a response may wait on a zero window
    max_frame_log: int = 200  # frames kept for the raw view, per connection and per stream
    max_closed_streams: int = 512  # closed streams remembered (to judge late frames)

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) <= 0 and f.name != "header_table_size":
                raise ValueError(f"{f.name} must be positive")
        if not 16384 <= self.max_frame_size <= (1 << 24) - 1:
            raise ValueError("max_frame_size must be 16384-16777215 (RFC 9113, 6.5.2)")
        if not 1 <= self.initial_window_size <= (1 << 31) - 1:
            raise ValueError("initial_window_size must be 1-2^31-1")
        if not 65535 <= self.connection_window <= (1 << 31) - 1:
            raise ValueError("connection_window must be 65535-2^31-1")
