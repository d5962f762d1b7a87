"""The fast path of Structured Field parsing: the common shapes in a few regex calls.

Strategy: most field values are made of a handful of bare item forms (tokens, integers,
decimals, strings without escapes, booleans, byte sequences padded as an encoder pads them),
with parameters and inner lists. For those, one `fullmatch` of an expression built from the
same productions as the exact parser (_parse.py) says whether the whole value has that
shape; if so, one `findall` cuts it into pieces, and Python only builds the objects;
anything else (escaped strings, dates, display strings, unusual padding, any error) goes to
the exact parser (_parse.py), which gives the same value or the error with its position.
The test suite and the differential tests run both paths.

Every expression here accepts only what the section 4.2 algorithm accepts with the same
result; possessive quantifiers and atomic groups keep a failing match linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .._shared.frozen import EMPTY, FrozenDict, frozen
from ._lex import (
    INNER,
    KEY,
    KEYED,
    MEMBER,
    PARAM_RE,
    PARAMS,
    SEPARATOR,
    SPLIT,
    bare_value,
    make_token,
    new,
    set_inner_params,
    set_items,
    set_params,
    set_token,
    set_value,
)
from ._parse import parse_dictionary_exact, parse_item_exact, parse_list_exact
from ._types import BareItem, Dictionary, InnerList, Item, List, Member, Params, Token

# The whole value (leading SP, members, trailing OWS); ASCII classes only, so a match also
# passes step 1 of section 4.2, the ASCII check.
_ITEM_RE = re.compile(rf" *+(?:{SPLIT})({PARAMS}) *+")
_LIST_RE = re.compile(rf" *+{MEMBER}(?>(?:{SEPARATOR}{MEMBER})*)[ \t]*+")
_DICT_RE = re.compile(rf" *+{KEYED}(?>(?:{SEPARATOR}{KEYED})*)[ \t]*+")
# Pieces, each eating the separator after it so that every match starts where the last
# ended. List pieces: a parameter (key, then a value in 3 groups), "(", ")", an item (3
# groups). Dictionary pieces: ";" for a parameter, a key, then "=" and an inner list (read
# as a list) or a bare item, or nothing (Boolean true). A lower-case token inside an inner
# list would look like a key, hence inner lists in a dictionary are read apart.
_LIST_PIECE_RE = re.compile(rf"(?:;[ ]*+({KEY})(?:=(?:{SPLIT}))?|(\()|(\))|{SPLIT})"
                            rf"(?:{SEPARATOR}|[ ]++)?")
_DICT_PIECE_RE = re.compile(rf"(;[ ]*+)?({KEY})(?:=(?:({INNER})|{SPLIT}))?(?:{SEPARATOR})?")
# The same for values with neither ";" nor "(" anywhere: no parameters, no inner lists.
_PLAIN_LIST_RE = re.compile(rf"(?:{SPLIT})(?:{SEPARATOR})?")
_PLAIN_DICT_RE = re.compile(rf"({KEY})(?:=(?:{SPLIT}))?(?:{SEPARATOR})?")


def parse_item(raw: str) -> Item:
    """Parse an Item field value (RFC 9651, 4.2). An empty value fails: an Item has no
    empty form. Raises FieldError at the character the algorithm rejects."""
    m = _ITEM_RE.fullmatch(raw)
    if m is None:
        return parse_item_exact(raw)
    tok, num, other, params = m.groups()
    item: Item = new(Item)
    if tok:
        token: Token = new(Token)
        set_token(token, tok)
        set_value(item, token)
    else:
        set_value(item, int(num) if num else bare_value(other))
    set_params(item, _params(params) if params else EMPTY)
    return item


def _params(text: str) -> Params:
    params: dict[str, BareItem] = {}
    for key, value in PARAM_RE.findall(text):
        # "If parameters already contains a key param_key ..., overwrite its value"
        params[key] = bare_value(value) if value else True
    return frozen(params)


def parse_list(raw: str) -> List:
    """Parse a List field value (RFC 9651, 4.2.1); an empty value is the empty List."""
    if _LIST_RE.fullmatch(raw) is None:
        return parse_list_exact(raw)
    if ";" in raw or "(" in raw:
        return tuple(_pieces(raw))
    members: list[Member] = []
    add = members.append
    for tok, num, other in _PLAIN_LIST_RE.findall(raw):
        item: Item = new(Item)
        if tok:
            token: Token = new(Token)
            set_token(token, tok)
            set_value(item, token)
        else:
            set_value(item, int(num) if num else bare_value(other))
        set_params(item, EMPTY)
        add(item)
    return tuple(members)


def _pieces(raw: str) -> list[Member]:
    convert = bare_value
    members: list[Member] = []
    add: Callable[[Item], None] = members.append  # to the list, or to an open inner list
    # The parameters of the last item or inner list (`owner`): they follow it, so they are
    # gathered here and frozen into it when the next one starts (values are immutable).
    params: dict[str, BareItem] = {}
    owner: Any = None
    put: Callable[[Any, Params], None] = set_params
    inner: list[Item] = []
    item: Item
    for (key, ptok, pint, pother, opening, _closing,
         tok, num, other) in _LIST_PIECE_RE.findall(raw):
        if tok:  # the commonest pieces first, inlined
            item = new(Item)
            token: Token = new(Token)
            set_token(token, tok)
            set_value(item, token)
        elif num:
            item = new(Item)
            set_value(item, int(num))
        elif other:
            item = new(Item)
            set_value(item, convert(other))
        elif key:
            params[key] = (make_token(ptok) if ptok else int(pint) if pint else
                           convert(pother) if pother else True)
            continue
        elif opening:
            inner = []
            add = inner.append
            continue
        else:  # closing
            if params:
                put(owner, FrozenDict(params))
                params = {}
            group: InnerList = new(InnerList)
            set_items(group, tuple(inner))
            set_inner_params(group, EMPTY)
            owner, put = group, set_inner_params
            members.append(group)
            add = members.append
            continue
        if params:
            put(owner, FrozenDict(params))
            params = {}
        set_params(item, EMPTY)
        owner, put = item, set_params
        add(item)
    if params:
        put(owner, FrozenDict(params))
    return members


def parse_dictionary(raw: str) -> Dictionary:
    """Parse a Dictionary field value (RFC 9651, 4.2.2); an empty value is the empty
    Dictionary. A repeated key keeps its first place and its last value."""
    if _DICT_RE.fullmatch(raw) is None:
        return parse_dictionary_exact(raw)
    convert = bare_value
    members: dict[str, Member] = {}  # frozen when done (values are immutable)
    if ";" not in raw and "(" not in raw:
        for key, tok, num, other in _PLAIN_DICT_RE.findall(raw):
            plain: Item = new(Item)
            if tok:
                token: Token = new(Token)
                set_token(token, tok)
                set_value(plain, token)
            else:  # "If the first character ... is "=" ... Otherwise: Boolean true"
                set_value(plain, int(num) if num else convert(other) if other else True)
            set_params(plain, EMPTY)
            members[key] = plain
        return frozen(members)
    # The parameters of the last member (`owner`): they follow it, so they are gathered here
    # and frozen into it when the next member starts.
    params: dict[str, BareItem] = {}
    owner: Any = None
    for semicolon, key, inner, tok, num, other in _DICT_PIECE_RE.findall(raw):
        value: BareItem
        if tok:
            value = new(Token)
            set_token(value, tok)
        else:  # "If the first character of input_string is "=" ... Otherwise: Boolean true"
            value = int(num) if num else convert(other) if other else True
        if semicolon:
            params[key] = value
        elif inner:
            members[key] = _pieces(inner)[0]  # its parameters are part of `inner`
        else:
            if params:
                set_params(owner, FrozenDict(params))
                params = {}
            item: Item = new(Item)
            set_value(item, value)
            set_params(item, EMPTY)
            owner = item
            # "If dictionary already contains a key this_key ..., overwrite its value"
            members[key] = item
    if params:
        set_params(owner, FrozenDict(params))
    return frozen(members)
