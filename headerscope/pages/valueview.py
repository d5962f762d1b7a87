"""Show a parsed value as readable, indented text: the same lines in the HTML and text views.

    Accept: text/html, application/xml;q=0.9   ->   - type: text, subtype: html
                                                     - type: application, subtype: xml, q: 0.9

Rules: a dataclass shows its fields as `name: value`, leaving out those still at their
default (q: 1, empty parameters), so what is shown is what the sender said; a list of more
than one member shows one member per line; a part whose one-line form is too wide is broken
into an indented block. Strings are shown with invisible characters made visible.

Strategy: this runs for every field of every request, so it works on the native values
directly (not on their JSON form), with a plan per value type computed once.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from ..headers import to_json
from ..headers._json import decimal_text
from .visible import visible

WIDTH = 72  # a one-line form longer than this is broken into an indented block
_MISSING = object()
# A value whose only member left is one of these is shown as that member alone: "gzip", not
# "value: gzip". Other names stay, so that "length: 5" still says what 5 is.
_PRIMARY = frozenset({"value", "opaque", "host", "name", "token", "brand", "scheme", "type"})
# type -> ((field name, default), ...) for dataclasses; built on first sight of each type
_PLANS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _plan(kind: type) -> tuple[tuple[str, Any], ...] | None:
    plan = _PLANS.get(kind)
    if plan is None and dataclasses.is_dataclass(kind) and "__json__" not in vars(kind):
        plan = tuple(
            (f.name, f.default if f.default is not dataclasses.MISSING
             else f.default_factory() if f.default_factory is not dataclasses.MISSING
             else _MISSING)
            for f in dataclasses.fields(kind))
        _PLANS[kind] = plan
    return plan


def _text(value: str) -> str:
    return visible(value) if value else '""'


def _datetime(value: datetime) -> str:
    return str(value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"))


_SCALARS: dict[type, Callable[[Any], str]] = {
    str: _text, bool: lambda v: "true" if v else "false", int: repr, float: repr,
    Decimal: decimal_text, datetime: _datetime, type(None): lambda v: "none",
}


def _scalar(value: Any) -> str | None:
    """The text of a value that is not a container, or None for a container."""
    format_ = _SCALARS.get(type(value))
    if format_ is not None:
        return format_(value)
    if isinstance(value, enum.Enum):
        return _scalar(value.value)
    if isinstance(value, bytes):
        return _scalar(to_json(value))
    return None


def _members(value: Any) -> list[tuple[str, Any]] | None:
    """(name, member) pairs of a map-like value, defaults left out; None if not map-like."""
    plan = _plan(type(value))
    if plan is not None:
        return [(name, v) for name, default in plan
                if (v := getattr(value, name)) is not None and v != default]
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items()]
    return None


def inline(value: Any) -> str:
    """The one-line form. A value with a single member left is shown as that member."""
    text = _scalar(value)
    if text is not None:
        return text
    if isinstance(value, tuple | list):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    members = _members(value)
    if members is not None:
        if len(members) == 1 and members[0][0] in _PRIMARY:
            return inline(members[0][1])
        return "{" + ", ".join(f"{k}: {inline(v)}" for k, v in members) + "}"
    return inline(to_json(value))  # a type with its own JSON form (SF Token, ...)


def lines(value: Any, indent: str = "") -> list[str]:
    """The value as lines: one line when it fits, else one member per line, indented.

    Each part's one-line form is computed once and reused; only a part too wide for its
    line is broken up further.
    """
    text = _scalar(value)
    if text is not None:
        return [indent + text]
    if isinstance(value, tuple | list):
        if len(value) == 1:
            return lines(value[0], indent)
        flat = [inline(v) for v in value]
        one = ", ".join(flat)
        if len(indent) + len(one) <= WIDTH and not any(t[:1] in "{[" for t in flat):
            return [indent + one]  # a list of simple members fits on a line
        out: list[str] = []
        for item, text in zip(value, flat, strict=True):
            if len(indent) + 2 + len(text) <= WIDTH:
                out.append(indent + "- " + (text[1:-1] if text[:1] == "{" else text))
                continue
            sub = lines(item, indent + "  ")
            out.append(indent + "- " + sub[0][len(indent) + 2:])
            out.extend(sub[1:])
        return out or [indent + "[]"]
    members = _members(value)
    if members is None:
        return lines(to_json(value), indent)
    if not members:
        return [indent + "{}"]
    if len(members) == 1 and members[0][0] in _PRIMARY:
        return lines(members[0][1], indent)
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


def show(value: Any) -> str:
    return "\n".join(lines(value))
