"""TE: the transfer codings the client accepts in the response, and "trailers" (RFC 9110, 10.1.4).

    TE                 = #t-codings
    t-codings          = "trailers" / ( transfer-coding [ weight ] )
    transfer-coding    = token *( OWS ";" OWS transfer-parameter )
    transfer-parameter = token BWS "=" BWS ( token / quoted-string )

Coding names and parameter names are case-insensitive: they are lower-cased.
"""

import re
from collections.abc import Mapping
from decimal import Decimal

from ..grammar import Cursor, parse_list
from ..grammar.rules import LIST_SEP, QVALUE, TOKEN, WEIGHT
from ._shared.content import (
    ElementOffsets,
    fast_q,
    list_lint,
    parse_transfer_parameters,
    parse_weight,
    write_transfer_parameters,
    write_weight,
)
from ._shared.frozen import EMPTY
from ._shared.spec import SLOW, Diagnostic, FieldSpec, Kind
from ._shared.types import Q_ONE
from ._shared.value import value_type


@value_type
class TCoding:
    """A member of TE: a transfer coding (or "trailers") with its parameters and weight."""

    name: str
    params: Mapping[str, str] = EMPTY
    q: Decimal = Q_ONE


def _member(cur: Cursor) -> TCoding:
    name = cur.token("a transfer coding or 'trailers'").lower()
    params = parse_transfer_parameters(cur, stop_at_q=True)
    return TCoding(name, params, parse_weight(cur))


def parse(raw: str) -> tuple[TCoding, ...]:
    return parse_list(raw, _member)


def write(value: tuple[TCoding, ...]) -> str:
    return ", ".join(c.name + write_transfer_parameters(c.params) + write_weight(c.q)
                     for c in value)


def lint(value: tuple[TCoding, ...], raw: str) -> list[Diagnostic]:
    notes: list[Diagnostic] = []
    where: ElementOffsets | None = None  # made on the first warning: TE is on the hot path
    for i, coding in enumerate(value):
        if coding.name == "chunked":
            where = where or ElementOffsets(raw)  # one walk for all the members
            notes.append(Diagnostic("\"A client MUST NOT send the chunked transfer coding "
                                    "name in TE; chunked is always acceptable for HTTP/1.1 "
                                    "recipients\"", where(i)))
    return notes


# What clients send: codings (or "trailers") without parameters, each maybe weighted.
_WEIGHT_NC = rf"(?:[ \t]*;[ \t]*[qQ]=(?:{QVALUE}))?"
_WHOLE_RE = re.compile(f"{TOKEN}{_WEIGHT_NC}(?:{LIST_SEP}{TOKEN}{_WEIGHT_NC})*")
_MEMBERS_RE = re.compile(f"({TOKEN}){WEIGHT}")


def fast(raw: str) -> object:
    if _WHOLE_RE.fullmatch(raw) is None:
        return SLOW
    return tuple([TCoding(name.lower(), EMPTY, Q_ONE if not q else fast_q(q))
                  for name, q in _MEMBERS_RE.findall(raw)])


TE = FieldSpec("TE", parse, write, "RFC 9110, 10.1.4", kind=Kind.LIST, lint=list_lint(lint),
               value_type="tuple[TCoding, ...]", example="trailers, deflate;q=0.5", fast=fast)
