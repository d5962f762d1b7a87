"""The request history's pages (issue 16): the listing, one capture, its exports.

    /captures                 newest first, paged; ?path= ?method= ?field= ?diagnostics=yes|no
                              ?bin= ?page=
    /captures/ID              the inspector page of that request, as it was
    /captures/ID/raw          the head as received (the raw view)
    /captures/ID.har          HAR 1.2 (JSON)
    /captures/ID.curl         a curl command that sends the same request, and what differs
    /captures/ID.http         the request's bytes, to replay with nc
    /captures/A/diff/B        captures_diff.py
    /captures/live[.js]       live.py

Everything drawn from a capture is as inert as the inspector: text goes through `visible`
where it is drawn and through respond()'s last pass; HAR through `dumps`; curl quotes every
argument (captures/curl.py). The one answer that is not made visible is ID.http, which must
be the bytes as sent: it is an attachment of type application/octet-stream, never rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from ..captures import Capture, Entry, Filters, Page, http_notes, to_curl, to_har
from ..captures import to_http as capture_bytes
from ..captures._wire import read_fields, read_head, split_lines
from ..captures.record import BIN_NAME_LIMIT
from ..captures.service import Store
from ..http import Response
from ..sxml import Node
from .document import dumps, request_json
from .inspection import Inspection, for_display, inspect_fields
from .inspector import inspector_tree, page
from .text import inspector_text, raw_text
from .visible import inert_text, visible

PAGE_SIZE = 50
MAX_PAGE = 10_000  # ?page= beyond this is refused: OFFSET costs linearly
_FILTER_LIMIT = 256  # characters of a filter value; longer is refused


@dataclass(frozen=True, slots=True)
class Answer:
    """What a capture page answers before app.py turns it into a Response."""

    view: str  # "html", "json", "text", "raw"
    status: int
    tree: Callable[[], Node]
    text: Callable[[], str]
    document: Callable[[], object]


class BadQuery(ValueError):
    """A query a listing refuses (400); the reason names the parameter, never its value."""


def filters_of(query: str) -> tuple[Filters, int]:
    """The filters and the page number of /captures?...; raises BadQuery."""
    args = dict(parse_qsl(query, keep_blank_values=False))
    for key, value in args.items():
        if len(value) > _FILTER_LIMIT:
            raise BadQuery(f"the {key[:20]!r} parameter is longer than {_FILTER_LIMIT}")
    try:
        number = int(args.get("page", "1"))
    except ValueError:
        raise BadQuery("page must be a number") from None
    if not 1 <= number <= MAX_PAGE:
        raise BadQuery(f"page must be between 1 and {MAX_PAGE}")
    diagnostics = args.get("diagnostics")
    has = {"yes": True, "no": False, None: None}.get(diagnostics)
    if diagnostics is not None and has is None:
        raise BadQuery("diagnostics must be yes or no")
    bin_name = args.get("bin")
    if bin_name is not None and len(bin_name) > BIN_NAME_LIMIT:
        raise BadQuery(f"a bin name has at most {BIN_NAME_LIMIT} characters")
    return Filters(path_prefix=args.get("path"), method=args.get("method"),
                   field=args.get("field"), has_diagnostics=has, bin=bin_name), number


def _query_of(f: Filters, number: int) -> str:
    pairs = [(k, v) for k, v in (
        ("path", f.path_prefix), ("method", f.method), ("field", f.field),
        ("diagnostics", None if f.has_diagnostics is None else
         "yes" if f.has_diagnostics else "no"), ("bin", f.bin)) if v is not None]
    if number != 1:
        pairs.append(("page", str(number)))
    return "?" + urlencode(pairs) if pairs else ""


# -- the listing --------------------------------------------------------------------------


def entry_json(e: Entry) -> dict[str, object]:
    s = e.summary
    return {"id": e.id, "time": e.time.isoformat(), "client": f"{e.client[0]}:{e.client[1]}",
            "method": s.method, "target": s.target, "protocol": e.protocol, "tls": e.tls,
            "fields": s.field_count, "diagnostics": s.diagnostics, "status": e.status,
            "bin": e.bin, "size": e.size}


def entry_line(e: Entry) -> str:
    """One line of the text listing (and of `headerscope tail` before each block)."""
    s = e.summary
    where = f" bin={visible(e.bin)}" if e.bin is not None else ""
    return (f"#{e.id} {e.time.strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]}Z "
            f"{e.client[0]}:{e.client[1]} {visible(s.method)} {visible(s.target)} "
            f"{e.protocol}{' TLS' if e.tls else ''} {e.status} fields={s.field_count} "
            f"diagnostics={s.diagnostics}{where}")


ENTRY_HEAD: Node = ("thead", ("tr", *(("th", h) for h in (
    "#", "Time (UTC)", "Client", "Method", "Target", "Protocol", "Status", "Fields",
    "Diagnostics", "Bin"))))


def entry_row(e: Entry) -> Node:
    s = e.summary
    href = f"/captures/{e.id}"
    return ("tr", {"class": "error"} if s.diagnostics else {},
            ("td", ("a", {"href": href}, str(e.id))),
            ("td", e.time.strftime("%H:%M:%S.%f")[:-3]),
            ("td", ("code", f"{e.client[0]}:{e.client[1]}")),
            ("td", ("code", visible(s.method))),
            ("td", ("a", {"href": href}, ("code", visible(s.target)))),
            ("td", e.protocol + (" TLS" if e.tls else "")),
            ("td", str(e.status)), ("td", str(s.field_count)), ("td", str(s.diagnostics)),
            ("td", ("a", {"href": "/captures?" + urlencode([("bin", e.bin)])},
                    visible(e.bin)) if e.bin is not None else ""))


def _filter_form(f: Filters) -> Node:
    def box(name: str, label: str, value: str | None) -> Node:
        return ("label", label, " ", ("input", {"type": "text", "name": name,
                                                "value": visible(value or "")}))
    diag = "" if f.has_diagnostics is None else "yes" if f.has_diagnostics else "no"
    return ("form", {"method": "get", "action": "/captures"},
            box("path", "Path prefix", f.path_prefix), box("method", "Method", f.method),
            box("field", "Field present", f.field), box("bin", "Bin", f.bin),
            ("label", "Diagnostics (yes, no) ",
             ("input", {"type": "text", "name": "diagnostics", "value": diag, "size": "4",
                        "list": "diagnostics-values"})),
            ("datalist", {"id": "diagnostics-values"},
             ("option", {"value": "yes"}), ("option", {"value": "no"})),
            ("button", {"type": "submit"}, "Filter"))


def listing(store: Store, query: str, view: str) -> Answer:
    try:
        f, number = filters_of(query)
    except BadQuery as e:
        reason = str(e)
        return Answer("text", 400, lambda: None, lambda: f"400 Bad Request: {reason}\n",
                      lambda: None)
    result = store.list(f, number, PAGE_SIZE)

    def tree() -> Node:
        links: list[Node] = []
        if number > 1:
            links.append(("a", {"href": "/captures" + _query_of(f, number - 1)}, "newer"))
        if result.more:
            links.append(("a", {"href": "/captures" + _query_of(f, number + 1)}, "older"))
        return page("headerscope: captures",
                    ("header", ("h1", "Captured requests"),
                     ("p", ("a", {"href": "/captures/live"}, "live view"), " · newest first, "
                      f"page {number}"), _filter_form(f)),
                    ("main", ("table", {"class": "captures"}, ENTRY_HEAD,
                              ("tbody", *(entry_row(e) for e in result.entries)))
                     if result.entries else ("p", {"class": "none"}, "No captures match."),
                     ("nav", *links)))

    def text() -> str:
        lines = [entry_line(e) for e in result.entries] or ["no captures match"]
        if result.more:
            lines.append(f"(more: /captures{_query_of(f, number + 1)})")
        return "\n".join(lines) + "\n"

    return Answer(view, 200, tree, text, lambda: page_json(result))


def page_json(p: Page) -> dict[str, object]:
    return {"page": p.page, "page_size": p.page_size, "more": p.more,
            "captures": [entry_json(e) for e in p.entries]}


# -- one capture ----------------------------------------------------------------------------


def inspection_of(c: Capture, redact: frozenset[str] = frozenset()) -> Inspection:
    """The stored request as the inspector reads it: the head read back leniently (a stored
    head may be one the server refused), its values already redacted when stored."""
    head = read_head(c.head)
    pairs = [(f.name, f.value) for f in head.fields if f.colon]
    trailer_pairs = [(f.name, f.value) for f in read_fields(split_lines(c.trailers)) if f.colon]
    return Inspection(
        method=head.method, target=head.target, version=head.version,
        fields=inspect_fields(pairs, redact), trailers=inspect_fields(trailer_pairs, redact),
        body=c.body, head=c.head, client=f"{c.client[0]}:{c.client[1]}", number=1)


def capture_facts(c: Capture) -> list[tuple[str, str]]:
    facts = [("capture", f"#{c.id}"), ("time", c.time.isoformat()),
             ("client", f"{c.client[0]}:{c.client[1]}"), ("server", f"{c.server[0]}:{c.server[1]}"),
             ("protocol", c.protocol), ("status answered", str(c.status)),
             ("content", f"{c.body_length} octets" + (f" (first {len(c.body)} kept)"
                                                     if c.body_cut else ""))]
    if c.tls is not None:
        facts += [("tls", " ".join(x for x in (c.tls.version, c.tls.cipher) if x) or "yes"),
                  ("alpn", c.tls.alpn or "-"), ("server name", visible(c.tls.server_name or "-"))]
    if c.bin is not None:
        facts.append(("bin", visible(c.bin)))
    return facts


def _exports(c: Capture) -> Node:
    base = f"/captures/{c.id}"
    prev = f"/captures/{(c.id or 1) - 1}/diff/{c.id}"
    return ("p", *(("a", {"href": href}, label) for href, label in (
        (base + ".har", "HAR"), (base + ".curl", "curl"), (base + ".http", "raw bytes (nc)"),
        (base + "/raw", "raw view"), (prev, "diff with the previous"),
        ("/captures", "all captures"))))


def detail(c: Capture, view: str, redact: frozenset[str]) -> Answer:
    ins = inspection_of(c, redact)
    facts = capture_facts(c)

    def tree() -> Node:
        after = ("section", ("h2", f"Capture #{c.id}"), _exports(c),
                 ("dl", *(part for k, v in facts for part in (("dt", k), ("dd", v)))))
        return inspector_tree(for_display(ins), after=after)

    def text() -> str:
        return ("".join(f"{k}: {v}\n" for k, v in facts) + "\n" + inspector_text(ins))

    def document() -> object:
        doc = request_json(ins.method, ins.target, ins.version, ins.fields)
        doc["capture"] = dict(facts)
        return doc

    return Answer(view, 200, tree, text, document)


def raw(c: Capture) -> str:
    return raw_text(c.head)


def har(c: Capture) -> Response:
    return _download(dumps(to_har(c)) + "\n", "application/json; charset=utf-8",
                     f"capture-{c.id}.har")


def curl(c: Capture, url: str | None) -> Response:
    command, diffs = to_curl(c, url=url)
    # The command holds printable ASCII only (curl.py); the notes may name a field.
    notes = "".join(f"# differs: {visible(d)}\n" for d in diffs) or "# curl sends the same bytes\n"
    return _text(inert_text(f"# capture #{c.id}, sent again by curl\n{notes}{command}\n"))


def http_bytes(c: Capture) -> Response:
    notes = http_notes(c)
    headers = [("Content-Type", "application/octet-stream"), ("X-Content-Type-Options", "nosniff"),
               ("Content-Disposition", f'attachment; filename="capture-{c.id}.http"'),
               ("Cache-Control", "no-store"), ("Content-Security-Policy", "sandbox")]
    if notes:  # our own text: printable ASCII
        headers.append(("X-Headerscope-Note", "; ".join(notes)))
    return Response(200, headers, capture_bytes(c))


def _download(body: str, content_type: str, filename: str) -> Response:
    return Response(200, [("Content-Type", content_type), ("X-Content-Type-Options", "nosniff"),
                          ("Content-Disposition", f'attachment; filename="{filename}"'),
                          ("Cache-Control", "no-store"), ("Content-Security-Policy", "sandbox")],
                    body.encode("utf-8"))


def _text(body: str) -> Response:
    return Response(200, [("Content-Type", "text/plain; charset=utf-8"),
                          ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-store"),
                          ("Content-Security-Policy", "sandbox")], body.encode("utf-8"))
