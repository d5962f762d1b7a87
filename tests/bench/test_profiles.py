"""Request profiles: what they send, parsed back by our own reader."""

from __future__ import annotations

import pytest

from headerscope.bench.profiles import PROFILES, request_bytes
from headerscope.http import Request, RequestReader


def _parse(data: bytes) -> Request:
    reader = RequestReader()
    reader.feed(data)
    request = reader.next_event()
    assert isinstance(request, Request)
    return request


@pytest.mark.parametrize(("name", "fields"), [
    ("chromium", 15), ("firefox", 13), ("curl", 3), ("host", 1), ("varied", 17)])
def test_each_profile_is_a_valid_request_with_its_fields(name: str, fields: int) -> None:
    make = request_bytes(PROFILES[name], "127.0.0.1:8080", "/x", close=False)
    request = _parse(make(7))
    assert (request.method, request.target, request.version) == ("GET", "/x", "HTTP/1.1")
    assert len(request.fields) == fields
    assert request.fields[0].name == "Host" and request.fields[0].value == "127.0.0.1:8080"


@pytest.mark.parametrize("name", ["chromium", "firefox", "varied"])
def test_close_mode_is_the_articles_http_1_0_without_keep_alive(name: str) -> None:
    request = _parse(request_bytes(PROFILES[name], "h", "/", close=True)(0))
    assert request.version == "HTTP/1.0"
    assert not request.keep_alive
    assert all(f.name.lower() != "connection" for f in request.fields)


def test_varied_changes_values_on_every_request_and_the_others_never() -> None:
    varied = request_bytes(PROFILES["varied"], "h", "/", close=False)
    assert len({varied(n) for n in range(1000)}) == 1000
    q = dict((f.name, f.value) for f in _parse(varied(1234)).fields)
    assert q["Accept-Language"] == "en-US,en;q=0.234,de;q=0.5"
    assert q["If-None-Match"] == 'W/"v1234"'
    fixed = request_bytes(PROFILES["chromium"], "h", "/", close=False)
    assert fixed(1) is fixed(2)
    assert not PROFILES["chromium"].varies and PROFILES["varied"].varies
