"""The pages as a user sees them: HTML parsed back with lxml, JSON, text, raw; headers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pytest

from headerscope.headers import REGISTRY, FieldSpec, parse_section
from headerscope.pages.app import PageOptions, make_app
from headerscope.pages.document import request_json

from .helpers import INFO, elements, html, make_request, text_of

APP = make_app()
FIELDS = [("Host", "example.test"), ("Accept", "text/html"),
          ("Date", "Sun, 06 Nov 1994 08:49:37 GMX"), ("X-Custom", "<b>&amp;</b>'"),
          ("Cookie", "a=1"), ("Cookie", "b=2"), ("Age", "1"), ("Age", "2")]


def header(response_headers: Sequence[tuple[str, str]], name: str) -> str:
    values = [v for k, v in response_headers if k.lower() == name.lower()]
    assert len(values) == 1, (name, values)
    return values[0]


def test_security_headers_on_every_view() -> None:
    for fmt in ("html", "json", "text", "raw"):
        r = APP(make_request(FIELDS, target=f"/?format={fmt}"), INFO)
        assert r.status == 200
        assert header(r.headers, "X-Content-Type-Options") == "nosniff"
        assert "default-src 'none'" in header(r.headers, "Content-Security-Policy")
        assert header(r.headers, "Cache-Control") == "no-store"
        assert header(r.headers, "Referrer-Policy") == "no-referrer"
        assert header(r.headers, "Vary") == "Accept"
        assert "charset=utf-8" in header(r.headers, "Content-Type")


def test_html_table_shows_every_field_in_wire_order() -> None:
    r = APP(make_request(FIELDS), INFO)
    assert header(r.headers, "Content-Type") == "text/html; charset=utf-8"
    doc = html(r.body)
    rows = elements(doc, "//table[contains(@class,'fields')]/tbody/tr")
    assert [text_of(row, "td[1]/text()[1]") for row in rows] == [n for n, _ in FIELDS]
    custom = rows[3]
    assert "unknown" in custom.get("class", "")
    assert "unknown" in text_of(custom, "td[1]")  # the badge
    assert text_of(custom, "td[2]") == "<b>&amp;</b>'"  # shown as text, not markup
    assert not elements(doc, "//b")
    date = rows[2]
    assert "error" in date.get("class", "")
    shown, marker = text_of(date, ".//pre[@class='caret']").split("\n")
    assert shown[marker.index("^")] == "X"  # the caret sits under the bad character
    assert "repeated" in rows[4].get("class", "") and "repeated" in rows[5].get("class", "")
    assert "singleton" in text_of(rows[7], "td[3]")
    assert text_of(rows[0], "td[3]") == "example.test"  # defaults (no port) left out
    assert text_of(rows[0], "td[4]") == "RFC 9110, 7.2"
    assert "127.0.0.1:40000" in text_of(doc, "//header")
    assert "request 3" in text_of(doc, "//header")


def test_json_equals_the_parse_document_and_is_safe_to_embed() -> None:
    r = APP(make_request(FIELDS, target="/?format=json"), INFO)
    text = r.body.decode()
    assert "<" not in text and ">" not in text and "&" not in text and "'" not in text
    section = parse_section(REGISTRY, FIELDS)
    doc = json.loads(text)
    parsed = request_json("GET", "/?format=json", "HTTP/1.1", section)
    # The parse document, and what only a server knows: the protocol and the connection.
    assert {key: doc[key] for key in parsed} == parsed
    assert set(doc) - set(parsed) == {"protocol", "connection", "http2"}
    assert doc["protocol"] == "HTTP/1.1" and doc["http2"] is None
    assert doc["connection"] == {"client": "127.0.0.1:40000", "proxy": None,
                                 "client_address": None, "tls": None}


def test_text_view_aligns_and_marks() -> None:
    r = APP(make_request(FIELDS, target="/"), INFO)  # no Accept would also give text
    r = APP(make_request([("Host", "a"), ("Accept", "*/*"), ("Date", "nope")]), INFO)
    text = r.body.decode()
    assert header(r.headers, "Content-Type") == "text/plain; charset=utf-8"
    lines = text.splitlines()
    assert lines[0] == "GET / HTTP/1.1"
    host = next(line for line in lines if line.startswith("Host"))
    accept = next(line for line in lines if line.startswith("Accept"))
    assert host.index("a") == accept.index("*/*")  # the value column is aligned
    assert any(line.strip().startswith("error:") for line in lines)


def test_raw_view_spells_out_the_bytes() -> None:
    req = make_request([("Host", "a"), ("X", "tab\there \x01")], target="/?format=raw")
    text = APP(req, INFO).body.decode()
    assert text.splitlines()[0] == "GET /?format=raw HTTP/1.1\\r\\n"
    assert "X: tab\\x09here \\x01\\r\\n" in text


def test_invisible_characters_are_made_visible() -> None:
    # obs-text arrives as latin-1; a C1 control is escaped, never passed through
    r = APP(make_request([("X-A", "a\x85b\x00")], target="/?format=html"), INFO)
    body = r.body.decode()
    assert "\\x85" in body and "\\x00" in body


def test_hello_still_parses_every_field() -> None:
    r = APP(make_request([("Host", "a")], target="/hello"), INFO)
    assert r.body == b"Hello, World!"


def test_strict_mode_names_the_field_not_the_value() -> None:
    app = make_app(PageOptions(strict=True))
    r = app(make_request([("Host", "a"), ("Date", "<script>x</script>")]), INFO)
    assert r.status == 400
    assert b"date" in r.body and b"<script>" not in r.body
    assert app(make_request([("Host", "a"), ("X-Unknown", "<x>")]), INFO).status == 200


MARKED = ("zzqmark", "1;zzqmark", "zzqmark=1", "a, zzqmark", '"zzqmark', "zzqmark/a;q=zzqmark")


@pytest.mark.parametrize("spec", list(REGISTRY), ids=lambda s: s.name)
def test_strict_mode_never_quotes_the_value(spec: FieldSpec[Any]) -> None:
    # Many parsers' reasons quote a piece of the value (an address, a scheme, a parameter
    # name): none of it reaches the 400, whatever the field.
    app = make_app(PageOptions(strict=True))
    for value in MARKED:
        if REGISTRY.parse(spec.name, value).error is None:
            continue
        r = app(make_request([("Host", "a"), (spec.name, value)]), INFO)
        assert r.status == 400 and spec.name.lower().encode() in r.body.lower()
        assert b"zzqmark" not in r.body


def test_redaction_hides_values_everywhere() -> None:
    app = make_app(PageOptions(redact=frozenset({"authorization"})))
    req = make_request([("Authorization", "Basic dXNlcjpzZWNyZXQ=")])
    for fmt in ("html", "json", "text"):
        req.target = f"/?format={fmt}"
        body = app(req, INFO).body
        assert b"dXNlcjpzZWNyZXQ" not in body and b"secret" not in body


@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_fields_pages(fmt: str) -> None:
    assert APP(make_request([], target=f"/fields?format={fmt}"), INFO).status == 200
    assert APP(make_request([], target=f"/fields/Accept?format={fmt}"), INFO).status == 200
    r = APP(make_request([], target=f"/fields?name=Age&value=x1&format={fmt}"), INFO)
    assert r.status == 200
    assert b"expected" in r.body
    assert APP(make_request([], target="/fields/No-Such"), INFO).status == 404


def test_fields_form_post() -> None:
    req = make_request([("Content-Type", "application/x-www-form-urlencoded")], method="POST",
                       target="/fields?format=json", body=b"name=Age&value=42")
    doc = json.loads(APP(req, INFO).body)
    assert doc["name"] == "age" and doc["value"] == 42


def test_body_and_trailers_are_summarised() -> None:
    req = make_request([("Content-Type", "application/x-www-form-urlencoded")], method="POST",
                       body=b"a=1&b=%3Cx%3E", trailers=[("Expires", "0")], target="/?format=html")
    doc = html(APP(req, INFO).body)
    assert "<x>" in text_of(doc, "//section[@class='body']")
    assert len(elements(doc, "//table[contains(@class,'fields')]")) == 2


@pytest.mark.parametrize("view", ["html", "text", "json"])
def test_a_json_body_with_a_lone_surrogate_is_shown_not_a_500(view: str) -> None:
    # json.loads turns the escape into a lone surrogate, which UTF-8 cannot encode
    req = make_request([("Content-Type", "application/json")], method="POST",
                       body=b'{"a": "\\ud800x"}', target=f"/?format={view}")
    response = APP(req, INFO)
    assert response.status == 200
    shown = {"html": "&lt;U+D800&gt;x", "text": "<U+D800>x", "json": ""}[view]
    assert shown in response.body.decode("utf-8")
