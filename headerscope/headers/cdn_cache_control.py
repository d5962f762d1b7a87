"""CDN-Cache-Control: Cache-Control directives for CDN caches only (RFC 9213, 2 and 3).

"Targeted fields are Dictionary Structured Fields ... Each member of the Dictionary is an
HTTP cache response directive", so Cache-Control's `max-age=60, no-cache="a, b"` becomes:

    CDN-Cache-Control = sf-dictionary   ; max-age=600, stale-while-revalidate=30
    max-age, s-maxage, stale-while-revalidate, stale-if-error = sf-integer   ; delta-seconds
    must-revalidate, must-understand, no-store, no-transform, proxy-revalidate, public,
    immutable = a bare key (Boolean true)
    no-cache, private = a bare key, or sf-string: a comma-separated list of field names

"Implementations MUST NOT generate values that violate these inferred constraints": a
registered directive with a value of another type is an error (a negative delta-seconds
too). A directive a cache does not know is a warning ("A cache MUST ignore unrecognized cache
directives", RFC 9111, 5.2.3), as is a request directive, which means nothing in a response,
and any parameter ("Parameters received on cache directives are to be ignored").
"""

from collections.abc import Iterator

from ..grammar import parse_list
from ._shared.sf_family import Issue, error, expect, sf_dict_field, warning
from ._shared.spec import FieldError
from .cache_control import MAX_DELTA
from .sf import BareItem, Dictionary, InnerList, Item, Member, describe_bare

SECONDS = frozenset({"max-age", "s-maxage", "stale-while-revalidate", "stale-if-error"})
FLAGS = frozenset({"must-revalidate", "must-understand", "no-store", "no-transform",
                   "proxy-revalidate", "public", "immutable"})
FIELD_LISTS = frozenset({"no-cache", "private"})
REQUEST_ONLY = frozenset({"max-stale", "min-fresh", "only-if-cached"})
CdnDirective = BareItem | tuple[str, ...] | InnerList  # tuple: no-cache / private field names


def _field_names(text: str) -> tuple[str, ...]:
    return parse_list(text, lambda cur: cur.token("a field name").lower())


def _check(members: Dictionary) -> Iterator[Issue]:
    for key, member in members.items():
        yield from _directive(key, member)
        for name in member.params:
            yield warning(f"{key};{name}: parameters on cache directives are ignored "
                          "(RFC 9213, 2.1)", key, ";" + name)


def _directive(key: str, member: Member) -> Iterator[Issue]:
    at = (key, "=")
    value = member.value if isinstance(member, Item) else member
    if key in SECONDS:
        if problem := expect(member, (int,), key, *at):
            yield problem
        elif isinstance(value, int) and value < 0:
            yield error(f"{key} is a number of seconds, 0 or more, not {value}", *at)
        elif isinstance(value, int) and value > MAX_DELTA:
            yield warning(f"{key} is read as 2147483648 (2^31), the largest delta-seconds a "
                          "cache must count (RFC 9111, 1.2.2)", *at)
    elif key in FLAGS and value is not True:
        found = "?0, which does not turn it off" if value is False else describe_bare(member)
        yield error(f"{key} takes no value: send the bare key {key} (a Boolean true); found "
                    f"{found}", *at)
    elif key in FIELD_LISTS and value is not True:
        if problem := expect(member, (str,), f"the field names of {key}", *at):
            yield problem
        elif isinstance(value, str):
            try:
                _field_names(value)
            except FieldError as exc:
                yield error(f"{key}: {exc.reason} in {value!r}", *at)
    elif key in REQUEST_ONLY:
        yield warning(f"{key} is a request directive; in a response caches ignore it", key)
    elif key not in SECONDS | FLAGS | FIELD_LISTS:
        yield warning(f"unknown directive {key!r}: caches ignore directives they do not know "
                      "(RFC 9111, 5.2.3)", key)


def _view(members: Dictionary) -> dict[str, CdnDirective]:
    out: dict[str, CdnDirective] = {}
    for key, member in members.items():
        if isinstance(member, InnerList):
            out[key] = member
        elif key in FIELD_LISTS and isinstance(member.value, str):
            out[key] = _field_names(member.value)
        else:
            out[key] = member.value
    return out


def _unview(directives: dict[str, CdnDirective]) -> Dictionary:
    out: dict[str, Member] = {}
    for key, value in directives.items():
        if isinstance(value, InnerList):
            out[key] = value
        else:
            out[key] = Item(", ".join(value) if isinstance(value, tuple) else value)
    return out


CDN_CACHE_CONTROL = sf_dict_field(
    "CDN-Cache-Control", "RFC 9213, 3", check=_check, view=_view, unview=_unview,
    value_type="dict[str, int | bool | tuple[str, ...] | bare item]",
    example="max-age=600, stale-while-revalidate=30")
