"""Cache-Status: how each cache on the way handled the request (RFC 9211, 2).

A Structured Field List; each member names a cache (a Token or a String), the one nearest
the origin first, with parameters from the HTTP Cache-Status registry:

    Cache-Status = sf-list   ; OriginCache; hit; ttl=1100, "CDN Company Edge"; fwd=uri-miss
    hit        = sf-boolean  ; served from this cache, not forwarded
    fwd        = sf-token    ; why it went forward: bypass, method, uri-miss, vary-miss, miss,
                             ;   request, stale, partial
    fwd-status = sf-integer  ; the status code the next hop returned
    ttl        = sf-integer  ; remaining freshness lifetime in seconds (negative: stale)
    stored     = sf-boolean  ; the cache stored the response
    collapsed  = sf-boolean  ; the request was collapsed with another one
    key        = sf-string   ; the cache key (implementation-specific)
    detail     = sf-string / sf-token   ; anything else, implementation-specific

A parameter of the wrong type, or a fwd outside the list above, is an error. "hit" and
"fwd" are exclusive ("only one of them should appear on each list member"): a warning, as
is a parameter the registry does not have (kept in `params`).
"""

from collections.abc import Iterator
from difflib import get_close_matches

from ._shared.frozen import EMPTY, frozen
from ._shared.sf_family import Issue, error, expect, present, sf_list_field, warning
from ._shared.sf_values import text, text_item
from ._shared.value import value_type
from .sf import BareItem, Item, List, Params, Token

FORWARD_REASONS = ("bypass", "method", "uri-miss", "vary-miss", "miss", "request", "stale",
                   "partial")
PARAMETERS: dict[str, tuple[type, ...]] = {
    "hit": (bool,), "fwd": (Token,), "fwd-status": (int,), "ttl": (int,), "stored": (bool,),
    "collapsed": (bool,), "key": (str,), "detail": (str, Token)}


@value_type
class CacheStatus:
    """One cache's account of the response; None: the cache did not say."""

    cache: str  # its name, a Token or String as sent
    hit: bool = False
    fwd: str | None = None
    fwd_status: int | None = None
    ttl: int | None = None
    stored: bool | None = None
    collapsed: bool | None = None
    key: str | None = None
    detail: str | None = None
    params: Params = EMPTY  # extension parameters, in order


def _check(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        if problem := expect(member, (Token, str), "each cache's name", i):
            yield problem
            continue
        for name, value in member.params.items():
            yield from _parameter(name, value, i)
        if member.params.get("hit") is True and "fwd" in member.params:
            yield warning('"hit" and "fwd" are exclusive: only one of them should appear on '
                          "each list member (RFC 9211, 2)", i)


def _parameter(name: str, value: BareItem, i: int) -> Iterator[Issue]:
    types = PARAMETERS.get(name)
    at = (i, ";" + name)
    if types is None:
        yield warning(f"{name!r} is not a parameter of the HTTP Cache-Status registry", *at)
    elif problem := expect(value, types, name, *at):
        yield problem
    elif name == "fwd" and isinstance(value, Token) and value.value not in FORWARD_REASONS:
        near = get_close_matches(value.value, FORWARD_REASONS, 1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        yield error(f"fwd={value.value} is not a defined reason{hint}: "
                    f"{', '.join(FORWARD_REASONS)}", *at)
    elif name == "fwd-status" and isinstance(value, int) and not 100 <= value <= 599:
        yield warning(f"fwd-status={value} is not an HTTP status code (100 to 599)", *at)


def _int(value: object) -> int | None:
    return value if type(value) is int else None


def _bool(value: object) -> bool | None:
    return value if type(value) is bool else None


def _entry(member: Item) -> CacheStatus:
    p = member.params
    return CacheStatus(
        text(member) or "", hit=p.get("hit") is True, fwd=text(p.get("fwd")),
        fwd_status=_int(p.get("fwd-status")), ttl=_int(p.get("ttl")),
        stored=_bool(p.get("stored")), collapsed=_bool(p.get("collapsed")),
        key=text(p.get("key")), detail=text(p.get("detail")),
        params=frozen([(k, v) for k, v in p.items() if k not in PARAMETERS]))


def _view(members: List) -> tuple[CacheStatus, ...]:
    return tuple(_entry(m) for m in members if isinstance(m, Item))


def _unview(statuses: tuple[CacheStatus, ...]) -> List:
    out = []
    for s in statuses:
        params: dict[str, BareItem] = ({"hit": True} if s.hit else {}) | present(
            ("fwd", None if s.fwd is None else Token(s.fwd)), ("fwd-status", s.fwd_status),
            ("ttl", s.ttl), ("stored", s.stored), ("collapsed", s.collapsed), ("key", s.key),
            ("detail", None if s.detail is None else text_item(s.detail)))
        out.append(Item(text_item(s.cache), params | dict(s.params)))
    return tuple(out)


CACHE_STATUS = sf_list_field(
    "Cache-Status", "RFC 9211, 2", check=_check, view=_view, unview=_unview,
    value_type="tuple[CacheStatus, ...]",
    example='ExampleCache; hit; ttl=376, "CDN Company Edge"; fwd=uri-miss; stored')
