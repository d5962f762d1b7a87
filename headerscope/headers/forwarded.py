"""Forwarded: what each proxy saw of the request it forwarded (RFC 7239).

    Forwarded         = 1#forwarded-element
    forwarded-element = [ forwarded-pair ] *( ";" [ forwarded-pair ] )
    forwarded-pair    = token "=" value
    value             = token / quoted-string
    for, by           = node                       host = uri-host [ ":" port ]
    proto             = uri-scheme
    node              = nodename [ ":" node-port ]
    nodename          = IPv4address / "[" IPv6address "]" / "unknown" / obfnode
    node-port         = port / obfport             port = 1*5DIGIT
    obfnode, obfport  = "_" 1*( ALPHA / DIGIT / "." / "_" / "-" )
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from typing import Any

from ..grammar import TOKEN_RE, Cursor, describe, parse_list, quote
from ._shared.content import list_lint
from ._shared.frozen import EMPTY, frozen
from ._shared.host import (
    IPV4_RE,
    Host,
    bad_char,
    char_at,
    parse_host,
    parse_ipv4,
    parse_ipv6,
    parse_port,
    write_host,
)
from ._shared.json import JSON, to_json
from ._shared.spec import FieldError, FieldSpec, Kind
from ._shared.uri import parse_scheme
from ._shared.value import value_type

_OBF_RE = re.compile(r"_[A-Za-z0-9._\-]+")


class NodeKind(enum.StrEnum):
    IPV4 = "ipv4"
    IPV6 = "ipv6"
    UNKNOWN = "unknown"
    OBFUSCATED = "obfuscated"


@value_type
class Node:
    """A client or proxy: an address (IPv6 without brackets), "unknown" or an obfuscated
    "_name"; the port is a number, an obfuscated "_port", or None."""

    kind: NodeKind
    name: str
    port: int | str | None = None


def parse_node(text: str, pos: int, end: int, *, bare_ipv6: bool = False) -> Node:
    """`node` spanning [pos, end); `bare_ipv6` also takes an unbracketed IPv6 address, as
    X-Forwarded-For carries them."""
    if pos < end and text[pos] == "[":
        close = text.find("]", pos, end)
        if close < 0:
            raise FieldError("'[' opens an IPv6 address that is not closed with ']'", pos)
        kind, name, after = NodeKind.IPV6, parse_ipv6(text, pos + 1, close), close + 1
    else:
        colon = text.find(":", pos, end)
        if bare_ipv6 and colon >= 0 and text.find(":", colon + 1, end) >= 0:
            return Node(NodeKind.IPV6, parse_ipv6(text, pos, end))
        after = end if colon < 0 else colon
        name = text[pos:after]
        if name.lower() == "unknown":
            kind, name = NodeKind.UNKNOWN, "unknown"
        elif name[:1] == "_":
            kind = NodeKind.OBFUSCATED
            _obfuscated(text, pos, after, "an obfuscated identifier")
        elif name[:1].isdigit():
            kind = NodeKind.IPV4
            m = IPV4_RE.match(text, pos, after)
            if m is not None and m.end() < after and text[m.end()] not in "0123456789.":
                raise FieldError("expected ':' and a port, or the end, after the IPv4 address, "
                                 f"found {describe(text[m.end()])}", m.end())
            parse_ipv4(text, pos, after)
        else:
            raise FieldError("expected an IPv4 address, '[' IPv6 address ']', 'unknown' or an "
                             f"obfuscated '_name', found {describe(char_at(text, pos, end))}", pos)
    port: int | str | None = None
    if after < end:
        if text[after] != ":":
            raise bad_char(text, after, "a node")
        if text[after + 1:after + 2] == "_":
            port = _obfuscated(text, after + 1, end, "an obfuscated port")
        elif after + 1 == end:
            raise FieldError("expected a port after ':'", end)
        else:
            port = parse_port(text, after + 1, end)
    return Node(kind, name, port)


def _obfuscated(text: str, pos: int, end: int, what: str) -> str:
    m = _OBF_RE.match(text, pos, end)
    if m is None and pos + 1 == end:
        raise FieldError(f"{what} needs letters, digits, '.', '_' or '-' after '_'", end)
    stop = pos + 1 if m is None else m.end()
    if stop != end or m is None:
        raise FieldError(f"{describe(char_at(text, stop, end))} is not allowed in {what} (letters, "
                         "digits, '.', '_' and '-' after '_')", stop)
    return m.group()


def write_node(value: Node, *, brackets: bool = True) -> str:
    name = value.name
    if value.kind is NodeKind.IPV6 and (brackets or value.port is not None):
        name = f"[{name}]"
    return name if value.port is None else f"{name}:{value.port}"


@value_type
class ForwardedElement:
    """What one proxy saw; `extensions` holds parameters other than the four defined ones."""

    for_: Node | None = None
    by: Node | None = None
    host: Host | None = None
    proto: str | None = None  # a URI scheme, lower-cased
    extensions: Mapping[str, str] = EMPTY

    def __json__(self) -> JSON:
        return {"for": to_json(self.for_), "by": to_json(self.by), "host": to_json(self.host),
                "proto": self.proto, "extensions": dict(self.extensions)}


_TYPED: dict[str, Callable[[str, int, int], Any]] = {
    "for": parse_node, "by": parse_node, "host": parse_host, "proto": parse_scheme}


def _value(cur: Cursor, name: str) -> Any:
    start = cur.pos
    if cur.peek() == '"':
        content = cur.quoted_string()
        span = (start + 1, cur.pos - 1) if cur.pos - 2 - start == len(content) else None
    else:
        m = TOKEN_RE.match(cur.text, cur.pos)
        stop = cur.pos if m is None else m.end()
        if cur.text[stop:stop + 1] in (":", "[", "]"):
            # "an IPv6 address and any nodename with node-port specified MUST be quoted,
            # since ':' is not an allowed character in 'token'" (RFC 7239, 6)
            raise FieldError(f"a {name} value containing {describe(cur.text[stop])} must be a "
                             "quoted-string", stop)
        content, span = cur.token("a token or a quoted-string"), (start, stop)
    parse = _TYPED.get(name)
    if parse is None:
        return content
    if span is not None:
        return parse(cur.text, *span)
    try:  # quoted-pairs moved the characters: point at the value as a whole
        return parse(content, 0, len(content))
    except FieldError as exc:
        raise FieldError(exc.reason, start) from None


def _element(cur: Cursor) -> ForwardedElement:
    values: dict[str, Any] = {}
    while not cur.at_end() and cur.peek() != ",":
        if cur.take(";"):
            continue
        if cur.peek() in " \t":
            ahead = Cursor(cur.text, cur.pos)
            ahead.skip_ows()
            if ahead.at_end() or ahead.peek() == ",":
                break
            raise cur.error("whitespace is not allowed around ';' in a forwarded-element")
        start = cur.pos
        name = cur.token("a parameter name such as 'for'").lower()
        if name in values:
            # "Each parameter MUST NOT occur more than once per field-value" (RFC 7239, 4)
            raise FieldError(f"{name!r} appears twice in one forwarded-element", start)
        cur.expect("=")
        values[name] = _value(cur, name)
    ext = frozen([(k, v) for k, v in values.items() if k not in _TYPED])
    return ForwardedElement(values.get("for"), values.get("by"), values.get("host"),
                            values.get("proto"), ext)


def parse(raw: str) -> tuple[ForwardedElement, ...]:
    # an element of nothing but ';' carries nothing: treat it as an empty list element
    elements = tuple(e for e in parse_list(raw, _element, at_least_one=False) if e != _EMPTY)
    if not elements:
        raise FieldError("empty Forwarded: at least one forwarded-pair is required", 0)
    return elements


_EMPTY = ForwardedElement()


def _write_element(value: ForwardedElement) -> str:
    pairs = [f"for={quote(write_node(value.for_))}"] if value.for_ is not None else []
    if value.by is not None:
        pairs.append(f"by={quote(write_node(value.by))}")
    if value.host is not None:
        pairs.append(f"host={quote(write_host(value.host))}")
    if value.proto is not None:
        pairs.append(f"proto={value.proto}")
    pairs += (f"{name}={quote(text)}" for name, text in value.extensions.items())
    return ";".join(pairs)


def write(value: tuple[ForwardedElement, ...]) -> str:
    return ", ".join(_write_element(e) for e in value)


FORWARDED = FieldSpec("Forwarded", parse, write, "RFC 7239, 4", kind=Kind.LIST,
                      value_type="tuple[ForwardedElement, ...]", lint=list_lint(),
                      example='for="[2001:db8:cafe::17]:4711";proto=https;by=203.0.113.43')
