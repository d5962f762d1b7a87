"""Keep-Alive: how long and for how many requests an HTTP/1.0-style persistent connection
stays open (RFC 2068, 19.7.1.1; obsoleted with HTTP/1.0 keep-alive, still sent by servers).

    Keep-Alive      = #keepalive-param
    keepalive-param = param-name "=" value        ; value = token / quoted-string
    timeout, max    = 1*DIGIT                     ; seconds, and requests left

Parameter names are case-insensitive and returned lower-cased; timeout and max are integers,
read as magnitudes ("timeout=05" is 5). No grammar bounds them, so a larger number than an
implementation can count is valid, read as 2^63 - 1 with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..grammar import INT_CEILING, Cursor, over_ceiling, parse_count, parse_list, quote
from ._shared.content import list_lint
from ._shared.families import ceiling_note
from ._shared.spec import Diagnostic, FieldSpec, Kind
from ._shared.value import value_type

_INTEGER = {"timeout": "a number of seconds", "max": "a number of requests"}
_NUMBER_RE = re.compile(r'(?<![^ \t,])(timeout|max)="?([0-9]+)', re.IGNORECASE)


@value_type
class KeepAliveParam:
    name: str
    value: int | str  # int for timeout and max


def _param(cur: Cursor) -> KeepAliveParam:
    name = cur.token("a parameter name such as 'timeout'").lower()
    cur.expect("=")
    what = _INTEGER.get(name)
    if what is None:
        return KeepAliveParam(name, cur.token_or_quoted("a parameter value"))
    quoted = cur.take('"')  # '"5"' is the same value as '5'
    value = parse_count(cur, f"{name}: {what}")
    if quoted:
        cur.expect('"')
    return KeepAliveParam(name, value)


def parse(raw: str) -> tuple[KeepAliveParam, ...]:
    return parse_list(raw, _param, at_least_one=False)


def write(value: tuple[KeepAliveParam, ...]) -> str:
    return ", ".join(f"{p.name}={p.value if isinstance(p.value, int) else quote(p.value)}"
                     for p in value)


def lint(value: tuple[KeepAliveParam, ...], raw: str) -> Iterator[Diagnostic]:
    if any(p.value == INT_CEILING for p in value):
        for m in _NUMBER_RE.finditer(raw):
            if over_ceiling(m.group(2)):
                yield Diagnostic(ceiling_note(m.group(1).lower(), INT_CEILING), m.start(2))


KEEP_ALIVE = FieldSpec("Keep-Alive", parse, write, "RFC 2068, 19.7.1.1", kind=Kind.LIST,
                       value_type="tuple[KeepAliveParam, ...]", lint=list_lint(lint),
                       example="timeout=5, max=1000")
