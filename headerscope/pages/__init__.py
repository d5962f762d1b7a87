"""The pages: a parsed request in, a Response out, pure CPU and no I/O (the server does that).

    from headerscope.pages import PageOptions, make_app
    app = make_app(PageOptions(redact=frozenset({"cookie"})))
    response = app(request, connection_info)      # the App the server and WSGI/ASGI call

The modules, by what they do:
    app.py            routing: /, /hello, /fields, /captures, ... to a page, in a view
    options.py        what `headerscope serve` asks of the pages (PageOptions)
    inspection.py     what a page knows of one request: parsed fields, connection, body
    inspector.py      the inspector page as an SXML tree; text.py the text view;
                      document.py the JSON document; respond.py a tree to a Response
    negotiate.py      which view to send (Accept, ?format=)
    connection.py     the TLS, HTTP/2 and proxy sections every view shows
    fieldcache.py     parsed field lines and their rows, kept per (name, raw value)
    fields_page.py    /fields and /fields/NAME
    captures_*.py     the request history's pages; live.py its live view
    compare_view.py   `serve --compare`: the other parsers' readings beside ours
    body.py, jsonbody.py, multipart.py   a request body, summarised and bounded
    valueview.py, _valuerules.py         a parsed value as readable lines
    limits.py, visible.py, style.py      bounds, inert text, the one stylesheet

`make_app` is imported on first use: `headerscope parse` needs text.py and document.py alone,
not the whole app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .options import PageOptions

if TYPE_CHECKING:
    from .app import make_app

__all__ = ["PageOptions", "make_app"]


def __getattr__(name: str) -> Any:
    if name == "make_app":
        from .app import make_app

        return make_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
