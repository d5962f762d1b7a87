"""Read a captured request head, or bare `Name: value` lines, for `headerscope parse -`.

Bytes are decoded as ISO-8859-1 (every byte one character), as the server does, so a capture
and a live request give the same field values. Reading stops at the first empty line after
the fields: what follows is a body. Lines end in CRLF or, in hand-written input, LF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..grammar.rules import TOKEN

_REQUEST_LINE = re.compile(rf"({TOKEN}) (\S+) (HTTP/[0-9]\.[0-9])")
_FIELD_LINE = re.compile(rf"({TOKEN}):(.*)")


class CaptureError(ValueError):
    """Input that is neither a request head nor field lines (a usage error, exit 2)."""


@dataclass(frozen=True, slots=True)
class Capture:
    method: str | None
    target: str | None
    version: str | None
    fields: list[tuple[str, str]]  # (wire name, value with OWS removed)


def read_capture(data: bytes) -> Capture:
    text = data.decode("latin-1")
    lines = text.split("\n")
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    while lines and lines[0] == "":
        lines.pop(0)  # RFC 9112, 2.2: "SHOULD ignore at least one empty line" before it
    method = target = version = None
    if lines and (m := _REQUEST_LINE.fullmatch(lines[0])):
        method, target, version = m.groups()
        lines.pop(0)
    fields: list[tuple[str, str]] = []
    for number, line in enumerate(lines, start=1 if method is None else 2):
        if line == "":
            break
        m = _FIELD_LINE.fullmatch(line)
        if m is None:
            raise CaptureError(f"line {number} is not a field line ('Name: value')")
        fields.append((m.group(1), m.group(2).strip(" \t")))
    return Capture(method, target, version, fields)
