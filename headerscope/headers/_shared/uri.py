"""URI references and origins (RFC 3986; RFC 6454, 6.2); hosts and ports are in _host.py.

Shared by every field that carries one (Host, Origin, Referer, Location, Forwarded, Via,
X-Forwarded-*, Link, Access-Control-Allow-Origin, ...). Other groups may import from here.

Strategy: one compiled regular expression per production, matched at a position with an end
bound, so that a URI inside a larger value (`<...>` in Link, one origin of a list) is parsed
in place and every error points into the whole raw value. A regex stops at the first
character that does not fit, and that character's position is the error's position. Not
urllib.parse: it accepts anything.

    URI-reference = URI / relative-ref
    URI           = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
    relative-ref  = relative-part [ "?" query ] [ "#" fragment ]
    hier-part     = "//" authority path-abempty / path-absolute / path-rootless / path-empty
    relative-part = "//" authority path-abempty / path-absolute / path-noscheme / path-empty
    scheme        = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    authority     = [ userinfo "@" ] host [ ":" port ]
    userinfo      = *( unreserved / pct-encoded / sub-delims / ":" )
    path          = *( pchar / "/" )    ; path-noscheme: no ":" in the first segment
    query         = *( pchar / "/" / "?" )
    fragment      = *( pchar / "/" / "?" )
    pchar         = unreserved / pct-encoded / sub-delims / ":" / "@"
    serialized-origin = scheme "://" host [ ":" port ]              (RFC 6454, 6.2)
"""

from __future__ import annotations

import enum
import re

from ...grammar import describe
from .host import PCT, PLAIN, Host, HostKind, bad_char, char_at, parse_host, write_host
from .spec import FieldError
from .value import value_type

# Unrolled, like _host._REG_NAME_RE: one way to read any text, so no match ever backtracks.
_USERINFO_RE = re.compile(rf"[{PLAIN}:]*(?:{PCT}[{PLAIN}:]*)*")
_PATH_RE = re.compile(rf"[{PLAIN}:@/]*(?:{PCT}[{PLAIN}:@/]*)*")
_QUERY_RE = re.compile(rf"[{PLAIN}:@/?]*(?:{PCT}[{PLAIN}:@/?]*)*")
SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+\-.]*")
_AUTHORITY_END_RE = re.compile(r"[/?#]")


@value_type
class Uri:
    """A URI with its scheme (lower-cased); `host` is None when there is no authority."""

    scheme: str
    userinfo: str | None
    host: Host | None
    path: str
    query: str | None = None
    fragment: str | None = None

    def __str__(self) -> str:
        return write_uri_reference(self)


@value_type
class RelativeRef:
    """A relative reference (no scheme), resolved against a base URI by the recipient."""

    userinfo: str | None
    host: Host | None
    path: str
    query: str | None = None
    fragment: str | None = None

    def __str__(self) -> str:
        return write_uri_reference(self)


UriReference = Uri | RelativeRef


class OpaqueOrigin(enum.StrEnum):
    """The "null" origin of a sandboxed, file: or privacy-sensitive context (RFC 6454, 7.3)."""

    NULL = "null"


@value_type
class Origin:
    """A serialized tuple origin: scheme (lower-cased), host and port (None when omitted)."""

    scheme: str
    host: str
    port: int | None = None
    kind: HostKind = HostKind.REG_NAME

    def __str__(self) -> str:
        return write_origin(self)


def parse_scheme(text: str, pos: int = 0, end: int | None = None) -> str:
    """`scheme` spanning exactly [pos, end), lower-cased (schemes are case-insensitive)."""
    end = len(text) if end is None else end
    m = SCHEME_RE.match(text, pos, end)
    stop = pos if m is None else m.end()
    if m is None or stop != end:
        raise FieldError(f"expected a URI scheme such as 'https', found "
                         f"{describe(char_at(text, stop, end))}", stop)
    return m.group().lower()


