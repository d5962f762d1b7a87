"""What a page knows about one request: the parsed fields and where the request came from.

A page is a pure function of an `Inspection`, so the same page can be served by our own
server, under WSGI or ASGI, or built in a test from bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..headers import REGISTRY, FieldSection, ParsedField, parse_section

REDACTED = "(redacted)"


@dataclass(frozen=True, slots=True)
class Inspection:
    method: str
    target: str
    version: str
    fields: FieldSection
    trailers: FieldSection
    body: bytes = b""
    head: bytes = b""  # the request head exactly as received; empty when the host hides it
    client: str = ""  # "address:port" of the peer
    number: int = 1  # the request's number on its connection
    raw_available: bool = True  # False under WSGI/ASGI, where the server hides the bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def query(self) -> str:
        return self.target.split("?", 1)[1] if "?" in self.target else ""


def inspect_fields(pairs: Any, redact: frozenset[str] = frozenset()) -> FieldSection:
    """Parse `(name, value)` pairs; hide the values of redacted fields in every view."""
    section = parse_section(REGISTRY, pairs)
    if not redact or not any(f.name in redact for f in section):
        return section
    return FieldSection(tuple(_redacted(f) if f.name in redact else f for f in section))


def _redacted(f: ParsedField) -> ParsedField:
    return f._replace(raw=REDACTED, value=None, error=None, warnings=())
