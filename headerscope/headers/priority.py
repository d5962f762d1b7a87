"""Priority: how urgently the client wants the response, and whether it can use it in parts.

RFC 9218, 4 and 5. A Structured Field Dictionary with two defined members:

    Priority = sf-dictionary   ; u=0, i
    u = sf-integer             ; urgency 0 (highest) to 7 (lowest); default 3
    i = sf-boolean             ; incremental: useful as it arrives; default false

"Unknown priority parameters, priority parameters with out-of-range values, or values of
unexpected types MUST be ignored" (RFC 9218, 4): the value holds only the members that count
("u" and "i", when valid), and an ignored u or i is a warning. An empty Priority is legal:
the defaults apply. Use `urgency(value)` and `incremental(value)` for the effective values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ._shared.json import JSON
from ._shared.sf_family import Issue, sf_dict_field, warning
from ._shared.spec import SLOW
from ._shared.value import value_type
from .sf import Dictionary, Item, Member, describe_bare

DEFAULT_URGENCY = 3
_RULES = {"u": "an Integer from 0 to 7", "i": "a Boolean"}


@value_type
class PriorityValue:
    """The priority parameters that were sent and count (RFC 9218, 4); None: not sent, or
    ignored, so the default applies (`urgency(value)` and `incremental(value)` apply it).

    urgency      u: "The urgency of an HTTP response" (RFC 9218, 4.1), 0 to 7
    incremental  i: "Whether an HTTP response can be processed incrementally" (4.2)

    (IANA's HTTP Priority registry.) Unknown parameters are not kept: they "MUST be ignored".
    The JSON form keeps the member names of the field: {"u": 0, "i": true}, only those sent.
    """

    urgency: int | None = None
    incremental: bool | None = None

    def __json__(self) -> JSON:
        out: dict[str, int | bool] = {}
        if self.urgency is not None:
            out["u"] = self.urgency
        if self.incremental is not None:
            out["i"] = self.incremental
        return out


def _urgency(member: Member | None) -> int | None:
    """u's value, unless RFC 9218 has it ignored: an Integer from 0 to 7 (4.1)."""
    value = member.value if isinstance(member, Item) else None
    return value if type(value) is int and 0 <= value <= 7 else None


def _incremental(member: Member | None) -> bool | None:
    """i's value, unless RFC 9218 has it ignored: a Boolean (4.2)."""
    value = member.value if isinstance(member, Item) else None
    return value if type(value) is bool else None


_COUNTED = {"u": _urgency, "i": _incremental}


def _check(members: Dictionary) -> Iterator[Issue]:
    for key, rule in _RULES.items():
        if key in members and _COUNTED[key](members[key]) is None:
            default = f"urgency {DEFAULT_URGENCY}" if key == "u" else "not incremental"
            yield warning(f"{key} is {rule}; {describe_bare(members[key])} is "
                          f"ignored (RFC 9218, 4), so the default applies: {default}", key, "=")


def _view(members: Dictionary) -> PriorityValue:
    return PriorityValue(_urgency(members.get("u")), _incremental(members.get("i")))


def _unview(value: PriorityValue) -> Dictionary:
    out: dict[str, Member] = {}
    if value.urgency is not None:
        out["u"] = Item(value.urgency)
    if value.incremental is not None:
        out["i"] = Item(value.incremental)
    return out


# What browsers send: "u=N", "u=N, i" or "i", with an urgency in range; the rest is exact.
_COMMON_RE = re.compile(r"u=([0-7])(?:[ \t]*,[ \t]*(i))?|(i)")
# Every value those spellings can have, by the match's groups, built once: the fast path is a
# match and a lookup, and every request that sends "u=0, i" shares one (immutable) value.
_COMMON: dict[tuple[str | None, ...], PriorityValue] = {
    (str(u), i, None): PriorityValue(u, True if i else None)
    for u in range(8) for i in ("i", None)}
_COMMON[None, None, "i"] = PriorityValue(None, True)


def _fast(raw: str) -> Any:
    m = _COMMON_RE.fullmatch(raw)
    return SLOW if m is None else _COMMON[m.groups()]


def urgency(value: PriorityValue) -> int:
    return DEFAULT_URGENCY if value.urgency is None else value.urgency


def incremental(value: PriorityValue) -> bool:
    return bool(value.incremental)


PRIORITY = sf_dict_field("Priority", "RFC 9218, 5", check=_check, view=_view,
                         unview=_unview, value_type="PriorityValue",
                         example="u=0, i", empty_ok=True, fast=_fast)
