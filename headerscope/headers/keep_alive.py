"""Keep-Alive: how long and for how many requests an HTTP/1.0-style persistent connection
stays open (RFC 2068, 19.7.1.1; obsoleted with HTTP/1.0 keep-alive, still sent by servers).

    Keep-Alive      = #keepalive-param
    keepalive-param = param-name "=" value        ; value = token / quoted-string
    timeout, max    = 1*DIGIT                     ; seconds, and requests left

Parameter names are case-insensitive and returned lower-cased; timeout and max are integers.
"""

from __future__ import annotations

from ._spec import FieldSpec, Kind
from ._syntax import Cursor, parse_int, parse_list, quote
from ._value import value_type

_INTEGER = {"timeout": "a number of seconds", "max": "a number of requests"}


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
    value = parse_int(cur, f"{name}: {what}", max_digits=10)
    if quoted:
        cur.expect('"')
    return KeepAliveParam(name, value)


def parse(raw: str) -> tuple[KeepAliveParam, ...]:
    return parse_list(raw, _param, at_least_one=False)


def write(value: tuple[KeepAliveParam, ...]) -> str:
    return ", ".join(f"{p.name}={p.value if isinstance(p.value, int) else quote(p.value)}"
                     for p in value)


KEEP_ALIVE = FieldSpec("Keep-Alive", parse, write, "RFC 2068, 19.7.1.1", kind=Kind.LIST,
                       value_type="tuple[KeepAliveParam, ...]", example="timeout=5, max=1000")
