"""h11's framing of a request: does h11 accept the same bytes, with the same fields and the
same body? (h11 is the sans-IO HTTP/1.1 library under httpcore, httpx and uvicorn.)

The bytes are fed in 64 KiB pieces, as uvicorn reads a socket: h11 enforces its head size
limit only on a head still incomplete after a read. h11 decides the body framing from the
fields it accepted (Transfer-Encoding, which must be exactly "chunked", wins over
Content-Length; a request with neither has no body), so `body` is derived from its field
list; the content, trailers and bytes consumed are what it delivered.
"""

from __future__ import annotations

from types import ModuleType

from .framing import (
    Framing,
    FramingPeer,
    Lines,
    Outcome,
    body_framing,
    count_field,
    first_known,
    has_bare_cr,
    has_bare_lf,
    has_ctl,
    has_obs_fold,
    is_limit,
    odd_request_line,
    waits_where_we_refuse,
)

_READ = 65536  # bytes per socket read, as uvicorn's
_REASON_LIMIT = 120  # h11's messages can quote the request: keep them short


def frame(module: ModuleType, data: bytes) -> Framing:
    import h11

    conn = h11.Connection(h11.SERVER)
    request: h11.Request | None = None
    content = bytearray()
    fed = 0
    try:
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                if fed >= len(data):
                    return Framing(Outcome.INCOMPLETE)
                conn.receive_data(data[fed:fed + _READ])
                fed += _READ
            elif isinstance(event, h11.Request):
                request = event
            elif isinstance(event, h11.Data):
                content += event.data
            elif isinstance(event, h11.EndOfMessage):
                break
    except h11.RemoteProtocolError as exc:
        return Framing(Outcome.REJECTED, exc.error_status_hint, str(exc)[:_REASON_LIMIT])
    assert request is not None  # h11 sends Request before EndOfMessage
    lines = _lines(request.headers)
    line = (request.method.decode("latin-1"), request.target.decode("latin-1"),
            "HTTP/" + request.http_version.decode("latin-1"))
    consumed = min(fed, len(data)) - len(conn.trailing_data[0])
    return Framing(Outcome.REQUEST, None, "", line, lines, None, body_framing(lines),
                   bytes(content), _lines(event.headers), consumed)


def _lines(headers: object) -> Lines:
    return tuple((n.decode("latin-1"), v.decode("latin-1"))
                 for n, v in headers)  # type: ignore[attr-defined]


def explain(data: bytes, ours: Framing, theirs: Framing) -> str | None:
    line = data.split(b"\n", 1)[0]
    return first_known(data, (
        (lambda d: is_limit(ours, theirs), "limits"),
        (lambda d: waits_where_we_refuse(ours, theirs), "early-reject"),
        (has_obs_fold, "obs-fold"),
        (has_bare_cr, "bare-cr"),
        (lambda d: d.startswith((b"\r\n", b"\n")), "leading-empty-line"),
        (has_bare_lf, "bare-lf"),
        (lambda d: count_field(d, b"transfer-encoding") > 0
         and count_field(d, b"content-length") > 0, "te-and-cl"),
        (lambda d: count_field(d, b"transfer-encoding") > 0
         and line.rstrip(b"\r").endswith(b"HTTP/1.0"), "te-http10"),
        (lambda d: line.startswith(b"CONNECT "), "connect"),
        (lambda d: ours.reason == "HTTP version not supported", "h11-version"),
        (lambda d: "target" in ours.reason or "asterisk" in ours.reason, "h11-target"),
        (lambda d: "Host" in ours.reason, "h11-host"),
        (has_ctl, "ctl-in-value"),
        (lambda d: ours.reason == "malformed chunk size", "chunk-ext"),
        (lambda d: theirs.status == 501 and count_field(d, b"transfer-encoding") > 0,
         "h11-te-exact"),
        (odd_request_line, "h11-version"),
        (lambda d: theirs.fields is not None and ours.fields is not None
         and len(theirs.fields) <= len(ours.fields), "h11-rewrites-fields"),
    ))


PEER = FramingPeer("h11", "h11", "h11", "h11.Connection(h11.SERVER)", frame, explain)
