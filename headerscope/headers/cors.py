"""CORS fields (Fetch, 3.3.2 to 3.3.4): the preflight request and the allowed origin.

    Access-Control-Request-Method  = method                  ; a token, case-sensitive
    Access-Control-Request-Headers = 1#field-name            ; browsers send them lower-cased
    Access-Control-Allow-Origin    = origin-or-null / wildcard
    origin-or-null                 = origin / %s"null"
    wildcard                       = "*"

A browser compares Access-Control-Allow-Origin byte for byte with the request's serialized
Origin, which is lower-case and omits the default port: an origin written any other way parses
(the value is normalised) but gets a warning, because the CORS check will fail.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Iterator

from ._shared.content import token_list_field
from ._shared.families import token_field
from ._shared.spec import Diagnostic, FieldError, FieldSpec
from ._shared.uri import OpaqueOrigin, Origin, parse_origin, write_origin

_SEPARATOR_RE = re.compile(r"[, \t]")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH")


class Wildcard(enum.Enum):
    ANY = "*"  # any origin, for requests without credentials


AllowOrigin = Origin | OpaqueOrigin | Wildcard


def parse_allow_origin(raw: str) -> AllowOrigin:
    if raw == "*":
        return Wildcard.ANY
    if raw == "null":  # %s"null": case-sensitive
        return OpaqueOrigin.NULL
    several = _SEPARATOR_RE.search(raw)
    if several is not None:
        raise FieldError("Access-Control-Allow-Origin takes exactly one origin; to allow "
                         "several, answer with the request's Origin when it is allowed",
                         several.start())
    if "://" not in raw:
        raise FieldError("expected '*', 'null' or an origin such as https://example.com", 0)
    return parse_origin(raw)


def write_allow_origin(value: AllowOrigin) -> str:
    return write_origin(value) if isinstance(value, Origin) else value.value


def lint_allow_origin(value: AllowOrigin, raw: str) -> Iterator[Diagnostic]:
    if not isinstance(value, Origin):
        return
    written = write_origin(value)
    if value.port is not None and _DEFAULT_PORTS.get(value.scheme) == value.port:
        yield Diagnostic("the default port is written out: browsers send Origin without it, "
                         "and the CORS check compares the two byte for byte", raw.rfind(":"))
    elif raw != written:
        yield Diagnostic(f"browsers compare this byte for byte with the request's Origin, "
                         f"which would be {written!r}: the CORS check fails", 0)


def lint_request_method(value: str, raw: str) -> Iterator[Diagnostic]:
    if value != value.upper() and value.upper() in _METHODS:
        # RFC 9110, 9.1: "The method token is case-sensitive"; fetch() upper-cases only
        # DELETE, GET, HEAD, OPTIONS, POST and PUT
        yield Diagnostic(f"methods are case-sensitive: {value!r} is not {value.upper()!r}", 0)


ACCESS_CONTROL_ALLOW_ORIGIN = FieldSpec(
    "Access-Control-Allow-Origin", parse_allow_origin, write_allow_origin,
    "Fetch, 3.3.3", value_type="Origin | 'null' | '*'", lint=lint_allow_origin,
    example="https://app.example.com")
ACCESS_CONTROL_REQUEST_HEADERS = token_list_field(
    "Access-Control-Request-Headers", "Fetch, 3.3.2", lower=True, at_least_one=True,
    example="content-type,x-requested-with")
ACCESS_CONTROL_REQUEST_METHOD = dataclasses.replace(
    token_field("Access-Control-Request-Method", "Fetch, 3.3.2", lower=False, example="PUT"),
    lint=lint_request_method)
