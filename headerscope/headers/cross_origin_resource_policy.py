"""Cross-Origin-Resource-Policy: who may embed this resource in a no-cors request (Fetch, 3.7).

    Cross-Origin-Resource-Policy = %s"same-origin" / %s"same-site" / %s"cross-origin"
                                   ; case-sensitive

"If policy is neither `same-origin`, `same-site`, nor `cross-origin`, then set policy to null":
a browser then treats the field as absent, and the resource loads for any origin (unless the
embedder's own Cross-Origin-Embedder-Policy forbids it). So anything else, including another
case, quotes, or two combined lines, is an error that says so.
"""

from __future__ import annotations

import enum

from ._shared.spec import FieldError, FieldSpec


class ResourcePolicy(enum.Enum):
    SAME_ORIGIN = "same-origin"
    SAME_SITE = "same-site"
    CROSS_ORIGIN = "cross-origin"


_BY_VALUE = {p.value: p for p in ResourcePolicy}
_NO_EFFECT = "browsers then treat the field as absent"


def parse(raw: str) -> ResourcePolicy:
    policy = _BY_VALUE.get(raw)
    if policy is not None:
        return policy
    if raw.lower() in _BY_VALUE:
        raise FieldError(f"{raw!r} is not {raw.lower()!r}: the value is case-sensitive; "
                         f"{_NO_EFFECT}", 0)
    if raw.strip('"') in _BY_VALUE:
        raise FieldError(f"write the value without quotes ({raw.strip(chr(34))}); {_NO_EFFECT}", 0)
    comma = raw.find(",")
    if comma >= 0:
        raise FieldError(f"one value only (two lines combined make it invalid); {_NO_EFFECT}",
                         comma)
    raise FieldError(f"expected same-origin, same-site or cross-origin; {_NO_EFFECT}", 0)


def write(value: ResourcePolicy) -> str:
    return value.value


CROSS_ORIGIN_RESOURCE_POLICY = FieldSpec(
    "Cross-Origin-Resource-Policy", parse, write, "Fetch, 3.7",
    value_type="ResourcePolicy ('same-origin' | 'same-site' | 'cross-origin')",
    example="same-origin")
