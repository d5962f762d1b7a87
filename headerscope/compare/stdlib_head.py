"""The standard library's reading of a request head: http.server's `parse_request`, which
reads the request line itself and the fields with `http.client.parse_headers`.

http.server frames no body (an application reads Content-Length bytes itself) and checks
neither Host nor the framing fields, so this peer reports the request line, the fields and
where it thinks the head ends, nothing more.
"""

from __future__ import annotations

import io
from http.server import BaseHTTPRequestHandler
from types import ModuleType

from .framing import (
    Framing,
    FramingPeer,
    Outcome,
    first_known,
    has_bare_cr,
    has_bare_lf,
    has_ctl,
    has_head_end,
    has_obs_fold,
    head_of,
    is_limit,
    odd_request_line,
    rejected_after_head,
    waits_where_we_refuse,
)

_FRAMING_REASONS = ("Host", "Content-Length", "Transfer-Encoding", "transfer coding", "chunk",
                    "content too large")


class _Handler(BaseHTTPRequestHandler):
    """parse_request without a socket: an error is kept instead of sent."""

    def __init__(self, data: bytes) -> None:  # no super().__init__: it would serve at once
        self.rfile = io.BytesIO(data)
        self.wfile = io.BytesIO()
        self.error: tuple[int, str] | None = None
        self.raw_requestline = self.rfile.readline(65537)

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        self.error = (code, message or "")

    def log_message(self, format: str, *args: object) -> None:
        pass


def frame(module: ModuleType, data: bytes) -> Framing:
    handler = _Handler(data)
    if len(handler.raw_requestline) > 65536:
        return Framing(Outcome.REJECTED, 414, "request line too long")
    if not handler.raw_requestline.endswith(b"\n"):
        return Framing(Outcome.INCOMPLETE)
    if not handler.parse_request():
        code, message = handler.error or (400, "")
        return Framing(Outcome.REJECTED, code, message)
    if handler.request_version != "HTTP/0.9" and not has_head_end(data):
        return Framing(Outcome.INCOMPLETE)  # a socket would still be waiting for the head
    lines = tuple((n.lower(), v) for n, v in handler.headers.items())
    line = (handler.command, handler.path, handler.request_version)
    return Framing(Outcome.REQUEST, None, "", line, lines, handler.rfile.tell())


def explain(data: bytes, ours: Framing, theirs: Framing) -> str | None:
    lines = head_of(data).count(b"\n") - 2  # field lines: not the request line, not the end
    dropped = theirs.fields is not None and len(theirs.fields) < lines
    ows = (ours.fields is not None and theirs.fields is not None
           and [n for n, _ in ours.fields] == [n for n, _ in theirs.fields])
    return first_known(data, (
        (lambda d: is_limit(ours, theirs), "limits"),
        (lambda d: waits_where_we_refuse(ours, theirs), "early-reject"),
        (lambda d: d.startswith((b"\r\n", b"\n")), "leading-empty-line"),
        (lambda d: d.startswith(b"CONNECT "), "connect"),
        (lambda d: rejected_after_head(d, ours), "stdlib-head-no-framing"),
        (has_obs_fold, "stdlib-head-obs-fold"),
        (has_bare_cr, "bare-cr"),
        (lambda d: dropped, "stdlib-head-stops"),
        (lambda d: ows, "stdlib-head-ows"),
        (lambda d: odd_request_line(d) or "target" in ours.reason
         or "asterisk" in ours.reason, "stdlib-request-line"),
        (lambda d: any(r in ours.reason for r in _FRAMING_REASONS), "stdlib-head-no-framing"),
        (has_bare_lf, "bare-lf"),
        (has_ctl, "stdlib-head-ctl"),
        (lambda d: ours.reason == "invalid field name", "stdlib-head-names"),
    ))


PEER = FramingPeer("http.server", "http.server", "",
                   "http.server.BaseHTTPRequestHandler.parse_request", frame, explain)
