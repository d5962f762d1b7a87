"""CDN-Loop: the CDNs a request has passed through, to detect forwarding loops (RFC 8586, 2).

    CDN-Loop  = #cdn-info
    cdn-info  = cdn-id *( OWS ";" OWS parameter )
    cdn-id    = ( uri-host [ ":" port ] ) / pseudonym
    pseudonym = token

"Note that the pseudonym syntax does not allow whitespace, DQUOTE or any of the characters
"(),/:;<=>?@[\\]{}"": a cdn-id that is not a token is read as a host and port. Parameter names
are case-insensitive (lower-cased); parameters are kept in order as (name, value) pairs.
"""

from __future__ import annotations

import re

from ..grammar import TOKEN_RE, Cursor, parse_list, parse_params, quote
from ._shared.content import list_lint
from ._shared.host import parse_host
from ._shared.spec import FieldSpec, Kind
from ._shared.value import value_type

_ID_RE = re.compile(r"[^ \t,;]+")


@value_type
class CdnInfo:
    cdn_id: str  # a host name (with an optional port) or a pseudonym, as sent
    params: tuple[tuple[str, str], ...] = ()


def _cdn_info(cur: Cursor) -> CdnInfo:
    m = _ID_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected("a CDN's host name or pseudonym")
    if TOKEN_RE.fullmatch(m.group()) is None:
        parse_host(cur.text, m.start(), m.end())  # raises where the host or port goes wrong
    cur.pos = m.end()
    params = parse_params(cur)
    return CdnInfo(m.group(), tuple(params.items()))


def parse(raw: str) -> tuple[CdnInfo, ...]:
    return parse_list(raw, _cdn_info)


def write(value: tuple[CdnInfo, ...]) -> str:
    return ", ".join(i.cdn_id + "".join(f"; {k}={quote(v)}" for k, v in i.params)
                     for i in value)


CDN_LOOP = FieldSpec("CDN-Loop", parse, write, "RFC 8586, 2", kind=Kind.LIST,
                     value_type="tuple[CdnInfo, ...]", lint=list_lint(),
                     example='foo123.foocdn.example, barcdn.example; trace="abcdef"')
