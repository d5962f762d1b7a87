"""Accept-Query: the query formats a resource takes with the QUERY method.

The HTTP QUERY Method (draft-ietf-httpbis-safe-method-w-body), 3. A Structured Field List
of media ranges:

    Accept-Query = sf-list   ; "application/jsonpath", application/sql;charset="UTF-8"

"Media ranges are represented by a List Structured Header Field of either Tokens or
Strings, containing the media range value without parameters. Media type parameters, if
any, are mapped to Structured Field Parameters of type String or Token. The choice of Token
vs. String is semantically insignificant": the value is a `MediaType` per member, type and
subtype lower-cased (RFC 9110, 8.3.1: they are case-insensitive), parameter values as sent.
"The only supported uses of wildcards are "*/*" ... or "xxxx/*"": another is an error, as is
a member that is not `type/subtype` or a parameter that is neither a Token nor a String.
"""

import re
from collections.abc import Iterator

from ..grammar import TOKEN_RE
from ._shared.frozen import frozen
from ._shared.sf_family import Issue, error, expect, sf_list_field
from ._shared.sf_values import text, text_item
from ._shared.types import MediaType
from .sf import Item, List, Token

_MEDIA_RANGE_RE = re.compile(rf"({TOKEN_RE.pattern})/({TOKEN_RE.pattern})")


def _check(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        if problem := expect(member, (Token, str), "each media range", i):
            yield problem
            continue
        media_range = text(member) or ""
        m = _MEDIA_RANGE_RE.fullmatch(media_range)
        if m is None:
            yield error(f"{media_range!r} is not a media range: type/subtype, as in "
                        "application/sql", i)
        elif m.group(1) == "*" and m.group(2) != "*":
            yield error(f"{media_range!r}: the only wildcards are */* and type/*", i)
        for name, value in member.params.items():
            if problem := expect(value, (Token, str), f"the parameter {name}", i, ";" + name):
                yield problem


def _view(members: List) -> tuple[MediaType, ...]:
    out = []
    for member in members:
        kind, _, subtype = (text(member) or "").lower().partition("/")
        out.append(MediaType(kind, subtype, frozen([(name, text(value) or "")
                                                    for name, value in member.params.items()])))
    return tuple(out)


def _unview(ranges: tuple[MediaType, ...]) -> List:
    return tuple(Item(text_item(f"{r.type}/{r.subtype}"),
                      {name: text_item(str(value)) for name, value in r.params.items()})
                 for r in ranges)


ACCEPT_QUERY = sf_list_field(
    "Accept-Query", "draft-ietf-httpbis-safe-method-w-body, 3", check=_check, view=_view,
    unview=_unview, value_type="tuple[MediaType, ...]",
    example='"application/jsonpath", application/sql;charset="UTF-8"')
