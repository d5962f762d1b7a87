"""Properties that hold across the whole registry.

- every FieldSpec defined anywhere in headerscope.headers is registered, and every registered
  field has strategies (and no strategy names an unregistered field);
- parse(write(v)) == v for values drawn from each field's strategy;
- write(parse(raw)) is stable for every valid raw text;
- invalid raw texts are diagnosed, never raised;
- parsing any text under any registered name returns a ParsedField, and the spec's own parse
  raises nothing but FieldError.
"""

from __future__ import annotations

import csv
import importlib
import pkgutil
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import headerscope.headers as headers_pkg
from headerscope.headers import REGISTRY, FieldError, FieldSpec
from headerscope.strategies import STRATEGIES, invalid, valid, values

from ..conftest import SHARED_DATA

SPECS = sorted(REGISTRY, key=lambda s: s.key)
IDS = [s.name for s in SPECS]


def _defined_specs() -> list[tuple[str, FieldSpec[Any]]]:
    found = []
    for info in pkgutil.iter_modules(headers_pkg.__path__):
        module = importlib.import_module(f"headerscope.headers.{info.name}")
        for attr, obj in vars(module).items():
            if isinstance(obj, FieldSpec) and not attr.startswith("_"):
                found.append((f"{info.name}.{attr}", obj))
    return found


def test_every_defined_spec_is_registered() -> None:
    missing = [where for where, spec in _defined_specs() if REGISTRY.get(spec.name) is not spec]
    assert missing == []


def test_every_registered_spec_has_strategies_and_no_strategy_is_orphaned() -> None:
    assert [s.name for s in SPECS if s.key not in STRATEGIES] == []
    assert [n for n in STRATEGIES if n not in REGISTRY] == []


def test_specs_are_described() -> None:
    for spec in SPECS:
        assert spec.ref, spec.name
        assert spec.value_type, spec.name
        assert spec.example, spec.name
        parsed = REGISTRY.parse(spec.name, spec.example)
        assert parsed.error is None, (spec.name, spec.example, parsed.error)


def test_tier_one_fields_are_registered() -> None:
    path = SHARED_DATA / "fields.tsv"
    if not path.exists():
        pytest.skip(f"{path} is not present")
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    tier1 = [r["field"] for r in rows if r["tier"] == "1"]
    assert len(tier1) == 126
    assert [name for name in tier1 if name not in REGISTRY] == []


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
@given(data=st.data())
def test_round_trip(spec: FieldSpec[Any], data: st.DataObject) -> None:
    value = data.draw(values(spec.name))
    text = spec.write(value)
    assert spec.parse(text) == value, text


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
@given(data=st.data())
def test_written_text_is_stable(spec: FieldSpec[Any], data: st.DataObject) -> None:
    raw = data.draw(valid(spec.name))
    first = spec.parse(raw.strip(" \t"))
    text = spec.write(first)
    assert spec.parse(text) == first
    assert spec.write(spec.parse(text)) == text


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
@given(data=st.data())
def test_invalid_values_are_diagnosed(spec: FieldSpec[Any], data: st.DataObject) -> None:
    raw = data.draw(invalid(spec.name))
    parsed = REGISTRY.parse(spec.name, raw)
    assert parsed.error is not None, raw
    assert parsed.value is None
    position = parsed.error.position
    assert position is None or 0 <= position <= len(parsed.raw)
    assert "internal" not in parsed.error.reason


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
@given(raw=st.text(st.characters(codec="latin-1"), max_size=60))
def test_any_text_gives_a_parsed_field(spec: FieldSpec[Any], raw: str) -> None:
    parsed = REGISTRY.parse(spec.name, raw)
    stripped = raw.strip(" \t")
    # the registry's data says what the spec's own parse says (fast path and all), and keeps
    # the stripped value: a ParsedField is returned by its type, so this is what can go wrong
    assert (parsed.name, parsed.raw, parsed.spec) == (spec.key, stripped, spec)
    try:
        value = spec.parse(stripped)
    except FieldError as exc:
        assert exc.position is None or 0 <= exc.position <= len(stripped)
        assert parsed.error is not None and parsed.value is None
        assert (parsed.error.reason, parsed.error.position) == (exc.reason, exc.position)
    else:
        assert parsed.error is None and parsed.value == value


def test_unknown_fields_are_kept_verbatim() -> None:
    parsed = REGISTRY.parse("X-Made-Up", "  some \x01 value  ")
    assert not parsed.known
    assert parsed.raw == "some \x01 value"
    assert parsed.value == "some \x01 value"
    assert parsed.error is None
