"""Structured Field Values for HTTP (RFC 9651): headerscope's own parser and serializer.

    from headerscope.headers import sf
    sf.parse_list('"Chromium";v="130", "Not?A_Brand";v="99"')
    # (Item(value='Chromium', params={'v': '130'}), Item(value='Not?A_Brand', params={'v': '99'}))
    sf.serialize(sf.parse_dictionary("u=0,  i"))   # 'u=0, i'

Parsing follows section 4.2 exactly and raises `FieldError(reason, position)` with the 0-based
position of the character the algorithm rejects; serializing follows section 4.1 and raises
`ValueError` for a value outside the data model. Both pass all 2135 cases of the community
test suite (tests/headers/test_sf.py).

Data model and JSON encoding (stable; `headerscope.headers.to_json`):

    Integer -> int (number)          Decimal -> decimal.Decimal (string, exact: "2.5")
    String  -> str (string)          Token   -> Token (object {"token": "..."})
    Byte Sequence -> bytes ({"base64": "..."})        Boolean -> bool (true/false)
    Date    -> Date ({"date": <int seconds since the epoch>})
    Display String -> DisplayString ({"display": "..."})
    Item       -> Item(value, params)      {"value": <bare item>, "params": {key: <bare item>}}
    Inner List -> InnerList(items, params) {"items": [<Item>, ...], "params": {...}}
    List       -> tuple of Item / InnerList   (JSON array)
    Dictionary -> dict of key -> Item / InnerList, in member order (JSON object)
    Parameters -> dict of key -> bare item, in order (JSON object)

Paths: `locate(raw, kind)` maps the path of every member, inner-list item and parameter to
the position where it starts in `raw`. A path is a tuple: a list index (int) or dictionary key
(str) for a member, then an int for an item of an inner list, then ";name" for a parameter;
(key, "=") is where the value of a dictionary member starts, after its "=". The Item of an
Item field is (); its parameter "v" is (";v",). The SF field units use paths
to report a semantic problem under the right character without slowing the success path.
"""

from __future__ import annotations

from typing import Literal

from ._parse import parse_dictionary_exact, parse_item_exact, parse_list_exact
from ._scan import parse_dictionary, parse_item, parse_list
from ._types import (
    BareItem,
    Date,
    Dictionary,
    DisplayString,
    InnerList,
    Item,
    List,
    Member,
    Params,
    Path,
    StructuredValue,
    Token,
    describe_bare,
)
from ._write import bare_item, serialize, serialize_dictionary, serialize_item, serialize_list

FieldType = Literal["item", "list", "dictionary"]

__all__ = [
    "BareItem",
    "Date",
    "Dictionary",
    "DisplayString",
    "FieldType",
    "InnerList",
    "Item",
    "List",
    "Member",
    "Params",
    "Path",
    "StructuredValue",
    "Token",
    "bare_item",
    "describe_bare",
    "locate",
    "parse",
    "parse_dictionary",
    "parse_item",
    "parse_list",
    "serialize",
    "serialize_dictionary",
    "serialize_item",
    "serialize_list",
]


def parse(raw: str, field_type: FieldType) -> StructuredValue:
    """Parse `raw` as the given top-level type ("item", "list" or "dictionary")."""
    if field_type == "list":
        return parse_list(raw)
    if field_type == "dictionary":
        return parse_dictionary(raw)
    if field_type == "item":
        return parse_item(raw)
    raise ValueError(f"unknown structured field type {field_type!r}")


def locate(raw: str, field_type: FieldType) -> dict[Path, int]:
    """Where each member, inner-list item and parameter of a valid `raw` starts (see Paths).

    For a repeated dictionary key or parameter, the last occurrence: the one that counts.
    """
    spans: dict[Path, int] = {}
    if field_type == "list":
        parse_list_exact(raw, spans)
    elif field_type == "dictionary":
        parse_dictionary_exact(raw, spans)
    else:
        parse_item_exact(raw, spans)
    return spans
