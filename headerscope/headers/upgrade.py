"""Upgrade: protocols the sender would switch to on this connection (RFC 9110, 7.8).

    Upgrade          = #protocol
    protocol         = protocol-name [ "/" protocol-version ]
    protocol-name    = token
    protocol-version = token

Protocol names keep their case: "recipients SHOULD use case-insensitive comparison", but the
registered spelling ("websocket", "HTTP/2.0") is what a reader looks for.
"""

from __future__ import annotations

from ..grammar import Cursor, parse_list
from ._shared.content import list_lint
from ._shared.spec import FieldSpec, Kind
from ._shared.value import value_type


@value_type
class Protocol:
    name: str
    version: str | None = None

    def __str__(self) -> str:
        return self.name if self.version is None else f"{self.name}/{self.version}"


def _protocol(cur: Cursor) -> Protocol:
    name = cur.token("a protocol name")
    return Protocol(name, cur.token("a protocol version after '/'") if cur.take("/") else None)


def parse(raw: str) -> tuple[Protocol, ...]:
    return parse_list(raw, _protocol, at_least_one=False)


def write(value: tuple[Protocol, ...]) -> str:
    return ", ".join(str(p) for p in value)


UPGRADE = FieldSpec("Upgrade", parse, write, "RFC 9110, 7.8", kind=Kind.LIST,
                    value_type="tuple[Protocol, ...]", example="websocket", lint=list_lint())
