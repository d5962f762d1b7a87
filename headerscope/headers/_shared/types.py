"""Shared value types of the content group (other groups import them too).

    MediaType     type "/" subtype parameters                      ; RFC 9110, 8.3.1
    MediaRange    a member of Accept, with its weight               ; RFC 9110, 12.5.1
    QualityItem   a member of Accept-Charset/-Encoding/-Language    ; RFC 9110, 12.4.2
    EntityTag     [ weak ] opaque-tag                               ; RFC 9110, 8.8.3
    ByteRange, SuffixRange, OtherRange: range-spec                  ; RFC 9110, 14.1.1
    Directive     a Cache-Control or Pragma directive               ; RFC 9111, 5.2 and 5.4
    TransferCoding  token *( OWS ";" OWS transfer-parameter )       ; RFC 9110, 10.1.4

q-values are exact `Decimal`s (JSON: "0.9"); parameters are a `FrozenDict` (immutable: parsed
values are shared by the field cache, see _frozen.py) of lower-case names, in order, where a
name ending in "*" holds a decoded RFC 8187 `ExtValue` and any other a `str`.
The entity-tag production lives here too, since the type and its grammar are one thing.

    entity-tag = [ weak ] opaque-tag
    weak       = %s"W/"
    opaque-tag = DQUOTE *etagc DQUOTE
    etagc      = %x21 / %x23-7E / obs-text
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from decimal import Decimal

from ...grammar import Cursor, describe
from .frozen import EMPTY
from .rfc8187 import ExtValue
from .spec import FieldError
from .value import value_type

Q_ONE = Decimal(1)
# lower-case name -> value; a name ending in "*" -> ExtValue
Params = Mapping[str, str | ExtValue]
ETAG_PATTERN = r'(W/)?"([!#-~\x80-\xff]*)"'
_ETAG_RE = re.compile(ETAG_PATTERN)


@value_type
class QualityItem:
    """A member of Accept-Charset, Accept-Encoding or Accept-Language with its weight."""

    value: str  # a charset or coding (lower-cased), a language range (as sent), or "*"
    q: Decimal = Q_ONE


@value_type
class MediaType:
    """`type/subtype;params` (RFC 9110, 8.3.1): type and subtype lower-cased."""

    type: str
    subtype: str
    params: Params = EMPTY


@value_type
class MediaRange:
    """A member of Accept: a media range, its parameters, weight, and any accept-ext."""

    type: str  # lower-cased; "*" in "*/*"
    subtype: str  # lower-cased; "*" in "text/*"
    params: Params = EMPTY  # the parameters before q
    q: Decimal = Q_ONE
    extensions: Params = EMPTY  # parameters after q (RFC 7231 accept-ext)


@value_type
class EntityTag:
    """`"xyzzy"` or `W/"xyzzy"` (RFC 9110, 8.8.3)."""

    opaque: str  # between the quotes
    weak: bool = False


class Wildcard(enum.Enum):
    """`*` in If-Match and If-None-Match: any current representation."""

    ANY = "*"


ANY = Wildcard.ANY


@value_type
class ByteRange:
    """`first-last` or `first-` (to the end) in a Range of bytes (RFC 9110, 14.1.2)."""

    first: int
    last: int | None = None  # None: through the end of the representation


@value_type
class SuffixRange:
    """`-length`: the last `length` bytes of the representation."""

    length: int


@value_type
class OtherRange:
    """A range of a unit other than bytes, kept as sent (`other-range`)."""

    text: str


@value_type
class Directive:
    """A Cache-Control or Pragma directive and its argument, typed per directive."""

    name: str  # lower-cased
    argument: int | tuple[str, ...] | str | None = None  # None: the directive has no argument


@value_type
class TransferCoding:
    """A member of Transfer-Encoding: a coding name (lower-cased) and its parameters."""

    name: str
    params: Mapping[str, str] = EMPTY


def entity_tag(raw: str) -> EntityTag:
    """A whole value that is one entity tag (ETag, If-Range)."""
    m = _ETAG_RE.fullmatch(raw)
    if m is not None:
        return EntityTag(m.group(2), m.group(1) is not None)
    cur = Cursor(raw)
    tag = parse_entity_tag(cur)
    cur.expect_end()
    return tag


def parse_entity_tag(cur: Cursor) -> EntityTag:
    m = _ETAG_RE.match(cur.text, cur.pos)
    if m is None:
        raise _entity_tag_error(cur)
    cur.pos = m.end()
    return EntityTag(m.group(2), m.group(1) is not None)


def write_entity_tag(tag: EntityTag) -> str:
    return f'W/"{tag.opaque}"' if tag.weak else f'"{tag.opaque}"'


def _entity_tag_error(cur: Cursor) -> FieldError:
    text, pos, end = cur.text, cur.pos, cur.end
    if text.startswith("w/", pos):
        return FieldError("the weak prefix is 'W/', upper-case (weak = %s\"W/\")", pos)
    if text.startswith("W/", pos):
        pos += 2
    if pos >= end or text[pos] != '"':
        found = describe(text[pos]) if pos < end else "the end of the value"
        return FieldError(f'expected an entity tag in double quotes, e.g. "v1" or W/"v1", '
                          f"found {found}", pos)
    for i in range(pos + 1, end):
        ch = text[i]
        if ch == '"':
            break
        if not ("!" <= ch <= "~" or "\x80" <= ch <= "\xff"):
            return FieldError(f"{describe(ch)} is not allowed in an entity tag", i)
    return FieldError("entity tag is not closed with '\"'", pos)
