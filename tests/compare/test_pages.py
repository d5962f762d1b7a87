"""`serve --compare`: the Peers column and the framing table in HTML, the same data in the
text and JSON views, nothing of it without --compare, and redaction kept."""

from __future__ import annotations

import json
import subprocess
import sys

from headerscope.pages.app import PageOptions, make_app, route
from headerscope.pages.compare_view import compare_pages
from headerscope.pages.inspection import Inspection, inspect_fields

from ..pages.helpers import INFO, elements, html, make_request, text_of

SECRET = "Basic c2VjcmV0OnBhc3N3b3Jk"
FIELDS = [("Host", "a"), ("Cookie", "a=1; a=2"), ("Accept", "text/html"),
          ("Authorization", SECRET), ("X-Thing", "1")]
COMPARE = make_app(PageOptions(compare=True, redact=frozenset({"authorization"})))
PLAIN = make_app()


def get(app: object, fmt: str, fields: list[tuple[str, str]] = FIELDS) -> bytes:
    response = app(make_request(fields, target=f"/?format={fmt}"), INFO)  # type: ignore[operator]
    assert response.status == 200
    body: bytes = response.body
    return body


def test_html_has_a_peers_column() -> None:
    doc = html(get(COMPARE, "html"))
    heads = [text_of(th) for th in elements(doc, "//table[@class='fields']//th")]
    assert heads[-1] == "Peers" and len(heads) == 5
    rows = elements(doc, "//table[@class='fields']/tbody/tr")
    assert [len(elements(r, "td")) for r in rows] == [5] * len(FIELDS)
    cells = {text_of(r, "td[1]"): r for r in rows}
    cookie = cells["Cookie"]
    (summary,) = elements(cookie, "td[5]//details/summary")
    assert summary.get("class") == "diag error" and text_of(summary) == "! stdlib: disagree"
    assert "RFC 6265, 4.2.2" in text_of(cookie, "td[5]")
    assert text_of(cells["Host"], "td[5]") == "= werkzeug: agree= stdlib: agree"
    assert text_of(cells["Authorization"], "td[5]") == ("not run: redacted (its value is given "
                                                        "to no peer)")
    assert text_of(cells["X-Thingunknown"], "td[5]") == "no installed peer parses this field"


def test_html_has_the_framing_table() -> None:
    doc = html(get(COMPARE, "html"))
    (section,) = elements(doc, "//section[h2='Framing of the request by peers']")
    rows = [[text_of(td) for td in elements(tr, "td")] for tr in elements(section, ".//tbody/tr")]
    assert [r[0] for r in rows] == ["headerscope", "h11", "http.server"]
    assert rows[1][1] == "agree" and rows[2][1] == "agree"


def test_text_and_json_views_carry_the_same_data() -> None:
    text = get(COMPARE, "text").decode()
    assert "compared with: werkzeug" in text
    assert "! stdlib    disagree      http.cookies.SimpleCookie" in text
    doc = json.loads(get(COMPARE, "json"))
    assert len(doc["compare"]["fields"]) == len(doc["fields"]) == len(FIELDS)
    assert doc["compare"]["differences"] == 1


def test_nothing_of_it_without_compare() -> None:
    doc = html(get(PLAIN, "html"))
    assert "Peers" not in [text_of(th) for th in elements(doc, "//th")]
    assert not elements(doc, "//section")
    assert "compare" not in json.loads(get(PLAIN, "json"))
    assert "compared with" not in get(PLAIN, "text").decode()


def test_other_routes_are_untouched() -> None:
    for target in ("/hello", "/fields", "/fields/Age", "/?format=raw", "/favicon.svg"):
        a = COMPARE(make_request(FIELDS, target=target), INFO)
        b = make_app(PageOptions(redact=frozenset({"authorization"})))(
            make_request(FIELDS, target=target), INFO)
        assert (a.status, a.headers, a.body) == (b.status, b.headers, b.body), target


def test_redacted_values_never_show() -> None:
    for fmt in ("html", "text", "json"):
        body = get(COMPARE, fmt)
        assert SECRET.encode() not in body and b"c2VjcmV0" not in body, fmt


def test_without_the_raw_bytes_only_fields_are_compared() -> None:
    section = inspect_fields(FIELDS[:2])
    ins = Inspection("GET", "/?format=text", "HTTP/1.1", section, inspect_fields([]),
                     raw_available=False)
    text = compare_pages(PageOptions(compare=True), route)(ins).body.decode()
    assert "framing  headerscope" not in text
    assert "note: the raw request bytes are not available under this server" in text
    assert "! stdlib    disagree" in text


def test_a_chunked_request_is_framed_again() -> None:
    request = make_request([("Host", "a"), ("Transfer-Encoding", "chunked")],
                           target="/?format=json", body=b"hello", trailers=[("X-T", "1")])
    doc = json.loads(COMPARE(request, INFO).body)
    compare = doc["compare"]
    assert compare["framing_note"].startswith("the chunked content was framed again")
    assert compare["framed"]["content"] == {"base64": "aGVsbG8="}
    assert compare["framed"]["trailers"] == [["x-t", "1"]]
    assert {r["peer"]: r["verdict"] for r in compare["framing"]} == {
        "h11": "agree", "http.server": "agree"}


def test_the_inspector_imports_nothing_of_it_without_compare() -> None:
    """Zero cost when off: the comparison and its peers are not even imported."""
    code = ("import sys; from headerscope.pages.app import make_app; make_app(); "
            "print(sorted(m for m in sys.modules if m.startswith('headerscope.compare') "
            "or m.split('.')[0] in ('werkzeug', 'h11', 'http_sf')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_the_server_limits_are_not_applied_twice() -> None:
    """The server already framed the request under its own limits (here a body over the
    default 1 MiB): the comparison frames it again without refusing it for size."""
    body = b"x" * ((1 << 20) + 10)
    request = make_request([("Host", "a"), ("Content-Length", str(len(body)))],
                           target="/?format=json", method="POST", body=body)
    doc = json.loads(COMPARE(request, INFO).body)
    assert doc["compare"]["framed"]["outcome"] == "request"
    assert {r["peer"]: r["verdict"] for r in doc["compare"]["framing"]} == {
        "h11": "agree", "http.server": "agree"}
