"""ETag and the two conditional fields that carry entity tags (RFC 9110, 8.8.3, 13.1.1-2).

    ETag          = entity-tag
    If-Match      = "*" / #entity-tag
    If-None-Match = "*" / #entity-tag
    entity-tag    = [ weak ] opaque-tag
    weak          = %s"W/"
    opaque-tag    = DQUOTE *etagc DQUOTE
    etagc         = %x21 / %x23-7E / obs-text

`*` is the value `(ANY,)`: a one-member tuple, so that these list fields stay tuples.
"""

import re
from collections.abc import Iterator

from ..grammar import SEP, Cursor, Fast, parse_list
from ..grammar.rules import LIST_SEP
from ._shared.content import ElementOffsets, list_lint
from ._shared.spec import SLOW, Diagnostic, FieldSpec, Kind
from ._shared.types import (
    ANY,
    ETAG_PATTERN,
    EntityTag,
    Wildcard,
    entity_tag,
    parse_entity_tag,
    write_entity_tag,
)

Tags = tuple[EntityTag, ...] | tuple[Wildcard]


def _member(cur: Cursor) -> EntityTag:
    if cur.peek() == "*":
        raise cur.error("'*' must be the whole value: it cannot be listed with entity tags")
    return parse_entity_tag(cur)


_FAST: Fast[EntityTag] = (re.compile(ETAG_PATTERN + SEP),
                          lambda m: EntityTag(m.group(2), m.group(1) is not None))


def parse_tags(raw: str) -> Tags:
    if raw == "*":
        return (ANY,)
    return parse_list(raw, _member, fast=_FAST)


def write_tags(value: Tags) -> str:
    return ", ".join("*" if t is ANY else write_entity_tag(t) for t in value)


# The whole list at once when it is entity tags and commas only: one fullmatch, one findall.
_TAG = r'(?:W/)?"[!#-~\x80-\xff]*"'
_WHOLE_RE = re.compile(f"{_TAG}(?:{LIST_SEP}{_TAG})*")
_TAGS_RE = re.compile(ETAG_PATTERN)


def fast_tags(raw: str) -> object:
    if _WHOLE_RE.fullmatch(raw) is None:
        return SLOW
    return tuple([EntityTag(opaque, weak != "") for weak, opaque in _TAGS_RE.findall(raw)])


def lint_if_match(value: Tags, raw: str) -> Iterator[Diagnostic]:
    where = ElementOffsets(raw)  # one walk for all the members
    for i, tag in enumerate(value):
        if isinstance(tag, EntityTag) and tag.weak:
            # "An origin server MUST use the strong comparison function when comparing
            # entity tags for If-Match"
            yield Diagnostic("a weak entity tag never matches in If-Match (strong "
                             "comparison)", where(i))


ETAG = FieldSpec("ETag", entity_tag, write_entity_tag, "RFC 9110, 8.8.3",
                 value_type="EntityTag", example='W/"0815"')
IF_MATCH = FieldSpec("If-Match", parse_tags, write_tags, "RFC 9110, 13.1.1", kind=Kind.LIST,
                     lint=list_lint(lint_if_match),
                     value_type="tuple[EntityTag, ...] | tuple[Wildcard]",
                     example='"xyzzy", "r2d2xxxx"', fast=fast_tags)
IF_NONE_MATCH = FieldSpec("If-None-Match", parse_tags, write_tags, "RFC 9110, 13.1.2",
                          kind=Kind.LIST, lint=list_lint(),
                          value_type="tuple[EntityTag, ...] | tuple[Wildcard]",
                          example='W/"67ab43", "54ed21"', fast=fast_tags)
