"""Every capture page and export is as inert as the inspector, whatever the request held:
hostile field names, values, targets, bodies and bin names (tests/pages/test_inert.py's
requests and judge), in the listing, one capture, its raw view, the diff, the live page and
its event; HAR is valid JSON; the curl command is printable ASCII."""

from __future__ import annotations

import json

from hypothesis import example, given, settings
from hypothesis import strategies as st

from headerscope.captures.service import StoreConfig
from headerscope.pages.app import PageOptions, make_app
from headerscope.pages.live import render_event

from .helpers import INFO, make_request
from .test_inert import check_response, hostile_requests, terminal_unsafe

Hostile = tuple[list[tuple[str, str]], str, str, bytes]


@settings(max_examples=40, deadline=None)
@given(first=hostile_requests(), second=hostile_requests(),
       bin_name=st.text(st.characters(min_codepoint=0x21, max_codepoint=0xFF), min_size=1,
                        max_size=10).map(lambda s: s.replace("/", "").replace("?", "") or "b"))
@example(first=([("X\x1b[2J", "a\x00\x9b\u00a0b"), ("Cookie", "<script>x</script>")], "GET",
                "/\x1b]8;;x", b"\x00\xff"),
         second=([("x\xe2\x80\xae", "'\"`$(id)`")], "POST", "/<img src=x onerror=alert(1)>",
                 b"<script>"), bin_name="<b>\xe2\x80\xae")
def test_every_capture_page_is_inert(first: Hostile, second: Hostile, bin_name: str) -> None:
    app = make_app(PageOptions(store=StoreConfig()))
    for fields, method, target, body in (first, second):
        app(make_request(fields, method=method, target=target, body=body,
                         trailers=fields[:1]), INFO)
    fields, method, _, body = first
    app(make_request(fields, method=method, target=f"/bin/{bin_name}/x", body=body), INFO)
    problems = []
    for view in ("html", "json", "text"):
        for page in ("/captures", "/captures/1", "/captures/2", "/captures/3",
                     "/captures/1/diff/2", "/captures/3/diff/2", "/captures/1/raw",
                     "/captures/live", f"/captures?bin={bin_name}"):
            got = app(make_request([], target=f"{page}{'&' if '?' in page else '?'}"
                                   f"format={view}"), INFO)
            shown_view = "text" if page.endswith("/raw") else view
            found = check_response(got, shown_view, f"{page} {view}")
            if page == "/captures/live":  # the one page with a script: ours, by its src
                found = [p for p in found if not p.endswith((
                    "element <script> from the request", "attribute src= on <script> from "
                    "the request"))]
            problems += found
    for n in (1, 2, 3):
        har = app(make_request([], target=f"/captures/{n}.har"), INFO)
        assert har.status == 200
        doc = json.loads(har.body)
        assert doc["log"]["entries"][0]["request"]["method"]
        curl = app(make_request([], target=f"/captures/{n}.curl"), INFO).body.decode("ascii")
        assert all(" " <= ch <= "~" or ch == "\n" for ch in curl), curl
        raw = app(make_request([], target=f"/captures/{n}.http"), INFO)
        headers = dict(raw.headers)
        assert headers["Content-Type"] == "application/octet-stream"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Content-Disposition"].startswith("attachment")
    service = app.close.__self__  # type: ignore[attr-defined]
    for n in (1, 2, 3):
        capture = service.store.get(n)
        assert capture is not None
        event = render_event(capture).decode("utf-8")
        lines = event.split("\n")
        assert lines[:2] == [f"id: {n}", "event: capture"] and lines[3:] == ["", ""]
        json.loads(lines[2][len("data: "):])
        problems += [f"event {n}: raw {c}" for c in terminal_unsafe(event.replace("\n", ""))]
    assert problems == []
