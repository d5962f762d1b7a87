"""A request body, summarised: its length and type, its first bytes, and its decoded content
when it is small form data or JSON. The body is shown, never interpreted as markup."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from ..headers import FieldSection
from ..sxml import Node
from .visible import visible

PREVIEW_BYTES = 512
DECODE_LIMIT = 64 * 1024  # larger bodies are previewed, not decoded


def media_type(fields: FieldSection) -> str:
    for f in fields:
        if f.name == "content-type":
            return f.raw.split(";", 1)[0].strip().lower()
    return ""


def decoded(body: bytes, kind: str) -> tuple[str, Any] | None:
    """("form", pairs) or ("json", text) when the body is small and decodes; else None."""
    if len(body) > DECODE_LIMIT:
        return None
    if kind == "application/x-www-form-urlencoded":
        try:
            text = body.decode("utf-8")
            return "form", parse_qsl(text, keep_blank_values=True, strict_parsing=True)
        except (UnicodeDecodeError, ValueError):
            return None
    if kind == "application/json" or kind.endswith("+json"):
        try:
            return "json", json.dumps(json.loads(body), indent=2, ensure_ascii=False)
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None
    return None


def body_summary(body: bytes, fields: FieldSection) -> Node:
    kind = media_type(fields)
    preview = visible(body[:PREVIEW_BYTES].decode("latin-1"))
    more = f" (first {PREVIEW_BYTES} shown)" if len(body) > PREVIEW_BYTES else ""
    content: Node = None
    result = decoded(body, kind)
    if result is not None and result[0] == "form":
        content = ("table", {"class": "form"},
                   ("thead", ("tr", ("th", "name"), ("th", "value"))),
                   ("tbody", [("tr", ("td", ("code", visible(k))), ("td", ("code", visible(v))))
                              for k, v in result[1]]))
    elif result is not None:
        content = ("pre", "\n".join(visible(line) for line in result[1].split("\n")))
    return ("section", {"class": "body"},
            ("h2", "Body"),
            ("p", f"{len(body)} bytes", f" of {kind}" if kind else "", more),
            content,
            ("details", ("summary", "bytes"), ("pre", preview)) if content else ("pre", preview))


def body_text(body: bytes, fields: FieldSection) -> str:
    kind = media_type(fields)
    lines = [f"body: {len(body)} bytes" + (f" of {kind}" if kind else "")]
    result = decoded(body, kind)
    if result is not None and result[0] == "form":
        lines += [f"  {visible(k)} = {visible(v)}" for k, v in result[1]]
    elif result is not None:
        lines += ["  " + visible(line) for line in result[1].split("\n")]
    else:
        lines.append("  " + visible(body[:PREVIEW_BYTES].decode("latin-1")))
    return "\n".join(lines) + "\n"
