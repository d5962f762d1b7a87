"""Output safety (item 9): hostile requests through every view, and the judge of a page.

Strategy: every piece of hostile markup we generate carries the marker `hsx`, and the pages
are parsed back the way a browser would (lxml.html). A page is safe when no element, attribute
or comment in it came from the request: every tag and attribute name is one the pages
themselves use (an allow-list), none contains the marker, no URL attribute carries the marker
or a script scheme, and there is no comment at all. Escaping that dropped the input would also
pass that, so the judge also asks for the marker in the page's text: it was shown, as text.
JSON must parse and hold no raw `<`, `>` or `&`; every view carries the security headers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote

import lxml.etree
import lxml.html
from hypothesis import strategies as st

from headerscope.headers import REGISTRY
from headerscope.http import NEED_DATA, ConnectionInfo, Request, RequestReader, Response

MARKER = "hsx"
INFO = ConnectionInfo(("127.0.0.1", 40000), ("127.0.0.1", 8080), 1, False)
# Every tag and attribute the pages emit (collected from pages for many kinds of request).
TAGS = frozenset((
    "a", "body", "button", "caption", "code", "datalist", "dd", "details", "dl", "dt", "form",
    "h1", "h2", "head", "header", "html", "input", "label", "li", "link", "main", "meta",
    "nav", "ol", "option", "p", "pre", "section", "span", "style", "summary", "table",
    "tbody", "td", "th", "thead", "title", "tr", "ul",
))
ATTRIBUTES = frozenset((
    "action", "charset", "class", "content", "href", "id", "lang", "list", "method", "name",
    "rel", "required", "size", "type", "value",
))
URL_ATTRIBUTES = frozenset(("href", "action", "src"))
SECURITY = {
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "vary": "Accept",
}
VIEWS = ("html", "json", "text", "raw")

# Markup meant to escape every context a value can land in: element content, a quoted or
# unquoted attribute, <title>, <style>, <pre>, a comment, CDATA, an entity, a URL.
SNIPPETS = (
    "<hsx>", "</td></tr></table><hsx>", "<img src=x onerror=hsx()>", '"><hsx a=1>',
    "'><hsx a=1>", '" onmouseover="hsx()', "' onfocus='hsx()' autofocus='", "</title><hsx>",
    "</style><hsx>", "</pre><hsx>", "</code><hsx>", "</textarea><hsx>", "<!--hsx-->",
    "<![CDATA[<hsx>]]>", "&lt;hsx&gt;", "&#60;hsx&#62;", "javascript:hsx()", "<svg/onload=hsx>",
    "<a href=javascript:hsx()>x</a>", "<script>hsx()</script>", "<hsx/", "<?hsx?>",
    "<meta http-equiv=refresh content=0;url=hsx>", "`hsx`", "${hsx}", "{{hsx}}",
)
# Octets a field value may hold (RFC 9110 field-vchar, SP, HTAB); obs-text arrives as latin-1.
VALUE_CHARS = st.sampled_from([chr(c) for c in (9, *range(0x20, 0x7F), *range(0x80, 0x100))])
TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def hostile_values() -> st.SearchStrategy[str]:
    pieces = st.one_of(st.sampled_from(SNIPPETS), st.text(VALUE_CHARS, max_size=8))
    return st.lists(pieces, min_size=1, max_size=4).map("".join).map(
        lambda v: MARKER + v.strip(" \t")).filter(bool)


def hostile_names() -> st.SearchStrategy[str]:
    """Field names: tokens may hold & ' ` and friends; known names get parsed and diagnosed."""
    made_up = st.text(st.sampled_from(TCHARS), min_size=1, max_size=12).map(
        lambda n: f"X-{MARKER}{n}")
    return st.one_of(made_up, st.sampled_from(sorted(spec.name for spec in REGISTRY)))


def hostile_targets() -> st.SearchStrategy[str]:
    no_space = [s.replace(" ", "/") for s in SNIPPETS]
    pieces = st.one_of(st.sampled_from(no_space),
                       st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7e),
                               max_size=6))
    return st.lists(pieces, max_size=3).map(lambda p: f"/{MARKER}" + "".join(p).split("#")[0])


@dataclass(frozen=True)
class Hostile:
    target: str
    fields: tuple[tuple[str, str], ...]
    body: bytes = b""

    def raw(self, target: str | None = None, method: str = "GET",
            extra: tuple[tuple[str, str], ...] = ()) -> bytes:
        lines = [("Host", "a"), *self.fields, *extra]
        if self.body:
            lines.append(("Content-Length", str(len(self.body))))
        head = f"{method} {target or self.target} HTTP/1.1\r\n" + "".join(
            f"{n}: {v}\r\n" for n, v in lines) + "\r\n"
        return head.encode("latin-1") + self.body


