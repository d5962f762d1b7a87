"""The data model of Structured Field Values (RFC 9651, section 3) as Python types.

    bare item   Python type      JSON (headerscope.headers.to_json)
    Integer     int              number
    Decimal     decimal.Decimal  string, exact ("2.5")
    String      str              string
    Token       Token            {"token": "..."}
    Byte Seq.   bytes            {"base64": "..."}
    Boolean     bool             true / false
    Date        Date             {"date": <int seconds since 1970-01-01T00:00:00Z>}
    Display S.  DisplayString    {"display": "..."}

    Item        Item(value, params)       {"value": <bare item>, "params": {key: <bare item>}}
    Inner List  InnerList(items, params)  {"items": [<Item>, ...], "params": {...}}
    List        tuple[Item | InnerList, ...]       array
    Dictionary  FrozenDict[str, Item | InnerList]  object, in member order

Parameters and Dictionaries are `FrozenDict`s (headers/_shared/frozen.py): a parsed value is
shared by every request that sends the same field line (the field cache), so none of it may
change.

Tokens, Display Strings and Dates are wrapped, never `str`/`int` subclasses, so that a Token
never compares equal to the String with the same characters ("it's important to preserve the
distinction between Tokens and Strings", RFC 9651, Appendix B).

Equality of `Item` and `InnerList` is by type as well as value: Python says `True == 1 ==
Decimal(1)`, but the Boolean ?1, the Integer 1 and the Decimal 1.0 are different field values.
Parameters compare in order, since they are an ordered map (section 3.1.2).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeAlias

from .._shared.frozen import EMPTY
from .._shared.json import JSON, to_json
from .._shared.value import value_type


@value_type
class Token:
    """A Token (section 3.3.4): `ALPHA / "*"` then tchar, ":" and "/"; case-sensitive."""

    value: str

    def __json__(self) -> JSON:
        return {"token": self.value}


@value_type
class DisplayString:
    """A Display String (section 3.3.8): Unicode text meant to be shown to a person."""

    value: str

    def __json__(self) -> JSON:
        return {"display": self.value}


@value_type
class Date:
    """A Date (section 3.3.7): whole seconds since 1970-01-01T00:00:00Z, leap seconds excluded.

    Kept as an integer rather than a `datetime`: its range is that of an Integer
    (+-999,999,999,999,999 s), far beyond what `datetime` can hold.
    """

    seconds: int

    def __json__(self) -> JSON:
        return {"date": self.seconds}


BareItem: TypeAlias = int | Decimal | str | Token | bytes | bool | Date | DisplayString
# Read-only in their type, so that no code can change a parsed value; a parser builds each as
# a FrozenDict (a writer's input may be any mapping: it is only read).
Params: TypeAlias = Mapping[str, BareItem]


def _key(value: object) -> tuple[type, object]:
    return (type(value), value)


def _params_key(params: Params) -> tuple[tuple[str, type, object], ...]:
    return tuple((k, type(v), v) for k, v in params.items())


@value_type(eq=False)
class Item:
    """A bare item with its parameters (section 3.3)."""

    value: BareItem
    params: Params = EMPTY

    def __eq__(self, other: object) -> bool:
        if type(other) is not Item:
            return NotImplemented
        return (type(self.value) is type(other.value) and self.value == other.value
                and _params_key(self.params) == _params_key(other.params))

    def __hash__(self) -> int:
        return hash((_key(self.value), _params_key(self.params)))

    def __json__(self) -> JSON:
        return {"value": to_json(self.value), "params": to_json(self.params)}


@value_type(eq=False)
class InnerList:
    """An array of Items with parameters of its own (section 3.1.1)."""

    items: tuple[Item, ...]
    params: Params = EMPTY

    def __eq__(self, other: object) -> bool:
        if type(other) is not InnerList:
            return NotImplemented
        return (self.items == other.items
                and _params_key(self.params) == _params_key(other.params))

    def __hash__(self) -> int:
        return hash((self.items, _params_key(self.params)))

    def __json__(self) -> JSON:
        return {"items": [i.__json__() for i in self.items], "params": to_json(self.params)}


Member: TypeAlias = Item | InnerList
List: TypeAlias = tuple[Member, ...]
Dictionary: TypeAlias = Mapping[str, Member]
StructuredValue: TypeAlias = Item | List | Dictionary

# Where a problem is inside a parsed value, for `locate` (section "paths" in sf.py):
# a list index or dictionary key for a member, then an index into an inner list, then
# ";name" for a parameter. () is the top-level Item of an Item field.
Path: TypeAlias = tuple[Any, ...]


def describe_bare(value: object) -> str:
    """Name a bare item the way RFC 9651 does, for messages: 'the Token dark', 'the Integer 5'."""
    if isinstance(value, bool):
        return f"the Boolean ?{int(value)}"
    if isinstance(value, int):
        return f"the Integer {value}"
    if isinstance(value, Decimal):
        return f"the Decimal {value}"
    if isinstance(value, str):
        return f'the String "{value}"' if len(value) <= 40 else "a String"
    if isinstance(value, Token):
        return f"the Token {value.value}" if len(value.value) <= 40 else "a Token"
    if isinstance(value, bytes):
        return f"a Byte Sequence of {len(value)} bytes"
    if isinstance(value, Date):
        return f"the Date @{value.seconds}"
    if isinstance(value, DisplayString):
        return "a Display String"
    if isinstance(value, InnerList):
        return "an Inner List"
    if isinstance(value, Item):
        return describe_bare(value.value)
    return type(value).__name__
