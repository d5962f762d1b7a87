"""Headless Chromium (Debian's `chromium`) against a live `headerscope serve`, over DevTools.

Three things a person does with the inspector: open it (every view), call it with fetch() and
custom fields from a page, and submit the /fields form. Every request the browser made is
taken from the relay's capture and checked by `_checks`: Chromium's own fields (Sec-CH-UA,
Sec-Fetch-*, Accept, Accept-Language, Upgrade-Insecure-Requests, Priority where sent, ...) must
all be known and parse with no diagnostic. The rendered DOM is checked, screenshots are saved,
and the pages must log no console error under their own Content-Security-Policy.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from urllib.parse import urlencode

import pytest

from ._checks import artifact, check_exchanges, parse_command, table_problems, views
from ._devtools import Page
from ._wire import RecordingProxy

pytestmark = pytest.mark.slow  # a browser start costs seconds

# What Chromium sends on a top-level navigation; each must be a known field (issue 7).
NAVIGATION_FIELDS = {
    "Host", "Connection", "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform",
    "Upgrade-Insecure-Requests", "User-Agent", "Accept", "Sec-Fetch-Site", "Sec-Fetch-Mode",
    "Sec-Fetch-User", "Sec-Fetch-Dest", "Accept-Encoding", "Accept-Language"}
ROWS = """JSON.stringify([...document.querySelectorAll('table.fields tbody tr')]
    .map(tr => [[...tr.classList], [...tr.cells].map(td => td.innerText)]))"""


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def rows(page: Page) -> list[tuple[list[str], list[str]]]:
    return [(classes, cells) for classes, cells in json.loads(page.evaluate(ROWS))]


def test_navigation_to_every_view(proxy: RecordingProxy, page: Page) -> None:
    target = "/chromium/inspector?q=1"
    url = proxy.origin + target
    page.navigate(url)
    page.settle()
    assert page.console_errors() == []
    screenshot = page.screenshot(artifact("chromium-inspector.png"))
    assert png_size(screenshot)[0] == 1280 and png_size(screenshot)[1] > 600
    # The DOM the browser built shows each field of the request it sent, parsed and clean.
    (navigation,) = [ex for ex in proxy.exchanges() if ex.request.target == target]
    document = parse_command(navigation.request.head)
    problems = table_problems("chromium DOM", document, rows(page))
    assert page.evaluate("document.title") == f"headerscope: GET {target}"
    for view in ("json", "text", "raw"):
        page.navigate(f"{url}&format={view}")
        page.settle()
        assert page.console_errors() == [], view
    problems += check_exchanges("chromium navigation", proxy.exchanges())
    assert not problems, "\n".join(problems)
    assert views(proxy.exchanges()) >= {"html", "json", "text", "raw"}
    assert not navigation.request.sends(NAVIGATION_FIELDS)


FETCH = """fetch(%s, {method: %s, headers: {
        'X-Scope-Probe': 'from fetch()', 'Authorization': 'Bearer token.abc',
        'Cache-Control': 'no-cache', 'If-None-Match': '"a", W/"b"',
        'Accept-Language': 'fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5',
        'Content-Type': 'application/json', 'Accept': 'application/json'},
    body: %s}).then(r => r.text())"""


def test_fetch_with_custom_fields_from_a_page(proxy: RecordingProxy, page: Page) -> None:
    # /hello is text/plain with no Content-Security-Policy, so its scripts may connect.
    page.navigate(f"{proxy.origin}/hello")
    answers = {}
    for method, target, body in (("GET", "/chromium/fetch?format=json", "undefined"),
                                 ("POST", "/chromium/fetch", "'{\"a\": 1}'"),
                                 ("GET", "/chromium/fetch?format=text", "undefined"),
                                 ("GET", "/chromium/fetch?format=raw", "undefined")):
        answers[method, target] = page.evaluate(
            FETCH % (json.dumps(target), json.dumps(method), body), await_promise=True)
    page.settle()
    assert page.console_errors() == []
    exchanges = [ex for ex in proxy.exchanges() if ex.request.target.startswith("/chromium/")]
    assert len(exchanges) == 4 and views(exchanges) == {"json", "text", "raw"}
    for ex in exchanges:
        # What the page read is what the server sent, and fetch() sent every custom field.
        assert answers[ex.request.method, ex.request.target] == ex.response.body.decode()
        assert not ex.request.sends({"X-Scope-Probe", "Authorization", "If-None-Match",
                                     "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-Dest"})
    problems = check_exchanges("chromium fetch()", proxy.exchanges(),
                               frozenset({"x-scope-probe"}))
    assert not problems, "\n".join(problems)


def test_the_pages_csp_blocks_fetch_and_the_console_shows_it(
        proxy: RecordingProxy, page: Page) -> None:
    """The console check above can fail: under the inspector's own policy (default-src 'none')
    a fetch() is refused, the browser logs it, and the request never leaves."""
    page.navigate(f"{proxy.origin}/chromium/csp")
    page.settle()
    assert page.console_errors() == []
    page.evaluate("fetch('/chromium/blocked').catch(() => null)", await_promise=True)
    page.settle()
    assert any("Content Security Policy" in e for e in page.console_errors())
    assert all(ex.request.target != "/chromium/blocked" for ex in proxy.exchanges())


def type_into(page: Page, selector: str, text: str) -> None:
    page.evaluate(f"document.querySelector({json.dumps(selector)}).select()")
    page.send("Input.insertText", {"text": text})


def click(page: Page, selector: str) -> None:
    box = page.evaluate(f"""(() => {{ const r = document.querySelector({json.dumps(selector)})
        .getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
    for kind in ("mousePressed", "mouseReleased"):
        page.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                               "button": "left", "clickCount": 1})


@pytest.mark.parametrize(("name", "value", "ok", "shown"), [
    ("Cache-Control", "max-age=60, must-revalidate", True, "must-revalidate"),
    ("Cache-Control", "max-age=sixty", False, "^"),
])
def test_the_fields_form(proxy: RecordingProxy, page: Page, name: str, value: str, ok: bool,
                         shown: str) -> None:
    page.navigate(f"{proxy.origin}/fields")
    page.settle()
    assert page.console_errors() == []
    assert int(page.evaluate("document.querySelectorAll('datalist option').length")) > 50
    type_into(page, "input[name=name]", name)
    type_into(page, "input[name=value]", value)
    page.wait_for_load(lambda: click(page, "form button[type=submit]"))
    page.settle()
    assert page.console_errors() == []
    label = "ok" if ok else "error"
    png_size(page.screenshot(artifact(f"chromium-fields-form-{label}.png")))
    ((classes, cells),) = rows(page)
    assert cells[0].strip() == name and cells[1].strip() == value
    assert ("error" in classes) is not ok
    assert shown in cells[2]
    # The browser really submitted the form: a POST of the urlencoded fields.
    (post,) = [ex for ex in proxy.exchanges() if ex.request.method == "POST"]
    assert post.request.target == "/fields"
    assert post.request.body == urlencode({"name": name, "value": value}).encode()
    problems = check_exchanges("chromium form", proxy.exchanges())
    assert not problems, "\n".join(problems)
