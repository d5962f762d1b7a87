"""The plain-text view: aligned columns a person reads in a terminal (what curl gets).

    Content-Type     text/html; charset=utf-8
                     {type: text, subtype: html, params: {charset: utf-8}}
    Date             Sun, 06 Nov 1994 08:49:37 GMX
                                                 ^ error: ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..headers import ParsedField
from .inspection import Inspection
from .valueview import lines as value_lines
from .visible import column, utf8_hint, visible

_MAX_NAME = 28


def name_width(fields: Iterable[ParsedField]) -> int:
    return min(_MAX_NAME, max((len(visible(f.wire_name)) for f in fields), default=0)) + 2


def field_block(f: ParsedField, width: int) -> list[str]:
    pad = " " * width
    raw = visible(f.raw)
    head = visible(f.wire_name).ljust(width) + raw
    if not f.known:
        head += "   (unknown field: kept verbatim)"
    lines = [head.rstrip()]
    if f.error is not None:
        if f.error.position is not None:
            lines.append(pad + " " * column(f.raw, f.error.position) + "^")
        lines.append(f"{pad}error: {visible(f.error.reason)}")  # a reason may quote the value
    elif f.known and f.value is not None:
        lines.extend(pad + line for line in value_lines(f.value))
    for w in f.warnings:
        where = f" (at {w.position})" if w.position is not None else ""
        lines.append(f"{pad}warning{where}: {visible(w.reason)}")
    hint = utf8_hint(f.raw)
    if hint is not None:
        lines.append(f"{pad}as UTF-8: {hint}")
    return lines


def fields_text(fields: Iterable[ParsedField]) -> str:
    fields = list(fields)
    width = name_width(fields)
    out: list[str] = []
    for f in fields:
        out.extend(field_block(f, width))
    return "\n".join(out) + "\n" if out else ""


def inspector_text(ins: Inspection) -> str:
    from .body import body_text

    errors = sum(1 for f in ins.fields if f.error is not None)
    parts = [
        f"{visible(ins.method)} {visible(ins.target)} {visible(ins.version)}\n",
        f"from {ins.client or 'unknown'}, request {ins.number} on this connection; "
        f"{len(ins.fields)} fields, " + (f"{errors} with errors" if errors else "all parsed")
        + "\n\n",
    ]
    if ins.details is not None or ins.http2 is not None or ins.walk is not None:
        from .connection import connection_text

        parts += [connection_text(ins), "\n"]
    parts.append(fields_text(ins.fields))
    if len(ins.trailers):
        parts += ["\ntrailers:\n", fields_text(ins.trailers)]
    if ins.body:
        parts += ["\n", body_text(ins.body, ins.fields)]
    return "".join(parts)


_RAW_ESCAPE = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\xff]")


def raw_text(head: bytes) -> str:
    """The head exactly as received: every line ending spelled out, every other
    non-printable or non-ASCII byte as \\xNN."""
    text = head.decode("latin-1")
    text = _RAW_ESCAPE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    out = []
    for line in text.split("\n"):
        if line.endswith("\r"):
            out.append(line[:-1].replace("\r", "\\r") + "\\r\\n")
        else:
            out.append(line.replace("\r", "\\r") + "\\n")
    if out and out[-1] == "\\n":
        out.pop()  # the split after the final LF
    return "\n".join(out) + "\n"
