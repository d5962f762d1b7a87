"""The rules of a value's text, walked generically: the reference for pages/valueview.py.

A dataclass shows its fields as `name: value`, leaving out those still at their default;
a value whose only member left has a primary name is shown as that member alone; a list of
more than one member shows one member per line unless its members are simple and fit on one;
a part whose one-line form is too wide is broken into an indented block; a list or map of
more than MAX_MEMBERS members (pages/limits.py) shows the first of them and then
"... N more elements", so that what is shown stays bounded by what was sent. valueview.py
generates a fast formatter per type from these rules, and its tests hold each to this walk.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from ..headers import to_json
from ..headers._shared.json import decimal_text
from .limits import MAX_MEMBERS, more
from .visible import visible

WIDTH = 72  # a one-line form longer than this is broken into an indented block
MISSING = object()
# A value whose only member left is one of these is shown as that member alone: "gzip", not
# "value: gzip". Other names stay, so that "length: 5" still says what 5 is.
PRIMARY = frozenset({"value", "opaque", "host", "name", "token", "brand", "scheme", "type"})
# type -> ((field name, default), ...) for dataclasses; built on first sight of each type
_PLANS: dict[type, tuple[tuple[str, Any], ...]] = {}
Inline = Callable[[Any], str]
Lines = Callable[[Any, str], list[str]]


def plan(kind: type) -> tuple[tuple[str, Any], ...] | None:
    """((field name, default), ...) of a dataclass without its own JSON form, else None."""
    found = _PLANS.get(kind)
    if found is None and dataclasses.is_dataclass(kind) and "__json__" not in vars(kind):
        found = tuple(
            (f.name, f.default if f.default is not dataclasses.MISSING
             else f.default_factory() if f.default_factory is not dataclasses.MISSING
             else MISSING)
            for f in dataclasses.fields(kind))
        _PLANS[kind] = found
    return found


# A string shown as it is could read as something else: nothing at all, or (in a list) a map
# or a list. Those are shown in quotes, so that a text starting with "{" is always a map's
# one-line form (which a list block shows without its braces). Quotes are only delimiters
# here, nothing inside is escaped: this is text for people, not a serialization.
QUOTED = frozenset(("", "{", "[", '"'))


def _quote(text: str) -> str:
    return '"' + text + '"'


def _text(value: str) -> str:
    return _quote(visible(value)) if value[:1] in QUOTED else visible(value)


def _datetime(value: datetime) -> str:
    return str(value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"))


SCALARS: dict[type, Callable[[Any], str]] = {
    str: _text, bool: lambda v: "true" if v else "false", int: repr, float: repr,
    Decimal: decimal_text, datetime: _datetime, type(None): lambda v: "none",
}


def _scalar(value: Any) -> str | None:
    """The text of a value that is not a container, or None for a container."""
    format_ = SCALARS.get(type(value))
    if format_ is not None:
        return format_(value)
    if isinstance(value, enum.Enum):
        return _scalar(value.value)
    if isinstance(value, bytes):
        return _scalar(to_json(value))
    return None


def _members(value: Any) -> list[tuple[str, Any]] | None:
    """(name, member) pairs of a map-like value, defaults left out; None if not map-like."""
    fields = plan(type(value))
    if fields is not None:
        return [(name, v) for name, default in fields
                if (v := getattr(value, name)) is not None and v != default]
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items()]
    return None


def reference_inline(value: Any) -> str:
    text = _scalar(value)
    if text is not None:
        return text
    if isinstance(value, tuple | list):
        texts = [reference_inline(v) for v in value[:MAX_MEMBERS]]
        return "[" + ", ".join(texts + _elided(len(value))) + "]"
    members = _members(value)
    if members is not None:
        if len(members) == 1 and members[0][0] in PRIMARY:
            return reference_inline(members[0][1])
        texts = [f"{k}: {reference_inline(v)}" for k, v in members[:MAX_MEMBERS]]
        return "{" + ", ".join(texts + _elided(len(members))) + "}"
    return reference_inline(to_json(value))  # a type with its own JSON form (SF Token, ...)


def reference_lines(value: Any, indent: str) -> list[str]:
    text = _scalar(value)
    if text is not None:
        return [indent + text]
    if isinstance(value, tuple | list):
        if len(value) == 1:
            return reference_lines(value[0], indent)
        if len(value) > MAX_MEMBERS:
            return elided_lines(value, indent, reference_lines)
        flat = [reference_inline(v) for v in value]
        one = ", ".join(flat)
        if len(indent) + len(one) <= WIDTH and not any(t[:1] in "{[" for t in flat):
            return [indent + one]  # a list of simple members fits on a line
        return sequence_block(value, flat, indent, reference_lines)
    members = _members(value)
    if members is None:
        return reference_lines(to_json(value), indent)
    return members_block(members, indent, reference_inline, reference_lines)


def _elided(count: int) -> list[str]:
    """What stands for the members after the first MAX_MEMBERS of `count`: [] if none."""
    return [more(count - MAX_MEMBERS, "element")] if count > MAX_MEMBERS else []


def elided_lines(value: Any, indent: str, lines: Lines) -> list[str]:
    """A list or map too long to show whole: the lines of its first MAX_MEMBERS members, and
    then "... N more elements"."""
    return [*lines(value[:MAX_MEMBERS], indent), indent + _elided(len(value))[0]]


def sequence_block(value: Any, flat: list[str], indent: str, lines: Lines) -> list[str]:
    """One member per line, "- " before each; a member too wide is broken up below it."""
    out: list[str] = []
    for item, text in zip(value, flat, strict=True):
        if len(indent) + 2 + len(text) <= WIDTH:
            out.append(indent + "- " + (text[1:-1] if text[:1] == "{" else text))
            continue
        sub = lines(item, indent + "  ")
        out.append(indent + "- " + sub[0][len(indent) + 2:])
        out.extend(sub[1:])
    return out or [indent + "[]"]


def members_block(members: list[tuple[str, Any]], indent: str, inline: Inline,
                   lines: Lines) -> list[str]:
    if not members:
        return [indent + "{}"]
    if len(members) == 1 and members[0][0] in PRIMARY:
        return lines(members[0][1], indent)
    if len(members) > MAX_MEMBERS:
        return elided_lines(members, indent, lambda shown, ind: members_block(
            shown, ind, inline, lines))
    parts = [f"{k}: {inline(v)}" for k, v in members]
    one = ", ".join(parts)
    if len(indent) + len(one) <= WIDTH:
        return [indent + one]
    out = []
    for (key, member), part in zip(members, parts, strict=True):
        if len(indent) + len(part) <= WIDTH:
            out.append(indent + part)
            continue
        out.append(f"{indent}{key}:")
        out.extend(lines(member, indent + "  "))
    return out
