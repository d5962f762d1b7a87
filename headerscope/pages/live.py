"""/captures/live: new captures as they arrive, in the browser and in `headerscope tail`.

    /captures/live              the page: the newest captures, then new rows as they arrive
    /captures/live?format=events, or Accept: text/event-stream
                                the event stream (captures/hub.py), one "capture" event each:
                                data is one JSON object (`capture_json`), with the text view
    /captures/live.js           the page's one script, allowed by LIVE_CONTENT_SECURITY_POLICY

The page works without the script: it lists the newest captures and links to itself to
reload. The script adds each new capture as a row built with textContent (never innerHTML),
so nothing from a capture becomes markup. Under HTTP/2 the stream answers its first bytes
only (the server streams over HTTP/1.x; see http StreamingResponse), and EventSource then
reconnects every few seconds: the page still shows new captures, in steps.
"""

from __future__ import annotations

from typing import Any

from ..captures import Capture, Entry
from ..captures.hub import POLL_BATCH, RETRY_MS, LiveHub
from ..captures.service import Store
from ..http import Response
from ..http._model import StreamingResponse
from ..sxml import Node, render_document
from .captures_pages import ENTRY_HEAD, capture_facts, entry_row, inspection_of
from .document import dumps
from .inspector import page
from .style import LIVE_CONTENT_SECURITY_POLICY
from .text import inspector_text
from .visible import inert_html, visible

TEXT_LIMIT = 16 * 1024  # characters of a capture's text view in its event; the page has all
LIVE_SHOWN = 50  # captures the page lists when it is loaded

EVENT_HEADERS = (
    ("Content-Type", "text/event-stream; charset=utf-8"),
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
    ("X-Accel-Buffering", "no"),  # a proxy in front must not hold the events back
)

SCRIPT = """\
"use strict";
// headerscope live view: each new capture becomes a row, built with textContent only.
(function () {
  var rows = document.getElementById("rows");
  var state = document.getElementById("state");
  if (!rows || !state || !window.EventSource) { return; }
  var source = new EventSource("/captures/live?format=events");
  function cell(tr, text, href) {
    var td = document.createElement("td");
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    tr.appendChild(td);
  }
  source.addEventListener("capture", function (event) {
    var c = JSON.parse(event.data);
    var tr = document.createElement("tr");
    var href = "/captures/" + Number(c.id);
    if (c.diagnostics > 0) { tr.className = "error"; }
    cell(tr, String(c.id), href);
    cell(tr, String(c.time).slice(11, 23));
    cell(tr, c.client);
    cell(tr, c.shown.method);
    cell(tr, c.shown.target, href);
    cell(tr, c.protocol + (c.tls ? " TLS" : ""));
    cell(tr, String(c.status));
    cell(tr, String(c.fields));
    cell(tr, String(c.diagnostics));
    if (c.bin === null) { cell(tr, ""); }
    else { cell(tr, c.shown.bin, "/captures?bin=" + encodeURIComponent(c.bin)); }
    tr.setAttribute("data-id", String(c.id));
    rows.insertBefore(tr, rows.firstChild);
    while (rows.children.length > 500) { rows.removeChild(rows.lastChild); }
  });
  source.addEventListener("notice", function (event) {
    state.textContent = "live: " + event.data;
  });
  source.onopen = function () { state.textContent = "live: new captures appear at the top"; };
  source.onerror = function () { state.textContent = "disconnected; reconnecting"; };
}());
"""
SCRIPT_BYTES = SCRIPT.encode("ascii")
LIVE_HEADERS = (("Content-Type", "text/html; charset=utf-8"), ("X-Content-Type-Options", "nosniff"),
                ("Content-Security-Policy", LIVE_CONTENT_SECURITY_POLICY),
                ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer"),
                ("Vary", "Accept"))
