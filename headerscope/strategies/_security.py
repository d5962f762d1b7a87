"""Strategies for the security group's fields."""

from __future__ import annotations

from ._common import FieldStrategies

SECURITY: dict[str, FieldStrategies] = {
}
