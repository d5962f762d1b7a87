"""HAR 1.2 and the raw request: shapes checked against the spec, bytes against the capture."""

from __future__ import annotations

import base64
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from headerscope.captures import TLSFacts, http_notes, to_har, to_http

from .helpers import capture, head_of

# HAR 1.2 (softwareishard.com/blog/har-12-spec): the keys each object must have.
REQUIRED = {
    "log": {"version", "creator", "entries"},
    "creator": {"name", "version"},
    "entry": {"startedDateTime", "time", "request", "response", "cache", "timings"},
    "request": {"method", "url", "httpVersion", "cookies", "headers", "queryString",
                "headersSize", "bodySize"},
    "response": {"status", "statusText", "httpVersion", "cookies", "headers", "content",
                 "redirectURL", "headersSize", "bodySize"},
    "content": {"size", "mimeType"},
    "timings": {"send", "wait", "receive"},
    "pair": {"name", "value"},
    "postData": {"mimeType"},
}


def check_har(har: dict[str, Any]) -> dict[str, Any]:
    """Assert the HAR 1.2 shape; return the one entry."""
    har = json.loads(json.dumps(har))  # it is JSON, and survives a round trip unchanged
    log = har["log"]
    assert REQUIRED["log"] <= log.keys() and log["version"] == "1.2"
    assert REQUIRED["creator"] <= log["creator"].keys()
    [entry] = log["entries"]
    assert REQUIRED["entry"] <= entry.keys()
    request, response = entry["request"], entry["response"]
    assert REQUIRED["request"] <= request.keys()
    assert REQUIRED["response"] <= response.keys()
    assert REQUIRED["content"] <= response["content"].keys()
    assert REQUIRED["timings"] <= entry["timings"].keys()
    assert all(entry["timings"][k] >= 0 for k in ("send", "wait", "receive"))
    for key in ("cookies", "headers", "queryString"):
        assert all(REQUIRED["pair"] <= p.keys() for p in request[key])
        assert all(isinstance(p["name"], str) and isinstance(p["value"], str)
                   for p in request[key])
    if "postData" in request:
        post = request["postData"]
        assert REQUIRED["postData"] <= post.keys() and ("text" in post or "params" in post)
    for k in ("headersSize", "bodySize"):
        assert isinstance(request[k], int)
    return dict(entry)


def test_har_entry() -> None:
    head = head_of([("host", "example.com:8443"), ("Cookie", "a=1; b=two"), ("X-Dup", "1"),
                    ("X-Dup", "2"), ("Content-Type", "application/x-www-form-urlencoded"),
                    ("Content-Length", "9")], method="POST", target="/p/q?x=1&y=%20&z")
    c = capture(head, b"a=1&b=%41", tls=TLSFacts("TLSv1.3", None, "http/1.1", "example.com"),
                id_=7, bin_name="b")
    entry = check_har(to_har(c))
    request = entry["request"]
    assert request["url"] == "https://example.com:8443/p/q?x=1&y=%20&z"
    assert request["httpVersion"] == "HTTP/1.1"
    assert [(h["name"], h["value"]) for h in request["headers"]][:4] == [
        ("host", "example.com:8443"), ("Cookie", "a=1; b=two"), ("X-Dup", "1"), ("X-Dup", "2")]
    assert request["cookies"] == [{"name": "a", "value": "1"}, {"name": "b", "value": "two"}]
    assert request["queryString"] == [{"name": "x", "value": "1"}, {"name": "y", "value": " "},
                                      {"name": "z", "value": ""}]
    assert request["postData"] == {
        "mimeType": "application/x-www-form-urlencoded", "text": "a=1&b=%41",
        "params": [{"name": "a", "value": "1"}, {"name": "b", "value": "A"}]}
    assert (request["headersSize"], request["bodySize"]) == (len(head), 9)
    assert entry["response"]["status"] == 200 and entry["response"]["statusText"] == "OK"
    assert entry["startedDateTime"] == "2026-01-02T03:04:05.678901+00:00"
    assert (entry["_id"], entry["_bin"], entry["_tls"]["version"]) == (7, "b", "TLSv1.3")


def test_har_binary_and_cut_body() -> None:
    body = b"\x00\xff\xfe'\"<>"
    c = capture(head_of([("Content-Length", "100")], method="PUT"), body, body_length=100)
    request = check_har(to_har(c))["request"]
    post = request["postData"]
    assert post["encoding"] == "base64" and base64.b64decode(post["text"]) == body
    assert post["mimeType"] == ""
    assert request["bodySize"] == 100 and "7 of 100" in request["comment"]
    assert request["url"] == "http://127.0.0.1:8080/"  # no Host: the server's address


def test_har_urls() -> None:
    def url(target: str, fields: list[tuple[str, str]]) -> str:
        return str(to_har(capture(head_of(fields, target=target)))["log"]["entries"][0][
            "request"]["url"])

    assert url("http://other.example/x", [("Host", "h")]) == "http://other.example/x"
    assert url("/x", [("Host", "bad host\\")]) == "http://127.0.0.1:8080/x"
    assert url("*", [("Host", "h")]) == "http://h/"


@given(st.lists(st.tuples(st.binary(min_size=1, max_size=20), st.binary(max_size=30)),
                max_size=6),
       st.binary(max_size=40), st.binary(min_size=1, max_size=30))
def test_har_is_valid_json_whatever_the_capture(fields: list[tuple[bytes, bytes]], body: bytes,
                                                target: bytes) -> None:
    head = (b"GET " + target + b" HTTP/1.1\r\n"
            + b"".join(n + b": " + v + b"\r\n" for n, v in fields) + b"\r\n")
    c = capture(head, body)
    check_har(to_har(c))
    text = json.dumps(to_har(c))
    json.loads(text)


def test_http_bytes_are_the_capture() -> None:
    head = head_of([("Host", "h"), ("Content-Length", "5")], method="POST")
    assert to_http(capture(head, b"a\x00b\r\n")) == head + b"a\x00b\r\n"
    assert http_notes(capture(head, b"a\x00b\r\n")) == []
    lf_head = b"GET / HTTP/1.1\nX: 1\n\n"
    assert to_http(capture(lf_head)) == lf_head


def test_http_chunked_is_one_chunk_and_the_trailers() -> None:
    head = head_of([("Host", "h"), ("Transfer-Encoding", "chunked")], method="POST")
    c = capture(head, b"hello world", trailers=b"X-Sum: 1\r\n")
    assert to_http(c) == head + b"b\r\nhello world\r\n0\r\nX-Sum: 1\r\n\r\n"
    assert any("one chunk" in n for n in http_notes(c))
    assert to_http(capture(head)) == head + b"0\r\n\r\n"


def test_http_notes_a_cut_body() -> None:
    head = head_of([("Content-Length", "10")], method="POST")
    assert any("3 of 10" in n for n in http_notes(capture(head, b"abc", body_length=10)))
