"""Via: the intermediaries a message passed through, in order (RFC 9110, 7.6.3).

    Via               = #( received-protocol RWS received-by [ RWS comment ] )
    received-protocol = [ protocol-name "/" ] protocol-version
    received-by       = pseudonym [ ":" port ]
    pseudonym         = token

"The protocol-name is excluded if and only if it would be 'HTTP'". received-by is usually
a host name or address; an IPv6 literal ("[" IPv6address "]") is accepted too, as RFC 7230's
`uri-host` allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..grammar import Cursor, parse_list
from ._shared.content import list_lint
from ._shared.host import parse_ipv6, parse_port
from ._shared.spec import Diagnostic, FieldSpec, Kind
from ._shared.value import value_type
from .products import Comment, parse_comment, write_comment

_PORT_RE = re.compile(r"[^\s,()]*")  # the port's span; parse_port checks its characters


@value_type
class ViaEntry:
    protocol: str | None  # None means HTTP
    version: str
    received_by: str  # a pseudonym, host name or address ("[...]" for IPv6)
    port: int | None = None
    comment: Comment | None = None


def _rws(cur: Cursor, before: str) -> None:
    if cur.peek() not in (" ", "\t"):
        raise cur.unexpected(f"whitespace before {before}")
    cur.skip_ows()


def _entry(cur: Cursor) -> ViaEntry:
    first = cur.token("a protocol version such as '1.1'")
    protocol, version = None, first
    if cur.take("/"):
        protocol, version = first, cur.token("a protocol version after '/'")
    _rws(cur, "the receiving host or pseudonym")
    start = cur.pos
    if cur.peek() == "[":
        close = cur.text.find("]", start)
        if close < 0:
            raise cur.error("'[' opens an IPv6 address that is not closed with ']'")
        by = "[" + parse_ipv6(cur.text, start + 1, close) + "]"
        cur.pos = close + 1
    else:
        by = cur.token("a host name or pseudonym")
    port = None
    if cur.take(":"):
        m = _PORT_RE.match(cur.text, cur.pos)
        assert m is not None
        port, cur.pos = parse_port(cur.text, cur.pos, m.end()), m.end()
    comment = None
    if cur.peek() == "(":
        raise cur.unexpected("whitespace before the comment")
    save = cur.pos
    cur.skip_ows()
    if cur.peek() == "(" and cur.pos > save:
        comment = parse_comment(cur)
    else:
        cur.pos = save
    return ViaEntry(protocol, version, by, port, comment)


def parse(raw: str) -> tuple[ViaEntry, ...]:
    return parse_list(raw, _entry, at_least_one=False)


def _write_entry(value: ViaEntry) -> str:
    text = value.version if value.protocol is None else f"{value.protocol}/{value.version}"
    text += " " + value.received_by
    if value.port is not None:
        text += f":{value.port}"
    return text if value.comment is None else f"{text} {write_comment(value.comment)}"


def write(value: tuple[ViaEntry, ...]) -> str:
    return ", ".join(_write_entry(e) for e in value)


def lint(value: tuple[ViaEntry, ...], raw: str) -> Iterator[Diagnostic]:
    if not value:
        yield Diagnostic("empty Via: a proxy that adds Via names itself")
    for entry in value:
        if entry.protocol is not None and entry.protocol.upper() == "HTTP":
            # "The protocol-name is excluded if and only if it would be 'HTTP'" (RFC 9110)
            yield Diagnostic(f"'{entry.protocol}/{entry.version}': write only the version "
                             "for HTTP", raw.find(entry.protocol + "/"))


VIA = FieldSpec("Via", parse, write, "RFC 9110, 7.6.3", kind=Kind.LIST,
                value_type="tuple[ViaEntry, ...]", lint=list_lint(lint, comments=True),
                example="1.0 fred, 1.1 p.example.net (Apache/1.1)")
