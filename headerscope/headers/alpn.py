"""ALPN: the protocols a client means to speak inside a CONNECT tunnel (RFC 7639, 2).

    ALPN        = 1#protocol-id
    protocol-id = token ; percent-encoded ALPN protocol identifier

Identifiers are octet strings (each octet is one character of the value here, as in Alt-Svc).
"Octets in the ALPN protocol MUST NOT be percent-encoded if they are valid token characters
except "%", and, when using percent-encoding, uppercase hex digits MUST be used": sender
rules, so either mistake is a warning; a "%" that does not start an octet is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..grammar import TCHARS, Cursor, parse_list
from ._shared.content import list_lint
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind

_PCT_RE = re.compile(r"%(?:[0-9A-Fa-f]{2})?")


def _protocol(cur: Cursor) -> str:
    start = cur.pos
    token = cur.token("an ALPN protocol identifier")
    if "%" not in token:
        return token
    for m in _PCT_RE.finditer(token):
        if len(m.group()) != 3:
            raise FieldError("'%' starts a percent-encoded octet: '%' and two hex digits",
                             start + m.start())
    return _PCT_RE.sub(lambda m: chr(int(m.group()[1:], 16)), token)


def parse(raw: str) -> tuple[str, ...]:
    return parse_list(raw, _protocol, at_least_one=True, what="ALPN")


def write(value: tuple[str, ...]) -> str:
    return ", ".join("".join(c if c in TCHARS and c != "%" else f"%{ord(c):02X}" for c in p)
                     for p in value)


def lint(value: tuple[str, ...], raw: str) -> Iterator[Diagnostic]:
    for m in _PCT_RE.finditer(raw):
        octet = m.group()
        if octet != octet.upper():
            yield Diagnostic(f"percent-encoding uses upper-case hex digits: {octet.upper()}",
                             m.start())
        elif (char := chr(int(octet[1:], 16))) in TCHARS and char != "%":
            yield Diagnostic(f"{octet} encodes the token character {char!r}, which must be "
                             "written as itself", m.start())


ALPN = FieldSpec("ALPN", parse, write, "RFC 7639, 2", kind=Kind.LIST, value_type="tuple[str, ...]",
                 lint=list_lint(lint), example="h2, http%2F1.1")
