"""Pragma: the HTTP/1.0 cache directive, deprecated for Cache-Control (RFC 9111, 5.4).

    Pragma           = #pragma-directive
    pragma-directive = "no-cache" / extension-pragma
    extension-pragma = token [ "=" ( token / quoted-string ) ]

Browsers still send `Pragma: no-cache` beside `Cache-Control: no-cache` on a reload.
"""

import re

from ..grammar import SEP, Fast, parse_list, quote
from ..grammar.rules import DIRECTIVE
from ._shared.content import list_lint, parse_directive, unquote
from ._shared.spec import FieldSpec, Kind
from ._shared.types import Directive


def _directive(m: re.Match[str]) -> Directive:
    token, quoted = m.group(2), m.group(3)
    return Directive(m.group(1).lower(), token if quoted is None else unquote(quoted))


_FAST: Fast[Directive] = (re.compile(DIRECTIVE + SEP), _directive)


def parse(raw: str) -> tuple[Directive, ...]:
    return parse_list(raw, lambda cur: _directive(parse_directive(cur)), fast=_FAST)


def write(value: tuple[Directive, ...]) -> str:
    return ", ".join(d.name if d.argument is None else f"{d.name}={quote(str(d.argument))}"
                     for d in value)


PRAGMA = FieldSpec(
    "Pragma", parse, write, "RFC 9111, 5.4", kind=Kind.LIST, value_type="tuple[Directive, ...]",
    example="no-cache", lint=list_lint(),
    deprecated="Pragma is deprecated (RFC 9111, 5.4): use Cache-Control, which HTTP/1.1 "
               "caches obey",
)
