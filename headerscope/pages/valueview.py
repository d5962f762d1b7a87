"""Show a parsed value as a readable nested structure, in HTML (SXML) or plain text.

Both work on the stable JSON form of the value (`headers.to_json`), so the page, the text view
and the JSON view can never disagree about what a value is. Absent parts (null, empty lists
and maps) are left out of these two human views; the JSON view keeps everything.
"""

from __future__ import annotations

from typing import Any

from ..sxml import Node
from .visible import visible

_WIDTH = 72  # a compact line longer than this is broken into an indented block


def _present(value: Any) -> bool:
    return value is not None and value != [] and value != {}  # noqa: PLR1714


def scalar_text(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return visible(value) if value else '""'
    return str(value)


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _compact(value: Any) -> str:
    if _is_scalar(value):
        return scalar_text(value)
    if isinstance(value, list):
        return "[" + ", ".join(_compact(v) for v in value) + "]"
    return "{" + ", ".join(f"{k}: {_compact(v)}" for k, v in value.items() if _present(v)) + "}"


def text_lines(value: Any, indent: str = "") -> list[str]:
    """The value as lines of text: compact when it fits, else one member per line."""
    compact = _compact(value)
    if _is_scalar(value) or len(indent) + len(compact) <= _WIDTH:
        return [indent + compact]
    lines: list[str] = []
    if isinstance(value, list):
        for item in value:
            sub = text_lines(item, indent + "  ")
            lines.append(indent + "- " + sub[0].lstrip())
            lines.extend(sub[1:])
        return lines
    for key, item in value.items():
        if not _present(item):
            continue
        sub = text_lines(item, indent + "  ")
        if len(sub) == 1 and len(indent) + len(key) + 2 + len(sub[0].lstrip()) <= _WIDTH:
            lines.append(f"{indent}{key}: {sub[0].lstrip()}")
        else:
            lines.append(f"{indent}{key}:")
            lines.extend(sub)
    return lines


def html_value(value: Any) -> Node:
    """The value as nested lists (`ul`) and maps (`dl`) of code spans."""
    if isinstance(value, dict):
        items = [(k, v) for k, v in value.items() if _present(v)]
        if not items:
            return ("span", {"class": "none"}, "{}")
        if len(items) == 1 and items[0][0] in ("token", "base64", "display", "date"):
            key, inner = items[0]  # the tagged scalars of the JSON encoding read as one value
            return ("code", {"class": key}, scalar_text(inner))
        return ("dl", [[("dt", key), ("dd", html_value(v))] for key, v in items])
    if isinstance(value, list):
        if not value:
            return ("span", {"class": "none"}, "[]")
        return ("ol" if len(value) > 1 else "ul", [("li", html_value(v)) for v in value])
    if value is None:
        return ("span", {"class": "none"}, "none")
    kind = "str" if isinstance(value, str) else "num" if not isinstance(value, bool) else "bool"
    return ("code", {"class": kind}, scalar_text(value))
