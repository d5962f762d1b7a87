"""Accept-Patch and Accept-Post: the media types a resource takes in a PATCH or POST body.

    Accept-Patch = 1#media-type     ; RFC 5789, 3.1
    Accept-Post  = #media-range     ; Linked Data Platform 1.0, 7.1.1
    media-type   = type "/" subtype parameters
    media-range  = ( "*/*" / ( type "/" "*" ) / ( type "/" subtype ) ) parameters

Both are lists of `MediaType`s, type and subtype lower-cased, parameters as for Content-Type.
Accept-Post "uses the same syntax as the HTTP Accept header minus the optional accept-params
BNF production, since the latter does not apply": a q parameter there means nothing, a
warning. Accept-Patch names media types, so a "*" in it is a warning too.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..grammar import Cursor, parse_list
from ._shared.content import (
    ElementOffsets,
    list_lint,
    parse_media_type_name,
    parse_parameters,
    write_parameters,
)
from ._shared.spec import Diagnostic, FieldSpec, Kind
from ._shared.types import MediaType

MediaTypes = tuple[MediaType, ...]


def _media_type(cur: Cursor) -> MediaType:
    m = parse_media_type_name(cur)
    return MediaType(m.group(1).lower(), m.group(2).lower(), parse_parameters(cur))


def parse_patch(raw: str) -> MediaTypes:
    return parse_list(raw, _media_type, at_least_one=True, what="Accept-Patch")


def parse_post(raw: str) -> MediaTypes:
    return parse_list(raw, _media_type, at_least_one=False, what="Accept-Post")


def write(value: MediaTypes) -> str:
    return ", ".join(f"{t.type}/{t.subtype}{write_parameters(t.params)}" for t in value)


def lint_patch(value: MediaTypes, raw: str) -> Iterator[Diagnostic]:
    where = ElementOffsets(raw)  # one walk for all the members
    for i, t in enumerate(value):
        if "*" in (t.type, t.subtype):
            yield Diagnostic(f"'{t.type}/{t.subtype}' is a media range: Accept-Patch lists the "
                             "media types a PATCH body may have", where(i))


def lint_post(value: MediaTypes, raw: str) -> Iterator[Diagnostic]:
    where = ElementOffsets(raw)  # one walk for all the members
    for i, t in enumerate(value):
        if t.type == "*" and t.subtype != "*":
            yield Diagnostic(f"'*/{t.subtype}' matches nothing useful: only '*/*' may have a "
                             "'*' type", where(i))
        if "q" in t.params:
            yield Diagnostic("a weight means nothing in Accept-Post (LDP 1.0, 7.1.1 leaves out "
                             "accept-params)", where(i))


ACCEPT_PATCH = FieldSpec(
    "Accept-Patch", parse_patch, write, "RFC 5789, 3.1", kind=Kind.LIST,
    value_type="tuple[MediaType, ...]", lint=list_lint(lint_patch),
    example="application/json-patch+json, application/merge-patch+json")
ACCEPT_POST = FieldSpec(
    "Accept-Post", parse_post, write, "LDP 1.0, 7.1.1", kind=Kind.LIST,
    value_type="tuple[MediaType, ...]", lint=list_lint(lint_post),
    example="text/turtle, application/ld+json, image/bmp, image/jpeg")
