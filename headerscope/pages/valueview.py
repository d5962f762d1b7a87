"""Show a parsed value as readable, indented text: the same lines in the HTML and text views.

    Accept: text/html, application/xml;q=0.9   ->   - type: text, subtype: html
                                                     - type: application, subtype: xml, q: 0.9

Rules: a dataclass shows its fields as `name: value`, leaving out those still at their
default (q: 1, empty parameters), so what is shown is what the sender said; a list of more
than one member shows one member per line; a part whose one-line form is too wide is broken
into an indented block. Strings are shown with invisible characters made visible.

Strategy: this runs for every field of every request, so it works on the native values
directly (not on their JSON form), and each type gets its formatter once, on first sight:
a dataclass's one-line form is a small function generated from its fields (no getattr loop,
no list of pairs), a sequence's joins its members' forms, and a scalar's is looked up by
exact type. `_reference_inline` and `_reference_lines` are the same rules walked generically:
the formatters of rarer types (bytes, types with their own JSON form, an enum member whose
value is not a scalar) call them, and tests/pages/test_valueview.py holds every fast formatter
to them (`FAST = False` makes `show`, `inline` and `lines` use them alone).
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
FAST = True  # tests switch it off to compare the generated formatters with the reference
_MISSING = object()
# A value whose only member left is one of these is shown as that member alone: "gzip", not
# "value: gzip". Other names stay, so that "length: 5" still says what 5 is.
_PRIMARY = frozenset({"value", "opaque", "host", "name", "token", "brand", "scheme", "type"})
# type -> ((field name, default), ...) for dataclasses; built on first sight of each type
_PLANS: dict[type, tuple[tuple[str, Any], ...]] = {}
Inline = Callable[[Any], str]
Lines = Callable[[Any, str], list[str]]
# type -> its formatters, made on first sight of the type (a type, never a value, is the key)
_INLINE: dict[type, Inline] = {}
_LINES: dict[type, Lines] = {}


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


# A string shown as it is could read as something else: nothing at all, or (in a list) a map
# or a list. Those are shown in quotes, so that a text starting with "{" is always a map's
# one-line form (which a list block shows without its braces). Quotes are only delimiters
# here, nothing inside is escaped: this is text for people, not a serialization.
_QUOTED = frozenset(("", "{", "[", '"'))


def _quote(text: str) -> str:
    return '"' + text + '"'


def _text(value: str) -> str:
    return _quote(visible(value)) if value[:1] in _QUOTED else visible(value)


def _datetime(value: datetime) -> str:
    return str(value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"))


_SCALARS: dict[type, Callable[[Any], str]] = {
    str: _text, bool: lambda v: "true" if v else "false", int: repr, float: repr,
    Decimal: decimal_text, datetime: _datetime, type(None): lambda v: "none",
}


def inline(value: Any) -> str:
    """The one-line form. A value with a single member left is shown as that member."""
    if FAST:
        text = _fast_inline(value)
        if text.isascii() and text.isprintable():
            return text  # so every string in it was already visible: the same text
    return _reference_inline(value)


def lines(value: Any, indent: str = "") -> list[str]:
    """The value as lines: one line when it fits, else one member per line, indented.

    Each part's one-line form is computed once and reused; only a part too wide for its
    line is broken up further.
    """
    if FAST:
        out = _fast_lines(value, indent)
        joined = "".join(out)
        if joined.isascii() and joined.isprintable():
            return out
    return _reference_lines(value, indent)


def show(value: Any) -> str:
    if FAST:  # `lines`, and its check, without a second join for the common one-line value
        out = _fast_lines(value, "")
        text = "\n".join(out)
        if text.isascii() and (text if len(out) == 1 else "".join(out)).isprintable():
            return text
    return "\n".join(_reference_lines(value, ""))


# -- the fast formatters of each type ----------------------------------------------------------
# They take strings as they are: making a string visible costs two scans and a call, and
# almost every string is visible already. `inline` and `lines` check the finished text at
# once (ASCII and printable: then every string in it was visible, and `visible` would have
# changed nothing, not even a width), and walk the reference instead when it is not.

def _fast_inline(value: Any) -> str:
    fmt = _INLINE.get(type(value))
    return (fmt or _inline_for(type(value)))(value)


def _fast_lines(value: Any, indent: str) -> list[str]:
    fmt = _LINES.get(type(value))
    return (fmt or _lines_for(type(value)))(value, indent)


def _fast_text(value: str) -> str:
    return '"' + value + '"' if value[:1] in _QUOTED else value


def _inline_for(kind: type) -> Inline:
    """Decide once per type what `_reference_inline` decides per value, in the same order."""
    fmt: Inline = _reference_inline  # enums, bytes and to_json types: rare, kept generic
    plan = _plan(kind)
    if kind is str:
        fmt = _fast_text
    elif kind in _SCALARS:
        fmt = _SCALARS[kind]
    elif issubclass(kind, enum.Enum):
        fmt = _inline_enum
    elif issubclass(kind, bytes):
        pass
    elif issubclass(kind, tuple | list):
        fmt = _inline_sequence
    elif plan is not None:
        fmt = _generate_inline(kind, plan)
    elif kind is dict:
        fmt = _inline_dict
    _INLINE[kind] = fmt
    return fmt


def _lines_for(kind: type) -> Lines:
    fmt: Lines = _reference_lines
    plan = _plan(kind)
    if kind in _SCALARS:
        scalar = _fast_text if kind is str else _SCALARS[kind]
        fmt = lambda value, indent: [indent + scalar(value)]  # noqa: E731
    elif issubclass(kind, enum.Enum):
        fmt = _lines_enum
    elif issubclass(kind, bytes):
        pass
    elif issubclass(kind, tuple | list):
        fmt = _lines_sequence
    elif plan is not None:
        members = _generate_members(kind, plan)
        fmt = lambda value, indent: _members_block(  # noqa: E731
            members(value), indent, _fast_inline, _fast_lines)
    elif kind is dict:
        fmt = lambda value, indent: _members_block(  # noqa: E731
            [(str(k), v) for k, v in value.items()], indent, _fast_inline, _fast_lines)
    _LINES[kind] = fmt
    return fmt


def _inline_enum(value: enum.Enum) -> str:
    """A member with a scalar value (Host's kind, say) reads as that value, as in `_scalar`."""
    member = value.value
    scalar = _SCALARS.get(type(member))
    return scalar(member) if scalar is not None else _reference_inline(value)


def _lines_enum(value: enum.Enum, indent: str) -> list[str]:
    member = value.value
    scalar = _SCALARS.get(type(member))
    return [indent + scalar(member)] if scalar is not None else _reference_lines(value, indent)


def _inline_dict(value: dict[Any, Any]) -> str:
    """`_reference_inline` of a plain dict (Priority's, say): its items as members."""
    get = _INLINE.get
    if len(value) == 1:
        ((key, member),) = value.items()
        if str(key) in _PRIMARY:
            return (get(type(member)) or _inline_for(type(member)))(member)
    return "{" + ", ".join([f"{key!s}: {(get(type(v)) or _inline_for(type(v)))(v)}"
                            for key, v in value.items()]) + "}"


def _inline_sequence(value: Any) -> str:
    get = _INLINE.get
    return "[" + ", ".join([(get(type(v)) or _inline_for(type(v)))(v) for v in value]) + "]"


def _lines_sequence(value: Any, indent: str) -> list[str]:
    if len(value) == 1:
        return _fast_lines(value[0], indent)
    get = _INLINE.get
    flat = [(get(type(v)) or _inline_for(type(v)))(v) for v in value]
    one = ", ".join(flat)
    if len(indent) + len(one) <= WIDTH:
        for t in flat:
            if t[:1] in "{[":
                break
        else:
            return [indent + one]  # a list of simple members fits on a line
    return _sequence_block(value, flat, indent, _fast_lines)


_HEADER = "def inline_{kind}(v):\n    parts = []\n"
# One field of a generated formatter: `x` is shown unless None or its default; `t` is its
# one-line form, and `p` whether its name lets a lone member stand for the whole value.
_FIELD = """\
    x = v.{name}
    if x is not None{unless_default}:
        if type(x) is str:
            t = '"' + x + '"' if x[:1] in _QUOTED else x
        else:
            t = (_get(type(x)) or _inline_for(type(x)))(x)
        parts.append({label!r} + t)
        p = {primary}
"""
_FOOTER = """\
    if len(parts) == 1 and p:
        return t
    return "{{" + ", ".join(parts) + "}}"
"""


def _generate_inline(kind: type, plan: tuple[tuple[str, Any], ...]) -> Inline:
    """`_reference_inline` for one dataclass, unrolled over its fields."""
    env: dict[str, Any] = {"_get": _INLINE.get, "_inline_for": _inline_for, "_QUOTED": _QUOTED}
    source = _HEADER.format(kind=kind.__name__)
    for i, (name, default) in enumerate(plan):
        env[f"d{i}"] = default
        unless = "" if default is _MISSING or default is None else f" and x != d{i}"
        source += _FIELD.format(name=name, unless_default=unless, label=f"{name}: ",
                                primary=name in _PRIMARY)
    source += _FOOTER.format()
    exec(source, env)  # the text is ours: the field names of a dataclass
    fmt: Inline = env[f"inline_{kind.__name__}"]
    return fmt


Members = Callable[[Any], list[tuple[str, Any]]]


def _generate_members(kind: type, plan: tuple[tuple[str, Any], ...]) -> Members:
    """`_members` for one dataclass, unrolled over its fields."""
    env: dict[str, Any] = {}
    source = "def members(v):\n    out = []\n"
    for i, (name, default) in enumerate(plan):
        env[f"d{i}"] = default
        unless = "" if default is _MISSING or default is None else f" and x != d{i}"
        source += (f"    x = v.{name}\n    if x is not None{unless}:\n"
                   f"        out.append(({name!r}, x))\n")
    source += "    return out\n"
    exec(source, env)  # the text is ours: the field names of a dataclass
    members: Members = env["members"]
    return members


# -- the rules, walked generically: the reference ----------------------------------------------

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


def _reference_inline(value: Any) -> str:
    text = _scalar(value)
    if text is not None:
        return text
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_reference_inline(v) for v in value) + "]"
    members = _members(value)
    if members is not None:
        if len(members) == 1 and members[0][0] in _PRIMARY:
            return _reference_inline(members[0][1])
        return "{" + ", ".join(f"{k}: {_reference_inline(v)}" for k, v in members) + "}"
    return _reference_inline(to_json(value))  # a type with its own JSON form (SF Token, ...)


def _reference_lines(value: Any, indent: str) -> list[str]:
    text = _scalar(value)
    if text is not None:
        return [indent + text]
    if isinstance(value, tuple | list):
        if len(value) == 1:
            return _reference_lines(value[0], indent)
        flat = [_reference_inline(v) for v in value]
        one = ", ".join(flat)
        if len(indent) + len(one) <= WIDTH and not any(t[:1] in "{[" for t in flat):
            return [indent + one]  # a list of simple members fits on a line
        return _sequence_block(value, flat, indent, _reference_lines)
    members = _members(value)
    if members is None:
        return _reference_lines(to_json(value), indent)
    return _members_block(members, indent, _reference_inline, _reference_lines)


def _sequence_block(value: Any, flat: list[str], indent: str, lines: Lines) -> list[str]:
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


def _members_block(members: list[tuple[str, Any]], indent: str, inline: Inline,
                   lines: Lines) -> list[str]:
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
