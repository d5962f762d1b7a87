"""Show a parsed value as readable, indented text: the same lines in the HTML and text views.

    Accept: text/html, application/xml;q=0.9   ->   - type: text, subtype: html
                                                     - type: application, subtype: xml, q: 0.9

Rules (pages/_valuerules.py): a dataclass shows its fields as `name: value`, leaving out those
still at their default (q: 1, empty parameters), so what is shown is what the sender said; a
list of more than one member shows one member per line; a part whose one-line form is too
wide is broken into an indented block; a list or map longer than MAX_MEMBERS (pages/limits.py)
shows its first members and "... N more elements". Strings are shown with invisible
characters made visible.

Strategy: this runs for every field of every request, so it works on the native values
directly (not on their JSON form), and each type gets its formatter once, on first sight:
a dataclass's one-line form is a small function generated from its fields (no getattr loop,
no list of pairs), a sequence's joins its members' forms, a scalar's is looked up by exact
type, and a type with its own JSON form (Priority's value, an SF Token) is shown as that form
is. `reference_inline` and `reference_lines` walk the same rules generically: the formatters
of rarer types (bytes, an enum member whose value is not a scalar) call them, and
tests/pages/test_valueview.py holds every fast formatter to them (`FAST = False` makes
`show`, `inline` and `lines` use them alone).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from ..headers import to_json
from ._valuerules import (
    MISSING,
    PRIMARY,
    QUOTED,
    SCALARS,
    WIDTH,
    Inline,
    Lines,
    elided_lines,
    members_block,
    plan,
    reference_inline,
    reference_lines,
    sequence_block,
)
from .limits import MAX_MEMBERS

FAST = True  # tests switch it off to compare the generated formatters with the reference
# type -> its formatters, made on first sight of the type (a type, never a value, is the key)
_INLINE: dict[type, Inline] = {}
_LINES: dict[type, Lines] = {}


def inline(value: Any) -> str:
    """The one-line form. A value with a single member left is shown as that member."""
    if FAST:
        text = _fast_inline(value)
        if text.isascii() and text.isprintable():
            return text  # so every string in it was already visible: the same text
    return reference_inline(value)


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
    return reference_lines(value, indent)


def show(value: Any) -> str:
    if FAST:  # `lines`, and its check, without a second join for the common one-line value
        out = _fast_lines(value, "")
        text = "\n".join(out)
        if text.isascii() and (text if len(out) == 1 else "".join(out)).isprintable():
            return text
    return "\n".join(reference_lines(value, ""))


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
    return '"' + value + '"' if value[:1] in QUOTED else value


def _inline_for(kind: type) -> Inline:
    """Decide once per type what `reference_inline` decides per value, in the same order."""
    fmt: Inline = reference_inline  # enums, bytes and to_json types: rare, kept generic
    fields = plan(kind)
    if kind is str:
        fmt = _fast_text
    elif kind in SCALARS:
        fmt = SCALARS[kind]
    elif issubclass(kind, enum.Enum):
        fmt = _inline_enum
    elif issubclass(kind, bytes):
        pass
    elif issubclass(kind, tuple | list):
        fmt = _inline_sequence
    elif fields is not None:
        fmt = _generate_inline(kind, fields)
    elif issubclass(kind, dict):  # a FrozenDict (parameters), or a plain dict
        fmt = _inline_dict
    elif hasattr(kind, "__json__"):  # its JSON form is what it shows (Priority's, SF Token)
        fmt = lambda value: _fast_inline(to_json(value))  # noqa: E731
    _INLINE[kind] = fmt
    return fmt


def _lines_for(kind: type) -> Lines:
    fmt: Lines = reference_lines
    fields = plan(kind)
    if kind in SCALARS:
        scalar = _fast_text if kind is str else SCALARS[kind]
        fmt = lambda value, indent: [indent + scalar(value)]  # noqa: E731
    elif issubclass(kind, enum.Enum):
        fmt = _lines_enum
    elif issubclass(kind, bytes):
        pass
    elif issubclass(kind, tuple | list):
        fmt = _lines_sequence
    elif fields is not None:
        members = _generate_members(kind, fields)
        fmt = lambda value, indent: members_block(  # noqa: E731
            members(value), indent, _fast_inline, _fast_lines)
    elif issubclass(kind, dict):
        fmt = lambda value, indent: members_block(  # noqa: E731
            [(str(k), v) for k, v in value.items()], indent, _fast_inline, _fast_lines)
    elif hasattr(kind, "__json__"):
        fmt = lambda value, indent: _fast_lines(to_json(value), indent)  # noqa: E731
    _LINES[kind] = fmt
    return fmt


def _inline_enum(value: enum.Enum) -> str:
    """A member with a scalar value (Host's kind, say) reads as that value, as in `_scalar`."""
    member = value.value
    scalar = SCALARS.get(type(member))
    return scalar(member) if scalar is not None else reference_inline(value)


def _lines_enum(value: enum.Enum, indent: str) -> list[str]:
    member = value.value
    scalar = SCALARS.get(type(member))
    return [indent + scalar(member)] if scalar is not None else reference_lines(value, indent)


def _inline_dict(value: dict[Any, Any]) -> str:
    """`reference_inline` of a plain dict (Priority's, say): its items as members."""
    if len(value) > MAX_MEMBERS:
        return reference_inline(value)  # elided: rare, so walked generically
    get = _INLINE.get
    if len(value) == 1:
        ((key, member),) = value.items()
        if str(key) in PRIMARY:
            return (get(type(member)) or _inline_for(type(member)))(member)
    return "{" + ", ".join([f"{key!s}: {(get(type(v)) or _inline_for(type(v)))(v)}"
                            for key, v in value.items()]) + "}"


def _inline_sequence(value: Any) -> str:
    if len(value) > MAX_MEMBERS:
        return reference_inline(value)  # elided: rare, so walked generically
    get = _INLINE.get
    return "[" + ", ".join([(get(type(v)) or _inline_for(type(v)))(v) for v in value]) + "]"


def _lines_sequence(value: Any, indent: str) -> list[str]:
    if len(value) == 1:
        return _fast_lines(value[0], indent)
    if len(value) > MAX_MEMBERS:
        return elided_lines(value, indent, _lines_sequence)
    get = _INLINE.get
    flat = [(get(type(v)) or _inline_for(type(v)))(v) for v in value]
    one = ", ".join(flat)
    if len(indent) + len(one) <= WIDTH:
        for t in flat:
            if t[:1] in "{[":
                break
        else:
            return [indent + one]  # a list of simple members fits on a line
    return sequence_block(value, flat, indent, _fast_lines)


_HEADER = "def inline_{kind}(v):\n    parts = []\n"
# One field of a generated formatter: `x` is shown unless None or its default; `t` is its
# one-line form, and `p` whether its name lets a lone member stand for the whole value.
_FIELD = """\
    x = v.{name}
    if x is not None{unless_default}:
        if type(x) is str:
            t = '"' + x + '"' if x[:1] in QUOTED else x
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


def _generate_inline(kind: type, fields: tuple[tuple[str, Any], ...]) -> Inline:
    """`reference_inline` for one dataclass, unrolled over its fields."""
    env: dict[str, Any] = {"_get": _INLINE.get, "_inline_for": _inline_for, "QUOTED": QUOTED}
    source = _HEADER.format(kind=kind.__name__)
    for i, (name, default) in enumerate(fields):
        env[f"d{i}"] = default
        unless = "" if default is MISSING or default is None else f" and x != d{i}"
        source += _FIELD.format(name=name, unless_default=unless, label=f"{name}: ",
                                primary=name in PRIMARY)
    source += _FOOTER.format()
    exec(source, env)  # the text is ours: the field names of a dataclass
    fmt: Inline = env[f"inline_{kind.__name__}"]
    return fmt


Members = Callable[[Any], list[tuple[str, Any]]]


def _generate_members(kind: type, fields: tuple[tuple[str, Any], ...]) -> Members:
    """`_members` for one dataclass, unrolled over its fields."""
    env: dict[str, Any] = {}
    source = "def members(v):\n    out = []\n"
    for i, (name, default) in enumerate(fields):
        env[f"d{i}"] = default
        unless = "" if default is MISSING or default is None else f" and x != d{i}"
        source += (f"    x = v.{name}\n    if x is not None{unless}:\n"
                   f"        out.append(({name!r}, x))\n")
    source += "    return out\n"
    exec(source, env)  # the text is ours: the field names of a dataclass
    members: Members = env["members"]
    return members
