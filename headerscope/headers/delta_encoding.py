"""A-IM and Delta-Base: delta encoding's request for instance-manipulations and the entity tag
a delta was computed against (RFC 3229, 10.5.3 and 10.5.1; the parameter type is 10.1).

    A-IM = "A-IM" ":" #( instance-manipulation [ ";" "q" "=" qvalue ] )    ; 10.5.3
    Delta-Base = "Delta-Base" ":" entity-tag                               ; 10.5.1
    instance-manipulation = token [imparams]                               ; 10.1
    imparams = ";" imparam-name [ "=" ( token | quoted-string ) ]
    imparam-name = token

"Note that the imparam-name MUST NOT be "q", to avoid ambiguity with the use of qvalues": a
`;q=` after the name is the weight, and nothing may follow it. `[imparams]` admits one
parameter at most, and this follows it: a second is an error. The grammar is RFC 2616's, with
implied white space; OWS is read around ";" as in RFC 9110's parameters. The registered values
(vcdiff, diffe, gdiff, gzip, deflate, range, identity) and any other token are kept,
lower-cased as content-codings are. Read from verbatim quotations of 10.1, 10.5.1 and 10.5.3;
IM's own production (10.5.2) was not found verbatim, so IM is not registered here.
"""

from __future__ import annotations

from decimal import Decimal

from ..grammar import Cursor, parse_list, quote
from ._shared.content import list_lint, parse_weight, write_weight
from ._shared.spec import FieldSpec, Kind
from ._shared.types import Q_ONE, entity_tag, write_entity_tag
from ._shared.value import value_type


@value_type
class InstanceManipulation:
    name: str  # lower-cased: vcdiff, diffe, gdiff, gzip, deflate, range, identity, or a token
    param: str | None = None  # the imparam-name, lower-cased, never "q"
    param_value: str | None = None  # its value, if it has one
    q: Decimal = Q_ONE


def _member(cur: Cursor) -> InstanceManipulation:
    name = cur.token("an instance-manipulation (a token)").lower()
    param: str | None = None
    value: str | None = None
    before = cur.pos
    if cur.parameter():
        param = cur.token("an imparam name or the weight 'q='").lower()
        if param == "q":  # the weight, not an imparam: parse_weight reads it
            param, cur.pos = None, before
        elif cur.take("="):
            value = cur.token_or_quoted("an imparam value (a token or a quoted-string)")
    # after the one imparam only the weight may follow (parse_weight names anything else)
    return InstanceManipulation(name, param, value, parse_weight(cur))


def parse_a_im(raw: str) -> tuple[InstanceManipulation, ...]:
    return parse_list(raw, _member)


def _write_member(im: InstanceManipulation) -> str:
    text = im.name
    if im.param is not None:
        text += f";{im.param}" + ("" if im.param_value is None else f"={quote(im.param_value)}")
    return text + write_weight(im.q)


def write_a_im(value: tuple[InstanceManipulation, ...]) -> str:
    return ", ".join(_write_member(im) for im in value)


A_IM = FieldSpec("A-IM", parse_a_im, write_a_im, "RFC 3229, 10.5.3", kind=Kind.LIST,
                 value_type="tuple[InstanceManipulation, ...]", lint=list_lint(),
                 example="vcdiff, gdiff;q=0.3")
DELTA_BASE = FieldSpec("Delta-Base", entity_tag, write_entity_tag, "RFC 3229, 10.5.1",
                       value_type="EntityTag", example='"abc"')
