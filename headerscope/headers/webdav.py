"""WebDAV's request and response fields (RFC 4918, section 10), but If (see webdav_if.py).

    DAV              = "DAV" ":" #( compliance-class )                        ; 10.1
    compliance-class = ( "1" | "2" | "3" | extend )
    extend           = Coded-URL | token
    Coded-URL        = "<" absolute-URI ">"
                     ; No linear whitespace (LWS) allowed in Coded-URL
    Depth            = "Depth" ":" ("0" | "1" | "infinity")                   ; 10.2
    Destination      = "Destination" ":" Simple-ref                          ; 10.3
    Simple-ref       = absolute-URI | ( path-absolute [ "?" query ] )         ; 8.3
    Lock-Token       = "Lock-Token" ":" Coded-URL                             ; 10.5
    Overwrite        = "Overwrite" ":" ("T" | "F")                            ; 10.6
    TimeOut          = "Timeout" ":" 1#TimeType                               ; 10.7
    TimeType         = ("Second-" DAVTimeOutVal | "Infinite")
                     ; No LWS allowed within TimeType
    DAVTimeOutVal    = 1*DIGIT

Quoted strings in ABNF are case-insensitive, so "Infinity", "t" and "second-5" are read.
"The timeout value for TimeType "Second" MUST NOT be greater than 2^32-1": a sender rule, so
a larger value is read (at most 2^63-1) with a warning.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

from ..grammar import Cursor, describe, parse_list, read_count
from ._shared.content import list_lint
from ._shared.families import token_field
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.uri import RelativeRef, Uri, UriReference, parse_uri_reference, write_uri_reference
from ._shared.value import value_type

MAX_TIMEOUT = 2**32 - 1
_TIME_TYPE_RE = re.compile(r"(?i:second-)([0-9]+)|(?i:infinite)")


@value_type
class CodedUrl:
    """`"<" absolute-URI ">"`: a URI that names a thing (a lock, a compliance class)."""

    url: str  # the absolute-URI, without the angle brackets

    def __str__(self) -> str:
        return f"<{self.url}>"


def parse_coded_url(cur: Cursor) -> CodedUrl:
    """A Coded-URL at the cursor: "<", an absolute-URI with no whitespace, ">"."""
    opened, close = cur.bracketed("opens a Coded-URL that")
    check_absolute(cur.text, opened, close)
    return CodedUrl(cur.text[opened:close])


def check_absolute(text: str, pos: int, end: int) -> Uri:
    """`absolute-URI = scheme ":" hier-part [ "?" query ]` spanning [pos, end): no fragment."""
    uri = parse_uri_reference(text, pos, end)
    if not isinstance(uri, Uri):
        raise FieldError("expected an absolute URI, with a scheme such as 'urn:' or 'https:'",
                         pos)
    _no_fragment(uri, text, pos, end)
    return uri


def _no_fragment(ref: UriReference, text: str, pos: int, end: int) -> None:
    if ref.fragment is not None:
        raise FieldError("no fragment is allowed here: remove the '#...'",
                         text.find("#", pos, end))


def parse_simple_ref(text: str, pos: int = 0, end: int | None = None) -> UriReference:
    """`Simple-ref = absolute-URI | ( path-absolute [ "?" query ] )` spanning [pos, end)."""
    end = len(text) if end is None else end
    ref = parse_uri_reference(text, pos, end)
    if isinstance(ref, RelativeRef) and (ref.host is not None or not ref.path.startswith("/")):
        raise FieldError("expected an absolute URI or an absolute path ('/...'), with an "
                         "optional query (Simple-ref, RFC 4918, 8.3)", pos)
    _no_fragment(ref, text, pos, end)
    return ref


# -- DAV ---------------------------------------------------------------------------------------

ComplianceClass = str | CodedUrl  # "1", "2", "3", a token, or a Coded-URL


def _compliance_class(cur: Cursor) -> ComplianceClass:
    return parse_coded_url(cur) if cur.peek() == "<" else cur.token("a compliance class")


def parse_dav(raw: str) -> tuple[ComplianceClass, ...]:
    return parse_list(raw, _compliance_class)


def write_dav(value: tuple[ComplianceClass, ...]) -> str:
    return ", ".join(str(c) for c in value)


def lint_dav(value: tuple[ComplianceClass, ...], raw: str) -> Iterator[Diagnostic]:
    # 10.1: "When a resource shows its compliance with class 2 or class 3, it MUST show
    # class 1 compliance as well"
    if ("2" in value or "3" in value) and "1" not in value:
        yield Diagnostic("a resource that is class 2 or 3 must list class 1 as well "
                         "(RFC 4918, 10.1)", 0)


# -- Destination, Lock-Token -------------------------------------------------------------------

def parse_lock_token(raw: str) -> CodedUrl:
    cur = Cursor(raw)
    token = parse_coded_url(cur)
    cur.expect_end()
    return token


# -- Overwrite, Timeout ------------------------------------------------------------------------

def parse_overwrite(raw: str) -> bool:
    if raw in ("T", "F", "t", "f"):
        return raw in ("T", "t")
    raise FieldError(f"expected T or F, found {describe(raw[:1])}", 0)


def write_overwrite(value: bool) -> str:
    return "T" if value else "F"


class Infinite(enum.StrEnum):
    INFINITE = "Infinite"


INFINITE = Infinite.INFINITE
TimeType = int | Infinite  # seconds, or no timeout


def _time_type(cur: Cursor) -> TimeType:
    m = _TIME_TYPE_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected("'Second-' and a number of seconds, or 'Infinite'")
    cur.pos = m.end()
    return INFINITE if m.group(1) is None else read_count(m.group(1))


def parse_timeout(raw: str) -> tuple[TimeType, ...]:
    return parse_list(raw, _time_type, at_least_one=True, what="Timeout")


def write_timeout(value: tuple[TimeType, ...]) -> str:
    return ", ".join(str(INFINITE) if t is INFINITE else f"Second-{t}" for t in value)


def lint_timeout(value: tuple[TimeType, ...], raw: str) -> Iterator[Diagnostic]:
    for t in value:
        if isinstance(t, int) and t > MAX_TIMEOUT:
            yield Diagnostic('a "Second" timeout MUST NOT be greater than 2^32-1 '
                             "(RFC 4918, 10.7)", None)
            return


DAV = FieldSpec("DAV", parse_dav, write_dav, "RFC 4918, 10.1", kind=Kind.LIST,
                value_type="tuple[str | CodedUrl, ...]", lint=list_lint(lint_dav),
                example="1, 2, <http://example.com/extensions/ordered>")
DEPTH = token_field("Depth", "RFC 4918, 10.2", ("0", "1", "infinity"), example="infinity")
DESTINATION = FieldSpec("Destination", parse_simple_ref, write_uri_reference, "RFC 4918, 10.3",
                        value_type="Uri | RelativeRef",
                        example="http://www.example.com/users/f/fielding/index.html")
LOCK_TOKEN = FieldSpec("Lock-Token", parse_lock_token, str, "RFC 4918, 10.5",
                       value_type="CodedUrl",
                       example="<urn:uuid:a515cfa4-5da4-22e1-f5b5-00a0451e6bf7>")
OVERWRITE = FieldSpec("Overwrite", parse_overwrite, write_overwrite, "RFC 4918, 10.6",
                      value_type="bool", example="F")
TIMEOUT = FieldSpec("Timeout", parse_timeout, write_timeout, "RFC 4918, 10.7", kind=Kind.LIST,
                    value_type="tuple[int | Infinite, ...]", lint=list_lint(lint_timeout),
                    example="Infinite, Second-4100000000")

