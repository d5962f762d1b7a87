"""Timing-Allow-Origin: the origins allowed to see a cross-origin resource's full timing
(W3C Resource Timing, "Timing-Allow-Origin Response Header"; the check is Fetch's TAO check).

    Timing-Allow-Origin = 1#( origin-or-null / wildcard )
    origin-or-null      = origin / %s"null"          ; Fetch, the `Origin` header
    wildcard            = "*"

"The sender MAY generate multiple Timing-Allow-Origin header fields", combined with commas.
Fetch's TAO check passes when a member is "*" or equals the request's serialized origin byte
for byte, and a serialized origin is lower-case without the scheme's default port: a member
spelled any other way parses (the value is normalised) but gets a warning, because it will
never match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..grammar import Cursor, parse_list
from ._shared.content import empty_element_note
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.uri import OpaqueOrigin, Origin, parse_origin, write_origin
from .cors import AllowOrigin, Wildcard

_MEMBER_RE = re.compile(r"[^, \t]+")
_DEFAULT_PORTS = {"http": 80, "https": 443}


Member = tuple[AllowOrigin, int, int]  # the member, and where its text starts and ends


def _member(cur: Cursor) -> Member:
    m = _MEMBER_RE.match(cur.text, cur.pos)
    if m is None:
        raise cur.unexpected("an origin, 'null' or '*'")
    cur.pos = m.end()
    text = m.group()
    if text == "*":
        return Wildcard.ANY, m.start(), m.end()
    if text == "null":  # %s"null": case-sensitive
        return OpaqueOrigin.NULL, m.start(), m.end()
    if "://" not in text:
        raise FieldError("expected '*', 'null' or an origin such as https://example.com",
                         m.start())
    return parse_origin(cur.text, m.start(), m.end()), m.start(), m.end()


def _members(raw: str) -> tuple[Member, ...]:
    return parse_list(raw, _member, at_least_one=True, what="Timing-Allow-Origin")


def parse(raw: str) -> tuple[AllowOrigin, ...]:
    return tuple(v for v, _, _ in _members(raw))


def analyse(raw: str) -> tuple[tuple[AllowOrigin, ...], list[Diagnostic]]:
    """The members and the warnings from one walk: empty elements first, then each member
    that can never match."""
    members = _members(raw)
    note = empty_element_note(raw) if "," in raw else None
    found = [] if note is None else [note]
    found.extend(_never_matching(members, raw))
    return tuple(v for v, _, _ in members), found


def write(value: tuple[AllowOrigin, ...]) -> str:
    return ", ".join(write_origin(v) if isinstance(v, Origin) else v.value for v in value)


def _never_matching(members: tuple[Member, ...], raw: str) -> Iterator[Diagnostic]:
    for v, start, end in members:
        if not isinstance(v, Origin):
            continue
        written = write_origin(v)
        if v.port is not None and _DEFAULT_PORTS.get(v.scheme) == v.port:
            yield Diagnostic("the default port is written out: the TAO check compares the "
                             "request's serialized origin, which omits it, byte for byte",
                             raw.rfind(":", start, end))
        elif raw[start:end] != written:
            yield Diagnostic(f"the TAO check compares byte for byte with the serialized "
                             f"origin, which would be {written!r}: this member never "
                             "matches", start)


TIMING_ALLOW_ORIGIN = FieldSpec(
    "Timing-Allow-Origin", parse, write, "Resource Timing, Timing-Allow-Origin",
    kind=Kind.LIST, value_type="tuple[Origin | 'null' | '*', ...]", analyse=analyse,
    example="https://www.example.com, https://cdn.example.net")
