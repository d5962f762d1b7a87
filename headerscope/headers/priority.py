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

import re
from collections.abc import Iterator
from typing import Any

from ._shared.sf_family import Issue, dict_items, sf_dict_field, warning
from ._shared.spec import SLOW
from .sf import Dictionary, Item, describe_bare

PriorityValue = dict[str, int | bool]  # {"u": 0..7, "i": bool}, only the members sent
DEFAULT_URGENCY = 3
_RULES = {"u": "an Integer from 0 to 7", "i": "a Boolean"}


def _counts(key: str, member: object) -> bool:
    """Whether the member is a "u" or an "i" that RFC 9218 does not have ignored."""
    if not isinstance(member, Item):
        return False
    value = member.value
    if key == "u":
        return type(value) is int and 0 <= value <= 7
    return key == "i" and type(value) is bool


def _check(members: Dictionary) -> Iterator[Issue]:
    for key, rule in _RULES.items():
        if key in members and not _counts(key, members[key]):
            default = f"urgency {DEFAULT_URGENCY}" if key == "u" else "not incremental"
            yield warning(f"{key} is {rule}; {describe_bare(members[key])} is "
                          f"ignored (RFC 9218, 4), so the default applies: {default}", key, "=")


def _view(members: Dictionary) -> PriorityValue:
    value: PriorityValue = {}
    for key, member in members.items():
        if _counts(key, member) and isinstance(member, Item) and isinstance(member.value, int):
            value[key] = member.value  # an int for "u", a bool for "i"
    return value


# What browsers send: "u=N", "u=N, i" or "i", with an urgency in range; the rest is exact.
_COMMON_RE = re.compile(r"u=([0-7])(?:[ \t]*,[ \t]*(i))?|(i)")


def _fast(raw: str) -> Any:
    m = _COMMON_RE.fullmatch(raw)
    if m is None:
        return SLOW
    u, i, alone = m.groups()
    if alone:
        return {"i": True}
    return {"u": int(u), "i": True} if i else {"u": int(u)}


def urgency(value: PriorityValue) -> int:
    return int(value.get("u", DEFAULT_URGENCY))


def incremental(value: PriorityValue) -> bool:
    return bool(value.get("i", False))


PRIORITY = sf_dict_field("Priority", "RFC 9218, 5", check=_check, view=_view,
                         unview=dict_items, value_type='dict[str, int | bool] ("u", "i")',
                         example="u=0, i", empty_ok=True, fast=_fast)
