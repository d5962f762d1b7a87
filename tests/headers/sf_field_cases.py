"""Shared assertions for the tables of the Structured Field units (tests/headers/test_sf_*)."""

from __future__ import annotations

from typing import Any

from headerscope.headers import REGISTRY, ParsedField


def parsed(name: str, raw: str) -> ParsedField:
    field = REGISTRY.parse(name, raw)
    assert field.known, name
    return field


def assert_parses(name: str, raw: str, expected: Any) -> None:
    """Parses to `expected`, with no error and no warning, and writes back stably."""
    field = parsed(name, raw)
    assert field.error is None, field.error
    assert field.warnings == (), field.warnings
    assert field.value == expected
    assert field.spec is not None
    text = field.spec.write(field.value)
    assert field.spec.parse(text) == expected


def assert_rejects(name: str, raw: str, fragment: str, position: int | None) -> None:
    field = parsed(name, raw)
    assert field.error is not None, field.value
    assert fragment in field.error.reason, field.error.reason
    assert field.error.position == position, field.error


def assert_warns(name: str, raw: str, fragment: str, position: int | None) -> None:
    field = parsed(name, raw)
    assert field.error is None, field.error
    assert [w for w in field.warnings if fragment in w.reason], field.warnings
    assert [w.position for w in field.warnings if fragment in w.reason] == [position]