SCRIPT_HEADERS = (("Content-Type", "text/javascript; charset=utf-8"),
                  ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-cache"))


def capture_json(c: Capture, text: str | None = None) -> dict[str, Any]:
    """A capture as one event (and as `headerscope tail --json` prints it)."""
    s = c.summary
    doc: dict[str, Any] = {
        "id": c.id, "time": c.time.isoformat(), "client": f"{c.client[0]}:{c.client[1]}",
        "method": s.method, "target": s.target, "protocol": c.protocol,
        "tls": c.tls is not None, "status": c.status, "fields": s.field_count,
        "diagnostics": s.diagnostics, "bin": c.bin, "size": c.size,
        "url": f"/captures/{c.id}",
        # What a page shows: every invisible or deceptive character spelled out (visible.py),
        # as the server-drawn rows have them; JSON.parse would restore the raw ones.
        "shown": {"method": visible(s.method), "target": visible(s.target),
                  "bin": None if c.bin is None else visible(c.bin)}}
    if text is not None:
        doc["text"] = text
    return doc


def capture_text(c: Capture) -> str:
    """The text view of a capture, as the live stream carries it (cut at TEXT_LIMIT)."""
    text = ("".join(f"{k}: {v}\n" for k, v in capture_facts(c)) + "\n"
            + inspector_text(inspection_of(c)))
    if len(text) > TEXT_LIMIT:
        text = text[:TEXT_LIMIT] + f"\n... cut at {TEXT_LIMIT} characters: see /captures/{c.id}\n"
    return text


def render_event(c: Capture) -> bytes:
    """The bytes of one "capture" event. `dumps` on one line: JSON escapes CR and LF inside
    strings, so the data is one line, and every invisible character is escaped."""
    data = dumps(capture_json(c, capture_text(c)), indent=None)
    return f"id: {c.id}\nevent: capture\ndata: {data}\n\n".encode()


def live_page(store: Store) -> Node:
    entries = store.list(page_size=LIVE_SHOWN).entries
    return page(
        "headerscope: live captures",
        ("header", ("h1", "Live captures"),
         ("p", ("span", {"id": "state"}, "new captures appear when you ",
                ("a", {"href": "/captures/live"}, "reload"),
                " (or at once, with scripts on)"), " · ",
          ("a", {"href": "/captures"}, "all captures"))),
        ("main", ("table", {"class": "captures"}, ENTRY_HEAD,
                  ("tbody", {"id": "rows"}, *(entry_row(e) for e in entries)))),
        ("script", {"src": "/captures/live.js"}))


def live_response(store: Store) -> Response:
    """The page, with its own policy: the one place a script runs (LIVE_HEADERS)."""
    return Response(200, LIVE_HEADERS, inert_html(render_document(live_page(store))).encode())


def live_text(store: Store) -> str:
    from .captures_pages import entry_line

    entries = store.list(page_size=LIVE_SHOWN).entries
    return "".join(entry_line(e) + "\n" for e in entries) + (
        "(the event stream: /captures/live?format=events, or `headerscope tail`)\n")


def wants_events(query: str, accept: str) -> bool:
    return "format=events" in query or "text/event-stream" in accept


def event_response(store: Store, hub: LiveHub, last_event_id: str | None) -> Response:
    """The stream. Its first bytes repeat what a reconnecting viewer missed (the captures
    after Last-Event-ID, at most POLL_BATCH), or name the newest id so that a reconnection
    asks for what follows it; then, under HTTP/1.x, the hub's events follow. Under HTTP/2
    the first bytes are the whole answer, and EventSource reconnects after `retry`: the
    page then gets new captures in steps, through Last-Event-ID."""
    if hub.full:
        return Response(503, (("Content-Type", "text/plain; charset=utf-8"),
                              ("Retry-After", "5")), b"503: too many live viewers\n")
    parts = [b"retry: %d\n" % RETRY_MS]
    missed: tuple[Entry, ...] = ()
    if last_event_id is not None and last_event_id.isascii() and last_event_id.isdigit() \
            and len(last_event_id) < 19:
        missed = store.newer_than(int(last_event_id), POLL_BATCH)
    for e in missed:
        c = store.get(e.id)
        if c is not None:
            parts.append(render_event(c))
    if not missed:
        newest = store.list(page_size=1).entries
        parts.append(b"id: %d\n\n" % (newest[0].id if newest else 0))
    return StreamingResponse(200, EVENT_HEADERS, b"".join(parts), hub.viewer())