# -- URI references ----------------------------------------------------------------------


def parse_uri_reference(text: str, pos: int = 0, end: int | None = None) -> UriReference:
    """`URI-reference` spanning exactly [pos, end)."""
    end = len(text) if end is None else end
    scheme = None
    m = SCHEME_RE.match(text, pos, end)
    if m is not None and m.end() < end and text[m.end()] == ":":
        scheme, pos = m.group().lower(), m.end() + 1
    userinfo, host = None, None
    if text.startswith("//", pos, end):
        start = pos + 2
        stop_m = _AUTHORITY_END_RE.search(text, start, end)
        stop = end if stop_m is None else stop_m.start()
        at = text.find("@", start, stop)
        if at >= 0:
            m = _USERINFO_RE.match(text, start, at)
            assert m is not None
            if m.end() != at:
                raise bad_char(text, m.end(), "the userinfo")
            userinfo, start = text[start:at], at + 1
        host, pos = parse_host(text, start, stop), stop
    m = _PATH_RE.match(text, pos, end)
    assert m is not None
    path, pos, where = text[pos:m.end()], m.end(), "a URI path"
    if scheme is None and host is None:
        colon, slash = path.find(":"), path.find("/")
        if colon >= 0 and (slash < 0 or colon < slash):
            raise FieldError("':' in the first segment of a relative reference would read as "
                             "a scheme; a scheme must start with a letter", pos - len(path) + colon)
    query = fragment = None
    if pos < end and text[pos] == "?":
        m = _QUERY_RE.match(text, pos + 1, end)
        assert m is not None
        query, pos, where = text[pos + 1:m.end()], m.end(), "a URI query"
    if pos < end and text[pos] == "#":
        m = _QUERY_RE.match(text, pos + 1, end)
        assert m is not None
        fragment, pos, where = text[pos + 1:m.end()], m.end(), "a URI fragment"
    if pos < end:
        raise bad_char(text, pos, where)
    if scheme is None:
        return RelativeRef(userinfo, host, path, query, fragment)
    return Uri(scheme, userinfo, host, path, query, fragment)


def write_uri_reference(value: UriReference) -> str:
    parts = [value.scheme, ":"] if isinstance(value, Uri) else []
    if value.host is not None:
        parts.append("//")
        if value.userinfo is not None:
            parts += (value.userinfo, "@")
        parts.append(write_host(value.host))
    parts.append(value.path)
    if value.query is not None:
        parts += ("?", value.query)
    if value.fragment is not None:
        parts += ("#", value.fragment)
    return "".join(parts)


# -- origins -----------------------------------------------------------------------------


def parse_origin(text: str, pos: int = 0, end: int | None = None) -> Origin:
    """`serialized-origin = scheme "://" host [ ":" port ]` spanning exactly [pos, end)."""
    end = len(text) if end is None else end
    m = SCHEME_RE.match(text, pos, end)
    if m is None:
        raise FieldError(f"expected a scheme such as 'https', found "
                         f"{describe(char_at(text, pos, end))}", pos)
    if not text.startswith("://", m.end(), end):
        raise FieldError(f"expected '://' after the scheme {m.group()!r}: an origin is "
                         "scheme://host[:port]", m.end())
    start = m.end() + 3
    stop_m = _AUTHORITY_END_RE.search(text, start, end)
    stop = end if stop_m is None else stop_m.start()
    if start == stop or text[start] == ":":
        raise FieldError("expected a host after '://'", start)
    host = parse_host(text, start, stop)
    if stop_m is not None:
        raise FieldError(f"a serialized origin has no path, query or fragment: remove "
                         f"everything from {describe(stop_m.group())}", stop)
    return Origin(m.group().lower(), host.host, host.port, host.kind)


def write_origin(value: Origin) -> str:
    return f"{value.scheme}://{write_host(Host(value.host, value.port, value.kind))}"
