"""Registered fields of the security group."""

from typing import Any

from ._spec import FieldSpec

SECURITY_SPECS: list[FieldSpec[Any]] = [
]
