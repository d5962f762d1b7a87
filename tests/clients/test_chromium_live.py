"""Headless Chromium on /captures/live: the page's script, under the page's own
Content-Security-Policy, adds each new capture as a row as it arrives (Server-Sent Events),
with the capture's text as text (a hostile target never becomes markup)."""

from __future__ import annotations

import dataclasses
import json
import socket
import time

import pytest

from headerscope.captures.service import StoreConfig
from headerscope.pages.app import PageOptions, make_app
from headerscope.pages.visible import visible
from tests.server._support import TEST_CONFIG, RunningServer

from ._devtools import Page

pytestmark = pytest.mark.slow  # a browser start costs seconds

ROWS = """JSON.stringify([...document.querySelectorAll('#rows tr')].map(tr =>
    [tr.getAttribute('data-id'), [...tr.cells].map(td => td.textContent),
     tr.querySelectorAll('img, script, b').length]))"""


def test_the_live_page_shows_new_captures_as_they_arrive(page: Page) -> None:
    app = make_app(PageOptions(store=StoreConfig()))
    server = RunningServer(dataclasses.replace(TEST_CONFIG, keepalive_timeout=30.0,
                                               write_timeout=30.0), app)
    try:
        with socket.create_connection((server.host, server.port), timeout=5) as s:
            s.sendall(b"GET /before HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            while s.recv(65536):
                pass
        page.navigate(f"http://{server.host}:{server.port}/captures/live")
        deadline = time.monotonic() + 10
        while "live:" not in str(page.evaluate("document.getElementById('state').textContent")):
            assert time.monotonic() < deadline, "the event stream never opened"
            time.sleep(0.1)
        hostile = "/after/<img/src=x/onerror=alert(1)><b>bold</b>'\"</td>"  # the framer takes it
        with socket.create_connection((server.host, server.port), timeout=5) as s:
            s.sendall(f"GET {hostile} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                      .encode("latin-1"))
            while s.recv(65536):
                pass
        deadline = time.monotonic() + 10
        shown = visible(hostile)
        while True:
            rows = json.loads(page.evaluate(ROWS))
            # Not necessarily the newest row: the browser's own /favicon.svg may come after.
            new = next((row for row in rows if row[1][4] == shown), None)
            if new is not None:
                break
            assert time.monotonic() < deadline, rows
            time.sleep(0.1)
        assert new[0] is not None and new[2] == 0  # added by the script; text, not elements
        assert rows[-1][1][4] == "/before" and rows[-1][0] is None  # drawn by the server
        page.settle()
        assert page.console_errors() == []
    finally:
        server.stop()
