"""A request body, summarised: its length and type, its first bytes, and its decoded content
when it is small form data, multipart or JSON. The body is shown, never interpreted as markup.

What is shown is bounded by what was sent (pages/limits.py): the first MAX_MEMBERS pairs or
parts and "... N more pairs" (or parts), JSON within MAX_DEPTH levels and MAX_MEMBERS
members of each array and object (pages/jsonbody.py), and PREVIEW_BYTES of anything else,
or of a body over DECODE_LIMIT.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from ..headers import FieldSection
from ..sxml import Node
from .jsonbody import json_lines, json_text
from .limits import DECODE_LIMIT, MAX_MEMBERS, PART_PREVIEW, PREVIEW_BYTES, more
from .multipart import Part, split_parts
from .visible import utf8_hint, visible


@dataclass(frozen=True, slots=True)
class Decoded:
    """What a page shows of a body it decoded: the first rows, and how many it left out."""

    kind: str  # "form": (name, value) rows; "multipart": Part rows; "json": lines of text
    rows: Sequence[Any]
    more: int = 0


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


def decoded(body: bytes, kind: str, fields: FieldSection) -> Decoded | None:
    """The body's pairs, parts or JSON lines when it is small and decodes; else None."""
    if len(body) > DECODE_LIMIT:
        return None
    if kind.startswith("multipart/"):
        split = split_parts(body, boundary(fields), MAX_MEMBERS)
        return Decoded("multipart", *split) if split is not None else None
    if kind == "application/x-www-form-urlencoded":
        try:
            text = body.decode("utf-8")
            pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=True)
        except (UnicodeDecodeError, ValueError):
            return None
        return Decoded("form", pairs[:MAX_MEMBERS], max(len(pairs) - MAX_MEMBERS, 0))
    if kind == "application/json" or kind.endswith("+json"):
        document = json_text(body)
        lines = json_lines(document) if document is not None else None
        return Decoded("json", lines) if lines is not None else None
    return None


def body_summary(body: bytes, fields: FieldSection) -> Node:
    kind = media_type(fields)
    preview = visible(body[:PREVIEW_BYTES].decode("latin-1"))
    first = f" (first {PREVIEW_BYTES} shown)" if len(body) > PREVIEW_BYTES else ""
    content: Node = None
    result = decoded(body, kind, fields)
    if result is not None and result.kind == "multipart":
        content = ("table", {"class": "form"},
                   ("thead", ("tr", [("th", h) for h in _PART_COLUMNS])),
                   ("tbody", [_part_row(_part_cells(i, p)) for i, p in enumerate(result.rows, 1)],
                    _more_row(result.more, "part", len(_PART_COLUMNS))))
    elif result is not None and result.kind == "form":
        content = ("table", {"class": "form"},
                   ("thead", ("tr", ("th", "name"), ("th", "value"))),
                   ("tbody", [("tr", ("td", ("code", visible(k))), ("td", ("code", visible(v))))
                              for k, v in result.rows], _more_row(result.more, "pair", 2)))
    elif result is not None:
        content = ("pre", "\n".join([visible(line) for line in result.rows]))
    return ("section", {"class": "body"},
            ("h2", "Body"),
            ("p", byte_count(len(body)), f" of {visible(kind)}" if kind else "", first),
            content,
            ("details", ("summary", "bytes"), ("pre", preview)) if content else ("pre", preview))


def body_text(body: bytes, fields: FieldSection) -> str:
    kind = media_type(fields)
    lines = [f"body: {byte_count(len(body))}" + (f" of {visible(kind)}" if kind else "")]
    result = decoded(body, kind, fields)
    if result is not None and result.kind == "multipart":
        for i, part in enumerate(result.rows, 1):
            _, name, filename, ctype, size, preview = _part_cells(i, part)
            described = [f"{k}={v}" for k, v in (("name", name), ("filename", filename),
                                                 ("type", ctype)) if v]
            lines.append(" ".join([f"  part {i}:", *described, f"({size}):", preview]))
    elif result is not None and result.kind == "form":
        lines += [f"  {visible(k)} = {visible(v)}" for k, v in result.rows]
    elif result is not None:
        lines += ["  " + visible(line) for line in result.rows]
    else:
        lines.append("  " + visible(body[:PREVIEW_BYTES].decode("latin-1")))
    if result is not None and result.more:
        lines.append("  " + more(result.more, "part" if result.kind == "multipart" else "pair"))
    return "\n".join(lines) + "\n"


def _more_row(count: int, noun: str, columns: int) -> Node:
    """The last row of a table that leaves rows out, saying how many."""
    return ("tr", ("td", {"colspan": str(columns)}, more(count, noun))) if count else None


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
