"""Reading a stored request head back into its request line and field lines.

    HTTP-message = start-line CRLF *( field-line CRLF ) CRLF [ message-body ]  (RFC 9112, 2.1)
    field-line   = field-name ":" OWS field-value OWS                      (RFC 9112, 5)
    obs-fold     = OWS CRLF RWS                                            (RFC 9112, 5.2)

Strategy: a capture keeps the bytes as they arrived, and everything shown is derived from them
here, so a fix to this reading shows old captures correctly. The reading is lenient where the
server is strict (a head the server refused may still be stored, and a stored file may come
from anywhere): a line may end in CRLF or a bare LF, a line that starts with SP or HTAB
continues the previous field line (obs-fold), and a line without a colon is kept as a field
line whose `colon` is False. Nothing raises; every byte of the head belongs to exactly one
line, and `HeadLine.raw + HeadLine.ending` of every line, in order, is the head again.
Bytes are decoded as ISO-8859-1, which maps every byte to one character, as the server does.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..headers import REGISTRY

_OWS = " \t"
_ABSOLUTE_FORM = re.compile(r"[A-Za-z][A-Za-z0-9+\-.]*://")  # RFC 9112, 3.2.2


class HeadLine(NamedTuple):
    """One field line as stored. `raw` excludes the final line ending; obs-folds stay in it."""

    name: str  # as sent: the text before the first colon (the whole line when there is none)
    value: str  # OWS around it removed, each obs-fold replaced by one SP (RFC 9112, 5.2)
    raw: bytes
    ending: bytes  # b"\r\n" or b"\n"; b"" for a last line that the head cut short
    colon: bool  # False: a line with no colon, which no parser takes for a field
    folded: bool  # the value continued on further lines (obs-fold)


class Head(NamedTuple):
    """A request head, read back: the request line and the field lines in wire order."""

    method: str
    target: str
    version: str
    request_line: bytes  # without its line ending
    fields: tuple[HeadLine, ...]
    leading: bytes  # empty lines before the request line (RFC 9112, 2.2 lets servers skip them)
    bare_lf: bool  # some line ended in LF without CR
    rest: bytes  # anything stored after the empty line that ends the head (normally nothing)

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


def split_lines(data: bytes) -> list[tuple[bytes, bytes]]:
    """(line, ending) pairs; a trailing piece without LF is a line with ending b""."""
    out: list[tuple[bytes, bytes]] = []
    pos = 0
    while pos < len(data):
        eol = data.find(b"\n", pos)
        if eol < 0:
            out.append((data[pos:], b""))
            break
        if eol > pos and data[eol - 1] == 0x0D:
            out.append((data[pos:eol - 1], b"\r\n"))
        else:
            out.append((data[pos:eol], b"\n"))
        pos = eol + 1
    return out


def read_head(head: bytes) -> Head:
    """Read a stored head (request line, field lines, and the empty line if present)."""
    lines = split_lines(head)
    start = 0
    while start < len(lines) and lines[start][0] == b"":
        start += 1
    leading = b"".join(line + end for line, end in lines[:start])
    request_line = lines[start][0] if start < len(lines) else b""
    method, target, version = _request_line(request_line.decode("latin-1"))
    body = lines[start + 1:]
    fields = read_fields(body)
    end = next((i for i, (line, _) in enumerate(body) if line == b""), len(body))
    rest = b"".join(line + ending for line, ending in body[end + 1:])
    bare_lf = any(ending == b"\n" for _, ending in lines[:start + 2 + end])
    return Head(method, target, version, request_line, fields, leading, bare_lf, rest)


def read_fields(lines: list[tuple[bytes, bytes]]) -> tuple[HeadLine, ...]:
    """Field lines up to the first empty line, obs-folds joined to the line they continue."""
    # Group first: each group is one field line and the continuation lines after it.
    groups: list[list[tuple[bytes, bytes]]] = []
    for line, end in lines:
        if line == b"":
            break
        if groups and line[:1] in (b" ", b"\t"):
            groups[-1].append((line, end))
        else:
            groups.append([(line, end)])
    return tuple(_field(group) for group in groups)


def _field(group: list[tuple[bytes, bytes]]) -> HeadLine:
    raw = b"".join(line + end for line, end in group[:-1]) + group[-1][0]
    text = group[0][0].decode("latin-1")
    colon = text.find(":")
    if colon < 0:
        name, first = text, ""
    else:
        name, first = text[:colon], text[colon + 1:]
    # RFC 9112, 5.2: a recipient "MUST replace each received obs-fold with one or more SP
    # octets prior to interpreting the field value".
    parts = [first.rstrip(_OWS)] + [line.decode("latin-1").strip(_OWS) for line, _ in group[1:]]
    value = " ".join(p for p in parts if p) if len(group) > 1 else parts[0]
    return HeadLine(name, value.strip(_OWS), raw, group[-1][1], colon >= 0, len(group) > 1)


def _request_line(line: str) -> tuple[str, str, str]:
    """method SP request-target SP HTTP-version; a target with spaces keeps them."""
    first = line.find(" ")
    last = line.rfind(" ")
    if first < 0:
        return line, "", ""
    if last == first:
        return line[:first], line[first + 1:], ""
    return line[:first], line[first + 1:last], line[last + 1:]


def is_chunked(head: Head) -> bool:
    """RFC 9112, 6.1: chunked is the final transfer coding of the last Transfer-Encoding."""
    codings = [f.value for f in head.fields if f.colon and f.name.lower() == "transfer-encoding"]
    return bool(codings) and codings[-1].rsplit(",", 1)[-1].strip(_OWS).lower() == "chunked"


def authority(head: Head, server: tuple[str, int]) -> str:
    """host[:port] for a URL: the first Host value when it is valid, else the server address."""
    for f in head.fields:
        if f.colon and f.name.lower() == "host":
            if f.value and REGISTRY.parse("Host", f.value).error is None:
                return f.value
            break
    host, port = server
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def url_of(head: Head, tls: bool, server: tuple[str, int]) -> str:
    """The URL a request was for: an absolute-form target itself, else scheme://authority
    followed by an origin-form target (RFC 9112, 3.3), or "/" for any other form."""
    target = head.target
    if _ABSOLUTE_FORM.match(target):
        return target
    base = f"{'https' if tls else 'http'}://{authority(head, server)}"
    return base + target if target.startswith("/") else base + "/"
