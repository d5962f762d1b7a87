"""Strategies for the structured group's fields."""

from __future__ import annotations

from ._common import FieldStrategies

STRUCTURED: dict[str, FieldStrategies] = {
}
