"""headerscope.sxml against its peers, rendering the same inspector-like page.

    .venv/bin/python benchmarks/sxml_bench.py [--rounds N] [--batch N]

The page: a 25-row table of request fields whose values nest two or three levels deep (lists
become <ul>, maps of parameters <dl>, strings <code>), with 16 strings that need escaping. Every
contender builds its page from the same data on every call and walks the nested values with a
recursive function (Jinja2: a recursive macro), as a real inspector must. Before timing, every
output is parsed with lxml.html and must give the same tree. Contenders run interleaved, a batch
of calls each in turn, so that noise from the shared machine falls on all of them alike; the
table shows the median time per page and the ratio to headerscope.sxml. Time is the CPU time
of this process (time.process_time), not wall time: on a machine shared with other jobs, wall
time mostly measures how often the scheduler ran something else.
"""

from __future__ import annotations

import argparse
import gc
import html
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import dominate.tags as d
import htpy as h
import jinja2
import lxml.html
from lxml.builder import E  # type: ignore[import-not-found]  # lxml-stubs lacks it

from headerscope import sxml

Value = str | list["Value"] | dict[str, "Value"]


@dataclass(frozen=True)
class Field:
    name: str
    raw: str
    value: Value
    ref: str
    url: str
    status: str = "ok"

    @property
    def key(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Request:
    method: str
    target: str
    fields: list[Field]


RFC9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-"
FIELDS = [
    Field("Host", "headerscope.test:8080", {"host": "headerscope.test", "port": "8080"},
          "RFC 9110, 7.2", RFC9110 + "7.2"),
    Field("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
          ["Mozilla/5.0", "(X11; Linux x86_64; rv:128.0)", "Gecko/20100101", "Firefox/128.0"],
          "RFC 9110, 10.1.5", RFC9110 + "10.1.5"),
    Field("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
          [{"text/html": {}}, {"application/xhtml+xml": {}},
           {"application/xml": {"q": "0.9"}}, {"*/*": {"q": "0.8"}}],
          "RFC 9110, 12.5.1", RFC9110 + "12.5.1"),
    Field("Accept-Language", "en-GB,en;q=0.7,fr;q=0.3",
          [{"en-GB": {}}, {"en": {"q": "0.7"}}, {"fr": {"q": "0.3"}}],
          "RFC 9110, 12.5.4", RFC9110 + "12.5.4"),
    Field("Accept-Encoding", "gzip, deflate, br, zstd", ["gzip", "deflate", "br", "zstd"],
          "RFC 9110, 12.5.3", RFC9110 + "12.5.3"),
    Field("Cache-Control", 'no-cache="Set-Cookie, X-Token", max-age=0',
          {"no-cache": ["Set-Cookie", "X-Token"], "max-age": "0"},
          "RFC 9111, 5.2", "https://www.rfc-editor.org/rfc/rfc9111#section-5.2"),
    Field("Connection", "keep-alive, Upgrade", ["keep-alive", "Upgrade"],
          "RFC 9110, 7.6.1", RFC9110 + "7.6.1"),
    Field("Cookie", "session=8f3a<b>; theme=dark & light; lang=en",
          {"session": "8f3a<b>", "theme": "dark & light", "lang": "en"},
          "RFC 6265, 5.4", "https://www.rfc-editor.org/rfc/rfc6265#section-5.4", "warn"),
    Field("Content-Type", 'multipart/form-data; boundary="----bound"',
          [{"multipart/form-data": {"boundary": "----bound"}}],
          "RFC 9110, 8.3", RFC9110 + "8.3"),
    Field("Content-Length", "1337", "1337", "RFC 9110, 8.6", RFC9110 + "8.6"),
    Field("Referer", "https://example.org/search?q=<script>alert(1)</script>&lang=en",
          {"scheme": "https", "host": "example.org", "path": "/search",
           "query": {"q": "<script>alert(1)</script>", "lang": "en"}},
          "RFC 9110, 10.1.3", RFC9110 + "10.1.3", "warn"),
    Field("If-None-Match", 'W/"67ab43", "54ed21"',
          [{"67ab43": {"weak": "yes"}}, {"54ed21": {"weak": "no"}}],
          "RFC 9110, 13.1.2", RFC9110 + "13.1.2"),
    Field("If-Modified-Since", "Wed, 21 Oct 2015 07:28:00 GMT", "2015-10-21T07:28:00+00:00",
          "RFC 9110, 13.1.3", RFC9110 + "13.1.3"),
    Field("Forwarded", 'for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8:cafe::17]:4711"',
          [{"for": "192.0.2.60", "proto": "http", "by": "203.0.113.43"},
           {"for": "[2001:db8:cafe::17]:4711"}],
          "RFC 7239, 4", "https://www.rfc-editor.org/rfc/rfc7239#section-4"),
    Field("X-Forwarded-For", "203.0.113.195, 70.41.3.18", ["203.0.113.195", "70.41.3.18"],
          "MDN", "https://developer.mozilla.org/docs/Web/HTTP/Headers/X-Forwarded-For"),
    Field("Authorization", 'Digest username="Mufasa", realm="http-auth@example.org", nonce="7ypf"',
          {"Digest": {"username": "Mufasa", "realm": "http-auth@example.org", "nonce": "7ypf"}},
          "RFC 9110, 11.6.2", RFC9110 + "11.6.2"),
    Field("Sec-CH-UA", '"Chromium";v="124", "Not-A.Brand";v="99"',
          [{"Chromium": {"v": "124"}}, {"Not-A.Brand": {"v": "99"}}],
          "RFC 8942", "https://www.rfc-editor.org/rfc/rfc8942"),
    Field("Priority", "u=1, i", {"u": "1", "i": "?1"},
          "RFC 9218, 4", "https://www.rfc-editor.org/rfc/rfc9218#section-4"),
    Field("Range", "bytes=0-499, 1000-", {"bytes": ["0-499", "1000-"]},
          "RFC 9110, 14.2", RFC9110 + "14.2"),
    Field("Origin", "https://example.org", {"scheme": "https", "host": "example.org"},
          "RFC 6454, 7", "https://www.rfc-editor.org/rfc/rfc6454#section-7"),
    Field("DNT", "1", "1", "W3C TPE", "https://www.w3.org/TR/tracking-dnt/"),
    Field("Upgrade-Insecure-Requests", "1", "1", "W3C UIR", "https://www.w3.org/TR/upgrade-insecure-requests/"),
    Field("Sec-Fetch-Mode", "navigate", "navigate", "Fetch Metadata",
          "https://www.w3.org/TR/fetch-metadata/"),
    Field("Via", "1.1 proxy.example (squid/6.1), 1.0 fred",
          [{"1.1": {"by": "proxy.example", "comment": "squid/6.1"}}, {"1.0": {"by": "fred"}}],
          "RFC 9110, 7.6.3", RFC9110 + "7.6.3"),
    Field("X-Note", "<img src=x onerror=alert('x')> & \"quotes\"",
          ["<img src=x onerror=alert('x')>", '& "quotes"'],
          "none", "https://example.org/?a=1&b=2", "warn"),
]
REQUEST = Request("GET", "/inspect?q=<x>", FIELDS)
VERSION = "0.1.0"
CSS = "/static/inspect.css"


# -- headerscope.sxml (and the naive serializer, which takes the same tree) ---------------------

def sx_value(v: Value) -> sxml.Node:
    if isinstance(v, str):
        return ("code", v)
    if isinstance(v, dict):
        return ("dl", [[("dt", k), ("dd", sx_value(x))] for k, x in v.items()])
    return ("ul", [("li", sx_value(x)) for x in v])


def sx_page(req: Request) -> sxml.Node:
    rows = [("tr", {"id": "f-" + f.key, "class": ["field", f.status]},
             ("th", {"scope": "row"}, ("code", f.name)),
             ("td", {"title": f.raw}, sx_value(f.value)),
             ("td", ("a", {"href": f.url}, f.ref))) for f in req.fields]
    return ("html", {"lang": "en"},
            ("head", ("meta", {"charset": "utf-8"}), ("title", "headerscope: ", req.target),
             ("link", {"rel": "stylesheet", "href": CSS})),
            ("body", ("h1", "Request headers"),
             ("p", {"class": "request"}, ("code", req.method), " ", ("code", req.target)),
             ("table", {"class": "fields"},
              ("thead", ("tr", ("th", "Field"), ("th", "Value"), ("th", "Reference"))),
              ("tbody", rows)),
             ("footer", ("p", "headerscope ", VERSION))))


def with_sxml(req: Request) -> str:
    return sxml.render_document(sx_page(req))


NAIVE_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
              "source", "track", "wbr"}


