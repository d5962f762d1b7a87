"""Content-Type: the media type of the representation (RFC 9110, 8.3).

    Content-Type = media-type
    media-type   = type "/" subtype parameters
    parameters   = *( OWS ";" OWS [ parameter ] )

"The type and subtype tokens are case-insensitive" and so are parameter names: they are
lower-cased. Parameter values are kept as sent; an RFC 8187 `name*=` value is decoded.
"""

from collections.abc import Iterator

from ..grammar import Cursor
from ._shared.content import parse_media_type_name, parse_parameters, write_parameters
from ._shared.spec import Diagnostic, FieldSpec
from ._shared.types import MediaType


def parse(raw: str) -> MediaType:
    cur = Cursor(raw)
    m = parse_media_type_name(cur)
    params = parse_parameters(cur)
    cur.expect_end()
    return MediaType(m.group(1).lower(), m.group(2).lower(), params)


def write(value: MediaType) -> str:
    return f"{value.type}/{value.subtype}{write_parameters(value.params)}"


def lint(value: MediaType, raw: str) -> Iterator[Diagnostic]:
    if value.type == "multipart" and "boundary" not in value.params:
        # RFC 2046, 5.1.1: "The Content-Type field for multipart entities requires one
        # parameter, "boundary"."
        yield Diagnostic("multipart media types require a boundary parameter", len(raw))
    if "*" in (value.type, value.subtype):
        yield Diagnostic("'*' is a media range for Accept, not a media type", 0)


CONTENT_TYPE = FieldSpec("Content-Type", parse, write, "RFC 9110, 8.3", lint=lint,
                         value_type="MediaType", example="text/html; charset=utf-8")
