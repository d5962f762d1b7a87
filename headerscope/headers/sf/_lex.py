"""The lexical productions of Structured Fields shared by the scanner and the exact parser.

Each production is a regular expression for one thing the RFC 9651 algorithm reads (a key, a
token, an integer, a separator, ...), written so that it accepts exactly what the algorithm
accepts; the builders make the data model's objects from what they matched.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Callable
from decimal import Decimal

from ...grammar.rules import SF_TCHAR
from ._types import BareItem, InnerList, Item, Params, Token

KEY = r"[a-z*][a-z0-9_\-.*]*+"
SEPARATOR = r"[ \t]*+,[ \t]*+"  # OWS "," OWS between members
# The common bare item forms: a Token, an Integer (at most 15 digits), a Decimal (12.3
# digits), a "String" without escapes, a Boolean, a :Byte Sequence: with the padding an
# encoder writes. Each starts with a character that tells which it is (see `bare_value`).
_TOKEN = rf"[A-Za-z*][{SF_TCHAR}]*+"
_INTEGER = r"-?[0-9]{1,15}(?![0-9.])"
_OTHER = (r"-?[0-9]{1,12}\.[0-9]{1,3}(?![0-9])|\"[ !#-\[\]-~]*+\"|\?[01]"
          r"|:(?>(?:[A-Za-z0-9+/]{4})*)(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?:")
BARE = rf"{_TOKEN}|{_INTEGER}|{_OTHER}"
SPLIT = rf"({_TOKEN})|({_INTEGER})|({_OTHER})"  # three groups: the two commonest apart
# A group repeated possessively is written as an atomic group instead, `(?>(?:...)*)`: CPython
# 3.11.0 to 3.11.4 match `(?:...)*+` wrongly when the group can backtrack inside (gh-106052,
# gh-100061: "a," passed as a list there), and Debian 12's Python is 3.11.2. A possessive
# repeat of one character class is not affected and stays.
PARAMS = rf"(?>(?:;[ ]*+{KEY}(?:=(?:{BARE}))?)*)"
ITEM = rf"(?:{BARE}){PARAMS}"
INNER = rf"\([ ]*+(?:{ITEM}(?>(?:[ ]++{ITEM})*)[ ]*+)?\){PARAMS}"
MEMBER = rf"(?:{ITEM}|{INNER})"
KEYED = rf"{KEY}(?:={MEMBER}|{PARAMS})"

PARAM_RE = re.compile(rf";[ ]*+({KEY})(?:=({BARE}))?")

# Items, Inner Lists and Tokens are frozen dataclasses, whose __init__ sets each field with
# object.__setattr__; building thousands, the scanner sets the slots directly (half the
# cost). These are the slot descriptors of the classes (slots=True).
new = object.__new__
set_value: Callable[[Item, BareItem], None] = vars(Item)["value"].__set__
set_params: Callable[[Item, Params], None] = vars(Item)["params"].__set__
set_items: Callable[[InnerList, tuple[Item, ...]], None] = vars(InnerList)["items"].__set__
set_inner_params: Callable[[InnerList, Params], None] = vars(InnerList)["params"].__set__
set_token: Callable[[Token, str], None] = vars(Token)["value"].__set__
b64decode = binascii.a2b_base64
TOKEN_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*")


def make_token(text: str) -> Token:
    token: Token = new(Token)
    set_token(token, text)
    return token


def new_item(value: BareItem, params: Params) -> Item:
    item: Item = new(Item)
    set_value(item, value)
    set_params(item, params)
    return item


def bare_value(text: str) -> BareItem:
    """The bare item that `BARE` matched, told apart by its first character."""
    first = text[0]
    if first in TOKEN_START:
        return make_token(text)
    if first == '"':
        return text[1:-1]
    if first == "?":
        return text[1] == "1"
    if first == ":":
        return b64decode(text[1:-1])
    return Decimal(text) if "." in text else int(text)