def naive_node(node: Any, out: list[str]) -> None:
    """What one writes in an afternoon: isinstance dispatch, html.escape, no validation."""
    if isinstance(node, tuple):
        tag, rest = node[0], node[1:]
        attrs: dict[str, Any] = {}
        if rest and isinstance(rest[0], dict):
            attrs, rest = rest[0], rest[1:]
        out.append("<" + tag)
        for k, v in attrs.items():
            if v is True:
                out.append(" " + k)
            elif v is not None and v is not False:
                text = " ".join(v) if isinstance(v, list) else str(v)
                out.append(f' {k}="{html.escape(text)}"')
        out.append(">")
        for child in rest:
            naive_node(child, out)
        if tag not in NAIVE_VOID:
            out.append(f"</{tag}>")
    elif isinstance(node, str):
        out.append(html.escape(node))
    elif isinstance(node, list):
        for child in node:
            naive_node(child, out)
    elif node is not None and node is not False:
        out.append(html.escape(str(node)))


def with_naive(req: Request) -> str:
    out = ["<!DOCTYPE html>"]
    naive_node(sx_page(req), out)
    return "".join(out)


# -- Jinja2 ---------------------------------------------------------------------------------------

TEMPLATE = """\
{%- macro value(v) -%}
{%- if v is string -%}<code>{{ v }}</code>
{%- elif v is mapping -%}
<dl>{% for k, x in v.items() %}<dt>{{ k }}</dt><dd>{{ value(x) }}</dd>{% endfor %}</dl>
{%- else -%}<ul>{% for x in v %}<li>{{ value(x) }}</li>{% endfor %}</ul>
{%- endif -%}
{%- endmacro -%}
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
{%- raw %}<title>headerscope: {% endraw %}{{ req.target }}</title>
{%- raw %}<link rel="stylesheet" href="{% endraw %}{{ css }}"></head>
{%- raw %}<body><h1>Request headers</h1>{% endraw -%}
<p class="request"><code>{{ req.method }}</code> <code>{{ req.target }}</code></p>
{%- raw %}<table class="fields"><thead><tr><th>Field</th><th>Value</th>{% endraw -%}
<th>Reference</th></tr></thead><tbody>
{%- for f in req.fields -%}
<tr id="f-{{ f.key }}" class="field {{ f.status }}"><th scope="row"><code>{{ f.name }}</code></th>
{%- raw %}<td title="{% endraw %}{{ f.raw }}">{{ value(f.value) }}</td>
{%- raw %}<td><a href="{% endraw %}{{ f.url }}">{{ f.ref }}</a></td></tr>
{%- endfor -%}
</tbody></table><footer><p>headerscope {{ version }}</p></footer></body></html>"""
JINJA = jinja2.Environment(autoescape=True).from_string(TEMPLATE)


