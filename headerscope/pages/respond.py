"""How a page becomes a Response: its content type, the security fields every page carries,
and one last inert pass over the text (visible.py). A leaf of pages/: the routes
(app.py, captures_routes.py, compare_view.py) all end here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import phases
from ..http import Response
from ..sxml import Node, render_document
from .document import dumps
from .style import CONTENT_SECURITY_POLICY
from .visible import inert_html, inert_text

if phases.RECORDER is not None:  # `headerscope bench --phases` only; decided once, at import
    render_document = phases.RECORDER.timed("rendering", render_document)

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "raw": "text/plain; charset=utf-8",
}


def security_headers(content_type: str) -> tuple[tuple[str, str], ...]:
    return (
        ("Content-Type", content_type),
        ("X-Content-Type-Options", "nosniff"),
        ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
        ("Cache-Control", "no-store"),
        ("Referrer-Policy", "no-referrer"),
        ("Vary", "Accept"),
    )


# One tuple per view, so that the server encodes each only once (http/_writer.py).
_HEADERS = {view: security_headers(ctype) for view, ctype in CONTENT_TYPES.items()}


def respond(view: str, body: str, status: int = 200) -> Response:
    """The one place a page becomes bytes. The pages make every piece visible where they
    draw it; here each view passes one last linear guard (visible.py), so that no control,
    bidi override or lone surrogate from the request leaves by a path that forgot to: the
    text and raw views are read in terminals. JSON is made inert by `dumps` itself."""
    if view == "html":
        body = inert_html(body)
    elif view != "json":
        body = inert_text(body)
    return Response(status, _HEADERS[view], body.encode("utf-8"))


def render_view(view: str, tree: Callable[[], Node], text: Callable[[], str],
                document: Callable[[], Any]) -> Response:
    if view == "html":
        return respond("html", render_document(tree()))
    if view == "json":
        return respond("json", dumps(document()) + "\n")
    return respond("text", text())
