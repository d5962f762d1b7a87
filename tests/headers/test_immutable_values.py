"""Parsed values are immutable: the field cache hands one value to every request that sends
the same line (pages/fieldcache.py), so no mutable container may be reachable from a value.

The walk covers what the parsers return for every registered field: the parse of values the
field's strategy draws (written, then parsed), and of raw texts its strategy draws, with the
fast paths on and off. The strategies' own values are plain dicts (a FrozenDict equals one);
what matters, and what the cache holds, is what parsing gives.
"""

from __future__ import annotations

import copy
import dataclasses
import enum
import operator
import pickle
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headerscope.grammar import core as syntax
from headerscope.headers import REGISTRY, FieldSpec, to_json
from headerscope.headers._shared.frozen import EMPTY, FrozenDict, frozen
from headerscope.strategies import valid, values

from .test_registry import IDS, SPECS

MUTABLE = (dict, list, set, bytearray)


def mutable_parts(value: object, path: str = "value") -> Iterator[str]:
    """Where a mutable container is inside `value` (a FrozenDict is not one)."""
    if isinstance(value, MUTABLE) and type(value) is not FrozenDict:
        yield f"{path}: {type(value).__name__}"
    if isinstance(value, dict):
        for key, member in value.items():
            yield from mutable_parts(key, f"{path} key")
            yield from mutable_parts(member, f"{path}[{key!r}]")
    elif isinstance(value, list | tuple | set | frozenset):
        for i, member in enumerate(value):
            yield from mutable_parts(member, f"{path}[{i}]")
    elif isinstance(value, enum.Enum):
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from mutable_parts(getattr(value, f.name),
                                     f"{path}.{type(value).__name__}.{f.name}")


def test_the_walk_finds_what_it_should() -> None:
    from headerscope.headers._shared.types import MediaType

    assert list(mutable_parts(MediaType("a", "b", {"c": "d"})))
    assert list(mutable_parts((1, [2])))
    assert not list(mutable_parts(MediaType("a", "b", FrozenDict({"c": "d"}))))


def parsed(spec: FieldSpec[Any], raw: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(syntax, "FAST_PATHS", fast)
    return REGISTRY.parse(spec.name, raw)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_parsed_values_hold_no_mutable_container(spec: FieldSpec[Any], data: st.DataObject,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [spec.example, spec.write(data.draw(values(spec.name))),
             data.draw(valid(spec.name))]
    for raw in texts:
        for fast in (True, False):
            f = parsed(spec, raw, fast, monkeypatch)
            assert list(mutable_parts(f.value)) == [], (raw, fast)
            assert list(mutable_parts(f.warnings)) == []


# -- FrozenDict itself -----------------------------------------------------------------------

def test_a_frozen_dict_refuses_every_change() -> None:
    d = FrozenDict({"a": 1, "b": 2})
    changes: list[Callable[[], object]] = [
        lambda: d.__setitem__("c", 3), lambda: d.__delitem__("a"), d.clear, lambda: d.pop("a"),
        d.popitem, lambda: d.setdefault("c", 3), lambda: d.update({"c": 3}),
        lambda: d.__ior__({"c": 3})]
    for change in changes:
        with pytest.raises(TypeError, match="immutable"):
            change()
    assert d == {"a": 1, "b": 2}


def test_a_frozen_dict_is_a_dict_to_its_readers() -> None:
    d = FrozenDict({"q": "1", "charset": "utf-8"})
    assert d == {"charset": "utf-8", "q": "1"} and operator.eq({"q": "1", "charset": "utf-8"}, d)
    assert hash(d) == hash(FrozenDict({"charset": "utf-8", "q": "1"}))  # equal: same hash
    assert isinstance(d, dict) and list(d) == ["q", "charset"]
    assert to_json(d) == {"q": "1", "charset": "utf-8"}
    assert d | {"x": "y"} == {"q": "1", "charset": "utf-8", "x": "y"}
    for again in (pickle.loads(pickle.dumps(d)), copy.copy(d), copy.deepcopy(d)):
        assert type(again) is FrozenDict and again == d
    assert repr(d) == "FrozenDict({'q': '1', 'charset': 'utf-8'})"


def test_frozen_shares_the_empty_map_and_does_not_copy_a_frozen_one() -> None:
    assert frozen({}) is EMPTY and frozen([]) is EMPTY
    d = FrozenDict({"a": 1})
    assert frozen(d) is d
    assert type(frozen({"a": 1})) is FrozenDict


def test_value_types_holding_maps_hash() -> None:
    """A frozen value type is hashable now that its parameters are."""
    value = REGISTRY.parse("Accept", "text/html;level=1;q=0.5;ext=x").value
    assert hash(value) == hash(REGISTRY.parse("Accept", "text/html;level=1;q=0.5;ext=x").value)
