"""Position: where a new member goes in a WebDAV ordered collection (RFC 3648, 6.1).

    Position = "Position" ":" ("first" | "last" | (("before" | "after") segment))
    segment  = *pchar *( ";" param )                                  ; RFC 2396, 3.3
    param    = *pchar
    pchar    = unreserved | escaped | ":" | "@" | "&" | "=" | "+" | "$" | ","
    unreserved = alphanum | mark
    mark     = "-" | "_" | "." | "!" | "~" | "*" | "'" | "(" | ")"
    escaped  = "%" hex hex

The segment names the member the new one goes before or after (its last path segment, kept as
written, escapes and all). The grammar is in RFC 2068's notation: its quoted strings ignore
case ("First" is read, as "first"), and words are separated by whitespace, so "before" and the
segment need some between them ("afterx" is one word, not "after" and "x"). A segment may be
empty by the grammar, but an empty one names no member: a warning.

Source of the grammar: RFC 3648's own text could not be read here; the production is quoted
with its section by a third-party header library (a Haskell module,
Network.HTTP.Headers.Position) and identically, with the note "segment is defined in section
3.3 of RFC2396", by Apache Jackrabbit's WebDAV library (OrderingConstants); the segment rules
are RFC 2396's 3.3 and 1.6 as copies of that RFC quote them. Ordering-Type, the other field of
RFC 3648, is not registered: see docs/fields-without-grammar.md.
"""

from __future__ import annotations

import enum
import re

from ..grammar import Cursor, describe
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.value import value_type

_PCHAR = r"A-Za-z0-9\-_.!~*'():@&=+$,"
# segment with its params, unrolled (no backtracking): runs of pchar and ";", then escapes
_SEGMENT_RE = re.compile(rf"[{_PCHAR};]*(?:%[0-9A-Fa-f]{{2}}[{_PCHAR};]*)*")
_WS_RE = re.compile(r"[ \t]+")


class Placement(enum.StrEnum):
    FIRST = "first"
    LAST = "last"
    BEFORE = "before"
    AFTER = "after"


@value_type
class Position:
    """A placement, and for before/after the segment of the member it is relative to."""

    placement: Placement
    segment: str = ""  # as written (escapes kept); "" for first and last


def parse(raw: str) -> Position:
    cur = Cursor(raw)
    word = cur.token("first, last, before or after").lower()
    try:
        placement = Placement(word)
    except ValueError:
        raise FieldError(f"{word!r} is not a position: first, last, before or after",
                         0) from None
    if placement in (Placement.FIRST, Placement.LAST):
        if not cur.at_end():
            raise cur.error(f"'{placement}' takes no segment: nothing may follow it")
        return Position(placement)
    ws = _WS_RE.match(raw, cur.pos)
    if ws is None:
        if not cur.at_end():  # "before" alone is an empty segment
            raise cur.unexpected(f"whitespace and a segment after '{placement}'")
        return Position(placement)
    m = _SEGMENT_RE.match(raw, ws.end())
    stop = ws.end() if m is None else m.end()
    if stop < len(raw):
        if raw[stop] == "%":
            raise FieldError("'%' starts an escape: two hex digits must follow", stop)
        raise FieldError(f"{describe(raw[stop])} is not allowed in a path segment "
                         "(RFC 2396, 3.3): escape it as %XX", stop)
    return Position(placement, raw[ws.end():stop])


def write(value: Position) -> str:
    return f"{value.placement} {value.segment}" if value.segment else str(value.placement)


def lint(value: Position, raw: str) -> list[Diagnostic]:
    if value.placement in (Placement.BEFORE, Placement.AFTER) and not value.segment:
        return [Diagnostic(f"'{value.placement}' with an empty segment names no member of the "
                           "collection to put the new one next to", len(raw))]
    return []


POSITION = FieldSpec("Position", parse, write, "RFC 3648, 6.1", value_type="Position",
                     lint=lint, example="after ms-2.html")
