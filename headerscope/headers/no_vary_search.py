"""No-Vary-Search: which parts of the URL's query a cached response does not depend on.

The No-Vary-Search HTTP Caching Extension (draft-ietf-httpbis-no-vary-search), 2 and 4. A
Structured Field Dictionary:

    No-Vary-Search = sf-dictionary   ; key-order, params, except=("productId")
    key-order = sf-boolean           ; the order of the query's keys does not matter
    params    = sf-boolean / inner-list of sf-string   ; ?1: no key matters; a list: those
    except    = inner-list of sf-string                ; with params: the keys that do

Each key is percent-decoded, "+" read as a space, as "parse a key" does ("%C3%A9" is "é"),
and written back encoded. "In general, this algorithm is strict and tends to return the
default URL search variance whenever it sees something it doesn't recognize": whatever
makes it do so is an error (a key-order that is not a Boolean, a params that is neither a
Boolean nor an Inner List of Strings, an except without params=?1, ...), since the field
then has no effect. Members it ignores (other keys) and members that only restate the
default (params=?0, params=(), key-order=?0) are warnings, and are not in the value.
"""

from collections.abc import Iterator
from typing import TypedDict
from urllib.parse import quote_plus, unquote_to_bytes

from ._shared.sf_family import Issue, error, expect, sf_dict_field, warning
from .sf import Dictionary, InnerList, Item, Member, describe_bare

NoVarySearch = TypedDict("NoVarySearch", {
    "key-order": bool, "params": bool | tuple[str, ...], "except": tuple[str, ...]},
    total=False)  # only the members that change the default; empty: vary on everything
# Printable ASCII but SP, "%" and "+": what "parse a key" leaves as it is (SP is written "+").
_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in "%+")
_DEFAULT = "the field has no effect: the cache uses the whole query"


def parse_key(text: str) -> str:
    """The "parse a key" algorithm: "+" is a space, then percent-decode, then UTF-8."""
    return unquote_to_bytes(text.replace("+", " ")).decode("utf-8", "replace")


def write_key(key: str) -> str:
    return quote_plus(key, safe=_SAFE)


def _strings(member: Member, key: str) -> Iterator[Issue]:
    if not isinstance(member, InnerList):
        yield error(f"{key} must be an Inner List of Strings, as in {key}=(\"a\" \"b\"), "
                    f"found {describe_bare(member)}; {_DEFAULT}", key, "=")
        return
    for j, item in enumerate(member.items):
        if problem := expect(item, (str,), f"each key in {key}", key, j):
            yield error(f"{problem.reason}; {_DEFAULT}", *problem.at)


def _check(members: Dictionary) -> Iterator[Issue]:
    key_order = members.get("key-order")
    if key_order is not None:
        if problem := expect(key_order, (bool,), "key-order", "key-order", "="):
            yield error(f"{problem.reason}; {_DEFAULT}", *problem.at)
        elif isinstance(key_order, Item) and key_order.value is False:
            yield warning("key-order=?0 is the default: leave it out", "key-order")
    params = members.get("params")
    if params is not None:
        if isinstance(params, Item) and type(params.value) is bool:
            if params.value is False:
                yield warning("params=?0 is the default: leave it out", "params")
        else:
            yield from _strings(params, "params")
            if isinstance(params, InnerList) and not params.items:
                yield warning("params=() is the default: leave it out", "params")
    if "except" in members:
        if not (isinstance(params, Item) and params.value is True):
            yield error(f"except needs params (params=?1): it lists the keys that still "
                        f"matter when no other does; {_DEFAULT}", "except")
        else:
            yield from _strings(members["except"], "except")
    for key in members:
        if key not in ("key-order", "params", "except"):
            yield warning(f"unknown member {key!r}: caches ignore it", key)


def _keys(member: Member) -> tuple[str, ...]:
    items = member.items if isinstance(member, InnerList) else ()
    return tuple(parse_key(i.value) for i in items if isinstance(i.value, str))


def _view(members: Dictionary) -> NoVarySearch:
    value: NoVarySearch = {}
    key_order, params = members.get("key-order"), members.get("params")
    if isinstance(key_order, Item) and key_order.value is True:
        value["key-order"] = True
    if isinstance(params, Item) and params.value is True:
        value["params"] = True
        if "except" in members:
            value["except"] = _keys(members["except"])
    elif params is not None and (keys := _keys(params)):
        value["params"] = keys
    return value


def _unview(value: NoVarySearch) -> Dictionary:
    out: dict[str, Member] = {}
    if value.get("key-order"):
        out["key-order"] = Item(True)
    params = value.get("params")
    if params is True:
        out["params"] = Item(True)
        if "except" in value:
            out["except"] = InnerList(tuple(Item(write_key(k)) for k in value["except"]))
    elif isinstance(params, tuple) and params:
        out["params"] = InnerList(tuple(Item(write_key(k)) for k in params))
    return out


NO_VARY_SEARCH = sf_dict_field(
    "No-Vary-Search", "draft-ietf-httpbis-no-vary-search, 2", check=_check, view=_view,
    unview=_unview, value_type='dict ("key-order", "params", "except")',
    example='key-order, params, except=("productId")', empty_ok=True)
