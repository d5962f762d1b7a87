"""Hosts, ports, IP addresses, origins and URI references (RFC 3986; RFC 6454, 6.2).

Shared by every field that carries one (Host, Origin, Referer, Location, Forwarded, Via,
X-Forwarded-*, Link, Access-Control-Allow-Origin, ...). Other groups may import from here.

Strategy: one compiled regular expression per production, matched at a position with an end
bound, so that a URI inside a larger value (`<...>` in Link, one origin of a list) is parsed
in place and every error points into the whole raw value. A regex stops at the first
character that does not fit, and that character's position is the error's position. IP
addresses are checked by the standard library's `ipaddress`, whose ValueError becomes a
FieldError at the address. Not urllib.parse: it accepts anything.

    URI-reference = URI / relative-ref
    URI           = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
    relative-ref  = relative-part [ "?" query ] [ "#" fragment ]
    hier-part     = "//" authority path-abempty / path-absolute / path-rootless / path-empty
    relative-part = "//" authority path-abempty / path-absolute / path-noscheme / path-empty
    scheme        = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    authority     = [ userinfo "@" ] host [ ":" port ]
    userinfo      = *( unreserved / pct-encoded / sub-delims / ":" )
    host          = IP-literal / IPv4address / reg-name
    IP-literal    = "[" ( IPv6address / IPvFuture ) "]"
    IPvFuture     = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
    reg-name      = *( unreserved / pct-encoded / sub-delims )
    port          = *DIGIT
    path          = *( pchar / "/" )    ; path-noscheme: no ":" in the first segment
    query         = *( pchar / "/" / "?" )
    fragment      = *( pchar / "/" / "?" )
    pchar         = unreserved / pct-encoded / sub-delims / ":" / "@"
    serialized-origin = scheme "://" host [ ":" port ]              (RFC 6454, 6.2)
"""

from __future__ import annotations

import enum
import ipaddress
import re

from ._spec import FieldError
from ._syntax import describe
from ._value import value_type

# unreserved and sub-delims, the characters that need no percent-encoding almost anywhere
_PLAIN = r"A-Za-z0-9\-._~!$&'()*+,;="
_PCT = r"%[0-9A-Fa-f]{2}"
_REG_NAME_RE = re.compile(rf"(?:[{_PLAIN}]+|{_PCT})*")
_USERINFO_RE = re.compile(rf"(?:[{_PLAIN}:]+|{_PCT})*")
_PATH_RE = re.compile(rf"(?:[{_PLAIN}:@/]+|{_PCT})*")
_QUERY_RE = re.compile(rf"(?:[{_PLAIN}:@/?]+|{_PCT})*")
SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+\-.]*")
_DEC_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
IPV4_RE = re.compile(rf"{_DEC_OCTET}(?:\.{_DEC_OCTET}){{3}}")
_IPV6_CHARS_RE = re.compile(r"[0-9A-Fa-f:.]+")
_IPVFUTURE_RE = re.compile(rf"[vV][0-9A-Fa-f]+\.[{_PLAIN}:]+")
_DIGITS_RE = re.compile(r"[0-9]*")
_AUTHORITY_END_RE = re.compile(r"[/?#]")


class HostKind(enum.StrEnum):
    REG_NAME = "reg-name"
    IPV4 = "ipv4"
    IPV6 = "ipv6"
    IPVFUTURE = "ipvfuture"


@value_type
class Host:
    """`uri-host [ ":" port ]`. A reg-name is lower-cased (hosts are case-insensitive, RFC
    3986, 3.2.2); an IP literal is kept without its brackets, lower-cased."""

    host: str
    port: int | None = None
    kind: HostKind = HostKind.REG_NAME

    @property
    def address(self) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
        if self.kind is HostKind.IPV4:
            return ipaddress.IPv4Address(self.host)
        return ipaddress.IPv6Address(self.host) if self.kind is HostKind.IPV6 else None

    def __str__(self) -> str:
        return write_host(self)


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


# -- errors ------------------------------------------------------------------------------


def char_at(text: str, pos: int, end: int) -> str:
    """The character at `pos` inside the bound `end`, or "" (described as "end of value")."""
    return text[pos] if pos < end else ""


