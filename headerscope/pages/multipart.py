"""A multipart body (RFC 2046, 5.1; form data per RFC 7578) cut into its parts, for display.

    --BOUNDARY CRLF  part-headers CRLF CRLF  content  CRLF --BOUNDARY ... CRLF --BOUNDARY--

What `curl -F` and browser forms with files send. Each part keeps its header lines as sent,
its form-field name and filename from Content-Disposition, and its content bytes; the page
shows them and never interprets them. A body that is not well-formed multipart (no opening
delimiter, no closing one, a part without the empty line after its headers) gives None, and
the page falls back to its byte preview: a summary must not present a guess as what was sent.
Only the first `limit` parts are kept (pages/limits.py); the others are checked and counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..headers import REGISTRY

# RFC 2046, 5.1.1: boundary := 0*69<bchars> bcharsnospace, so at most 70 characters.
_MAX_BOUNDARY = 70
_BCHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ")


@dataclass(frozen=True, slots=True)
class Part:
    headers: tuple[tuple[str, str], ...]  # (name as sent, value), decoded as ISO-8859-1
    content: bytes

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None

    @property
    def disposition(self) -> dict[str, str] | None:
        """name and filename from Content-Disposition, read by the registry's parser (so
        that filename* is decoded, RFC 8187); {} without the field, None when it is invalid."""
        value = self.header("content-disposition")
        if value is None:
            return {}
        parsed = REGISTRY.parse("Content-Disposition", value).value
        if parsed is None:
            return None
        out = {k: v for k, v in parsed.params.items() if k == "name" and isinstance(v, str)}
        if parsed.preferred_filename is not None:
            out["filename"] = parsed.preferred_filename
        return out


def valid_boundary(boundary: str) -> bool:
    return (0 < len(boundary) <= _MAX_BOUNDARY and not boundary.endswith(" ")
            and all(c in _BCHARS for c in boundary))


def split_parts(body: bytes, boundary: str, limit: int) -> tuple[list[Part], int] | None:
    """The first `limit` parts of `body` and how many more follow them, or None when it is not
    well-formed multipart with this boundary."""
    if not valid_boundary(boundary):
        return None
    delimiter = b"--" + boundary.encode("ascii")
    # The first delimiter may open the body or follow a preamble and CRLF.
    if body.startswith(delimiter):
        pos = len(delimiter)
    else:
        start = body.find(b"\r\n" + delimiter)
        if start < 0:
            return None
        pos = start + 2 + len(delimiter)
    separator = b"\r\n" + delimiter
    parts: list[Part] = []
    more = 0
    while True:
        if body.startswith(b"--", pos):
            return parts, more  # the close delimiter; an epilogue after it is ignored (RFC 2046)
        line_end = body.find(b"\r\n", pos)
        # RFC 2046, 5.1.1: transport padding (spaces and tabs) may follow a delimiter.
        if line_end < 0 or body[pos:line_end].strip(b" \t"):
            return None
        end = body.find(separator, line_end + 2)
        if end < 0:
            return None
        part = _part(body[line_end + 2:end])
        if part is None:
            return None
        if len(parts) < limit:
            parts.append(part)
        else:
            more += 1
        pos = end + len(separator)


def _part(data: bytes) -> Part | None:
    if not data:  # no header lines and no content
        return Part((), b"")
    if data.startswith(b"\r\n"):  # no header lines at all
        return Part((), data[2:])
    head_end = data.find(b"\r\n\r\n")
    if head_end < 0:
        return None
    headers: list[tuple[str, str]] = []
    for line in data[:head_end].split(b"\r\n"):
        name, colon, value = line.decode("latin-1").partition(":")
        if not colon or not name or name != name.strip():
            return None
        headers.append((name, value.strip(" \t")))
    return Part(tuple(headers), data[head_end + 4:])
