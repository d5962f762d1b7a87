"""TE: the transfer codings the client accepts in the response, and "trailers" (RFC 9110, 10.1.4).

    TE                 = #t-codings
    t-codings          = "trailers" / ( transfer-coding [ weight ] )
    transfer-coding    = token *( OWS ";" OWS transfer-parameter )
    transfer-parameter = token BWS "=" BWS ( token / quoted-string )

Coding names and parameter names are case-insensitive: they are lower-cased.
"""

from collections.abc import Iterator
from dataclasses import field
from decimal import Decimal

from ._content_syntax import (
    element_offset,
    parse_transfer_parameters,
    parse_weight,
    write_transfer_parameters,
    write_weight,
)
from ._spec import Diagnostic, FieldSpec, Kind
from ._syntax import Cursor, parse_list
from ._types import Q_ONE
from ._value import value_type


@value_type
class TCoding:
    """A member of TE: a transfer coding (or "trailers") with its parameters and weight."""

    name: str
    params: dict[str, str] = field(default_factory=dict)
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


def lint(value: tuple[TCoding, ...], raw: str) -> Iterator[Diagnostic]:
    for i, coding in enumerate(value):
        if coding.name == "chunked":
            yield Diagnostic("\"A client MUST NOT send the chunked transfer coding name in "
                             "TE; chunked is always acceptable for HTTP/1.1 recipients\"",
                             element_offset(raw, i))


TE = FieldSpec("TE", parse, write, "RFC 9110, 10.1.4", kind=Kind.LIST, lint=lint,
               value_type="tuple[TCoding, ...]", example="trailers, deflate;q=0.5")