def bad_char(text: str, pos: int, where: str) -> FieldError:
    """The error for the character at `pos`, which does not belong in `where`."""
    ch = text[pos] if pos < len(text) else ""
    if ch == "%":
        return FieldError(f"'%' in {where} must start a percent-encoding: '%' and two hex "
                          "digits", pos)
    return FieldError(f"{describe(ch)} is not allowed in {where}; percent-encode it", pos)


# -- hosts and ports ---------------------------------------------------------------------


def parse_port(text: str, pos: int, end: int) -> int | None:
    """`*DIGIT` spanning [pos, end), 0-65535; None for the empty port the grammar allows."""
    m = _DIGITS_RE.match(text, pos, end)
    assert m is not None  # `*` always matches
    if m.end() != end:
        raise FieldError(f"expected a port number, found {describe(text[m.end()])}", m.end())
    if pos == end:
        return None
    digits = text[pos:end].lstrip("0") or "0"
    if len(digits) > 5 or int(digits) > 65535:
        raise FieldError(f"port {text[pos:end]} is out of range (0-65535)", pos)
    return int(digits)


def parse_ipv6(text: str, pos: int, end: int) -> str:
    """An IPv6address spanning [pos, end), returned lower-cased as written."""
    m = _IPV6_CHARS_RE.match(text, pos, end)
    stop = pos if m is None else m.end()
    if stop != end or pos == end:
        raise FieldError(f"expected an IPv6 address, found {describe(char_at(text, stop, end))}",
                         stop)
    literal = text[pos:end]
    try:
        ipaddress.IPv6Address(literal)
    except ValueError as exc:
        raise FieldError(f"{literal!r} is not a valid IPv6 address: {exc}", pos) from None
    return literal.lower()


def parse_ipv4(text: str, pos: int, end: int) -> str:
    """An IPv4address (dotted decimal, no leading zeros) spanning [pos, end)."""
    if IPV4_RE.fullmatch(text, pos, end) is None:
        raise FieldError(f"{text[pos:end]!r} is not a valid IPv4 address (four numbers "
                         "0-255 without leading zeros, joined by '.')", pos)
    return text[pos:end]


def parse_host(text: str, pos: int = 0, end: int | None = None) -> Host:
    """`host [ ":" port ]` spanning exactly [pos, end) (RFC 9110, 7.2: `uri-host [":" port]`)."""
    end = len(text) if end is None else end
    if pos < end and text[pos] == "[":
        close = text.find("]", pos, end)
        if close < 0:
            raise FieldError("'[' opens an IP literal that is not closed with ']'", pos)
        if text[pos + 1:pos + 2] in ("v", "V"):
            if _IPVFUTURE_RE.fullmatch(text, pos + 1, close) is None:
                raise FieldError("malformed IPvFuture literal: expected 'v', hex digits, '.' "
                                 "and the address", pos + 1)
            host, kind = text[pos + 1:close], HostKind.IPVFUTURE
        else:
            host, kind = parse_ipv6(text, pos + 1, close), HostKind.IPV6
        after = close + 1
    else:
        m = _REG_NAME_RE.match(text, pos, end)
        assert m is not None
        after = m.end()
        host = text[pos:after]
        # "If host matches the rule for IPv4address, then it should be considered an IPv4
        # address literal and not a reg-name." (RFC 3986, 3.2.2)
        if IPV4_RE.fullmatch(host):
            kind = HostKind.IPV4
        else:
            host, kind = host.lower(), HostKind.REG_NAME
    port = None
    if after < end:
        if text[after] != ":":
            if kind is HostKind.IPV6 or kind is HostKind.IPVFUTURE:
                raise FieldError(f"expected ':' and a port after ']', found "
                                 f"{describe(text[after])}", after)
            raise bad_char(text, after, "a host")
        port = parse_port(text, after + 1, end)
    return Host(host, port, kind)


def write_host(value: Host) -> str:
    host = value.host
    if value.kind is HostKind.IPV6 or value.kind is HostKind.IPVFUTURE:
        host = f"[{host}]"
    return host if value.port is None else f"{host}:{value.port}"


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
