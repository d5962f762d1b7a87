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

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote_plus, unquote_to_bytes

from ._shared.json import JSON
from ._shared.sf_family import Issue, error, expect, sf_dict_field, warning
from ._shared.value import value_type
from .sf import Dictionary, InnerList, Item, Member, describe_bare


@value_type
class NoVarySearch:
    """The members of a No-Vary-Search that change the default (IANA's No-Vary-Search
    Dictionary Keys); all left at their default: the cache varies on the whole query.

    ignore_key_order  key-order=?1: the key-order member "Indicates if query parameter order
                      affects caching"; True: it does not
    ignore_params     params: "A list of query parameters that do not affect caching" (the
                      decoded keys); True (params=?1): none of them does
    except_params     except, with params=?1: "A list of query parameters that affect
                      caching" after all; None: not sent

    Unknown members are not kept: caches ignore them. The JSON form keeps the member names of
    the field: {"key-order": true, "params": true, "except": ["productId"]}.
    """

    ignore_key_order: bool = False
    ignore_params: bool | tuple[str, ...] = False
    except_params: tuple[str, ...] | None = None

    def members(self) -> tuple[tuple[str, bool | tuple[str, ...]], ...]:
        """(member name, its value) of each member that changes the default."""
        out: list[tuple[str, bool | tuple[str, ...]]] = []
        if self.ignore_key_order:
            out.append(("key-order", True))
        if self.ignore_params:  # True, or keys: params=() is the default
            out.append(("params", self.ignore_params))
        if self.except_params is not None:
            out.append(("except", self.except_params))
        return tuple(out)

    def __post_init__(self) -> None:
        if self.except_params is not None and self.ignore_params is not True:
            raise ValueError("except_params needs ignore_params=True: except lists the keys "
                             "that still matter when no other does")

    def __json__(self) -> JSON:
        return {key: v if isinstance(v, bool) else list(v) for key, v in self.members()}


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
    key_order, params = members.get("key-order"), members.get("params")
    ignore_key_order = isinstance(key_order, Item) and key_order.value is True
    if isinstance(params, Item) and params.value is True:
        except_ = members.get("except")
        return NoVarySearch(ignore_key_order, True,
                            _keys(except_) if except_ is not None else None)
    keys = _keys(params) if params is not None else ()
    return NoVarySearch(ignore_key_order, keys or False)  # params=?0 and params=(): defaults


def _unview(value: NoVarySearch) -> Dictionary:
    return {key: Item(v) if isinstance(v, bool) else InnerList(tuple(map(_key_item, v)))
            for key, v in value.members()}


def _key_item(key: str) -> Item:
    return Item(write_key(key))


NO_VARY_SEARCH = sf_dict_field(
    "No-Vary-Search", "draft-ietf-httpbis-no-vary-search, 2", check=_check, view=_view,
    unview=_unview, value_type="NoVarySearch",
    example='key-order, params, except=("productId")', empty_ok=True)
