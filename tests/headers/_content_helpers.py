"""Assertions shared by the content group's unit tests."""

from __future__ import annotations

from typing import Any

import pytest

from headerscope.headers import REGISTRY, FieldError, FieldSpec


def rejects(spec: FieldSpec[Any], raw: str, fragment: str, position: int | None) -> None:
    """`raw` is an error whose reason contains `fragment`, at exactly `position`."""
    with pytest.raises(FieldError) as info:
        spec.parse(raw)
    assert fragment in info.value.reason, info.value.reason
    assert info.value.position == position, info.value.reason


def warnings(spec: FieldSpec[Any], raw: str) -> list[tuple[str, int | None]]:
    """The lint warnings of a valid value (without the field's deprecation notice)."""
    parsed = REGISTRY.parse(spec.name, raw)
    assert parsed.error is None, parsed.error
    return [(w.reason, w.position) for w in parsed.warnings if w.reason != spec.deprecated]


def warned(spec: FieldSpec[Any], raw: str, fragment: str, position: int | None) -> None:
    found = warnings(spec, raw)
    assert any(fragment in reason and at == position for reason, at in found), found


def round_trips(spec: FieldSpec[Any], raw: str, canonical: str) -> None:
    value = spec.parse(raw)
    assert spec.write(value) == canonical
    assert spec.parse(canonical) == value
