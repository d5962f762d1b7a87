"""What a page knows about one request: the parsed fields and where the request came from.

A page is a pure function of an `Inspection`, so the same page can be served by our own
server, under WSGI or ASGI, or built in a test from bytes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..headers import REGISTRY, Diagnostic, FieldSection, ParsedField, parse_section
from .visible import visible

if TYPE_CHECKING:
    from ..http import ConnectionDetails, HTTP2Details
    from ..proxy.trust import AddressWalk
    from .fieldcache import FieldCache

REDACTED = "(redacted)"


@dataclass(frozen=True, slots=True)
class Inspection:
    method: str
    target: str
    version: str
    fields: FieldSection
    trailers: FieldSection
    body: bytes = b""
    head: bytes = b""  # the request head exactly as received; empty when the host hides it
    client: str = ""  # "address:port" of the peer
    number: int = 1  # the request's number on its connection
    raw_available: bool = True  # False under WSGI/ASGI, where the server hides the bytes
    # What the connection showed (TLS, a PROXY header), HTTP/2's view of the request, and the
    # client address worked out through --trusted-proxy: None when there is nothing to show.
    details: ConnectionDetails | None = None
    http2: HTTP2Details | None = None
    walk: AddressWalk | None = None
    redacted: frozenset[str] = frozenset()  # lower-case names whose values are hidden

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def query(self) -> str:
        return self.target.split("?", 1)[1] if "?" in self.target else ""


def is_capture_page(target: str) -> bool:
    """/captures, /captures/... and /captures?...: the history's own pages (not captured)."""
    return target.startswith("/captures") and target[9:10] in ("", "/", "?")


def inspect_fields(pairs: Any, redact: frozenset[str] = frozenset(),
                   cache: FieldCache | None = None) -> FieldSection:
    """Parse `(name, value)` pairs; hide the values of redacted fields in every view.

    `redact`: lower-case names (field names are case-insensitive, RFC 9110, 5.1).
    `cache`: parse through this field cache (pages/fieldcache.py), which must have been made
    with the same `redact` names, so that it keeps none of their values.
    """
    if cache is not None and redact and not redact <= cache.never:
        cache = None  # a cache made for other names could keep these values: parse afresh
    section = parse_section(REGISTRY if cache is None else cache, pairs)
    if not redact or not any(f.name in redact for f in section):
        return section
    return FieldSection(tuple(_redacted(f) if f.name in redact else f for f in section))


def _redacted(f: ParsedField) -> ParsedField:
    return f._replace(raw=REDACTED, value=None, error=None, warnings=())


def for_display(ins: Inspection) -> Inspection:
    """`ins` as the HTML view draws it: the method, the version, each field name and each
    reason of a diagnostic made visible (a reason can quote the value). The framer lets
    none of them hold a control, but a WSGI or ASGI host may hand anything over, and the
    HTML serializer refuses NUL. The raw values stay: the rows make them visible themselves,
    and a caret counts its column in the raw value. Nothing is copied when nothing changes.
    """
    fields, trailers = shown_section(ins.fields), shown_section(ins.trailers)
    method, version = visible(ins.method), visible(ins.version)
    if (fields is ins.fields and trailers is ins.trailers and method is ins.method
            and version is ins.version):
        return ins
    return dataclasses.replace(ins, method=method, version=version, fields=fields,
                               trailers=trailers)


def shown_section(section: FieldSection) -> FieldSection:
    """`shown` on every line; the same section when no line changes (the usual case: this
    runs for every HTML page, so the common line is tested inline, without a call)."""
    lines = section.lines
    for i, f in enumerate(lines):
        _, name, _, _, error, warnings, _ = f
        if error is None and not warnings and name.isascii() and name.isprintable():
            continue
        if shown(f) is not f:
            return FieldSection(lines[:i] + tuple(shown(g) for g in lines[i:]))
    return section


def shown(f: ParsedField) -> ParsedField:
    """The field with its name and the reasons of its diagnostics made visible."""
    name = f.wire_name
    if name.isascii() and name.isprintable() and f.error is None and not f.warnings:
        return f  # almost every line
    error = None if f.error is None else _shown(f.error)
    warnings = tuple(_shown(w) for w in f.warnings)
    name = visible(name)
    if name is f.wire_name and error is f.error and all(
            a is b for a, b in zip(warnings, f.warnings, strict=True)):
        return f
    return f._replace(wire_name=name, error=error, warnings=warnings)


def _shown(d: Diagnostic) -> Diagnostic:
    reason = visible(d.reason)
    return d if reason is d.reason else Diagnostic(reason, d.position)


def redact_head(head: bytes, redact: frozenset[str]) -> bytes:
    """The head with the value of every field line named in `redact` (lower-case) replaced
    by (redacted), and so is any obs-fold continuation of it; the name is kept as sent.

    What the raw view shows and the --compare framers read, so that a redacted value is in
    no view: the head runs from the request line to the empty line (RFC 9112, 2.1). The
    request line is read as a line too: it cannot pass for a field line named in `redact`
    (its method is a token, without ":"), and an HTTP/2 request's head has none, its first
    line is the field line ":method: ..." (http/h2request.py).
    """
    if not redact:
        return head
    lines = head.split(b"\n")
    hiding = False
    for i in range(len(lines)):
        line = lines[i]
        cr = b"\r" if line.endswith(b"\r") else b""
        if line == cr:
            break  # the empty line: the head ends here
        if line[:1] in (b" ", b"\t"):  # obs-fold: part of the value of the line above
            if hiding:
                lines[i] = b" " + _HIDDEN + cr
            continue
        name, colon, _ = line.partition(b":")
        hiding = bool(colon) and name.strip(b" \t").decode("latin-1").lower() in redact
        if hiding:
            lines[i] = name + b": " + _HIDDEN + cr
    return b"\n".join(lines)


_HIDDEN = REDACTED.encode("ascii")
