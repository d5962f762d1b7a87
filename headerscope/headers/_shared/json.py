"""The stable JSON encoding of every native value (documented in docs/json.md).

    datetime           -> RFC 3339 string in UTC with "Z"     "2026-11-26T10:49:32Z"
    Decimal            -> string, exact                       "0.875"
    bytes              -> {"base64": "..."}
    enum member        -> its value
    dataclass          -> object of its fields, in declaration order
    tuple / list       -> array
    dict               -> object (keys are already strings)
    a type with `__json__()` (SF Token, DisplayString, ...) -> whatever it returns

Numbers, strings, booleans and None pass through.
"""

from __future__ import annotations

import base64
import dataclasses
import enum
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from .frozen import FrozenDict

JSON = Any  # what json.dumps accepts; recursive aliases buy nothing here

_PASS = (str, int, float, bool, type(None))
_PASS_TYPES = frozenset(_PASS)
# The field names of each dataclass met so far: dataclasses.fields() is slow on a hot path.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_json(value: object) -> JSON:
    """Turn a native field value into plain JSON data, recursively."""
    kind = type(value)
    if kind in _PASS_TYPES:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is not None:  # a dataclass seen before: the common case, kept cheap
        return {name: to_json(getattr(value, name)) for name in names}
    if kind is tuple or kind is list:
        return [to_json(v) for v in value]  # type: ignore[attr-defined]
    if kind is FrozenDict or kind is dict:  # parameters, directives: one in most members
        return {str(k): to_json(v) for k, v in value.items()}  # type: ignore[attr-defined]
    if kind is Decimal:  # weights
        return decimal_text(value)  # type: ignore[arg-type]
    return _to_json_slow(value)


def _to_json_slow(value: object) -> JSON:
    if isinstance(value, _PASS):
        return value
    hook = getattr(type(value), "__json__", None)
    if hook is not None:
        return hook(value)
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return format_rfc3339(value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, enum.Enum):
        return to_json(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = tuple(f.name for f in dataclasses.fields(value))
        _FIELD_NAMES[type(value)] = names
        return {name: to_json(getattr(value, name)) for name in names}
    if isinstance(value, frozenset | set):
        return sorted(to_json(v) for v in value)
    raise TypeError(f"no JSON encoding for {type(value).__name__}")


def format_rfc3339(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime: field dates are always timezone-aware")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def decimal_text(value: Decimal) -> str:
    """Exact, without exponent and without trailing zeros: "1", "0.875", "100"."""
    try:
        text = _QVALUE_TEXT.get(value)  # a signalling NaN refuses to be hashed
    except TypeError:
        text = None
    return text if text is not None else format(value.normalize(), "f")


# The text of every positive qvalue (RFC 9110, 12.4.2: 0.001 to 1), worked out at import:
# browsers send weights in most Accept-* fields, and `format` of a Decimal costs ten times a
# dict lookup (measured: 0.66 against 0.06 us). A value is found by numeric equality, which
# the text depends on alone for positive numbers (0.5, 0.50 and 5E-1 all read "0.5"); zero
# is left out, because -0 equals it and reads "-0".
_QVALUE_TEXT = {Decimal(n).scaleb(-3): format(Decimal(n).scaleb(-3).normalize(), "f")
                for n in range(1, 1001)}
