"""Python's HTTP clients against a live `headerscope serve`: http.client and urllib.request
from the standard library, and requests and httpx (test extras).

Each client asks for the three inspector views (its own Accept negotiates the text view), then
POSTs a body, with the extra fields a program typically adds. The relay's capture is checked
by `_checks`.
"""

from __future__ import annotations

import http.client
import importlib
import json
import urllib.parse
import urllib.request
from collections.abc import Callable

import pytest

from ..conftest import IN_CI
from ._checks import check_exchanges, views
from ._wire import RecordingProxy

EXTRA = {
    "Authorization": "Bearer abc.DEF-123_~+/=",
    "If-None-Match": 'W/"etag-1"',
    "Cache-Control": "no-cache, max-age=0",
    "X-Requested-With": "XMLHttpRequest",
}
FORM = {"name": "headerscope", "value": "a b&c=d"}


def require_module(name: str) -> None:
    """Like `require_tool`: a missing test extra skips locally and fails under CI=true."""
    try:
        importlib.import_module(name)
    except ImportError:
        message = f"Python package {name!r} is not installed (a test extra)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def with_http_client(origin: str) -> None:
    host, port = origin.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=20)
    try:
        for query in ("", "?format=json", "?format=raw"):
            conn.request("GET", "/http.client" + query, headers=EXTRA)
            assert conn.getresponse().read()
        body = json.dumps(FORM).encode()
        conn.request("POST", "/http.client?format=json", body=body,
                     headers={"Content-Type": "application/json"})
        assert conn.getresponse().read()
    finally:
        conn.close()


def with_urllib(origin: str) -> None:
    for query in ("", "?format=json", "?format=raw"):
        request = urllib.request.Request(origin + "/urllib" + query, headers=EXTRA)
        with urllib.request.urlopen(request, timeout=20) as response:
            assert response.read()
    data = urllib.parse.urlencode(FORM).encode()
    with urllib.request.urlopen(origin + "/urllib?format=json", data=data, timeout=20) as r:
        assert r.read()


def with_requests(origin: str) -> None:
    require_module("requests")
    import requests

    with requests.Session() as session:
        for query in ("", "?format=json", "?format=raw"):
            session.get(origin + "/requests" + query, headers=EXTRA, auth=("user", "pass"),
                        cookies={"session": "abc123"}, timeout=20).raise_for_status()
        session.post(origin + "/requests?format=json", data=FORM, timeout=20).raise_for_status()
        session.post(origin + "/requests?format=json", json=FORM, timeout=20).raise_for_status()


def with_httpx(origin: str) -> None:
    require_module("httpx")
    import httpx

    with httpx.Client(timeout=20, cookies={"session": "abc123"}) as client:
        for query in ("", "?format=json", "?format=raw"):
            client.get(origin + "/httpx" + query, headers=EXTRA).raise_for_status()
        client.post(origin + "/httpx?format=json", data=FORM).raise_for_status()
        client.post(origin + "/httpx?format=json",
                    files={"upload": ("a.txt", b"hello\n", "text/plain")}).raise_for_status()


CLIENTS: dict[str, Callable[[str], None]] = {
    "http.client": with_http_client,
    "urllib.request": with_urllib,
    "requests": with_requests,
    "httpx": with_httpx,
}


@pytest.mark.parametrize("name", CLIENTS)
def test_python_client(proxy: RecordingProxy, name: str) -> None:
    CLIENTS[name](proxy.origin)
    exchanges = proxy.exchanges()
    assert len(exchanges) >= 4 and views(exchanges) == {"text", "json", "raw"}
    assert any(ex.request.method == "POST" and ex.request.body for ex in exchanges)
    problems = check_exchanges(name, exchanges)
    assert not problems, "\n".join(problems)
    for ex in exchanges[:3]:
        assert not ex.request.sends(set(EXTRA)), f"{name}: {ex.request.sends(set(EXTRA))}"