@st.composite
def hostile_requests(draw: st.DrawFn) -> Hostile:
    fields = draw(st.lists(st.tuples(hostile_names(), hostile_values()), min_size=1,
                           max_size=6))
    # Fields that change framing or the page are the server's business, not the page's.
    fields = [(n, v) for n, v in fields if n.lower() not in {
        "host", "content-length", "transfer-encoding", "expect", "connection"}]
    # The /fields form is tried with the first field, which must be one of the hostile ones
    # (not the Content-Type declared below, which has no marker to look for).
    fields = fields or [(f"X-{MARKER}", MARKER)]
    body = draw(st.one_of(st.just(b""), hostile_values().map(lambda v: v.encode("latin-1"))))
    if draw(st.booleans()):  # a JSON body, declared so, which the pages decode and show
        body = draw(st.one_of(
            hostile_values().map(lambda v: json.dumps({"k": [v]}).encode()),
            # escapes of lone surrogates decode to text that UTF-8 cannot encode
            st.integers(0xD800, 0xDFFF).map(lambda c: b'{"k": "\\u%04x"}' % c)))
        fields.append(("Content-Type", "application/json"))
    elif draw(st.booleans()):  # multipart form data, which the pages cut into parts
        parts = draw(st.lists(st.tuples(hostile_values(), hostile_values()), max_size=3))
        body = b"".join(
            b"--XyZ\r\nContent-Disposition: form-data; name=\"" + name.encode("latin-1")
            + b'"; filename="' + name.encode("latin-1") + b'"\r\nContent-Type: '
            + value.encode("latin-1") + b"\r\n\r\n" + value.encode("latin-1") + b"\r\n"
            for name, value in parts) + b"--XyZ--\r\n"
        fields.append(("Content-Type", "multipart/form-data; boundary=XyZ"))
    return Hostile(draw(hostile_targets()), tuple(fields), body)


def read_one(data: bytes) -> Request:
    """The real framer turns the bytes into the request the server would pass to the app."""
    reader = RequestReader()
    reader.feed(data)
    event = reader.next_event()
    assert isinstance(event, Request), event
    assert reader.next_event() is NEED_DATA
    return event


def with_query(target: str, extra: str) -> str:
    return target + ("&" if "?" in target else "?") + extra


def pages(hostile: Hostile) -> list[tuple[str, Request]]:
    """Every view of every page for one hostile request: (view, request to serve)."""
    out = [(view, read_one(hostile.raw(with_query(hostile.target, f"format={view}"))))
           for view in VIEWS]
    name, value = hostile.fields[0] if hostile.fields else (f"X-{MARKER}", MARKER)
    form = f"name={quote(name)}&value={quote(value.encode('latin-1'))}"
    for view in ("html", "json", "text"):
        out.append((view, read_one(
            Hostile("/fields", (), b"").raw(f"/fields?{form}&format={view}"))))
        posted = Hostile("/fields", (("Content-Type", "application/x-www-form-urlencoded"),),
                         form.encode())
        out.append((view, read_one(posted.raw(f"/fields?format={view}", method="POST"))))
    return out


def header_problems(response: Response, view: str) -> list[str]:
    have = {n.lower(): v for n, v in response.headers}
    problems = [f"{name}: {have.get(name)!r}" for name, value in SECURITY.items()
                if have.get(name) != value]
    if "default-src 'none'" not in have.get("content-security-policy", ""):
        problems.append("no strict Content-Security-Policy")
    kind = {"html": "text/html", "json": "application/json"}.get(view, "text/plain")
    if have.get("content-type") != f"{kind}; charset=utf-8":
        problems.append(f"Content-Type {have.get('content-type')!r} for {view}")
    return problems


def html_problems(body: bytes, expect_marker: bool) -> list[str]:
    problems = []
    doc = lxml.html.document_fromstring(body)
    for node in doc.iter():
        if isinstance(node, (lxml.etree._Comment, lxml.etree._ProcessingInstruction)):
            problems.append(f"non-element node {lxml.etree.tostring(node)[:60]!r}")
            continue
        tag = str(node.tag)
        if tag not in TAGS or MARKER in tag.lower():
            problems.append(f"element <{tag}> from the request")
        for key, raw_value in node.attrib.items():
            attr, value = str(key), str(raw_value)
            if attr not in ATTRIBUTES or MARKER in attr.lower():
                problems.append(f"attribute {attr}= on <{tag}> from the request")
            if attr in URL_ATTRIBUTES and (MARKER in value or value.strip().lower().startswith(
                    ("javascript:", "data:", "vbscript:"))):
                problems.append(f"{attr}={value[:60]!r} on <{tag}>")
    if expect_marker and MARKER not in "".join(str(t) for t in doc.itertext()):
        problems.append("the request's text is not shown at all")
    return problems


def json_problems(body: bytes) -> list[str]:
    try:
        json.loads(body)
    except ValueError as error:
        return [f"invalid JSON: {error}"]
    return [f"raw {c!r} in JSON" for c in "<>&" if c.encode() in body]


def page_problems(app_response: Response, view: str, expect_marker: bool) -> list[str]:
    problems = [] if app_response.status == 200 else [f"status {app_response.status}"]
    problems += header_problems(app_response, view)
    if view == "html":
        problems += html_problems(app_response.body, expect_marker)
    elif view == "json":
        problems += json_problems(app_response.body)
    return problems


def check(app: object, hostile: Hostile) -> list[str]:
    """Problems with every view of every page for one hostile request (empty when safe)."""
    assert callable(app)
    problems = []
    for view, request in pages(hostile):
        response = app(request, INFO)
        assert isinstance(response, Response)
        problems += [f"{view} {request.target[:50]!r}: {p}"
                     for p in page_problems(response, view, expect_marker=True)]
    return problems

