"""`FrozenDict`: the immutable mapping inside parsed values (parameters, SF Dictionaries).

Parsed values are shared: the field cache (pages/fieldcache.py) hands the same value to every
request that sends the same field line, so nothing reachable from a value may change. Lists
are tuples; a map is a `FrozenDict`, a `dict` subclass whose mutating methods raise.

Why a dict subclass rather than `types.MappingProxyType` over a dict built once:

- it *is* a dict to every reader that asks (`isinstance(v, dict)`): the SF serializer, the
  JSON encoder's slow path, `json.dumps`, compare/ and the writers keep working unchanged;
- it compares equal to a plain dict with the same items, so the strategies' drawn values
  (plain dicts) and the tests' literals still equal what the parsers return;
- it hashes (by its items, order aside, as its equality ignores order), so a frozen value
  type holding one is hashable, as a frozen dataclass should be; a mapping proxy is not;
- it pickles and copies (`__reduce__`), which a mapping proxy refuses.

Building one from a dict is a copy (about 0.1 us for a parameter or two); an empty map is the
shared `EMPTY`, with no copy at all. `dict.__setitem__(d, k, v)` still gets past the guard,
as `object.__setattr__` gets past a frozen dataclass's: no code here does it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NoReturn, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class FrozenDict(dict[K, V]):
    """A dict that refuses to change after it is built: equal to a dict with its items."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]  # dict sets __hash__ = None
        return hash(frozenset(self.items()))

    def __repr__(self) -> str:
        return f"FrozenDict({dict.__repr__(self)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))

    def _immutable(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("a FrozenDict is immutable: parsed values are shared by every request")

    __setitem__ = __delitem__ = _immutable
    clear = pop = popitem = setdefault = update = _immutable
    __ior__ = _immutable


EMPTY: FrozenDict[Any, Any] = FrozenDict()


def frozen(items: dict[K, V] | Iterable[tuple[K, V]]) -> FrozenDict[K, V]:
    """`items` as a FrozenDict: the shared EMPTY when there are none, no copy of a FrozenDict."""
    if type(items) is FrozenDict:
        return items
    if not items and isinstance(items, dict):
        return EMPTY
    made: FrozenDict[K, V] = FrozenDict(items)
    return made if made else EMPTY
