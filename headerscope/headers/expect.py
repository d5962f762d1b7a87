"""Expect: behaviours the client needs from the server to handle the request (RFC 9110, 10.1.1).

    Expect      = #expectation
    expectation = token [ "=" ( token / quoted-string ) parameters ]

"The Expect field value is case-insensitive": names are lower-cased. 100-continue is the only
expectation defined; "A server that receives an Expect field value containing a member other
than 100-continue MAY respond with a 417 (Expectation Failed) status code".
"""

import re
from collections.abc import Iterator

from ..grammar import SEP, Cursor, Fast, parse_list, quote
from ..grammar.rules import TOKEN
from ._shared.content import (
    ElementOffsets,
    list_lint,
    parse_directive,
    parse_parameters,
    unquote,
    write_parameters,
)
from ._shared.frozen import EMPTY
from ._shared.spec import Diagnostic, FieldSpec, Kind
from ._shared.types import Params
from ._shared.value import value_type


@value_type
class Expectation:
    name: str  # lower-cased, e.g. "100-continue"
    value: str | None = None  # None: the expectation has no "=" value
    params: Params = EMPTY  # only after a value, as the grammar says


def _expectation(cur: Cursor) -> Expectation:
    m = parse_directive(cur)
    token, quoted = m.group(2), m.group(3)
    if token is None and quoted is None:
        return Expectation(m.group(1).lower())
    value = token if quoted is None else unquote(quoted)
    return Expectation(m.group(1).lower(), value, parse_parameters(cur))


# A bare expectation ("100-continue"), the only common member, with the separator after it
_FAST: Fast[Expectation] = (re.compile(f"({TOKEN}){SEP}"),
                            lambda m: Expectation(m.group(1).lower()))


def parse(raw: str) -> tuple[Expectation, ...]:
    return parse_list(raw, _expectation, fast=_FAST)


def write(value: tuple[Expectation, ...]) -> str:
    return ", ".join(e.name if e.value is None
                     else f"{e.name}={quote(e.value)}{write_parameters(e.params)}"
                     for e in value)


def lint(value: tuple[Expectation, ...], raw: str) -> Iterator[Diagnostic]:
    where = ElementOffsets(raw)  # one walk for all the members
    for i, e in enumerate(value):
        if e.name != "100-continue" or e.value is not None:
            yield Diagnostic("unknown expectation: 100-continue is the only one defined; a "
                             "server MAY answer 417 (Expectation Failed)",
                             where(i))


EXPECT = FieldSpec("Expect", parse, write, "RFC 9110, 10.1.1", kind=Kind.LIST, lint=list_lint(lint),
                   value_type="tuple[Expectation, ...]", example="100-continue")
