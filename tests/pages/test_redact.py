"""Issue 13: `--redact` holds in every view. The raw view (the head as received) shows the
redacted lines with the value replaced, names kept as sent; `--compare` gives no peer a
redacted value and frames the redacted head; names are matched in any case."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from headerscope.http import ConnectionInfo, Request, Response
from headerscope.pages.app import PageOptions, make_app
from headerscope.pages.inspection import redact_head

from .helpers import INFO, make_request

App = Callable[[Request, ConnectionInfo], Response]
PLAIN = make_app(PageOptions(redact=frozenset({"Authorization", "cookie", "X-API-KEY"})))
COMPARE = make_app(PageOptions(redact=frozenset({"authorization", "COOKIE", "x-api-key"}),
                               compare=True))
VIEWS = ("html", "json", "text", "raw")


def served(app: App, request: Request, view: str) -> str:
    request.target = f"/?format={view}"
    response = app(request, INFO)
    assert response.status == 200
    return response.body.decode("utf-8")


def test_the_raw_view_shows_the_line_with_its_value_replaced() -> None:
    request = make_request([("Host", "a"), ("authorization", "Basic c2VjcmV0"),
                            ("X-Api-Key", "k3y"), ("Accept", "*/*")])
    raw = served(PLAIN, request, "raw")
    assert raw.splitlines() == [
        "GET / HTTP/1.1\\r\\n", "Host: a\\r\\n", "authorization: (redacted)\\r\\n",
        "X-Api-Key: (redacted)\\r\\n", "Accept: */*\\r\\n", "\\r\\n"]


def test_an_obs_fold_continuation_is_hidden_with_its_line() -> None:
    head = (b"GET / HTTP/1.1\r\nAuthorization: Basic\r\n  c2VjcmV0\r\n\tc2VjcmV0\r\n"
            b"X: 1\r\n folded\r\n\r\n")
    assert redact_head(head, frozenset({"authorization"})) == (
        b"GET / HTTP/1.1\r\nAuthorization: (redacted)\r\n (redacted)\r\n (redacted)\r\n"
        b"X: 1\r\n folded\r\n\r\n")
    assert redact_head(head, frozenset()) is head


def test_an_http2_head_is_redacted_from_its_first_line() -> None:
    # HTTP/2 has no request line: the head the pages get is the field block, line by line.
    head = b"authorization: Bearer t0ken\r\n:method: GET\r\n:path: /\r\n\r\n"
    assert redact_head(head, frozenset({"authorization"})) == (
        b"authorization: (redacted)\r\n:method: GET\r\n:path: /\r\n\r\n")


def test_names_are_matched_in_any_case() -> None:
    assert PageOptions(redact=frozenset({"Authorization"})).redact == {"authorization"}
    for name in ("AUTHORIZATION", "authorization", "AuThOrIzAtIoN"):
        request = make_request([(name, "Bearer t0ken")])
        for view in VIEWS:
            assert "t0ken" not in served(PLAIN, request, view), (name, view)


# Secrets: text the pages would show as it is, so that finding it nowhere means something.
SECRETS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-._~+/"),
                  min_size=8, max_size=24).map(lambda s: "s3cr" + s)


def forms(secret: str) -> list[str]:
    """The secret, and the Basic credentials that carry it."""
    return [secret, base64.b64encode(f"user:{secret}".encode()).decode()]


@given(SECRETS, st.sampled_from(["Authorization", "cookie", "X-API-Key"]),
       st.sampled_from([".lower", ".upper", ".title"]), st.booleans())
def test_a_redacted_value_is_in_no_view(secret: str, name: str, case: str,
                                        chunked: bool) -> None:
    wire = getattr(name, case[1:])()
    value = {"authorization": "Basic " + base64.b64encode(f"user:{secret}".encode()).decode(),
             "cookie": f"sid={secret}; other=1"}.get(name.lower(), secret)
    fields = [("Host", "a"), (wire, value), ("Accept", "text/html")]
    if chunked:  # the framers see the trailers too, rebuilt from the (redacted) fields
        request = make_request([*fields, ("Transfer-Encoding", "chunked")], method="POST",
                               body=b"hello", trailers=[(wire, value)])
    else:
        request = make_request(fields)
    for app in (PLAIN, COMPARE):
        for view in VIEWS:
            page = served(app, request, view)
            assert [f for f in forms(secret) if f in page] == [], (view, app is COMPARE)
            assert "(redacted)" in page


def test_compare_frames_the_redacted_head_and_says_so() -> None:
    request = make_request([("Host", "a"), ("Authorization", "Bearer s3cret")])
    doc = json.loads(served(COMPARE, request, "json"))["compare"]
    assert doc["framing_note"] == ("the values of the redacted fields were replaced by "
                                   "(redacted) before framing")
    assert ["authorization", "(redacted)"] in doc["framed"]["fields"]
    assert {r["peer"]: r["verdict"] for r in doc["framing"]} == {"h11": "agree",
                                                                 "http.server": "agree"}
    (readings,) = [c for c, f in zip(doc["fields"], json.loads(served(PLAIN, request, "json"))[
        "fields"], strict=True) if f["name"] == "authorization"]
    assert {(r["peer"], r["verdict"], r["note"]) for r in readings} == {
        (peer, "not run", "redacted (its value is given to no peer)")
        for peer in ("werkzeug", "http-sf", "stdlib")}
    text = served(COMPARE, request, "text")
    assert "Authorization  (not run: redacted (its value is given to no peer))" in text


def test_a_redacted_field_that_decides_the_framing_stops_the_framing_comparison() -> None:
    app = make_app(PageOptions(redact=frozenset({"content-length"}), compare=True))
    request = make_request([("Host", "a"), ("Content-Length", "5")], method="POST",
                           body=b"hello")
    doc = json.loads(served(app, request, "json"))["compare"]
    assert doc["framed"] is None and doc["framing"] == []
    assert doc["framing_note"] == ("the framing is not compared: the redacted field "
                                   "Content-Length decides it")
