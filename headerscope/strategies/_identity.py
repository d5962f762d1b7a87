"""Strategies for the identity group's fields."""

from __future__ import annotations

from ._common import FieldStrategies

IDENTITY: dict[str, FieldStrategies] = {
}
