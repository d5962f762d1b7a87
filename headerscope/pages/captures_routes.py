"""Which capture page a /captures path asks for (the table is in captures_pages.py).

Ids are decimal numbers of at most 18 digits; anything else under /captures is 404. The
store is read here, in the event loop, one indexed query per page (a listing reads no head).
What comes after the read for one capture or a diff (parsing the stored heads, comparing,
drawing) costs as much as the inspector's page for a large request, and touches nothing the
loop owns: it is handed back as `Pure`, which the server may run on its worker thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..captures import StoreError, count_diagnostics, diff
from ..captures.hub import LiveHub
from ..captures.service import CaptureService, Store, StoreConfig
from ..http import ConnectionInfo, Request, Response, Work
from . import captures_pages as cp
from . import live
from .captures_diff import diff_answer
from .inspection import Inspection, is_capture_page
from .negotiate import negotiate
from .respond import render_view, respond

_ONE = re.compile(r"/captures/([0-9]{1,18})(/raw|\.har|\.curl|\.http)?")
_DIFF = re.compile(r"/captures/([0-9]{1,18})/diff/([0-9]{1,18})")

@dataclass(frozen=True, slots=True)
class Pure:
    """A capture page whose store reads are done: `make` only parses, compares and draws."""

    make: Callable[[], cp.Answer]


Result = cp.Answer | Response | str | Pure  # str: a text message for app.respond
Pages = Callable[[Inspection], Response]
Record = Callable[[Request, ConnectionInfo, Response, Inspection], None]


class Hooks(NamedTuple):
    """What make_app takes from the capture store."""

    pages: Pages  # the pages, with /captures in front of them
    record: Record  # captures each answered request (on the loop)
    later: Callable[[Inspection], Response | Work]  # a /captures page, its drawing deferred
    costly: Callable[[Request], bool]  # one capture's page, or a diff: as costly as a large one
    close: Callable[[], None]  # flushes and closes the store at shutdown


def capturing(pages: Pages, config: StoreConfig, redact: frozenset[str]) -> Hooks:
    """make_app's hook: `pages` with /captures in front of it, the function that captures
    each answered request, the same capture pages with their drawing left for the server's
    worker thread, and the one that flushes and closes the store at shutdown.

    The capture pages themselves are not captured (looking at the history adds nothing to
    it). A request is queued for the store before its answer leaves; service.py says when it
    is committed and what a crash can lose."""
    service = CaptureService(config, redact)
    hub = LiveHub(service, live.render_event)

    def with_captures(ins: Inspection) -> Response:
        if is_capture_page(ins.target):
            return _answer(*route(ins, service.store, hub, redact=redact, self_url=None))
        return pages(ins)

    def later(ins: Inspection) -> Response | Work:
        status, result = route(ins, service.store, hub, redact=redact, self_url=None)
        if not isinstance(result, Pure):
            return _answer(status, result)

        def draw() -> Callable[[], Response]:
            response = _answer(status, result)
            return lambda: response
        return draw

    def record(request: Request, info: ConnectionInfo, response: Response,
               ins: Inspection) -> None:
        if is_capture_page(request.target):
            return
        service.record(request, info, response.status, count_diagnostics(ins.fields))

    with_captures.service = service  # type: ignore[attr-defined]  # tests reach the store
    return Hooks(with_captures, record, later, costly, service.close)


def costly(request: Request) -> bool:
    """Whether `request` asks for one capture's page or a diff: parsing and drawing stored
    requests costs as much as the inspector's page for them, whatever this one's size."""
    target = request.target
    if not is_capture_page(target):
        return False
    path = target.split("?", 1)[0]
    return _DIFF.fullmatch(path) is not None or (
        (m := _ONE.fullmatch(path)) is not None and m[2] is None)


def _answer(status: int, result: Any) -> Response:
    if isinstance(result, Response):
        return result
    if isinstance(result, Pure):
        result = result.make()
    if isinstance(result, cp.Answer):
        if result.status != 200 or result.view not in ("html", "json"):
            return respond("text", result.text(), result.status)
        return render_view(result.view, result.tree, result.text, result.document)
    return respond("raw" if status == 200 else "text", result, status)


def route(ins: Inspection, store: Store, hub: LiveHub, *,
          redact: frozenset[str], self_url: str | None) -> tuple[int, Result]:
    """(status, what to answer) for a path under /captures."""
    try:
        return _route(ins, store, hub, redact, self_url)
    except StoreError as e:
        return 503, f"503 Service Unavailable: the capture store cannot be read: {e}\n"


def _route(ins: Inspection, store: Store, hub: LiveHub, redact: frozenset[str],  # noqa: PLR0911
           self_url: str | None) -> tuple[int, Result]:
    path = ins.path
    if path == "/captures/live.js":
        return 200, Response(200, live.SCRIPT_HEADERS, live.SCRIPT_BYTES)
    if path == "/captures/live":
        accept = ",".join(str(f.raw) for f in ins.fields if f.name == "accept")
        if live.wants_events(ins.query, accept):
            last = next((f.raw for f in ins.fields if f.name == "last-event-id"), None)
            return 200, live.event_response(store, hub, last)
        view = negotiate(ins.query, ins.fields)
        if view == "html":
            return 200, live.live_response(store)
        return 200, cp.Answer(view, 200, lambda: None, lambda: live.live_text(store),
                              lambda: cp.page_json(store.list(page_size=live.LIVE_SHOWN)))
    view = negotiate(ins.query, ins.fields)
    if path in ("/captures", "/captures/"):
        answer = cp.listing(store, ins.query, "text" if view == "raw" else view)
        return answer.status, answer
    if m := _DIFF.fullmatch(path):
        a, b = store.get(int(m[1])), store.get(int(m[2]))
        if a is None or b is None:
            return 404, "404 Not Found: no such capture (it may have been dropped: the store " \
                        "keeps the newest within its limits)\n"
        diff_view = "text" if view == "raw" else view
        return 200, Pure(lambda: diff_answer(a, b, diff(a, b), diff_view))
    m = _ONE.fullmatch(path)
    if m is None:
        return 404, "404 Not Found: no such capture page (see /captures)\n"
    c = store.get(int(m[1]))
    if c is None:
        return 404, "404 Not Found: no such capture (it may have been dropped: the store " \
                    "keeps the newest within its limits)\n"
    kind = m[2]
    if kind == "/raw" or (kind is None and view == "raw"):
        return 200, cp.raw(c)
    if kind == ".har":
        return 200, cp.har(c)
    if kind == ".curl":
        return 200, cp.curl(c, self_url)
    if kind == ".http":
        return 200, cp.http_bytes(c)
    return 200, Pure(lambda: cp.detail(c, view, redact))
