"""If-Range: send the range only if the representation is unchanged (RFC 9110, 13.1.5).

    If-Range = entity-tag / HTTP-date

"A client MUST NOT generate an If-Range header field containing an entity tag that is marked
as weak" is a rule for the sender: a recipient still reads the tag, and the evaluation rules
say what it means ("the condition is true if the entity-tag validator matches the selected
representation's current entity-tag using strong comparison", and a weak tag never matches
strongly), so a weak tag is a warning: the server sends the whole representation.
"""

from collections.abc import Iterator
from datetime import datetime

from ._shared.dates import format_http_date, lint_http_date, parse_http_date
from ._shared.spec import Diagnostic, FieldSpec
from ._shared.types import EntityTag, entity_tag, write_entity_tag


def parse(raw: str) -> EntityTag | datetime:
    if not raw.startswith(('"', "W/", "w/")):
        return parse_http_date(raw)
    return entity_tag(raw)


def write(value: EntityTag | datetime) -> str:
    return format_http_date(value) if isinstance(value, datetime) else write_entity_tag(value)


def lint(value: EntityTag | datetime, raw: str) -> Iterator[Diagnostic]:
    if isinstance(value, datetime):
        yield from lint_http_date(value, raw)
    elif value.weak:
        yield Diagnostic("a weak entity tag: \"A client MUST NOT generate an If-Range header "
                         "field containing an entity tag that is marked as weak\" (RFC 9110, "
                         "13.1.5); it never matches by strong comparison, so the server sends "
                         "the whole representation (200), not the range", 0)


IF_RANGE = FieldSpec("If-Range", parse, write, "RFC 9110, 13.1.5", lint=lint,
                     value_type="EntityTag | datetime", example='"xyzzy"')
