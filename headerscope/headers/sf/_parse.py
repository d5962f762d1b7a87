"""Parsing Structured Fields (RFC 9651, section 4.2), with the position of every failure.

Strategy: a value of the common shapes is read by the scanner (_scan.py) in a few regex
calls; anything else comes here, to the algorithm of section 4.2 itself. Each production is
a function `(text, pos, end) -> (value, new_pos)` that raises `FieldError(reason, position)`
at the first character the algorithm rejects; bare items are in _bare.py. A compiled
expression reads each single production (a key, a common bare item, a separator) at the
current position, and the structure (members, inner lists, parameters) is plain code.

`spans`, when given a dict, records where every member, inner-list item and parameter starts
(keyed by the paths described in sf.py); the semantic checks of the SF-typed fields use it
to put a caret under the member they complain about. It is None on the hot path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from ...grammar import describe
from .._shared.frozen import EMPTY, frozen
from .._shared.spec import FieldError
from ._bare import parse_bare
from ._lex import BARE, PARAM_RE, bare_value, new_item
from ._types import BareItem, Dictionary, InnerList, Item, List, Member, Params, Path

Spans = dict[Path, int] | None
T = TypeVar("T")

_KEY_RE = re.compile(r"[a-z*][a-z0-9_\-.*]*")
_SEPARATOR_RE = re.compile(r"[ \t]*+,[ \t]*+")  # OWS "," OWS between members
_BARE_RE = re.compile(BARE)  # the common bare item forms (see _scan.py)


# -- top level (section 4.2) -----------------------------------------------------------------

def _begin(raw: str) -> int:
    """Steps 1 and 2: the value must be ASCII; leading SP is discarded."""
    if not raw.isascii():
        bad = next(i for i, ch in enumerate(raw) if ch > "\x7f")
        raise FieldError(f"{describe(raw[bad])} is not ASCII; structured field values are "
                         "ASCII-only (use a Display String for other text)", bad)
    pos = 0
    while pos < len(raw) and raw[pos] == " ":
        pos += 1
    return pos


def parse_item_exact(raw: str, spans: Spans = None) -> Item:
    """Parse an Item field value. An empty value fails: an Item has no empty form."""
    pos = _begin(raw)
    end = len(raw)
    if spans is not None:
        spans[()] = pos
    item, pos = _item(raw, pos, end, spans, ())
    while pos < end and raw[pos] == " ":  # step 6: trailing SP is discarded
        pos += 1
    if pos < end:
        raise FieldError(f"unexpected {describe(raw[pos])} after the item", pos)
    return item


def parse_list_exact(raw: str, spans: Spans = None) -> List:
    """Parse a List field value (section 4.2.1); an empty value is the empty List."""
    return tuple(_members(raw, _begin(raw), spans, _list_member, "list member"))


def parse_dictionary_exact(raw: str, spans: Spans = None) -> Dictionary:
    """Parse a Dictionary field value (section 4.2.2); an empty value is the empty Dictionary.

    "when duplicate Dictionary keys are encountered, all but the last instance are ignored";
    the key keeps the place where it first appeared, as an ordered map's overwrite does.
    """
    return frozen(_members(raw, _begin(raw), spans, _dict_member, "dictionary member"))


def _members(raw: str, pos: int, spans: Spans, member: Callable[..., tuple[T, int]],
             what: str) -> list[T]:
    """The loop of 4.2.1 and 4.2.2: members separated by OWS "," OWS, no trailing comma."""
    end = len(raw)
    out: list[T] = []
    while pos < end:
        value, pos = member(raw, pos, end, spans, len(out))
        out.append(value)
        m = _SEPARATOR_RE.match(raw, pos)
        if m is not None:
            pos = m.end()
            if pos >= end:  # "If input_string is empty, there is a trailing comma"
                raise FieldError(f"trailing ',': a {what} must follow it",
                                 raw.rindex(",", 0, pos))
            continue
        while pos < end and raw[pos] in " \t":
            pos += 1
        if pos < end:
            raise FieldError(f"expected ',' or the end of the value after a {what}, "
                             f"found {describe(raw[pos])}", pos)
    return out


def _list_member(text: str, pos: int, end: int, spans: Spans,
                 index: int) -> tuple[Member, int]:
    path: Path = ()
    if spans is not None:
        path = (index,)
        spans[path] = pos
    if text[pos] == "(":
        return _inner_list(text, pos, end, spans, path)
    return _item(text, pos, end, spans, path)


def _dict_member(text: str, pos: int, end: int, spans: Spans,
                 index: int) -> tuple[tuple[str, Member], int]:
    m = _KEY_RE.match(text, pos)
    if m is None:
        raise _key_error(text, pos, end, "a dictionary key")
    key = m.group()
    path: Path = ()
    if spans is not None:
        path = (key,)
        spans[path] = pos
    pos = m.end()
    if pos < end and text[pos] == "=":
        pos += 1
        if spans is not None:
            spans[(key, "=")] = pos  # where the member's value starts
        if pos < end and text[pos] == "(":
            inner, pos = _inner_list(text, pos, end, spans, path)
            return (key, inner), pos
        item, pos = _item(text, pos, end, spans, path)
        return (key, item), pos
    # "Let value be Boolean true. Let parameters be the result of running Parsing Parameters"
    params, pos = _params(text, pos, end, spans, path)
    return (key, new_item(True, params)), pos


# -- items, inner lists, parameters, keys (4.2.1.2, 4.2.3) ------------------------------------

def _item(text: str, pos: int, end: int, spans: Spans, path: Path) -> tuple[Item, int]:
    m = _BARE_RE.match(text, pos)
    value: BareItem
    if m is not None:
        value = bare_value(m.group())
        pos = m.end()
    else:
        value, pos = parse_bare(text, pos, end)
    if pos < end and text[pos] == ";":
        params, pos = _params(text, pos, end, spans, path)
        return new_item(value, params), pos
    return new_item(value, EMPTY), pos


def _inner_list(text: str, pos: int, end: int, spans: Spans,
                path: Path) -> tuple[InnerList, int]:
    start = pos
    pos += 1  # the "("
    items: list[Item] = []
    while pos < end:
        while pos < end and text[pos] == " ":
            pos += 1
        if pos >= end:
            break
        if text[pos] == ")":
            params, pos = _params(text, pos + 1, end, spans, path)
            return InnerList(tuple(items), params), pos
        sub = path
        if spans is not None:
            sub = (*path, len(items))
            spans[sub] = pos
        item, pos = _item(text, pos, end, spans, sub)
        items.append(item)
        if pos < end and text[pos] != " " and text[pos] != ")":
            raise FieldError("expected a space or ')' after an item of an inner list, "
                             f"found {describe(text[pos])}", pos)
    raise FieldError("inner list is not closed with ')'", start)


def _params(text: str, pos: int, end: int, spans: Spans, path: Path) -> tuple[Params, int]:
    """Section 4.2.3.2; "all but the last instance" of a repeated key are ignored."""
    params: dict[str, BareItem] = {}  # frozen when done: values are immutable
    while pos < end and text[pos] == ";":
        m = PARAM_RE.match(text, pos)
        if m is None:
            pos += 1
            while pos < end and text[pos] == " ":
                pos += 1
            raise _key_error(text, pos, end, "a parameter key after ';'")
        key, bare = m.groups()
        if spans is not None:
            spans[(*path, ";" + key)] = m.start(1)
        pos = m.end()
        value: BareItem
        if bare:
            value = bare_value(bare)
        elif pos < end and text[pos] == "=":
            value, pos = parse_bare(text, pos + 1, end)
        else:
            value = True
        params[key] = value
    return frozen(params), pos


def _key_error(text: str, pos: int, end: int, what: str) -> FieldError:
    if pos >= end:
        return FieldError(f"expected {what}, found the end of the value", pos)
    ch = text[pos]
    if "A" <= ch <= "Z":
        return FieldError(f"keys are lower-case: found {ch!r}", pos)
    return FieldError(f"expected {what} (a lower-case letter or '*'), found {describe(ch)}", pos)


