"""A request body, summarised: its length and type, its first bytes, and its decoded content
when it is small form data, multipart or JSON. The body is shown, never interpreted as markup."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from ..headers import FieldSection
from ..sxml import Node
from .multipart import Part, split_parts
from .visible import utf8_hint, visible

PREVIEW_BYTES = 512
PART_PREVIEW = 120  # characters of each multipart part's content
DECODE_LIMIT = 64 * 1024  # larger bodies are previewed, not decoded


def media_type(fields: FieldSection) -> str:
    for f in fields:
        if f.name == "content-type":
            return f.raw.split(";", 1)[0].strip().lower()
    return ""


def byte_count(count: int) -> str:
    return "1 byte" if count == 1 else f"{count} bytes"


def boundary(fields: FieldSection) -> str:
    for f in fields:
        if f.name == "content-type" and f.value is not None:
            return str(f.value.params.get("boundary", ""))
    return ""


def decoded(body: bytes, kind: str, fields: FieldSection) -> tuple[str, Any] | None:
    """("form", pairs), ("multipart", parts) or ("json", text) when the body is small and
    decodes; else None."""
    if len(body) > DECODE_LIMIT:
        return None
    if kind.startswith("multipart/"):
        parts = split_parts(body, boundary(fields))
        return ("multipart", parts) if parts is not None else None
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
    result = decoded(body, kind, fields)
    if result is not None and result[0] == "multipart":
        content = ("table", {"class": "form"},
                   ("thead", ("tr", [("th", h) for h in _PART_COLUMNS])),
                   ("tbody", [_part_row(_part_cells(i, p)) for i, p in enumerate(result[1], 1)]))
    elif result is not None and result[0] == "form":
        content = ("table", {"class": "form"},
                   ("thead", ("tr", ("th", "name"), ("th", "value"))),
                   ("tbody", [("tr", ("td", ("code", visible(k))), ("td", ("code", visible(v))))
                              for k, v in result[1]]))
    elif result is not None:
        content = ("pre", "\n".join(visible(line) for line in result[1].split("\n")))
    return ("section", {"class": "body"},
            ("h2", "Body"),
            ("p", byte_count(len(body)), f" of {kind}" if kind else "", more),
            content,
            ("details", ("summary", "bytes"), ("pre", preview)) if content else ("pre", preview))


def body_text(body: bytes, fields: FieldSection) -> str:
    kind = media_type(fields)
    lines = [f"body: {byte_count(len(body))}" + (f" of {kind}" if kind else "")]
    result = decoded(body, kind, fields)
    if result is not None and result[0] == "multipart":
        for i, part in enumerate(result[1], 1):
            _, name, filename, ctype, size, preview = _part_cells(i, part)
            described = [f"{k}={v}" for k, v in (("name", name), ("filename", filename),
                                                 ("type", ctype)) if v]
            lines.append(" ".join([f"  part {i}:", *described, f"({size}):", preview]))
    elif result is not None and result[0] == "form":
        lines += [f"  {visible(k)} = {visible(v)}" for k, v in result[1]]
    elif result is not None:
        lines += ["  " + visible(line) for line in result[1].split("\n")]
    else:
        lines.append("  " + visible(body[:PREVIEW_BYTES].decode("latin-1")))
    return "\n".join(lines) + "\n"


_PART_COLUMNS = ("part", "name", "filename", "type", "size", "content")


def _part_row(cells: tuple[str, str, str, str, str, str]) -> Node:
    number, name, filename, ctype, size, preview = cells
    texts = [("td", ("code", c) if c else "") for c in (name, filename, ctype)]
    return ("tr", ("td", number), texts, ("td", size), ("td", ("code", preview) if preview else ""))


def _part_cells(number: int, part: Part) -> tuple[str, str, str, str, str, str]:
    """What the page shows of one part, every text made visible."""
    disposition = part.disposition
    if disposition is None:  # invalid: show what was sent in the name column
        disposition = {"name": "Content-Disposition: " + (part.header("content-disposition")
                                                          or "")}
    content = part.content
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        text = content.decode("latin-1")
    preview = text[:PART_PREVIEW] + ("…" if len(text) > PART_PREVIEW else "")
    return (str(number), _shown(disposition.get("name", "")),
            _shown(disposition.get("filename", "")),
            _shown(part.header("content-type") or ""), byte_count(len(content)), visible(preview))


def _shown(header_text: str) -> str:
    """Header text was decoded as ISO-8859-1; browsers send names and filenames in UTF-8."""
    return visible(utf8_hint(header_text) or header_text)
