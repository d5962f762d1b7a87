"""X-Forwarded-For, X-Forwarded-Host, X-Forwarded-Proto and X-Real-IP: the de facto fields
proxies add about the client's connection (RFC 7239, 1 describes them; Forwarded is the
standard form of the same information).

    X-Forwarded-For   = 1#node       ; client first, then each proxy
    node              = IPv4address [ ":" port ] / IPv6address / "[" IPv6address "]" [ ":" port ]
                        / "unknown" / obfnode [ ":" obfport ]
    X-Forwarded-Host  = 1#( uri-host [ ":" port ] )
    X-Forwarded-Proto = 1#scheme
    X-Real-IP         = node

Proxies write IPv6 addresses bare ("2001:db8::1"), or bracketed when a port follows.
"""

from __future__ import annotations

import re

from ..grammar import Cursor, parse_list
from ._shared.content import list_lint
from ._shared.host import Host, parse_host, write_host
from ._shared.spec import FieldSpec, Kind
from ._shared.uri import parse_scheme
from .forwarded import Node, parse_node, write_node

_ELEMENT_RE = re.compile(r"[^, \t]*")  # one list element; its own parser checks each character


def _span(cur: Cursor) -> tuple[int, int]:
    m = _ELEMENT_RE.match(cur.text, cur.pos)
    assert m is not None
    cur.pos = m.end()
    return m.start(), m.end()


def _node(cur: Cursor) -> Node:
    return parse_node(cur.text, *_span(cur), bare_ipv6=True)


def _host(cur: Cursor) -> Host:
    return parse_host(cur.text, *_span(cur))


def _scheme(cur: Cursor) -> str:
    return parse_scheme(cur.text, *_span(cur))


def parse_for(raw: str) -> tuple[Node, ...]:
    return parse_list(raw, _node, what="X-Forwarded-For", at_least_one=True)


def write_for(value: tuple[Node, ...]) -> str:
    return ", ".join(write_node(n, brackets=False) for n in value)


def parse_host_list(raw: str) -> tuple[Host, ...]:
    return parse_list(raw, _host, what="X-Forwarded-Host", at_least_one=True)


def write_host_list(value: tuple[Host, ...]) -> str:
    return ", ".join(write_host(h) for h in value)


def parse_proto(raw: str) -> tuple[str, ...]:
    return parse_list(raw, _scheme, what="X-Forwarded-Proto", at_least_one=True)


def write_proto(value: tuple[str, ...]) -> str:
    return ", ".join(value)


def parse_real_ip(raw: str) -> Node:
    return parse_node(raw, 0, len(raw), bare_ipv6=True)


def write_real_ip(value: Node) -> str:
    return write_node(value, brackets=False)


X_FORWARDED_FOR = FieldSpec("X-Forwarded-For", parse_for, write_for, "de facto (RFC 7239, 1)",
                            kind=Kind.LIST, value_type="tuple[Node, ...]", lint=list_lint(),
                            example="203.0.113.195, 2001:db8:85a3::8a2e:370:7334, 198.51.100.17")
X_FORWARDED_HOST = FieldSpec("X-Forwarded-Host", parse_host_list, write_host_list,
                             "de facto (RFC 7239, 1)", kind=Kind.LIST,
                             value_type="tuple[Host, ...]", example="id42.example-cdn.com",
                             lint=list_lint())
X_FORWARDED_PROTO = FieldSpec("X-Forwarded-Proto", parse_proto, write_proto,
                              "de facto (RFC 7239, 1)", kind=Kind.LIST,
                              value_type="tuple[str, ...]", example="https", lint=list_lint())
X_REAL_IP = FieldSpec("X-Real-IP", parse_real_ip, write_real_ip, "de facto (nginx realip)",
                      value_type="Node", example="203.0.113.195")
