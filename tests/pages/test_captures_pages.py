"""The /captures pages, called as the server calls the app (no socket, no event loop: the
store then flushes at once, so what was answered is listed at once)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

import pytest

from headerscope.captures import CaptureStore, StoreLimits
from headerscope.captures.service import StoreConfig
from headerscope.http import ConnectionInfo, Request, Response
from headerscope.pages.app import PageOptions, make_app
from tests.conftest import require_tool

from .helpers import INFO, elements, html, make_request, text_of

App = Callable[[Request, ConnectionInfo], Response]


@pytest.fixture
def app() -> App:
    return make_app(PageOptions(store=StoreConfig()))


def get(app: App, target: str, *fields: tuple[str, str], method: str = "GET",
        body: bytes = b"") -> Response:
    return app(make_request(list(fields), method=method, target=target, body=body), INFO)


def listing(app: App, query: str = "") -> list[dict[str, object]]:
    r = get(app, "/captures?format=json" + ("&" + query if query else ""))
    assert r.status == 200, r.body
    doc = json.loads(r.body)
    captures = doc["captures"]
    assert isinstance(captures, list)
    return captures


def test_every_answered_request_is_listed_newest_first_and_the_pages_are_not(app: App) -> None:
    get(app, "/hello", ("Host", "a"))
    get(app, "/one", ("Host", "a"), ("Accept", "text/html"))
    get(app, "/captures")  # looking adds nothing
    get(app, "/captures/live.js")
    rows = listing(app)
    assert [r["target"] for r in rows] == ["/one", "/hello"]
    assert rows[0]["fields"] == 2 and rows[0]["status"] == 200 and rows[0]["method"] == "GET"
    text = get(app, "/captures").body.decode()
    assert text.index("/one") < text.index("/hello")


def test_filters_and_bins(app: App) -> None:
    get(app, "/api/x", ("Host", "a"), ("X-Token", "1"))
    get(app, "/api/y", ("Host", "a"), method="POST", body=b"")
    get(app, "/other", ("Host", "a"), ("Cache-Control", "max-age=oops"))
    get(app, "/bin/hook-1/payload?x=1", ("Host", "a"))
    get(app, "/bin/hook-2", ("Host", "a"))
    assert [r["target"] for r in listing(app, "path=/api")] == ["/api/y", "/api/x"]
    assert [r["target"] for r in listing(app, "method=POST")] == ["/api/y"]
    assert [r["target"] for r in listing(app, "field=x-token")] == ["/api/x"]
    assert [r["target"] for r in listing(app, "diagnostics=yes")] == ["/other"]
    assert len(listing(app, "diagnostics=no")) == 4
    assert [r["target"] for r in listing(app, "bin=hook-1")] == ["/bin/hook-1/payload?x=1"]
    # /bin/NAME answers like the inspector
    page = get(app, "/bin/hook-1/p", ("Host", "a"), ("Accept", "text/html"))
    assert b"Request fields" in page.body
    doc = html(get(app, "/captures?bin=hook-2", ("Accept", "text/html")).body)
    assert "hook-2" in text_of(doc, "//table")


def test_paging(app: App) -> None:
    for n in range(53):
        get(app, f"/n/{n}", ("Host", "a"))
    first = json.loads(get(app, "/captures?format=json").body)
    second = json.loads(get(app, "/captures?format=json&page=2").body)
    assert len(first["captures"]) == 50 and first["more"] is True
    assert [c["target"] for c in second["captures"]] == ["/n/2", "/n/1", "/n/0"]
    assert second["more"] is False
    doc = html(get(app, "/captures", ("Accept", "text/html")).body)
    assert [a.get("href") for a in elements(doc, "//nav/a[text()='older']")] == [
        "/captures?page=2"]


@pytest.mark.parametrize("query", ["page=0", "page=x", "diagnostics=maybe", "bin=" + "b" * 65,
                                   "path=" + "p" * 300])
def test_bad_queries_are_400_without_echo(app: App, query: str) -> None:
    r = get(app, "/captures?" + query)
    assert r.status == 400
    assert b"bbbbbbbb" not in r.body and b"pppppppp" not in r.body


def test_one_capture_views_and_exports(app: App) -> None:
    get(app, "/form?q=1", ("Host", "example.com"), ("Content-Type", "text/plain"),
        ("Content-Length", "5"), method="POST", body=b"hello")
    (row,) = listing(app)
    base = f"/captures/{row['id']}"
    page = html(get(app, base, ("Accept", "text/html")).body)
    assert "POST /form?q=1 HTTP/1.1" in text_of(page, "//h1")
    assert [a.get("href") for a in elements(page, "//section/p/a")][:3] == [
        base + ".har", base + ".curl", base + ".http"]
    doc = json.loads(get(app, base + "?format=json").body)
    assert doc["method"] == "POST" and doc["capture"]["status answered"] == "200"
    assert [f["name"] for f in doc["fields"]] == ["host", "content-type", "content-length"]
    assert b"POST /form?q=1 HTTP/1.1" in get(app, base + "/raw").body
    har_response = get(app, base + ".har")
    assert har_response.status == 200 and "attachment" in dict(har_response.headers)[
        "Content-Disposition"]
    har = json.loads(har_response.body)
    (entry,) = har["log"]["entries"]
    assert har["log"]["version"] == "1.2"
    assert entry["request"]["url"] == "http://example.com/form?q=1"
    assert entry["request"]["postData"]["text"] == "hello"
    raw = get(app, base + ".http")
    assert dict(raw.headers)["Content-Type"] == "application/octet-stream"
    assert raw.body.startswith(b"POST /form?q=1 HTTP/1.1\r\nHost: example.com\r\n")
    assert raw.body.endswith(b"\r\n\r\nhello")
    command = get(app, base + ".curl").body.decode()
    assert "curl" in command and "--request-target '/form?q=1'" in command


def test_missing_and_malformed_ids_are_404(app: App) -> None:
    for target in ("/captures/1", "/captures/99", "/captures/x", "/captures/1/diff/2",
                   "/captures/" + "9" * 30, "/captures/1.zip"):
        assert get(app, target).status == 404, target


def test_diff_shows_what_the_proxy_changed(app: App) -> None:
    get(app, "/p", ("Host", "a"), ("Accept", "text/html"), ("X-Forwarded-For", "10.0.0.1"),
        ("Cache-Control", "no-cache"), ("Via", "1.1 a"))
    get(app, "/p?x", ("host", "a"), ("Accept", "application/json"), ("Via", "1.1 a"),
        ("Cache-Control", "no-cache"), ("X-Added", "yes"))
    ids = [r["id"] for r in listing(app)]
    a, b = ids[1], ids[0]
    doc = json.loads(get(app, f"/captures/{a}/diff/{b}?format=json").body)
    kinds = {(c["change"], c["name"]) for c in doc["fields"]}
    assert ("changed", "accept") in kinds and ("removed", "x-forwarded-for") in kinds
    assert ("added", "x-added") in kinds and ("case changed", "host") in kinds
    changed = next(c for c in doc["fields"] if c["name"] == "accept")
    assert changed["a"]["parsed"]["value"] != changed["b"]["parsed"]["value"]
    assert {m["name"] for m in doc["reordered"]} & {"via", "cache-control"}
    assert {"what": "target", "a": "/p", "b": "/p?x"} in doc["request_line"]
    text = get(app, f"/captures/{a}/diff/{b}").body.decode()
    assert "field removed: x-forwarded-for" in text
    page = html(get(app, f"/captures/{a}/diff/{b}", ("Accept", "text/html")).body)
    assert "x-added" in text_of(page, "//table[@class='diff']")


def test_redact_applies_before_anything_is_stored(tmp_path: object) -> None:
    path = str(tmp_path) + "/c.db"
    app = make_app(PageOptions(redact=frozenset({"Authorization"}), store=StoreConfig(path)))
    get(app, "/secret", ("Host", "a"), ("Authorization", "Bearer hunter2"))
    with CaptureStore(path) as store:
        (id_,) = store.ids()
        c = store.get(id_)
        assert c is not None and b"hunter2" not in c.head and b"(redacted)" in c.head
    for suffix in ("", "/raw", ".har", ".curl", ".http"):
        assert b"hunter2" not in get(app, f"/captures/{id_}{suffix}").body


def test_limits_drop_the_oldest() -> None:
    app = make_app(PageOptions(store=StoreConfig(limits=StoreLimits(max_requests=5))))
    for n in range(12):
        get(app, f"/n/{n}")
    assert [r["target"] for r in listing(app)] == [f"/n/{n}" for n in range(11, 6, -1)]


def test_live_page_and_script() -> None:
    app = make_app(PageOptions(store=StoreConfig()))
    get(app, "/seen", ("Host", "a"))
    r = get(app, "/captures/live", ("Accept", "text/html"))
    headers = dict(r.headers)
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    doc = html(r.body)
    assert [s.get("src") for s in elements(doc, "//script")] == ["/captures/live.js"]
    assert "/seen" in text_of(doc, "//tbody[@id='rows']")
    js = get(app, "/captures/live.js")
    assert dict(js.headers)["Content-Type"].startswith("text/javascript")
    assert b"innerHTML" not in js.body and b"textContent" in js.body
    # Everything else keeps the strict policy: no script anywhere else.
    assert "script-src" not in dict(get(app, "/captures", ("Accept", "text/html")).headers)[
        "Content-Security-Policy"]


def test_no_store_keeps_nothing() -> None:
    app = make_app(PageOptions())
    get(app, "/x")
    r = get(app, "/captures?format=json")
    assert b"captures" not in r.body or b'"page"' not in r.body  # the inspector answers


def test_curl_route_reproduces_the_request(app: App, tmp_path: object) -> None:
    """The command /captures/ID.curl gives, run by sh through the real curl, sends the bytes
    of /captures/ID.http to a listener (tests/captures/test_curl.py tests the generator in
    depth; this tests the route's text is a runnable command)."""
    curl = require_tool("curl")
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    get(app, "/it's?a=$(id)", ("Host", f"127.0.0.1:{port}"), ("X-Q", "'\"`$x`"),
        ("Content-Length", "3"), method="PUT", body=b"a\x00b")
    (row,) = listing(app)
    command = get(app, f"/captures/{row['id']}.curl").body.decode()
    want = get(app, f"/captures/{row['id']}.http").body
    got: list[bytes] = []

    def serve() -> None:
        conn, _ = listener.accept()
        conn.settimeout(5)
        data = b""
        while len(data) < len(want):
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
        got.append(data)
        conn.sendall(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    env = {"PATH": str(__import__("os").path.dirname(curl)) + ":/usr/bin:/bin",
           "HOME": str(tmp_path)}
    subprocess.run(["sh", "-c", command], env=env, timeout=10, check=True, capture_output=True)
    thread.join(5)
    listener.close()
    assert got == [want]
