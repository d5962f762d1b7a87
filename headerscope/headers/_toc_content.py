"""Representation, negotiation, conditional requests, ranges, caching and dates."""

from typing import Any

from ._spec import FieldSpec
from .age import AGE

CONTENT_SPECS: list[FieldSpec[Any]] = [
    AGE,
]