def with_jinja2(req: Request) -> str:
    page: str = JINJA.render(req=req, css=CSS, version=VERSION)  # jinja2 types it Any
    return page


# -- htpy -----------------------------------------------------------------------------------------

def hp_value(v: Value) -> Any:
    if isinstance(v, str):
        return h.code[v]
    if isinstance(v, dict):
        return h.dl[[(h.dt[k], h.dd[hp_value(x)]) for k, x in v.items()]]
    return h.ul[[h.li[hp_value(x)] for x in v]]


def with_htpy(req: Request) -> str:
    rows = [h.tr(id="f-" + f.key, class_="field " + f.status)[
        h.th(scope="row")[h.code[f.name]], h.td(title=f.raw)[hp_value(f.value)],
        h.td[h.a(href=f.url)[f.ref]]] for f in req.fields]
    page = h.html(lang="en")[
        h.head[h.meta(charset="utf-8"), h.title["headerscope: ", req.target],
               h.link(rel="stylesheet", href=CSS)],
        h.body[h.h1["Request headers"],
               h.p(class_="request")[h.code[req.method], " ", h.code[req.target]],
               h.table(class_="fields")[
                   h.thead[h.tr[h.th["Field"], h.th["Value"], h.th["Reference"]]],
                   h.tbody[rows]],
               h.footer[h.p["headerscope ", VERSION]]]]
    return str(page)


# -- dominate -------------------------------------------------------------------------------------

def dm_value(v: Value) -> Any:
    if isinstance(v, str):
        return d.code(v)
    if isinstance(v, dict):
        dl = d.dl()
        for k, x in v.items():
            dl.add(d.dt(k), d.dd(dm_value(x)))
        return dl
    return d.ul([d.li(dm_value(x)) for x in v])


def with_dominate(req: Request) -> str:
    tbody = d.tbody()
    for f in req.fields:
        tbody.add(d.tr(d.th(d.code(f.name), scope="row"), d.td(dm_value(f.value), title=f.raw),
                       d.td(d.a(f.ref, href=f.url)), id="f-" + f.key, cls="field " + f.status))
    page = d.html(
        d.head(d.meta(charset="utf-8"), d.title("headerscope: ", req.target),
               d.link(rel="stylesheet", href=CSS)),
        d.body(d.h1("Request headers"),
               d.p(d.code(req.method), " ", d.code(req.target), cls="request"),
               d.table(d.thead(d.tr(d.th("Field"), d.th("Value"), d.th("Reference"))), tbody,
                       cls="fields"),
               d.footer(d.p("headerscope ", VERSION))),
        lang="en")
    body: str = page.render(pretty=False)
    return "<!DOCTYPE html>" + body


