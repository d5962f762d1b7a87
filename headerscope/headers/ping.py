"""Ping-From and Ping-To: the page and the target of a hyperlink auditing request (HTML Living
Standard, 4.6.7 "Hyperlink auditing"; `<a ping>`).

There is no ABNF; the standard says: "The `Ping-From` and `Ping-To` HTTP request headers are
included in hyperlink auditing requests. Their value is a URL, serialized." The request
"must include a `Ping-From` header with, as its value, the URL of the document containing the
hyperlink, and a `Ping-To` HTTP header with, as its value, the target URL" (Ping-From only when
the ping goes to the same origin, or the page is not https).

A serialized URL (URL Standard) is absolute, `scheme ":" ...`, and ASCII: the serializer
percent-encodes every code point above U+007E and every C0 control in every component. So the
parser asks for a scheme, a colon and printable ASCII after it (SP included: an opaque path such
as `data:text/plain,a b` keeps its spaces). What the serializer would have written differently
but a recipient still reads is a warning: upper case in the scheme, and for the special schemes
(http, https, ws, wss, ftp, file) a missing "//", upper case in the host or an empty path
(`https://a.example` serializes as `https://a.example/`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..grammar import expect_run
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.uri import SCHEME_RE

_REST_RE = re.compile(r"[ -~]*")
_SPECIAL = frozenset({"http", "https", "ws", "wss", "ftp", "file"})
_HOST_END_RE = re.compile(r"[/?#]")


def parse(raw: str) -> str:
    m = SCHEME_RE.match(raw)
    if m is None or raw[m.end():m.end() + 1] != ":":
        stop = 0 if m is None else m.end()
        raise FieldError("a serialized URL is absolute: a scheme such as 'https', then ':'",
                         stop)
    expect_run(raw, _REST_RE, "is not allowed in a serialized URL (printable ASCII only: "
               "the serializer percent-encodes the rest)", m.end() + 1)
    return raw


def lint(value: str, raw: str) -> Iterator[Diagnostic]:
    colon = value.index(":")
    scheme = value[:colon]
    if scheme != scheme.lower():
        yield Diagnostic("the URL serializer writes the scheme in lower case", 0)
    if scheme.lower() not in _SPECIAL:
        return
    if not value.startswith("//", colon + 1):
        yield Diagnostic(f"the URL serializer writes '{scheme.lower()}:' URLs with '//' and a "
                         "host", colon + 1)
        return
    start = colon + 3
    end_m = _HOST_END_RE.search(value, start)
    end = len(value) if end_m is None else end_m.start()
    start = max(start, value.rfind("@", start, end) + 1)  # the host follows any userinfo
    host = value[start:end]
    if host != host.lower():
        yield Diagnostic("the URL serializer writes the host in lower case", start)
    if end == len(value) or value[end] != "/":
        yield Diagnostic("the URL serializer writes an empty path as '/'", end)


def _spec(name: str, example: str) -> FieldSpec[str]:
    return FieldSpec(name, parse, str, "HTML, 4.6.7", value_type="str (a serialized URL)",
                     lint=lint, example=example)


PING_FROM = _spec("Ping-From", "https://www.example.com/page.html")
PING_TO = _spec("Ping-To", "https://www.example.org/target?from=ad")
