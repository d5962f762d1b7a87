"""Hypothesis strategies for Structured Field Values (RFC 9651): values, spellings, mutants.

- `bare_items()`, `items()`, `inner_lists()`, `lists()`, `dictionaries()`: values of the data
  model (headerscope.headers.sf types), all serializable;
- `spellings(value, field_type)`: valid but non-canonical texts of one value (OWS around
  commas, SP after ";" and inside inner lists, leading zeros, trailing decimal zeros,
  explicit ?1, missing base64 padding, needlessly percent-encoded display characters), each
  of which parses back to the same value;
- `mutants(texts)`: texts with a few characters deleted, replaced or inserted, valid or not.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ..grammar.rules import SF_TCHAR
from ..headers.sf import (
    BareItem,
    Date,
    Dictionary,
    DisplayString,
    FieldType,
    InnerList,
    Item,
    List,
    Member,
    Token,
    bare_item,
)

MAX_INTEGER = 999_999_999_999_999
MAX_DECIMAL = Decimal("999999999999.999")
# "Parsers MUST support Dates whose values include all days in years 1 to 9999"
PORTABLE_DATES = (-62_135_596_800, 253_402_214_400)

keys = st.from_regex(r"[a-z*][a-z0-9_\-.*]{0,7}", fullmatch=True)
token_texts = st.from_regex(rf"[A-Za-z*][{SF_TCHAR}]{{0,9}}", fullmatch=True)
tokens = token_texts.map(Token)
strings = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=12)
integers = st.integers(-MAX_INTEGER, MAX_INTEGER)
decimals = st.decimals(-MAX_DECIMAL, MAX_DECIMAL, places=3, allow_nan=False,
                       allow_infinity=False)
byte_sequences = st.binary(max_size=24)
display_strings = st.text(st.characters(exclude_categories=["Cs"]), max_size=8).map(
    DisplayString)


def bare_items(*, dates: tuple[int, int] = (-MAX_INTEGER, MAX_INTEGER)
               ) -> st.SearchStrategy[BareItem]:
    return st.one_of(integers, decimals, strings, tokens, byte_sequences, st.booleans(),
                     st.integers(*dates).map(Date), display_strings)


def items(bare: st.SearchStrategy[Any] | None = None, *,
          dates: tuple[int, int] = (-MAX_INTEGER, MAX_INTEGER)) -> st.SearchStrategy[Item]:
    bare = bare if bare is not None else bare_items(dates=dates)
    return st.builds(Item, bare, st.dictionaries(keys, bare_items(dates=dates), max_size=3))


def inner_lists(*, dates: tuple[int, int] = (-MAX_INTEGER, MAX_INTEGER)
                ) -> st.SearchStrategy[InnerList]:
    return st.builds(InnerList, st.lists(items(dates=dates), max_size=3).map(tuple),
                     st.dictionaries(keys, bare_items(dates=dates), max_size=2))


def members(*, dates: tuple[int, int] = (-MAX_INTEGER, MAX_INTEGER)
            ) -> st.SearchStrategy[Member]:
    return st.one_of(items(dates=dates), inner_lists(dates=dates))


def lists(*, min_size: int = 0, dates: tuple[int, int] = (-MAX_INTEGER, MAX_INTEGER)
          ) -> st.SearchStrategy[List]:
    return st.lists(members(dates=dates), min_size=min_size, max_size=4).map(tuple)


def dictionaries(*, min_size: int = 0, dates: tuple[int, int] = (-MAX_INTEGER, MAX_INTEGER)
                 ) -> st.SearchStrategy[Dictionary]:
    return st.dictionaries(keys, members(dates=dates), min_size=min_size, max_size=4)


# -- non-canonical spellings ------------------------------------------------------------------

_OWS = st.sampled_from(["", " ", "\t", "  ", " \t "])
_SP = st.sampled_from(["", " ", "  "])


@st.composite
def _bare_spelling(draw: st.DrawFn, value: BareItem) -> str:
    if isinstance(value, bool | Token | str | Date):
        return bare_item(value)
    if isinstance(value, int):
        zeros = "0" * draw(st.integers(0, 15 - len(str(abs(value)))))
        return ("-" if value < 0 else draw(st.sampled_from(["", "-"])) if value == 0 else ""
                ) + zeros + str(abs(value))
    if isinstance(value, Decimal):
        text = bare_item(value)
        whole, fraction = text.split(".")
        return whole + "." + (fraction + "0" * draw(st.integers(0, 3 - len(fraction))))
    if isinstance(value, bytes):
        encoded = base64.b64encode(value).decode("ascii")
        # "parsers SHOULD NOT fail when "=" padding is not present"
        return ":" + (encoded.rstrip("=") if draw(st.booleans()) else encoded) + ":"
    text = bare_item(value)  # a DisplayString: maybe percent-encode a plain character
    plain, i = [], 2
    while i < len(text) - 1:  # skip the %xx escapes the serializer wrote
        if text[i] == "%":
            i += 3
            continue
        if text[i].isalnum():
            plain.append(i)
        i += 1
    if len(plain) > 0 and draw(st.booleans()):
        i = draw(st.sampled_from(plain))
        text = f"{text[:i]}%{ord(text[i]):02x}{text[i + 1:]}"
    return text


def _joined(draw: st.DrawFn, parts: list[str], separators: st.SearchStrategy[str]) -> str:
    return "".join(part if n == 0 else draw(separators) + part for n, part in enumerate(parts))


@st.composite
def _params_spelling(draw: st.DrawFn, params: Mapping[str, BareItem]) -> str:
    out = []
    for key, value in params.items():
        if value is True and not draw(st.booleans()):
            out.append(f";{draw(_SP)}{key}")
        else:
            out.append(f";{draw(_SP)}{key}={draw(_bare_spelling(value))}")
    return "".join(out)


@st.composite
def _member_spelling(draw: st.DrawFn, member: Member) -> str:
    if isinstance(member, InnerList):
        inner = [draw(_member_spelling(i)) for i in member.items]
        body = _joined(draw, inner, st.sampled_from([" ", "  "]))
        return f"({draw(_SP)}{body}{draw(_SP)}){draw(_params_spelling(member.params))}"
    return draw(_bare_spelling(member.value)) + draw(_params_spelling(member.params))


@st.composite
def spellings(draw: st.DrawFn, value: Item | List | Dictionary, field_type: FieldType) -> str:
    """A valid, usually non-canonical, text of `value` as a field of `field_type`."""
    lead, trail = draw(st.sampled_from(["", " ", "  "])), draw(st.sampled_from(["", " "]))
    if field_type == "item":
        assert isinstance(value, Item)
        return lead + draw(_member_spelling(value)) + trail
    parts = []
    if field_type == "list":
        assert isinstance(value, tuple)
        parts = [draw(_member_spelling(m)) for m in value]
    else:
        assert isinstance(value, dict)
        for key, member in value.items():
            if isinstance(member, Item) and member.value is True and draw(st.booleans()):
                parts.append(key + draw(_params_spelling(member.params)))
            else:
                parts.append(f"{key}={draw(_member_spelling(member))}")
    return lead + _joined(draw, parts, st.builds("{},{}".format, _OWS, _OWS)) + trail


# -- mutants ----------------------------------------------------------------------------------

_NOISE = st.sampled_from(list(" \t,;=()\"\\?:@%*-.0123456789aZ_/!é\x00\x7f"))


@st.composite
def mutants(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> str:
    """A text with one to three characters deleted, replaced, inserted or doubled."""
    text = draw(texts)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["delete", "replace", "insert", "double"]))
        if edit == "insert" or not text:
            text = text[:i] + draw(_NOISE) + text[i:]
        elif edit == "delete":
            text = text[:i] + text[i + 1:]
        elif edit == "replace":
            text = text[:i] + draw(_NOISE) + text[i + 1:]
        else:
            text = text[:i] + text[i:i + 2] + text[i:]
    return text
