"""Registered fields of the identity group."""

from typing import Any

from ._spec import FieldSpec

IDENTITY_SPECS: list[FieldSpec[Any]] = [
]
