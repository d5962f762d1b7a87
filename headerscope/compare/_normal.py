"""Normal forms shared by the peers' adapters (see _model.py for what a normal form is).

Each helper names the one decision it makes, so that an adapter reads as a list of choices:
a weight becomes exact decimal text; a date becomes ISO 8601 with its offset (a reading
without a zone keeps none, so that it differs from ours); a parameter named `x*` (RFC 8187)
is the parameter `x`, since that is what it stands for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal

from ..headers._shared.json import decimal_text
from ..headers.types import ExtValue
from ._model import Normal, Rejected, canonical


def weight(q: object) -> str:
    """A weight as exact decimal text: 1, 0.9, 0.125 (a float goes through its repr)."""
    if isinstance(q, Decimal):
        return decimal_text(q)
    return decimal_text(Decimal(repr(q)))


def date(value: datetime | None) -> str:
    if value is None:
        raise Rejected("no date (the parser returned None)")
    return value.isoformat()


def param_value(value: object) -> str:
    return value.text if isinstance(value, ExtValue) else str(value)


def params(values: Mapping[str, object]) -> dict[str, str]:
    """Parameters by lower-case name; `x*` (RFC 8187) stands in for `x` and wins over it."""
    out: dict[str, str] = {}
    for name, value in values.items():
        if name.endswith("*"):
            out[name[:-1].lower()] = param_value(value)
        else:
            out.setdefault(name.lower(), param_value(value))
    return out


def lower(values: Iterable[object]) -> list[str]:
    return [str(v).lower() for v in values]


def unordered(values: Iterable[Normal]) -> list[Normal]:
    """Members whose order carries no meaning (weighted lists, directives), sorted."""
    return sorted(values, key=canonical)
