"""Accept-Additions: the additions a coffee pot is asked to put in the cup (RFC 2324, 2.2.2.1;
RFC 7168, 2.2.1 allows more options for tea).

    Accept-Additions = "Accept-Additions" ":"
                       #( addition-range [ accept-params ] )

     addition-type   = ( "*"
                       | milk-type
                       | syrup-type
                       | sweetener-type
                       | spice-type
                       | alcohol-type
                       ) *( ";" parameter )
     milk-type       = ( "Cream" | "Half-and-half" | "Whole-milk"
                       | "Part-Skim" | "Skim" | "Non-Dairy" )
     syrup-type      = ( "Vanilla" | "Almond" | "Raspberry"
                       | "Chocolate" )
     alcohol-type    = ( "Whisky" | "Rum" | "Kahlua" | "Aquavit" )

    accept-params    = ";" "q" "=" qvalue *( accept-extension )          ; RFC 2616, 14.1
    accept-extension = ";" token [ "=" ( token | quoted-string ) ]

Quoted from a verbatim copy of 2.2.2.1 (its section named by suikawiki-data's notes and Web
Concepts). The RFC's own grammar is incomplete: the field uses `addition-range`, which it never
defines (read here as the `addition-type` it defines next), and `sweetener-type` and
`spice-type` have no production, so any token may name one: an addition is a token, and the
names the RFC lists are known values, case-insensitive as RFC 2616's literals are (written in
the RFC's own spelling). RFC 7168's tea options were not read verbatim; they are tokens too, so
no name is refused or warned of. As in Accept, the first parameter named q is the weight, and
any after it are accept-extensions. OWS is read around ";" (RFC 2616's implied white space).
"""

from __future__ import annotations

from decimal import Decimal

from ..grammar import Cursor, parse_list, quote
from ._shared.content import (
    list_lint,
    parse_parameters,
    parse_weight,
    write_parameters,
    write_weight,
)
from ._shared.frozen import EMPTY
from ._shared.spec import FieldSpec, Kind
from ._shared.types import Q_ONE, Params
from ._shared.value import value_type
from .tcn import TcnDirective

_KNOWN = ("*", "Cream", "Half-and-half", "Whole-milk", "Part-Skim", "Skim", "Non-Dairy",
          "Vanilla", "Almond", "Raspberry", "Chocolate", "Whisky", "Rum", "Kahlua", "Aquavit")
_SPELLING = {name.lower(): name for name in _KNOWN}


@value_type
class Addition:
    name: str  # a listed addition in the RFC's spelling, any other token as sent
    params: Params = EMPTY  # the parameters before q, names lower-cased
    q: Decimal = Q_ONE
    extensions: tuple[TcnDirective, ...] = ()  # accept-extensions, after q


def _addition(cur: Cursor) -> Addition:
    name = cur.token("an addition such as Cream or Whisky")
    name = _SPELLING.get(name.lower(), name)
    params = parse_parameters(cur, stop_at_q=True)
    before = cur.pos
    q = parse_weight(cur)
    extensions: list[TcnDirective] = []
    while cur.pos != before and cur.parameter():  # accept-extensions follow a weight only
        ext = cur.token("an accept-extension (a token)")
        value = cur.token_or_quoted("a value (a token or a quoted-string)") \
            if cur.take("=") else None
        extensions.append(TcnDirective(ext, value))
    return Addition(name, params, q, tuple(extensions))


def parse(raw: str) -> tuple[Addition, ...]:
    return parse_list(raw, _addition)


def _write(a: Addition) -> str:
    text = a.name + write_parameters(a.params)
    if a.extensions:  # the weight must be written to carry them, even q=1
        text += f";q={'1' if a.q == Q_ONE else write_weight(a.q)[3:]}"
    else:
        text += write_weight(a.q)
    return text + "".join(f";{e.name}" + ("" if e.value is None else f"={quote(e.value)}")
                          for e in a.extensions)


def write(value: tuple[Addition, ...]) -> str:
    return ", ".join(_write(a) for a in value)


ACCEPT_ADDITIONS = FieldSpec("Accept-Additions", parse, write, "RFC 2324, 2.2.2.1",
                             kind=Kind.LIST, value_type="tuple[Addition, ...]",
                             lint=list_lint(), example="Cream, Whisky;q=0.5, *;q=0")
