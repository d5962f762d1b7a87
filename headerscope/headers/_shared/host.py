"""Hosts, ports and IP addresses (RFC 3986, 3.2.2 and 3.2.3), and the character errors of URIs.

Shared by every field that carries a host (Host, Forwarded, Via, X-Forwarded-*, Alt-Svc, and
the URIs and origins of _uri.py). The same strategy as _uri.py: one compiled expression per
production, matched at a position with an end bound, so that every error points into the
whole raw value; IP addresses are checked by the standard library's `ipaddress`.

    host          = IP-literal / IPv4address / reg-name
    IP-literal    = "[" ( IPv6address / IPvFuture ) "]"
    IPvFuture     = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
    reg-name      = *( unreserved / pct-encoded / sub-delims )
    port          = *DIGIT
"""

from __future__ import annotations

import enum
import ipaddress
import re

from ...grammar import describe
from .spec import FieldError
from .value import value_type

# unreserved and sub-delims, the characters that need no percent-encoding almost anywhere
PLAIN = r"A-Za-z0-9\-._~!$&'()*+,;="
PCT = r"%[0-9A-Fa-f]{2}"
# A run of characters, then percent-encodings each with the run after it: one way to read any
# text, so a match never backtracks ("(?:[...]+|%..)*" has exponentially many ways to split a
# run, which a caller adding anything after it, or a fullmatch, would try one by one).
_REG_NAME_RE = re.compile(rf"[{PLAIN}]*(?:{PCT}[{PLAIN}]*)*")
_DEC_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
IPV4_RE = re.compile(rf"{_DEC_OCTET}(?:\.{_DEC_OCTET}){{3}}")
_IPV6_CHARS_RE = re.compile(r"[0-9A-Fa-f:.]+")
_IPVFUTURE_RE = re.compile(rf"[vV][0-9A-Fa-f]+\.[{PLAIN}:]+")
_DIGITS_RE = re.compile(r"[0-9]*")


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
