"""Registered fields of the structured group."""

from typing import Any

from ._spec import FieldSpec

STRUCTURED_SPECS: list[FieldSpec[Any]] = [
]
