"""If-Range: send the range only if the representation is unchanged (RFC 9110, 13.1.5).

    If-Range = entity-tag / HTTP-date

"A client MUST NOT generate an If-Range header field containing an entity tag that is marked
as weak": a weak tag is an error here, since the condition can never be evaluated.
"""

from collections.abc import Iterator
from datetime import datetime

from ._dates import format_http_date, lint_http_date, parse_http_date
from ._spec import Diagnostic, FieldError, FieldSpec
from ._types import EntityTag, entity_tag, write_entity_tag


def parse(raw: str) -> EntityTag | datetime:
    if not raw.startswith(('"', "W/", "w/")):
        return parse_http_date(raw)
    tag = entity_tag(raw)
    if tag.weak:
        raise FieldError("a weak entity tag is not allowed in If-Range: \"A client MUST NOT "
                         "generate an If-Range header field containing an entity tag that is "
                         "marked as weak\"", 0)
    return tag


def write(value: EntityTag | datetime) -> str:
    return format_http_date(value) if isinstance(value, datetime) else write_entity_tag(value)


def lint(value: EntityTag | datetime, raw: str) -> Iterator[Diagnostic]:
    if isinstance(value, datetime):
        yield from lint_http_date(value, raw)


IF_RANGE = FieldSpec("If-Range", parse, write, "RFC 9110, 13.1.5", lint=lint,
                     value_type="EntityTag | datetime", example='"xyzzy"')