# -- lxml.builder ---------------------------------------------------------------------------------

def lx_value(v: Value) -> Any:
    if isinstance(v, str):
        return E.code(v)
    if isinstance(v, dict):
        return E.dl(*[e for k, x in v.items() for e in (E.dt(k), E.dd(lx_value(x)))])
    return E.ul(*[E.li(lx_value(x)) for x in v])


def with_lxml(req: Request) -> str:
    rows = [E.tr({"id": "f-" + f.key, "class": "field " + f.status},
                 E.th({"scope": "row"}, E.code(f.name)), E.td({"title": f.raw}, lx_value(f.value)),
                 E.td(E.a({"href": f.url}, f.ref))) for f in req.fields]
    page = E.html({"lang": "en"},
                  E.head(E.meta(charset="utf-8"), E.title("headerscope: " + req.target),
                         E.link(rel="stylesheet", href=CSS)),
                  E.body(E.h1("Request headers"),
                         E.p({"class": "request"}, E.code(req.method), " ", E.code(req.target)),
                         E.table({"class": "fields"},
                                 E.thead(E.tr(E.th("Field"), E.th("Value"), E.th("Reference"))),
                                 E.tbody(*rows)),
                         E.footer(E.p("headerscope " + VERSION))))
    return str(lxml.html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode"))


TARGETS = {"Jinja2 (autoescape)": 2.0, "htpy": 8.0, "naive html.escape": 1.0}  # issue 2
CONTENDERS: dict[str, Callable[[Request], str]] = {
    "headerscope.sxml": with_sxml,
    "naive html.escape": with_naive,
    "Jinja2 (autoescape)": with_jinja2,
    "lxml.builder": with_lxml,
    "dominate": with_dominate,
    "htpy": with_htpy,
}


# -- checks and timing ----------------------------------------------------------------------------

def needs_escaping(req: Request) -> int:
    """How many distinct strings on the page contain one of & < > " '."""
    strings = {req.method, req.target}

    def walk(v: Value) -> None:
        if isinstance(v, str):
            strings.add(v)
        elif isinstance(v, dict):
            strings.update(v)
            for x in v.values():
                walk(x)
        else:
            for x in v:
                walk(x)

    for f in req.fields:
        strings.update((f.name, f.raw, f.ref, f.url))
        walk(f.value)
    return sum(1 for s in strings if any(c in s for c in "&<>\"'"))


def shape(element: Any) -> tuple[Any, ...]:
    """Everything a reader sees: tag, attributes, text, children and the text after each."""
    return (element.tag, sorted(element.attrib.items()), element.text,
            [shape(child) for child in element], element.tail)


def check(req: Request) -> None:
    if needs_escaping(req) != 16:
        sys.exit(f"the page should have 16 strings to escape, not {needs_escaping(req)}")
    trees = {name: shape(lxml.html.document_fromstring(render(req)))
             for name, render in CONTENDERS.items()}
    expected = trees["headerscope.sxml"]
    for name, tree in trees.items():
        if tree != expected:
            sys.exit(f"{name} renders a different page than headerscope.sxml:\n{tree}\n{expected}")
    if "<script>alert" in with_sxml(req):
        sys.exit("headerscope.sxml wrote request data as markup")


def measure(rounds: int, batch: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in CONTENDERS}
    for _ in range(rounds):
        for name, render in CONTENDERS.items():  # interleaved: every round runs each in turn
            gc.collect()
            start = time.process_time()
            for _ in range(batch):
                render(REQUEST)
            times[name].append((time.process_time() - start) / batch)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--batch", type=int, default=20)
    args = parser.parse_args()
    check(REQUEST)
    for render in CONTENDERS.values():  # warm up caches and the specializing interpreter
        for _ in range(50):
            render(REQUEST)
    times = measure(args.rounds, args.batch)
    base = statistics.median(times["headerscope.sxml"])
    size = len(with_sxml(REQUEST))
    print(f"page: {len(FIELDS)} fields, {size} characters of HTML; Python {sys.version.split()[0]};"
          f" {args.rounds} rounds x {args.batch} pages, interleaved, CPU time")
    print(f"{'contender':<22}{'median/page':>14}{'x sxml':>9}")
    ratios = {name: statistics.median(samples) / base for name, samples in times.items()}
    for name, ratio in sorted(ratios.items(), key=lambda item: item[1]):
        print(f"{name:<22}{ratio * base * 1e6:>11.1f} us{ratio:>9.2f}")
    for name, target in TARGETS.items():
        verdict = "met" if ratios[name] >= target else "MISSED"
        print(f"target: {target:g}x faster than {name}: {verdict} ({ratios[name]:.2f}x)")


if __name__ == "__main__":
    main()
