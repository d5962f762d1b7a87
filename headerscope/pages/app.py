"""Routing: a request and its connection in, a Response out. Pure CPU, no I/O.

    /hello            "Hello, World!" (every field is still parsed, as in Guile's hello.scm)
    /fields[/NAME]    the registry, and a form that parses a pasted value
    /favicon.svg|ico  a small icon, so browsers log no error
    /captures...      the request history (captures_routes.py), when the server keeps one
    anything else     the inspector, as HTML, JSON, text or raw by negotiation; /bin/NAME/...
                      too, with its captures filed under NAME
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from .. import phases
from ..headers import REGISTRY, FieldSection
from ..http import App, ConnectionInfo, Finish, Request, Response, Work
from . import fields_page
from .document import request_json
from .fieldcache import FieldCache
from .inspection import Inspection, for_display, inspect_fields, is_capture_page, redact_head
from .inspector import inspector_tree
from .negotiate import negotiate
from .options import PageOptions
from .respond import CONTENT_TYPES, render_view, respond
from .text import inspector_text, raw_text

__all__ = ["CONTENT_TYPES", "PageOptions", "make_app", "render_view", "respond", "route"]

if phases.RECORDER is not None:  # `headerscope bench --phases` only; decided once, at import
    inspect_fields = phases.RECORDER.timed("parsing", inspect_fields)
    inspector_tree = phases.RECORDER.timed("tree", inspector_tree)

FAVICON = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
           b'<rect width="16" height="16" rx="3" fill="#2b6cb0"/>'
           b'<path d="M4 4v8M4 8h5M9 4v8" stroke="#fff" stroke-width="2"/></svg>')
_HELLO_HEADERS = (("Content-Type", "text/plain; charset=utf-8"),)
_FAVICON_HEADERS = (("Content-Type", "image/svg+xml"), ("Cache-Control", "max-age=86400"))


def strict_error(section: FieldSection) -> Response | None:
    for f in section:
        if f.error is not None and f.known:
            # Name the field and where its value goes wrong, never the value (it is the
            # client's, and may be a credential): the parsers' reasons often quote a piece of
            # it ("'x' is not a valid IPv4 address"), so the reason is left out too.
            at = (f" at character {f.error.position + 1} of its value"
                  if f.error.position is not None else "")
            message = (f"400 Bad Request: invalid {f.name} field{at} (serve --strict; the "
                       "inspector without it, or `headerscope parse`, says why)\n")
            return respond("text", message, 400)
    return None


_NO_FIELDS = FieldSection(())  # what inspect_fields([]) returns: most requests have no trailers


_DEFAULTS = PageOptions()


def make_app(options: PageOptions = _DEFAULTS) -> App:  # noqa: C901
    # Every option is decided here once, so the closures below test nothing per request.
    pages: Callable[[Inspection], Response] = route
    if options.compare:  # decided once: without --compare nothing of it is even imported
        from .compare_view import compare_pages

        pages = compare_pages(options, route)

    redact = options.redact
    # One field cache per app, so per server process; never holding a redacted value.
    cache = FieldCache(REGISTRY, never=redact) if options.cache else None
    record: Callable[[Request, ConnectionInfo, Response, Inspection], None] | None = None
    later: Callable[[Inspection], Response | Work] | None = None
    costly: Callable[[Request], bool] | None = None
    if options.store is not None:  # decided once: without a store nothing of it is imported
        from .captures_routes import capturing

        hooks = capturing(pages, options.store, redact)
        pages, record, later, costly = hooks.pages, hooks.record, hooks.later, hooks.costly
    trusted = options.trusted_proxies
    if trusted:
        from ..proxy.trust import client_address

    def inspect(request: Request, info: ConnectionInfo) -> Inspection:
        head = request.head
        if redact and any(f.name.lower() in redact for f in request.fields):
            head = redact_head(head, redact)  # the raw view and the framers see it too
        return Inspection(
            request.method, request.target, request.version,
            inspect_fields([(f.name, f.value) for f in request.fields], redact, cache),
            inspect_fields([(f.name, f.value) for f in request.trailers], redact, cache)
            if request.trailers else _NO_FIELDS,
            request.body, head, f"{info.client[0]}:{info.client[1]}",
            info.request_number, True, info.details, request.http2,
            client_address(_peer(info), [(f.name, f.value) for f in request.fields], trusted)
            if trusted else None,
            redact,
        )

    def refused(ins: Inspection) -> Response | None:
        return strict_error(ins.fields) if options.strict else None

    def app(request: Request, info: ConnectionInfo) -> Response:
        ins = inspect(request, info)
        response = refused(ins) or pages(ins)
        if record is not None:
            record(request, info, response, ins)
        return response

    def split(request: Request, info: ConnectionInfo) -> Work:
        """The same answer as `app`, for the server to build off its loop
        (server/_offload.py): the parsing and drawing on its worker thread, the capture
        recorded back on the loop (the store and the live hub are the loop's). A capture
        page goes there and back twice: the request parsed there, the store read here, the
        stored requests parsed, compared and drawn there."""
        if later is not None and is_capture_page(request.target):
            history = later

            def parse() -> Finish:
                ins = inspect(request, info)
                return lambda: refused(ins) or history(ins)
            return parse

        def work() -> Finish:
            ins = inspect(request, info)
            response = refused(ins) or pages(ins)
            if record is None:
                return lambda: response

            def finish() -> Response:
                record(request, info, response, ins)
                return response
            return finish
        return work

    app.split = split  # type: ignore[attr-defined]
    app.field_cache = cache  # type: ignore[attr-defined]  # None with --no-cache
    if costly is not None:  # a small request for a page of a large capture
        app.costly = costly  # type: ignore[attr-defined]
    if options.store is not None:
        app.close = hooks.close  # type: ignore[attr-defined]  # the server flushes at shutdown
    return app


def _peer(info: ConnectionInfo) -> str:
    """The address the trust walk starts from: the PROXY header's client when one came."""
    details = info.details
    proxied = details.proxy.client if details is not None and details.proxy else None
    return proxied[0] if proxied else info.client[0]


InspectorView = Callable[[Inspection, str], Response]  # (request, negotiated view) -> page


def inspector_page(ins: Inspection, view: str) -> Response:
    return render_view(
        view, lambda: inspector_tree(for_display(ins)), lambda: inspector_text(ins),
        lambda: inspector_json(ins))


def inspector_json(ins: Inspection) -> dict[str, Any]:
    """The JSON view: request_json's document, the protocol, the connection, and for HTTP/2
    the `http2` object and each field's `hpack` (docs/json.md)."""
    doc = request_json(ins.method, ins.target, ins.version, ins.fields)
    if ins.details is None and ins.http2 is None and ins.walk is None:
        doc["protocol"] = ins.version
        doc["connection"] = {"client": ins.client, "proxy": None, "client_address": None,
                             "tls": None}
        doc["http2"] = None
        return doc
    from .connection import connection_json, http2_json, regular_hpack

    doc["protocol"] = "HTTP/2" if ins.http2 is not None else ins.version
    doc["connection"] = connection_json(ins)
    doc["http2"] = http2_json(ins)
    if ins.http2 is not None:
        for field_doc, hpack in zip(doc["fields"], regular_hpack(ins), strict=False):
            field_doc["hpack"] = hpack
    return doc


def route(ins: Inspection, inspector: InspectorView = inspector_page) -> Response:
    """Every path; `inspector` draws the inspector itself (serve --compare passes its own)."""
    path = ins.path
    if path == "/hello":
        return Response(200, _HELLO_HEADERS, b"Hello, World!")
    if path in ("/favicon.svg", "/favicon.ico"):
        return Response(200, _FAVICON_HEADERS, FAVICON)
    if path == "/fields" or path.startswith("/fields/"):
        return fields_route(ins)
    view = negotiate(ins.query, ins.fields)
    if view == "raw":
        if not ins.raw_available:
            return respond("text", "The raw request bytes are not available under this "
                                   "server (WSGI/ASGI servers hide them).\n")
        if ins.details is None and ins.http2 is None:
            return respond("raw", raw_text(ins.head))
        from .connection import raw_extra

        # HTTP/2 has no head on the wire: its frames and HPACK instructions stand for it.
        head = "" if ins.http2 is not None else raw_text(ins.head)
        return respond("raw", head + raw_extra(ins))
    return inspector(ins, view)


def fields_route(ins: Inspection) -> Response:
    view = negotiate(ins.query, ins.fields)
    view = "text" if view == "raw" else view
    try:
        asked = fields_page.form_input(ins.query, ins.body)
    except fields_page.FormTooLarge as exc:
        return respond("text", f"413 Content Too Large: {exc.reason}\n", exc.status)
    if asked is not None:
        f = REGISTRY.parse(*asked)
        return render_view(view, lambda: fields_page.parsed_tree(f),
                           lambda: fields_page.parsed_text(f), lambda: fields_page.parsed_json(f))
    name = unquote(ins.path[len("/fields/"):]) if ins.path.startswith("/fields/") else ""
    if name:
        spec = REGISTRY.get(name)
        if spec is None:
            return respond("text", "404 Not Found: no such field in the registry\n", 404)
        return render_view(view, lambda: fields_page.spec_tree(spec),
                           lambda: fields_page.parsed_text(REGISTRY.parse(spec.name, spec.example)),
                           lambda: fields_page.spec_json(spec))
    specs = sorted(REGISTRY, key=lambda s: s.key)
    return render_view(
        view, fields_page.registry_tree,
        lambda: "".join(f"{s.name:<36}{s.ref:<44}{s.kind.value:<10}{s.value_type}\n"
                        for s in specs),
        lambda: [fields_page.spec_json(s) for s in specs])
